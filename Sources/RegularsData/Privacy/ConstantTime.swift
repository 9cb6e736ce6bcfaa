/// Comparison of secrets (key hashes, tokens) whose time does not depend on where the first difference is.
public enum ConstantTime {
    // Inlinable, so that callers get it specialized for their collections: unspecialized, a 32-byte compare
    // went through generic iterators and cost 5 % of a cached recommendation request.
    @inlinable
    public static func equal(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
