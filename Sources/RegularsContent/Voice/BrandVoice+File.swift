import Foundation
import RegularsData

/// The voice file beside the store: `shop.sqlite` → `shop.voice.json`, as the rules and models are found.
extension BrandVoice {
    /// The voice file of the store at `storePath`.
    public static func fileURL(storePath: String) -> URL {
        StorePaths.sibling(of: storePath, suffix: ".voice.json")
    }

    /// Reads the voice at `url`; a missing file is the default voice.
    /// - Throws: `ContentFileError` when the file exists but is not a voice.
    public static func load(from url: URL) throws -> BrandVoice {
        guard FileManager.default.fileExists(atPath: url.path) else { return BrandVoice() }
        do {
            return try JSONDecoder().decode(BrandVoice.self, from: try Data(contentsOf: url))
        } catch let error as DecodingError {
            throw ContentFileError(
                path: url.path, message: "cannot read the voice (\(error.plainDescription)); fix the file or delete it")
        }
    }

    /// The example `regulars voice init` writes: every key, each with a `_key` comment beside it, since JSON
    /// has no comments of its own.
    public static func exampleJSON(shopName: String = "Hearth & Home") -> String {
        """
        {
          "_about": "How your shop sounds in campaign e-mails and texts. Delete a key to use its default.",
          "_tone": "warm, playful or expert",
          "tone": "warm",
          "_shop_name": "Your shop's name as customers say it",
          "shop_name": "\(shopName)",
          "_store_type": "A few words on what kind of shop this is",
          "store_type": "independent kitchen and home goods shop",
          "_catalog_brief": "One paragraph on the catalog (regulars catalog-brief writes a starting point)",
          "catalog_brief": "Cast iron, coffee gear, candles and garden kits we use ourselves.",
          "_words_to_use": "Words you like; the LLM mode is asked to use them where they fit",
          "words_to_use": ["handpicked", "well-made"],
          "_words_to_avoid": "Words that must never appear (LLM drafts using them are rejected)",
          "words_to_avoid": ["Dear Valued Customer", "act now", "limited time only"],
          "_sign_off": "The line before your shop's name at the end of every e-mail",
          "sign_off": "Happy cooking",
          "_emoji": "true to allow one emoji in subjects and texts",
          "emoji": false,
          "_allow_discount": "Win-back e-mails may mention discount_text only when this is true",
          "allow_discount": false,
          "discount_text": "10% off your next order with WELCOMEBACK",
          "_currency_symbol": "Shown before prices",
          "currency_symbol": "$",
          "_product_url": "Product links; {handle} and {sku} are filled in",
          "product_url": "https://shop.example/products/{handle}",
          "_collection_url": "Category links (banners); {handle} is the category's name made URL-safe",
          "collection_url": "https://shop.example/collections/{handle}",
          "_sources": "Per traffic source (campaign --source, banners): your line, short, emoji, tone",
          "sources": {
            "instagram": {"line": "Instagram visitors: visual, short, one emoji", "short": true, "emoji": true},
            "google": {"line": "Google visitors came searching: say what it is and costs", "emoji": false}
          }
        }

        """
    }
}

/// A content-layer file (voice, templates) exists but cannot be used.
public struct ContentFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
