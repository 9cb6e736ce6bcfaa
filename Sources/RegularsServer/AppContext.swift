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
    /// The client's IP address, for rate limits and loopback-only routes (`nil` when the channel has none).
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Whether the request came from this machine.
    public var isLoopback: Bool {
        guard let clientAddress else { return false }
        return clientAddress == "::1" || clientAddress.hasPrefix("127.") || clientAddress == "::ffff:127.0.0.1"
    }

    public var maxUploadSize: Int { Self.maxBodyBytes }

    public var responseEncoder: JSONEncoder { JSONCoding.encoder }
}
