import Foundation
import Hummingbird
import RegularsData

/// The shop owner's dashboard at `/dashboard`: server-rendered HTML (mustache), charts as inline SVG, no
/// script. Nothing is shown without signing in with a secret API key or a one-time link.
struct DashboardRoutes: Sendable {
    static let cookieName = "regulars_session"
    let services: AppServices
    let sessions: DashboardSessions
    /// `ServerConfiguration.secureCookies`.
    var secureCookies = true

    func add(to router: Router<AppContext>) {
        let open = router.group("dashboard")
        open.get("login", use: loginForm)
        open.post("login", use: login)
        open.post("logout", use: logout)
        let pages = router.group("dashboard").add(
            middleware: DashboardAuth(
                sessions: sessions, keys: services.keys, now: services.now, basePath: services.basePath))
        pages.get(use: overview)
        pages.get("recommendations", use: recommendations)
        pages.get("experiments", use: experiments)
        pages.get("experiments/{name}", use: experiment)
        pages.get("models", use: models)
        pages.get("campaigns", use: campaigns)
        pages.get("campaigns/{campaign}/{file}", use: campaignFile)
    }

    @Sendable func overview(_ request: Request, context: AppContext) async throws -> Response {
        let page = try await DashboardData(services: services).overview()
        return Self.html(
            DashboardTemplates.render(
                DashboardPage.make("Overview", base: services.basePath, path: "/dashboard", page), "overview"))
    }

    @Sendable func recommendations(_ request: Request, context: AppContext) async throws -> Response {
        let page = try DashboardData(services: services).recommendations()
        return Self.html(
            DashboardTemplates.render(
                DashboardPage.make(
                    "Recommendations", base: services.basePath, path: "/dashboard/recommendations", page),
                "recommendations"))
    }

    @Sendable func experiments(_ request: Request, context: AppContext) async throws -> Response {
        let page = try DashboardData(services: services).experiments()
        return Self.html(
            DashboardTemplates.render(
                DashboardPage.make("Experiments", base: services.basePath, path: "/dashboard/experiments", page),
                "experiments"))
    }

    /// One experiment's own page: its arms, verdicts and interval over time.
    @Sendable func experiment(_ request: Request, context: AppContext) async throws -> Response {
        let name = context.parameters.get("name") ?? ""
        let page = try DashboardData(services: services).experiments(named: name)
        return Self.html(
            DashboardTemplates.render(
                DashboardPage.make("Experiment \(name)", base: services.basePath, path: "/dashboard/experiments", page),
                "experiments"))
    }

    @Sendable func models(_ request: Request, context: AppContext) async throws -> Response {
        let page = try DashboardData(services: services).models()
        return Self.html(
            DashboardTemplates.render(
                DashboardPage.make("Models", base: services.basePath, path: "/dashboard/models", page), "models"))
    }

    @Sendable func campaigns(_ request: Request, context: AppContext) async throws -> Response {
        let page = try await DashboardData(services: services).campaigns()
        return Self.html(
            DashboardTemplates.render(
                DashboardPage.make("Campaigns", base: services.basePath, path: "/dashboard/campaigns", page),
                "campaigns"))
    }

    /// A campaign export as a download (`preview.html` opens in the browser, sandboxed).
    @Sendable func campaignFile(_ request: Request, context: AppContext) async throws -> Response {
        guard let storePath = services.storePath,
            let campaign = context.parameters.get("campaign"), let name = context.parameters.get("file"),
            let url = CampaignExports(storePath: storePath).file(campaign: campaign, name: name)
        else { throw APIError(.notFound, "no such campaign file") }
        let data = try Data(contentsOf: url)
        var headers = Self.securityHeaders
        switch url.pathExtension.lowercased() {
        case "html":
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.contentSecurityPolicy] =
                "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:"
        case "csv":
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = #"attachment; filename="\#(campaign)-\#(name)""#
        case "json":
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.contentDisposition] = #"attachment; filename="\#(campaign)-\#(name)""#
        default:
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.contentDisposition] = #"attachment; filename="\#(campaign)-\#(name)""#
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func loginForm(_ request: Request, context: AppContext) async throws -> Response {
        // A one-time link from `regulars serve` or `POST /v1/admin/dashboard-link` signs in at once.
        if let once = request.uri.queryParameters.get("once") {
            guard let grant = try sessions.redeem(link: String(once), now: services.now()) else {
                return loginPage(
                    error: "That sign-in link was used already or has expired.", status: .unauthorized)
            }
            return try signedIn(request, keyHash: grant.keyHash)
        }
        return loginPage(error: nil, status: .ok)
    }

    struct LoginForm: Decodable {
        var key: String?
    }

    @Sendable func login(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 4096)
        let form = (try? URLEncodedFormDecoder().decode(LoginForm.self, from: String(buffer: body))) ?? LoginForm()
        guard let key = form.key?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty,
            let record = try services.keys.record(forKey: key)
        else { return loginPage(error: "That key is not a key of this shop.", status: .unauthorized) }
        guard record.scope == .secret else {
            return loginPage(
                error: "That is a public key; the dashboard needs a secret key (rk_sec_…).", status: .forbidden)
        }
        return try signedIn(request, keyHash: record.hash)
    }

    @Sendable func logout(_ request: Request, context: AppContext) async throws -> Response {
        try sessions.close(request.cookies[Self.cookieName]?.value)
        var response = Response.redirect(to: services.basePath + "/dashboard/login", type: .normal)
        response.setCookie(
            Cookie(
                name: Self.cookieName, value: "", maxAge: 0, path: services.basePath + "/dashboard", httpOnly: true,
                sameSite: .lax))
        return response
    }

    func signedIn(_ request: Request, keyHash: [UInt8]?) throws -> Response {
        let token = try sessions.open(now: services.now(), keyHash: keyHash)
        var response = Response.redirect(to: services.basePath + "/dashboard", type: .normal)
        // The cookie must not travel over plain HTTP, unless the server was told it has no TLS in front.
        let secure = secureCookies || request.headers[.init("X-Forwarded-Proto")!] == "https"
        response.setCookie(
            Cookie(
                name: Self.cookieName, value: token, maxAge: Int(DashboardSessions.sessionLifetime),
                path: services.basePath + "/dashboard",
                secure: secure, httpOnly: true, sameSite: .lax))
        for field in Self.securityHeaders { response.headers.append(field) }
        return response
    }

    func loginPage(error: String?, status: HTTPResponse.Status) -> Response {
        Self.html(
            DashboardTemplates.render(
                DashboardPage.signedOut("Sign in", base: services.basePath, LoginPage(error: error)), "login"),
            status: status)
    }

    /// No script may run, nothing loads from elsewhere, no framing, nothing cached.
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'",
        .xContentTypeOptions: "nosniff", .cacheControl: "no-store", .init("Referrer-Policy")!: "no-referrer",
    ]

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Lets a request through to a dashboard page only with a live session cookie; otherwise sends the browser
/// to the sign-in page.
struct DashboardAuth: RouterMiddleware {
    typealias Context = AppContext
    let sessions: DashboardSessions
    let keys: KeyRing
    let now: @Sendable () -> Date
    /// `AppServices.basePath`: where the shop's pages are mounted.
    let basePath: String

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response)
        async throws -> Response
    {
        let token = request.cookies[DashboardRoutes.cookieName]?.value
        // A session opened with a key that has since been revoked is over.
        let valid = try sessions.isValid(token, now: now(), keyIsActive: { (try? keys.isActive(hash: $0)) ?? false })
        guard valid else {
            return Response.redirect(to: basePath + "/dashboard/login", type: .normal)
        }
        return try await next(request, context)
    }
}
