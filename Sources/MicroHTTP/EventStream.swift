import Foundation

/// The sending side of one open SSE connection. Writers call `send`; the
/// transport drains it. When there is nothing to send the connection is parked
/// (suspended), so idle streams cost no CPU. While it is parked, `send` writes
/// straight to the socket: one system call per client and event, instead of
/// waking the connection and parking it again. Only what the socket cannot take
/// at once (a slow phone) is queued, and then the connection is woken to drain it.
public final class EventStream: @unchecked Sendable {
    /// Writes bytes to a parked connection's socket without blocking: how many it
    /// took (0 when its buffer is full), or nil when the connection is broken.
    typealias DirectWrite = (UnsafeRawBufferPointer) -> Int?

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
    private var direct: DirectWrite?
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
            // Parked with nothing queued: the transport has sent everything before, so
            // these bytes may go to the socket now, in order.
            if parked, pending.isEmpty, let direct {
                guard let taken = bytes.withUnsafeBytes(direct) else {
                    finished = true
                    wakeLocked()
                    return false
                }
                if taken == bytes.count { return true }
                pending.append(bytes[taken...])
                pendingCount = bytes.count - taken
                wakeLocked()
                return true
            }
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

    /// Connects the stream to its connection: `wake` resumes a parked connection;
    /// `direct`, when given, writes to it while it is parked.
    func attach(wake: @escaping @Sendable () -> Void, direct: DirectWrite? = nil) {
        lock.withLock {
            self.wake = wake
            self.direct = direct
        }
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
            direct = nil  // the socket is about to be closed, and its number reused
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
