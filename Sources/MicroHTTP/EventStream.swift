import Foundation

/// The sending side of one open SSE connection. Writers call `send`; the
/// transport drains it. When there is nothing to send the connection is parked
/// (suspended) and `send` wakes it, so idle streams cost no CPU.
public final class EventStream: @unchecked Sendable {
    /// What the transport gets when it asks for bytes.
    enum Chunk: Equatable {
        case bytes([UInt8])
        /// Nothing queued: the connection was suspended and will be woken.
        case wait
        /// The stream is finished.
        case end
    }

    /// A client that falls this far behind is dropped; it reconnects and resyncs.
    public static let maxPending = 1 << 20

    private let lock = NSLock()
    /// Queued chunks. An event's bytes are shared by every stream, never copied per client.
    private var pending: [ArraySlice<UInt8>]
    private var pendingCount: Int
    private var parked = false
    private var finished = false
    private var wake: (@Sendable () -> Void)?
    private var closeHandlers: [@Sendable () -> Void] = []

    /// Creates a stream that starts with `initial` bytes (e.g. replayed events).
    public init(initial: [UInt8] = []) {
        pending = initial.isEmpty ? [] : [initial[...]]
        pendingCount = initial.count
    }

    /// Queues an event. Returns false when the stream is closed.
    @discardableResult
    public func send(_ event: ServerSentEvent) -> Bool {
        write(event.encoded)
    }

    /// Queues raw SSE bytes (a comment, or an already encoded event).
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        lock.withLock {
            guard !finished else { return false }
            if pendingCount + bytes.count > Self.maxPending {
                finished = true
            } else {
                pending.append(bytes[...])
                pendingCount += bytes.count
            }
            wakeLocked()
            return !finished
        }
    }

    /// Ends the stream after what is queued has been sent.
    public func finish() {
        lock.withLock {
            finished = true
            wakeLocked()
        }
    }

    /// Whether the stream was finished by either side.
    public var isFinished: Bool {
        lock.withLock { finished }
    }

    /// Runs `handler` once when the connection is gone.
    public func onClose(_ handler: @escaping @Sendable () -> Void) {
        lock.withLock { closeHandlers.append(handler) }
    }

    // MARK: - Transport side

    /// Connects the stream to its connection: `wake` resumes a parked connection.
    func attach(wake: @escaping @Sendable () -> Void) {
        lock.withLock { self.wake = wake }
    }

    /// Takes up to `max` bytes. With nothing queued it calls `park` (which suspends
    /// the connection) under the lock, so a concurrent `send` cannot be missed.
    func take(max: Int, park: () -> Void) -> Chunk {
        lock.withLock {
            if !pending.isEmpty {
                var chunk: [UInt8] = []
                while let first = pending.first, chunk.count < max {
                    let room = max - chunk.count
                    chunk.append(contentsOf: first.prefix(room))
                    if first.count <= room { pending.removeFirst() } else { pending[0] = first.dropFirst(room) }
                }
                pendingCount -= chunk.count
                return .bytes(chunk)
            }
            if finished { return .end }
            parked = true
            park()
            return .wait
        }
    }

    /// Called once by the transport when the connection is closed.
    func closed() {
        let handlers = lock.withLock {
            finished = true
            wake = nil
            defer { closeHandlers = [] }
            return closeHandlers
        }
        for handler in handlers { handler() }
    }

    private func wakeLocked() {
        if parked, let wake {
            parked = false
            wake()
        }
    }
}
