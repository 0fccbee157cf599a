import Foundation
import Logging

/// An HTTP/1.1 server on libmicrohttpd: a small pool of threads polling with
/// epoll, parked (suspended) connections for idle event streams.
public final class HTTPServer: @unchecked Sendable {
    /// How the server listens and what it allows.
    public struct Configuration: Sendable {
        /// An IPv4 address to listen on; `0.0.0.0` for all.
        public var host = "0.0.0.0"
        /// 0 picks a free port; read `port` after `start()`.
        public var port = 8080
        public var threads = 4
        /// Larger bodies get `413` (answered by `bodyTooLarge`).
        public var maxBodyBytes = 16 * 1024
        public var connectionLimit = 8_000
        /// 0 means no per-address limit.
        public var perAddressConnectionLimit = 0
        /// Seconds a connection may sit idle (parked streams excepted).
        public var connectionTimeout = 60
        /// Per-connection memory, which bounds the size of the request headers.
        public var connectionMemoryLimit = 64 * 1024

        public init() {}
    }

    public let configuration: Configuration
    let responder: any HTTPResponder
    let bodyTooLarge: @Sendable () -> HTTPResponse
    let logger: Logger

    private let lock = NSCondition()
    private var daemon: OpaquePointer?
    private var boundPort = 0
    private var liveStreams: [ObjectIdentifier: EventStream] = [:]
    private var waiting: [ObjectIdentifier: DeferredResponse] = [:]
    private var stopping = false

    public init(
        configuration: Configuration, responder: any HTTPResponder, logger: Logger = Logger(label: "samenspel.http"),
        bodyTooLarge: @escaping @Sendable () -> HTTPResponse = { .text("Request body too large", status: 413) }
    ) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.bodyTooLarge = bodyTooLarge
    }

    /// The port the server listens on (the chosen one when configured with 0).
    public var port: Int {
        lock.withLock { boundPort }
    }

    /// Open event-stream connections.
    public var openStreamCount: Int {
        lock.withLock { liveStreams.count }
    }

    /// Requests waiting parked for a deferred response.
    public var parkedCount: Int {
        lock.withLock { waiting.count }
    }

    /// Binds and starts serving. Throws a `ServerError` a person can act on.
    public func start() throws(ServerError) {
        let (daemon, port) = try MHDBridge.start(self)
        lock.withLock {
            self.daemon = daemon
            self.boundPort = port
        }
        logger.debug("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
    }

    /// Stops accepting, ends every event stream, waits up to `timeout` seconds for
    /// them to close, then stops the daemon (finishing requests in flight).
    public func stop(timeout: TimeInterval = 3) {
        guard let daemon = lock.withLock({ () -> OpaquePointer? in
            stopping = true
            return self.daemon
        }) else { return }
        for stream in lock.withLock({ Array(liveStreams.values) }) { stream.finish() }
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        while !liveStreams.isEmpty || !waiting.isEmpty, lock.wait(until: deadline) {}
        // Parked connections must be woken before the daemon stops: answer what is left.
        let unanswered = Array(waiting.values)
        lock.unlock()
        for deferred in unanswered { deferred.fulfil(.text("The server is shutting down", status: 503)) }
        lock.lock()
        while !waiting.isEmpty, lock.wait(until: Date().addingTimeInterval(1)) {}
        let stuck = liveStreams.count
        self.daemon = nil
        lock.unlock()
        if stuck > 0 { logger.warning("stopping with open event streams", metadata: ["count": "\(stuck)"]) }
        MHDBridge.stop(daemon)
    }

    /// Whether a new connection is let in: not once `stop` has begun. (Refused here rather
    /// than with `MHD_quiesce_daemon`, whose removal of the listening socket races the
    /// worker threads' own in libmicrohttpd 0.9.75 and can abort the process.)
    func admits() -> Bool {
        lock.withLock { !stopping }
    }

    func deferredStarted(_ deferred: DeferredResponse) {
        lock.withLock { waiting[ObjectIdentifier(deferred)] = deferred }
    }

    func deferredFinished(_ deferred: DeferredResponse) {
        lock.withLock {
            waiting.removeValue(forKey: ObjectIdentifier(deferred))
            lock.broadcast()
        }
    }

    func streamOpened(_ stream: EventStream) {
        lock.withLock { liveStreams[ObjectIdentifier(stream)] = stream }
    }

    func streamClosed(_ stream: EventStream) {
        lock.withLock {
            liveStreams.removeValue(forKey: ObjectIdentifier(stream))
            lock.broadcast()
        }
    }

    deinit {
        stop()
    }
}
