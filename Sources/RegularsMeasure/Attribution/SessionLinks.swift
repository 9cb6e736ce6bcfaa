import Foundation
import RegularsData

/// Which customers each anonymous session belongs to, so that a click made before logging in earns the order
/// placed after: a guest browses and clicks, logs in later in the same session, and buys.
///
/// A session is linked to a customer by any event carrying both ids, and by an order line carrying both. Links
/// ignore time (logging in after the click is the usual case) and the period of a report (they are facts about
/// identity, not activity). A shared device can link one session to several customers; each gets its clicks.
struct SessionLinks: Sendable {
    private var customersBySession: [String: [String]] = [:]

    init(events: [ShopEvent], lines: [PlacedLine]) {
        struct Link: Hashable {
            var session: String
            var customer: String
        }
        var links = Set<Link>()
        for event in events {
            if let session = event.sessionID, let customer = event.customerID {
                links.insert(Link(session: session, customer: customer))
            }
        }
        for line in lines {
            if let session = line.sessionID, let customer = line.customerID {
                links.insert(Link(session: session, customer: customer))
            }
        }
        for link in links { customersBySession[link.session, default: []].append(link.customer) }
    }

    /// The customers who used `session`; empty when it stayed anonymous.
    func customers(of session: String) -> [String] { customersBySession[session] ?? [] }
}
