import RegularsData

/// An open-addressing table from products to positions in an array its user keeps (a multiplicative hash of the
/// product, linear probing, at most a quarter full of `count` entries): for the few hundred lookups of one request
/// (a customer's products, their next steps), where hashing through `Dictionary` cost more than the work it indexed.
struct ProductSlots {
    private var slots: [Int32]
    private let mask: Int

    init(count: Int) {
        slots = [Int32](repeating: -1, count: max(4, 1 << (Int.bitWidth - (4 * count).leadingZeroBitCount)))
        mask = slots.count - 1
    }

    /// Where `product` is, or the empty slot (-1) where it goes; `productAt` reads the product of a position.
    func slot(of product: ProductIndex, _ productAt: (Int32) -> ProductIndex) -> Int {
        var at = Int((UInt32(bitPattern: product) &* 0x9E37_79B1) >> 7) & mask
        while slots[at] >= 0, productAt(slots[at]) != product { at = (at + 1) & mask }
        return at
    }

    subscript(slot: Int) -> Int32 {
        get { slots[slot] }
        set { slots[slot] = newValue }
    }
}
