/// Mailchimp's limits on imported merge fields: tags of at most 10 upper-case letters and digits, at most 30
/// fields in all, values of at most 255 bytes.
public enum MailchimpFields {
    public static let maxTagLength = 10
    public static let maxFields = 30
    public static let maxValueBytes = 255

    /// Merge tags for `names` (such as `rec_1_reason`): upper-cased, letters and digits only, cut to 10
    /// characters, made unique with a numeric tail; at most `maxFields - reserved` of them.
    public static func tags(for names: [String], reserved: Int = 0) -> [String] {
        var used = Set<String>()
        var out: [String] = []
        for name in names.prefix(maxFields - reserved) {
            let base = String(
                name.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(maxTagLength))
            var tag = base.isEmpty ? "FIELD" : base
            var n = 2
            while used.contains(tag) {
                let suffix = String(n)
                tag = String(base.prefix(maxTagLength - suffix.count)) + suffix
                n += 1
            }
            used.insert(tag)
            out.append(tag)
        }
        return out
    }

    /// A readable tag for our own column names: `rec_1_reason` → `REC1WHY`, `preheader` → `PREHEADER`.
    public static func tag(forColumn name: String) -> String {
        name.replacingOccurrences(of: "reason", with: "why").replacingOccurrences(of: "title", with: "name")
    }

    /// `value` cut to at most `maxValueBytes` UTF-8 bytes on a character boundary, never splitting a character.
    public static func truncated(_ value: String, maxBytes: Int = maxValueBytes) -> String {
        guard value.utf8.count > maxBytes else { return value }
        var out = ""
        var bytes = 0
        for c in value {
            let size = String(c).utf8.count
            if bytes + size > maxBytes { break }
            out.append(c)
            bytes += size
        }
        return out
    }
}
