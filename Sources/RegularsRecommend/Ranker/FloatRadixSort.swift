/// Sorts floats (no NaN) by their bits, least significant 11 bits first: three counting passes instead of a
/// comparison sort's n log n moves, for the quantiles of `BinnedMatrix` (36 columns of up to 100,000 values each
/// time a model trains).
///
/// The order is `<`'s, except that -0 comes before +0 where a comparison sort keeps them as they were; the two
/// compare equal, so a quantile picked from either sorts the same rows into the same bins.
enum FloatRadixSort {
    static func sort(_ values: inout [Float]) {
        let n = values.count
        guard n > 1 else { return }
        // A float's bits, made to order as unsigned integers: negatives flip every bit, positives the sign.
        var keys = values.map { value -> UInt32 in
            let bits = value.bitPattern
            return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        }
        var other = [UInt32](repeating: 0, count: n)
        for shift in [0, 11, 22] as [UInt32] {
            var counts = [Int](repeating: 0, count: 2_049)
            for key in keys { counts[Int((key >> shift) & 0x7FF) + 1] += 1 }
            // A pass where every key has the same digit moves nothing.
            if counts.contains(n) { continue }
            for d in 1..<2_049 { counts[d] += counts[d - 1] }
            for key in keys {
                let d = Int((key >> shift) & 0x7FF)
                other[counts[d]] = key
                counts[d] += 1
            }
            swap(&keys, &other)
        }
        for i in 0..<n {
            let key = keys[i]
            values[i] = Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
        }
    }
}
