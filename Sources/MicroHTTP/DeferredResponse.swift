import Foundation

/// A response that is not ready yet: the handler returns it at once and fulfils it
/// later from any thread. Meanwhile the connection is parked (suspended) and costs
/// no thread, so slow work such as a batched disk commit does not block the server.
public final class DeferredResponse: @unchecked Sendable {
    private let lock = NSLock()
    private var response: HTTPResponse?
    private var wake: (@Sendable () -> Void)?
    private var transforms: [@Sendable (HTTPResponse) -> HTTPResponse] = []

    public init() {}

    /// Delivers the response. Only the first call counts.
    public func fulfil(_ response: HTTPResponse) {
        let wake: (@Sendable () -> Void)? = lock.withLock {
            guard self.response == nil else { return nil }
            self.response = transforms.reduce(response) { $1($0) }
            defer { self.wake = nil }
            return self.wake
        }
        wake?()
    }

    /// Adds a change applied to the response when it is fulfilled (e.g. common headers).
    public func transform(_ change: @escaping @Sendable (HTTPResponse) -> HTTPResponse) {
        lock.withLock {
            if let response { self.response = change(response) } else { transforms.append(change) }
        }
    }

    public var isFulfilled: Bool { lock.withLock { response != nil } }

    // MARK: - Transport side

    /// The response if it is ready; otherwise calls `park` (which suspends the
    /// connection) under the lock and remembers `wake`, so a fulfil cannot be missed.
    func responseOrPark(wake: @escaping @Sendable () -> Void, park: () -> Void) -> HTTPResponse? {
        lock.withLock {
            if let response { return response }
            self.wake = wake
            park()
            return nil
        }
    }

    /// The response after a wake-up.
    var ready: HTTPResponse? { lock.withLock { response } }
}
