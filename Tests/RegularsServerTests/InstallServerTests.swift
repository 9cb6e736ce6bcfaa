import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import RegularsData
import RegularsPostgres
import RegularsShop
import RegularsTestSupport
import Testing

@testable import RegularsServer

/// An install of shops (a folder of SQLite files, or a new database on the test PostgreSQL server) and one server
/// serving all of them (`regulars serve --all-shops`) on 127.0.0.1.
struct TestInstall: Sendable {
    struct Keys: Sendable {
        var publicKey: String
        var secretKey: String
    }

    let install: ShopInstall

    init(_ kind: StoreKind) throws {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("shops")
        switch kind {
        case .sqlite: install = ShopInstall(folder: folder)
        case .postgres:
            install = ShopInstall(
                folder: folder, postgres: try PostgresLocation(url: try TemporaryStore.newPostgresDatabase()))
        }
    }

    func store(_ name: String) throws -> any Store { try StoreAddress(install.storePath(of: name)).open() }

    /// Creates the shop with a public and a secret key and one customer, `C-NAME`.
    func create(_ name: String) throws -> Keys {
        _ = try install.create(name)
        let store = try store(name)
        let publicKey = APIKey.generate(scope: .public)
        let secretKey = APIKey.generate(scope: .secret)
        try store.add(key: publicKey.record(name: "widget", createdAt: TestServer.today))
        try store.add(key: secretKey.record(name: "backend", createdAt: TestServer.today))
        try store.write { try $0.ensureCustomer("C-" + name) }
        return Keys(publicKey: publicKey.secret, secretKey: secretKey.secret)
    }

    /// An install of two shops, `alpha` and `beta`, and their keys.
    static func alphaAndBeta(_ kind: StoreKind) throws -> (TestInstall, alpha: Keys, beta: Keys) {
        let install = try TestInstall(kind)
        return (install, try install.create("alpha"), try install.create("beta"))
    }

    /// Starts the server of every shop, runs `body` against it, stops it.
    func run(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var configuration = ServerConfiguration.testing
        configuration.metrics = PrometheusCollectorRegistry()
        let install = install
        let app = try await buildInstallApplication(
            configuration, names: { try install.names() },
            open: { name in
                let path = install.storePath(of: name)
                return (try StoreAddress(path).open(), path)
            }, delete: { try install.delete($0) }, now: { TestServer.today })
        try await app.test(.live) { client in try await body(client) }
    }
}

@Suite("One server, every shop of the install: requests reach their shop by key, path or Shopify domain")
struct InstallServerTests {
    @Test(
        "a key reaches its own shop only; another shop's path with it is 401; no key and no path is 404",
        arguments: StoreKind.available)
    func routesByKeyAndPath(kind: StoreKind) async throws {
        let (install, alpha, beta) = try TestInstall.alphaAndBeta(kind)
        try await install.run { client in
            #expect(try await client.send(.get, "/v1/customers/C-alpha", key: alpha.secretKey).status == .ok)
            #expect(try await client.send(.get, "/v1/customers/C-beta", key: beta.secretKey).status == .ok)
            // Shop B's customer, asked with shop A's key, is one A does not have.
            let across = try await client.send(.get, "/v1/customers/C-beta", key: alpha.secretKey)
            #expect(across.status == .notFound)
            #expect(!across.text.contains("C-beta"))
            let prefixed = try await client.send(.get, "/shops/beta/v1/customers/C-beta", key: alpha.secretKey)
            #expect(prefixed.status == .unauthorized)
            #expect(prefixed.errorField == "Authorization")
            #expect(!prefixed.text.contains("C-beta"))
            let own = try await client.send(.get, "/shops/alpha/v1/customers/C-alpha?x=1", key: alpha.secretKey)
            #expect(own.status == .ok)
            let unknown = try await client.send(.get, "/v1/customers/C-alpha", key: "rk_sec_nobody")
            #expect(unknown.status == .unauthorized)
            #expect(unknown.text.contains("unknown or revoked API key"))
            let anonymous = try await client.send(.get, "/v1/customers/C-alpha")
            #expect(anonymous.status == .notFound)
            #expect(anonymous.text.contains("/shops/NAME"))
            #expect(try await client.send(.get, "/shops/nope/health").status == .notFound)
            #expect(try await client.send(.get, "/health").status == .ok)
            #expect(try await client.send(.get, "/health", key: "rk_sec_nobody").status == .ok, "as with one shop")

            // A shop created while the server runs is served within a second (the install is looked at again at
            // most once a second when an unknown key comes, and one came just above).
            let gamma = try install.create("gamma")
            var status = HTTPResponse.Status.unauthorized
            for _ in 0..<30 where status != .ok {
                status = try await client.send(.get, "/v1/customers/C-gamma", key: gamma.secretKey).status
                if status != .ok { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(status == .ok)
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains(#"shop="gamma""#))
            // Every shop's figures are in it: a shop's key does not open it from elsewhere (here it is loopback).
            #expect(metrics.text.contains(#"shop="alpha""#))
        }
    }

    @Test(
        "every keyed route: A's keys under /shops/B are 401, B's ids unprefixed are absent, B's data unchanged",
        arguments: StoreKind.available)
    func everyRoute(kind: StoreKind) async throws {
        let (install, alpha, _) = try TestInstall.alphaAndBeta(kind)
        let beta = try install.store("beta")
        try beta.write { try $0.ensureProduct(sku: "SKU-BETA", title: "Beta lamp", category: nil) }
        try beta.create(
            experiment: ExperimentRecord(
                name: "beta-test", placement: "home", arms: [.init(name: "a", recipe: "default", weight: 1)],
                startedAt: 0))
        let before = try beta.statistics()
        let operations = try APIDocument.bundled.get().operations
        try await install.run { client in
            for (path, methods) in operations {
                let uri = path.replacingOccurrences(of: "{id}", with: "C-beta")
                    .replacingOccurrences(of: "{sku}", with: "SKU-BETA").replacingOccurrences(
                        of: "{name}", with: "beta-test")
                let query = path == "/v1/recommendations" || path == "/v1/banner" ? "?placement=home" : ""
                for (method, operation) in methods where operation.scope != nil {
                    for key in [alpha.publicKey, alpha.secretKey] {
                        let reply = try await client.send(
                            method, "/shops/beta" + uri + query, key: key, body: operation.takesBody ? "{}" : nil)
                        #expect(reply.status == .unauthorized, "\(method) /shops/beta\(path)")
                        #expect(!reply.text.contains("Beta lamp"), "\(method) /shops/beta\(path)")
                    }
                    // Unprefixed, the key's shop is A: B's ids name nothing there. The token route vouches for any
                    // id the shop's backend names (its token is made with A's key, which B never accepts), and an
                    // upsert creates the id in A, which is A's to do.
                    guard path.contains("{"), !path.hasSuffix("/token"), method != .put else { continue }
                    let reply = try await client.send(
                        method, uri + query, key: alpha.secretKey, body: operation.takesBody ? "{}" : nil)
                    // An erasure is honoured for an id the shop never saw (it goes on A's suppression list), and
                    // says it found no one.
                    let erasedNobody = method == .delete && reply.json["customer_found"] as? Bool == false
                    #expect(
                        [.notFound, .badRequest].contains(reply.status) || erasedNobody,
                        "\(method) \(path): \(reply.text)")
                    #expect(!reply.text.contains("Beta lamp"), "\(method) \(path)")
                }
            }
        }
        #expect(try beta.statistics() == before)
        #expect(try beta.experiments().map(\.isRunning) == [true])
        #expect(try beta.suppressionCount() == 0, "no erasure reached B")
        #expect(try beta.optedOutCustomers().isEmpty)
    }

    @Test("each shop's dashboard lives under /shops/NAME: its links, redirects and cookie stay there")
    func dashboards() async throws {
        let (install, alpha, beta) = try TestInstall.alphaAndBeta(.sqlite)
        try await install.run { client in
            let redirect = try await client.send(.get, "/shops/alpha/dashboard")
            #expect(redirect.status == .seeOther)
            #expect(redirect.headers[.location] == "/shops/alpha/dashboard/login")
            let form = try await client.send(.get, "/shops/alpha/dashboard/login")
            #expect(form.text.contains(#"action="/shops/alpha/dashboard/login""#))
            #expect(try await Self.signIn(client, shop: "alpha", key: beta.secretKey).status == .unauthorized)
            let signedIn = try await Self.signIn(client, shop: "alpha", key: alpha.secretKey)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/shops/alpha/dashboard")
            #expect(signedIn.headers[.setCookie]?.contains("Path=/shops/alpha/dashboard") == true)
            let cookie = try #require(DashboardTests.cookie(signedIn))
            let overview = try await client.send(.get, "/shops/alpha/dashboard", headers: [.cookie: cookie])
            #expect(overview.status == .ok)
            #expect(overview.text.contains(#"href="/shops/alpha/dashboard/models""#))
            #expect(!overview.text.contains(#"href="/dashboard"#))
            // Alpha's session opens nothing of beta's.
            let other = try await client.send(.get, "/shops/beta/dashboard", headers: [.cookie: cookie])
            #expect(other.status == .seeOther)
        }
    }

    @Test(
        "webhooks reach the shop connected to their domain; shop/redact deletes that shop and nothing else",
        arguments: StoreKind.available)
    func webhooksAndShopRedact(kind: StoreKind) async throws {
        let (install, alpha, beta) = try TestInstall.alphaAndBeta(kind)
        let secret = ShopifyWebhookRoutesTests.secret
        let domain = "beta-shop.myshopify.com"
        try Shop(
            store: try install.store("beta"), storePath: install.install.storePath(of: "beta"),
            clock: { TestServer.today }
        )
        .connect(shopify: ShopifyConnection(domain: domain, webhookSecret: secret))
        try await install.run { client in
            let order = ShopifyWebhookRoutesTests.order("#1001")
            let stored = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: order,
                headers: ShopifyWebhookRoutesTests.headers(order, id: "w-1", domain: domain))
            #expect(stored.status == .ok)
            try await ShopifyWebhookRoutesTests.processed(try install.store("beta"))
            #expect(try install.store("beta").statistics().orders == 1)
            #expect(try install.store("alpha").statistics().orders == 0)
            let forged = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: order,
                headers: ShopifyWebhookRoutesTests.headers(order, id: "w-2", domain: domain, signature: "AAAA"))
            #expect(forged.status == .unauthorized)
            let elsewhere = try await client.send(
                .post, "/webhooks/shopify/orders/create", body: order,
                headers: ShopifyWebhookRoutesTests.headers(order, id: "w-3", domain: "nobody.myshopify.com"))
            #expect(elsewhere.status == .unauthorized)

            let redact = #"{"shop_id": 954889, "shop_domain": "beta-shop.myshopify.com"}"#
            let asked = try await client.send(
                .post, "/webhooks/shopify/shop/redact", body: redact,
                headers: ShopifyWebhookRoutesTests.headers(redact, id: "w-4", domain: domain))
            #expect(asked.status == .ok)
            for _ in 0..<200 where try install.install.names().contains("beta") {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try install.install.names() == ["alpha"])
            #expect(try await client.send(.get, "/v1/customers/C-beta", key: beta.secretKey).status == .unauthorized)
            #expect(try await client.send(.get, "/shops/beta/health").status == .notFound)
            #expect(try await client.send(.get, "/v1/customers/C-alpha", key: alpha.secretKey).status == .ok)
        }
    }

    @Test("a shop's routes are built at its first request, and let go once it has been idle for unloadAfter")
    func lazyAndUnloaded() async throws {
        let (install, alpha, _) = try TestInstall.alphaAndBeta(.sqlite)
        let builds = Locked(0)
        let directory = ShopDirectory(
            names: { try install.install.names() },
            open: { name in (try install.store(name), install.install.storePath(of: name)) },
            build: { name, store, storePath in
                builds.withLock { $0 += 1 }
                return try await buildShopServer(
                    .testing, store: store, storePath: storePath, metrics: ServerMetrics(registry: .init()),
                    basePath: "/shops/" + name, now: { TestServer.today }, asOf: nil, logger: serverLogger())
            }, logger: serverLogger(), unloadAfter: .seconds(60))
        await directory.lookAgain(ifOlderThan: .zero)
        #expect(directory.shopNames == ["alpha", "beta"] && directory.liveNames.isEmpty)
        #expect(await directory.shop(forKey: alpha.secretKey) != nil)
        #expect(await directory.shop(named: "alpha") != nil)
        #expect(directory.liveNames == ["alpha"] && builds.current == 1, "built once, at its first request")
        await directory.unloadIdle(now: .now + .seconds(59))
        #expect(directory.liveNames == ["alpha"])
        await directory.unloadIdle(now: .now + .seconds(61))
        #expect(directory.liveNames.isEmpty)
        #expect(await directory.shop(forKey: alpha.secretKey) != nil)
        #expect(builds.current == 2, "built again at its next request")
    }

    static func signIn(_ client: any TestClientProtocol, shop: String, key: String) async throws -> Reply {
        try await client.execute(
            uri: "/shops/\(shop)/dashboard/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "key=" + key)
        ) { Reply(status: $0.status, headers: $0.headers, text: String(buffer: $0.body)) }
    }
}
