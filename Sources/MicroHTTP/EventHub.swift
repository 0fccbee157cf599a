import Foundation

/// Fans events out to every open SSE stream, keeps recent events so a client
/// that reconnects with `Last-Event-ID` gets what it missed, and sends a
/// heartbeat comment so dead connections are noticed and reaped.
public final class EventHub: @unchecked Sendable {
    /// Names this server run in event ids, so an id from before a restart is recognised.
    public let epoch: String
    private let replayLimit: Int
    private let lock = NSLock()
    private var streams: [ObjectIdentifier: (stream: EventStream, topics: Set<String>?)] = [:]
    private var history: [(sequence: Int, topic: String, bytes: [UInt8])] = []
    private var sequence = 0
    private var heartbeat: DispatchSourceTimer?

    public init(replayLimit: Int = 2_000, epoch: String = String(UInt32.random(in: 0...UInt32.max), radix: 36)) {
        self.replayLimit = replayLimit
        self.epoch = epoch
    }

    /// The id of the newest event, for a snapshot a client loads before subscribing.
    public var cursor: String {
        lock.withLock { "\(epoch).\(sequence)" }
    }

    public var subscriberCount: Int {
        lock.withLock { streams.count }
    }

    /// The topic of an event: its name up to the first dot (`note.created` → `note`).
    static func topic(of event: String) -> String {
        String(event.prefix { $0 != "." })
    }

    /// Sends an event to every stream that wants its topic, in publish order.
    public func publish(event: String, data: String) {
        let topic = Self.topic(of: event)
        lock.withLock {
            sequence += 1
            let bytes = ServerSentEvent(id: "\(epoch).\(sequence)", event: event, data: data).encoded
            history.append((sequence, topic, bytes))
            // Trimmed in steps of 256, not one event at a time: each trim moves the whole array.
            if history.count >= replayLimit + 256 { history.removeFirst(history.count - replayLimit) }
            for (stream, topics) in streams.values where topics?.contains(topic) ?? true { stream.write(bytes) }
        }
    }

    /// Opens a stream. With `lastEventID` from this run and still remembered, the
    /// missed events are replayed first; an id it cannot replay from yields a
    /// `resync` event, telling the client to reload its snapshot.
    /// - Parameter topics: the event topics this client wants (nil: all), e.g.
    ///   phones skip the board's large `themes` events.
    public func subscribe(lastEventID: String?, topics: Set<String>? = nil, retryMilliseconds: Int = 2_000) -> EventStream {
        lock.withLock {
            var initial = Array("retry: \(retryMilliseconds)\n".utf8) + ServerSentEvent.comment("connected")
            if let lastEventID, !lastEventID.isEmpty {
                initial += replay(after: lastEventID, topics: topics)
                    ?? ServerSentEvent(id: "\(epoch).\(sequence)", event: "resync", data: "{}").encoded
            }
            let stream = EventStream(initial: initial)
            let key = ObjectIdentifier(stream)
            streams[key] = (stream, topics)
            stream.onClose { [weak self] in self?.remove(key) }
            return stream
        }
    }

    /// Starts sending a comment to every stream at this interval.
    public func startHeartbeat(every interval: TimeInterval = 15) {
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in self?.beat() }
        lock.withLock { heartbeat?.cancel(); heartbeat = timer }
        timer.resume()
    }

    /// Finishes every stream (for shutdown) and stops the heartbeat.
    public func finishAll() {
        let open = lock.withLock {
            heartbeat?.cancel()
            heartbeat = nil
            return streams.values.map(\.stream)
        }
        for stream in open { stream.finish() }
    }

    private func beat() {
        let bytes = ServerSentEvent.comment("heartbeat")
        lock.withLock {
            for (stream, _) in streams.values { stream.write(bytes) }
        }
    }

    private func remove(_ key: ObjectIdentifier) {
        _ = lock.withLock { streams.removeValue(forKey: key) }
    }

    /// The events after `id`, or nil when they are no longer (or never were) here.
    private func replay(after id: String, topics: Set<String>?) -> [UInt8]? {
        let parts = id.split(separator: ".")
        guard parts.count == 2, parts[0] == epoch, let last = Int(parts[1]), last <= sequence else { return nil }
        if last == sequence { return [] }
        guard let first = history.first, first.sequence <= last + 1 else { return nil }
        return history.filter { $0.sequence > last && topics?.contains($0.topic) ?? true }.flatMap(\.bytes)
    }
}
