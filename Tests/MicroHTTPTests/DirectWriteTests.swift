import Foundation
import Testing
import TestSupport

@testable import MicroHTTP

/// A parked stream writes straight to its socket; what the socket cannot take waits in
/// the queue, and the connection is woken to drain it, in order.
@Suite struct DirectWriteTests {
    /// A socket stand-in that takes at most `room` bytes a call, or fails.
    final class FakeSocket: @unchecked Sendable {
        var received: [UInt8] = []
        var room = Int.max
        var broken = false
        var wakes = 0

        func write(_ bytes: UnsafeRawBufferPointer) -> Int? {
            if broken { return nil }
            let taken = min(room, bytes.count)
            received += bytes.prefix(taken)
            return taken
        }
    }

    private func drain(_ stream: EventStream, into socket: FakeSocket) {
        while case .bytes(let bytes) = stream.take(max: 5, park: {}) { socket.received += bytes }
    }

    @Test func writesToAParkedSocketAndQueuesWhatDoesNotFit() {
        let socket = FakeSocket()
        let stream = EventStream(initial: Array("hi|".utf8))
        stream.attach(wake: { socket.wakes += 1 }, direct: socket.write)
        drain(stream, into: socket)  // the transport sends the initial bytes, then parks
        #expect(stream.write(Array("one|".utf8)))
        #expect(socket.wakes == 0)
        socket.room = 3
        #expect(stream.write(Array("two|".utf8)))  // "two" goes now, "|" waits
        #expect(socket.wakes == 1)
        #expect(stream.write(Array("three|".utf8)))  // queued behind it, not written past it
        socket.room = .max
        drain(stream, into: socket)
        #expect(stream.write(Array("four|".utf8)))  // parked again: straight to the socket
        #expect(String(decoding: socket.received, as: UTF8.self) == "hi|one|two|three|four|")
        #expect(socket.wakes == 1)
    }

    @Test func aBrokenSocketEndsTheStream() {
        let socket = FakeSocket()
        let stream = EventStream()
        stream.attach(wake: { socket.wakes += 1 }, direct: socket.write)
        #expect(stream.take(max: 100, park: {}) == .wait)
        socket.broken = true
        #expect(!stream.write(Array("lost".utf8)))
        #expect(stream.isFinished)
        #expect(socket.wakes == 1)  // woken, so the transport closes the connection
        #expect(stream.take(max: 100, park: {}) == .end)
    }

    @Test func streamsAreUnframedAndASlowReaderGetsEverythingInOrder() throws {
        let hub = EventHub()
        let server = try makeServer(hub: hub)
        defer { server.stop() }
        let client = try RawConnection(port: server.port, receiveBuffer: 4_096)
        try client.send(method: "GET", path: "/events")
        let head = try client.read(until: ": connected")
        #expect(head.lowercased().contains("connection: close"))
        #expect(!head.lowercased().contains("transfer-encoding"))
        #expect(waitUntil { hub.subscriberCount == 1 })
        // 900 KB while the client reads nothing, through a 4 KB receive buffer: most of it
        // waits in the stream's queue and goes out through the woken connection.
        let payload = String(repeating: "x", count: 3_000)
        for index in 0..<300 { hub.publish(event: "note.created", data: "\(index):\(payload)") }
        let text = try client.read(until: "299:", timeout: 20)
        let seen = text.components(separatedBy: "data: ").dropFirst().compactMap { Int($0.prefix { $0 != ":" }) }
        #expect(seen == Array(0..<seen.count))
        _ = try client.read(until: payload + "\n\n", timeout: 20)
    }

    /// A stream parked longer than the idle timeout is not cut off when it is woken
    /// (libmicrohttpd does not time out suspended connections, nor one just resumed).
    @Test func aStreamParkedPastTheTimeoutStillDrains() throws {
        let hub = EventHub()
        let server = try makeServer(hub: hub, connectionTimeout: 1)
        defer { server.stop() }
        let client = try RawConnection(port: server.port, receiveBuffer: 4_096)
        try client.send(method: "GET", path: "/events")
        _ = try client.read(until: ": connected")
        #expect(waitUntil { hub.subscriberCount == 1 })
        Thread.sleep(forTimeInterval: 2.5)  // parked through two timeouts
        let payload = String(repeating: "y", count: 3_000)
        for index in 0..<200 { hub.publish(event: "note.created", data: "\(index):\(payload)") }
        let text = try client.read(until: "199:" + payload + "\n\n", timeout: 20)
        #expect(text.components(separatedBy: "data: ").count == 201)
    }
}
