import Testing

@testable import RegularsContent

@Suite("SMS length and GSM-7")
struct SMSTextTests {
    @Test("plain English, £ and accents of the basic table are GSM-7; emoji and curly quotes are UCS-2")
    func encoding() {
        #expect(SMSText.encoding(of: "Hi Ana, your skillet kit is £18.50 - see you soon!") == .gsm7)
        #expect(SMSText.encoding(of: "Café Ñandù à Göteborg") == .gsm7)
        #expect(SMSText.encoding(of: "Hello 👋") == .ucs2)
        #expect(SMSText.encoding(of: "It\u{2019}s here") == .ucs2)
        #expect(SMSText.encoding(of: "Ça coûte") == .ucs2)  // û is not in GSM 03.38
    }

    @Test("extension characters count twice; UCS-2 counts UTF-16 units")
    func lengths() {
        #expect(SMSText.length(of: "abc") == 3)
        #expect(SMSText.length(of: "€5 {x}") == 9)
        #expect(SMSText.length(of: "hi 👋") == 5)
    }

    @Test("160 GSM-7 characters fit, 161 do not; 70 UCS-2 fit, 71 do not")
    func limits() {
        #expect(SMSText.fits(String(repeating: "a", count: 160)))
        #expect(!SMSText.fits(String(repeating: "a", count: 161)))
        #expect(!SMSText.fits(String(repeating: "a", count: 80) + String(repeating: "€", count: 41)))
        #expect(SMSText.fits(String(repeating: "ж", count: 70)))
        #expect(!SMSText.fits(String(repeating: "ж", count: 71)))
    }

    @Test("a long text is cut at a word with its link kept whole, and curly quotes become straight")
    func fitted() {
        let link = "https://shop.example/products/cast-iron-care-kit"
        let text = SMSText.fitted(String(repeating: "lovely words ", count: 30), tail: link)
        #expect(SMSText.fits(text))
        #expect(text.hasSuffix("... " + link))
        #expect(SMSText.fitted("It\u{2019}s \u{201C}here\u{201D}") == "It's \"here\"")
    }
}
