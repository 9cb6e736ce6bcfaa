/// What an experiment's arm serves, by the recipe name it was created with.
public enum ArmRecipe: Sendable, Hashable {
    /// The placement's own recipe (`default`): `A=default,B=default` is an A/A test.
    case placementDefault
    /// No recommendations at all (`none`): `A=default,B=none` measures the placement's own lift.
    case nothing
    /// Another recipe: `popular` (the shop's bestsellers, a non-personal baseline) or one of the rules file's
    /// `experimentRecipes`.
    case recipe(PlacementRecipe)
    /// The placement's own recipe, and in e-mails the incentive only where the offer policy puts one
    /// (`offer-policy`): `A=default,B=offer-policy` measures the policy against the playbook's own discount line.
    case offerPolicy
}

extension MerchandisingRules {
    /// The names every placement understands besides the rules file's own.
    public static let builtInArmRecipes = ["default", "none", "popular", "offer-policy"]

    /// The arm recipe called `name`, or `nil` when neither built in nor in `experimentRecipes`.
    public func armRecipe(named name: String) -> ArmRecipe? {
        switch name {
        case "default": .placementDefault
        case "none": .nothing
        case "offer-policy": .offerPolicy
        case "popular": experimentRecipes[name].map(ArmRecipe.recipe) ?? .recipe(PlacementRecipe([.init(.popular, 1)]))
        default: experimentRecipes[name].map(ArmRecipe.recipe)
        }
    }

    /// Every name `armRecipe(named:)` knows, for error messages.
    public var armRecipeNames: [String] { Self.builtInArmRecipes + experimentRecipes.keys.sorted() }
}
