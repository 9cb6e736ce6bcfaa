/// Which arm an experiment has (so far) found to be better. Higher is better for every `Metric`.
public enum Winner: String, Sendable, Hashable, Codable {
    case a = "A"
    case b = "B"
    /// No conclusive difference (named `neither` rather than `none` to stay clear of `Optional.none`).
    case neither
}
