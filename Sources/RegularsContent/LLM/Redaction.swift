/// The last check before a prompt leaves the machine: it must not contain any recipient's e-mail address,
/// customer id or first name.
///
/// The prompt is built from segment-level facts only (`SegmentPrompt`), so this should never fire; it is
/// here so that a future change to the prompt, or a shop whose catalog brief quotes a customer, fails
/// safe (templates are used) instead of sending personal data. A first name counts only as a whole word
/// and only when the catalog facts in the prompt do not contain it ("Rose" in "Rose Candle").
public enum Redaction {
    /// What in `text` identifies one of `recipients`, as kinds ("e-mail", "customer id", "first name");
    /// empty when nothing does. Never returns the value itself.
    public static func leaks(in text: String, recipients: [CampaignRecipient], catalogText: String) -> Set<String> {
        var found = Set<String>()
        let lowerText = text.lowercased()
        let words = Set(lowerText.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" }).map(String.init))
        let catalogWords = Set(catalogText.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        // Ids as whole tokens: a numeric id such as 1001 must not match inside a price or a count.
        let tokens = Set(
            text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "_" }).map(String.init))
        for recipient in recipients {
            if !recipient.email.isEmpty, lowerText.contains(recipient.email.lowercased()) { found.insert("e-mail") }
            if tokens.contains(recipient.customerID)
                || (recipient.customerID.count >= 8 && text.contains(recipient.customerID))
            {
                found.insert("customer id")
            }
            if let name = recipient.firstName?.lowercased(), name.count > 1, words.contains(name),
                !catalogWords.contains(name)
            {
                found.insert("first name")
            }
        }
        return found
    }
}
