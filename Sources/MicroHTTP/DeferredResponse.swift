import Foundation
import Synchronization

/// A response that is not ready yet: the handler returns it at once and fulfils it
/// later from any thread. Meanwhile the connection is parked (suspended) and costs
/// no thread, so slow work such as a batched disk commit does not block the server.
public final class DeferredResponse: Sendable {
    private struct State {
        var response: HTTPResponse?
        var wake: (@Sendable () -> Void)?
        var transform: (@Sendable (HTTPResponse) -> HTTPResponse)?
    }

    // A Mutex lives inside the object: every note's answer is one of these, and NSLock
    // allocated a pthread mutex of its own for each.
    private let state = Mutex(State())

    public init() {}

    /// Delivers the response. Only the first call counts.
    public func fulfil(_ response: HTTPResponse) {
        let wake: (@Sendable () -> Void)? = state.withLock { state in
            guard state.response == nil else { return nil }
            state.response = state.transform.map { $0(response) } ?? response
            defer { state.wake = nil }
            return state.wake
        }
        wake?()
    }

    /// Adds a change applied to the response when it is fulfilled (e.g. common headers),
    /// after the changes added before it.
    public func transform(_ change: @escaping @Sendable (HTTPResponse) -> HTTPResponse) {
        state.withLock { state in
            if let response = state.response {
                state.response = change(response)
            } else if let earlier = state.transform {
                state.transform = { change(earlier($0)) }
            } else {
                state.transform = change
            }
        }
    }

    public var isFulfilled: Bool { state.withLock { $0.response != nil } }

    // MARK: - Transport side

    /// The response if it is ready; otherwise calls `park` (which suspends the
    /// connection) under the lock and remembers `wake`, so a fulfil cannot be missed.
    func responseOrPark(wake: @escaping @Sendable () -> Void, park: () -> Void) -> HTTPResponse? {
        state.withLock { state in
            if let response = state.response { return response }
            state.wake = wake
            park()
            return nil
        }
    }

    /// The response after a wake-up.
    var ready: HTTPResponse? { state.withLock { $0.response } }
}
