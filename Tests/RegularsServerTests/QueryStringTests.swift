import Testing

@testable import RegularsServer

@Suite("QueryString: a query read as a form encodes it")
struct QueryStringTests {
    @Test("plus is a space, percent-escapes are bytes (UTF-8 too), a stray percent stays")
    func decoding() {
        let query = QueryString("cart=a+b,c%20d&topic=caf%C3%A9+%26+tea&customer=100%&bad=%zz%4")
        #expect(query["cart"] == "a b,c d")
        #expect(query["topic"] == "café & tea")
        #expect(query["customer"] == "100%")
        #expect(query["bad"] == "%zz%4")
        #expect(QueryString("x=%FF")["x"] == "\u{FFFD}", "bytes that are not UTF-8 are replaced, not refused")
    }

    @Test("the first of a repeated name; a name alone is empty; empty pairs and names are skipped over")
    func pairs() {
        let query = QueryString("placement=cart&&placement=home&exclude_owned&n=&p%6Cace=x")
        #expect(query["placement"] == "cart")
        #expect(query["exclude_owned"] == "")
        #expect(query["n"] == "")
        #expect(query["missing"] == nil)
        #expect(query.pairs.map(\.name) == ["placement", "placement", "exclude_owned", "n", "place"])
        #expect(QueryString(nil).pairs.isEmpty && QueryString("").pairs.isEmpty)
    }
}
