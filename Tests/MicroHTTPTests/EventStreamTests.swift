import Foundation
import MicroHTTP
import Testing
import TestSupport

@Suite struct EventStreamTests {
    @Test func deliversEventsToManyClients() throws {
        let hub = EventHub()
        let server = try makeServer(hub: hub)
        defer { server.stop() }
        let clients = try (0..<200).map { _ in try RawConnection(port: server.port) }
        for client in clients { try client.send(method: "GET", path: "/events") }
        for client in clients { _ = try client.read(until: ": connected") }
        #expect(waitUntil { hub.subscriberCount == 200 })
        hub.publish(event: "note.created", data: #"{"id":"1"}"#)
        hub.publish(event: "note.created", data: #"{"id":"2"}"#)
        for client in clients {
            let text = try client.read(until: #"{"id":"2"}"#)
            #expect(text.contains("event: note.created\ndata: {\"id\":\"1\"}"))
        }
    }

    @Test func replaysMissedEventsAfterLastEventID() throws {
        let hub = EventHub()
        let server = try makeServer(hub: hub)
        defer { server.stop() }
        hub.publish(event: "a", data: "one")
        let cursor = hub.cursor
        hub.publish(event: "b", data: "two")
        hub.publish(event: "c", data: "three")
        let client = try RawConnection(port: server.port)
        try client.send(method: "GET", path: "/events", headers: ["Last-Event-ID": cursor])
        let text = try client.read(until: "data: three")
        #expect(text.contains("data: two"))
        #expect(!text.contains("data: one"))
    }

    @Test func asksForAResyncWhenTheIDIsFromAnotherRun() throws {
        let hub = EventHub()
        let server = try makeServer(hub: hub)
        defer { server.stop() }
        let client = try RawConnection(port: server.port)
        try client.send(method: "GET", path: "/events", headers: ["Last-Event-ID": "oldrun.17"])
        #expect(try client.read(until: "event: resync").contains("retry:"))
    }

    @Test func dropsClosedClients() throws {
        let hub = EventHub()
        let server = try makeServer(hub: hub)
        defer { server.stop() }
        let client = try RawConnection(port: server.port)
        try client.send(method: "GET", path: "/events")
        _ = try client.read(until: ": connected")
        #expect(waitUntil { hub.subscriberCount == 1 })
        client.close()
        // The next write notices the dead peer.
        #expect(waitUntil(timeout: 10) {
            hub.publish(event: "ping", data: "x")
            return hub.subscriberCount == 0
        })
    }

    @Test func stopsCleanlyWithOpenStreams() throws {
        let hub = EventHub()
        let server = try makeServer(hub: hub)
        let clients = try (0..<20).map { _ in try RawConnection(port: server.port) }
        for client in clients {
            try client.send(method: "GET", path: "/events")
            _ = try client.read(until: ": connected")
        }
        #expect(waitUntil { server.openStreamCount == 20 })
        let started = Date()
        server.stop()
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(server.openStreamCount == 0)
        for client in clients { #expect(client.waitForClose(timeout: 5)) }
    }
}

@Suite struct EventTopicTests {
    @Test func aStreamGetsOnlyItsTopicsLiveAndOnReplay() throws {
        let hub = EventHub()
        let server = try makeServer(hub: hub) { router in
            router.add("GET", "/notes-only") { request in
                .eventStream(hub.subscribe(lastEventID: request.header("Last-Event-ID"), topics: ["note"]))
            }
        }
        defer { server.stop() }
        let cursor = hub.cursor
        hub.publish(event: "themes.changed", data: "big")
        hub.publish(event: "note.created", data: "missed")
        let client = try RawConnection(port: server.port)
        try client.send(method: "GET", path: "/notes-only", headers: ["Last-Event-ID": cursor])
        let replayed = try client.read(until: "data: missed")
        #expect(!replayed.contains("data: big"))
        hub.publish(event: "themes.changed", data: "big2")
        hub.publish(event: "note.deleted", data: "live")
        let live = try client.read(until: "data: live")
        #expect(!live.contains("big2"))
    }
}
