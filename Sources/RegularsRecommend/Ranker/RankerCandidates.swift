/// How many candidates each source proposes to the ranker for one customer.
///
/// The pool is the union; a product proposed by several sources is scored once (the number of sources is a
/// feature). At 3,600 products the defaults give about 200 candidates per customer;
/// more candidates did worse on the validation split.
public struct RankerCandidates: Sendable, Codable, Equatable {
    /// The customer's own products (lists that may repeat them only), most TIFU-weighted first.
    public var own = 100
    /// TIFU-KNN's best products the customer never bought.
    public var tifu = 60
    /// EASE's best products the customer never bought.
    public var ease = 60
    /// Recent bestsellers the customer never bought.
    public var trending = 30
    /// Model ranks beyond this count as `rankCap + 1`.
    public var rankCap = 300
    public init() {}
}
