import Foundation
import Hummingbird
import RegularsContent
import RegularsData
import RegularsShop

/// The preference page a re-engagement e-mail links to: `GET /preferences?t=TOKEN` shows the shop's categories,
/// its price bands and "fewer e-mails"; `POST /preferences` stores the answer as the customer's stated
/// preferences. Only a signed, unexpired link (`PreferenceLink`) opens it, and never for an erased customer.
struct PreferenceRoutes: Sendable {
    let services: AppServices

    struct Form: Decodable {
        var t: String?
        var category: [String]?
        var band: [Int]?
        var fewer: String?
    }

    func add(to router: Router<AppContext>) {
        router.get("preferences", use: show)
        router.post("preferences", use: save)
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let token = request.uri.queryParameters.get("t") ?? ""
        guard let customer = try customer(token) else { return Self.refused() }
        let choices = try await offered()
        let voice = try services.shop.voice()
        let current = try services.shop.statedPreferences()[customer]
        let page = PreferencePage(
            shopName: voice.shopName, token: token,
            categories: choices.categories.map {
                .init(name: $0, checked: current?.categories.contains($0) == true)
            },
            bands: choices.bands.enumerated().map { index, band in
                .init(index: index, label: band.words(voice), checked: current?.priceBands.contains(band) == true)
            }, fewer: current?.fewerEmails == true, months: try services.shop.rules().statedPreferenceMonths)
        return DashboardRoutes.html(PreferencePage.render(page))
    }

    @Sendable func save(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 16_384)
        guard let form = try? URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body)) else {
            return DashboardRoutes.html(
                PreferencePage.message("That form could not be read; please try again."), status: .badRequest)
        }
        guard let token = form.t, let customer = try customer(token) else { return Self.refused() }
        let choices = try await offered()
        let bands = (form.band ?? []).filter { choices.bands.indices.contains($0) }.map { choices.bands[$0] }
        let answer = try services.shop.state(
            preferences: customer, categories: form.category ?? [], bands: bands, fewerEmails: form.fewer != nil,
            offered: choices)
        services.models?.update(preferences: answer)
        let voice = try services.shop.voice()
        let saved = answer.words(voice)
        return DashboardRoutes.html(
            PreferencePage.message(
                "Thank you: we'll use this to pick what we show you. "
                    + (saved.isEmpty
                        ? "You chose nothing, so nothing changes." : "Saved: " + saved.joined(separator: "; ") + ".")))
    }

    /// The customer a link names: signed with the store's token key, unexpired, and not erased since.
    func customer(_ token: String) throws -> CustomerID? {
        guard
            let id = PreferenceLink.customer(in: token, key: try services.keys.customerTokenKey(), now: services.now())
        else { return nil }
        return try services.store.erasedCustomers(among: [id]).isEmpty ? id : nil
    }

    func offered() async throws -> (categories: [String], bands: [PriceBand]) {
        Shop.preferenceChoices(try await services.insights.current().snapshot)
    }

    static func refused() -> Response {
        DashboardRoutes.html(
            PreferencePage.message(
                "This link has expired or is not valid. The next e-mail from us will have a fresh one."),
            status: .forbidden)
    }
}
