import Foundation
import Hummingbird
import RegularsData

/// The request context of every route: Hummingbird's core storage plus the API key that authorised the request.
public struct AppContext: RequestContext {
    /// Requests larger than this are refused with 413 before they are decoded (a batch of 500 events is
    /// about 150 KB).
    public static let maxBodyBytes = 1 << 20

    public var coreContext: CoreRequestContextStorage
    /// The scope of the key presented, once `KeyMiddleware` has checked it.
    public var keyScope: APIKeyScope?
    /// The hash of the key presented, once `KeyMiddleware` has checked it.
    public var keyHash: [UInt8]?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { Self.maxBodyBytes }

    public var responseEncoder: JSONEncoder { JSONCoding.encoder }
}
