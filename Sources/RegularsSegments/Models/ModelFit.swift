import Foundation

/// The outcome of fitting a model: the model, or an honest statement that the shop's data cannot
/// support it yet (never numbers made up from too little data).
public enum ModelFit<Model: Sendable>: Sendable {
    case fitted(Model)
    case notEnoughData(DataShortfall)

    /// The model when one was fitted.
    public var model: Model? {
        if case let .fitted(model) = self { return model }
        return nil
    }

    /// What is missing when no model was fitted.
    public var shortfall: DataShortfall? {
        if case let .notEnoughData(shortfall) = self { return shortfall }
        return nil
    }

    /// The same outcome with the model transformed.
    public func map<Other: Sendable>(_ transform: (Model) -> Other) -> ModelFit<Other> {
        switch self {
        case let .fitted(model): .fitted(transform(model))
        case let .notEnoughData(shortfall): .notEnoughData(shortfall)
        }
    }
}

extension ModelFit: Equatable where Model: Equatable {}
