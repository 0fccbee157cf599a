import Foundation
@testable import MicroHTTP
import Testing
import TestSupport

@Suite struct DeferredResponseTests {
    /// A route answered later from another thread, like a batched commit.
    private func server(delayMilliseconds: Int = 20) throws -> HTTPServer {
        try makeServer { router in
            router.add("POST", "/later") { request in
                let deferred = DeferredResponse()
                let text = String(decoding: request.body, as: UTF8.self)
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(delayMilliseconds)) {
                    deferred.fulfil(.text("done \(text)", status: 201))
                }
                return .deferred(deferred)
            }
            router.add("GET", "/now") { _ in
                let deferred = DeferredResponse()
                deferred.fulfil(.text("ready"))
                return .deferred(deferred)
            }
        }
    }

    @Test func answersWhenFulfilledLaterAndKeepsTheConnection() throws {
        let server = try server()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        for index in 0..<3 {
            try connection.send(method: "POST", path: "/later", body: Data("n\(index)".utf8))
            let response = try connection.readResponse()
            #expect(response.status == 201)
            #expect(response.text == "done n\(index)")
        }
        #expect(try httpRequest(port: server.port, "GET", "/now").text == "ready")
    }

    /// Changes apply in the order they were added, whether they come before or after the fulfil,
    /// and only the first fulfil counts.
    @Test func transformsApplyInOrderBeforeAndAfterTheFulfil() {
        let early = DeferredResponse()
        early.transform { var r = $0; r.setHeader("X-Order", (r.header("X-Order") ?? "") + "a"); return r }
        early.transform { var r = $0; r.setHeader("X-Order", (r.header("X-Order") ?? "") + "b"); return r }
        #expect(!early.isFulfilled)
        early.fulfil(.text("one"))
        early.fulfil(.text("two"))
        early.transform { var r = $0; r.setHeader("X-Order", (r.header("X-Order") ?? "") + "c"); return r }
        let woken = early.responseOrPark(wake: {}, park: { Issue.record("a fulfilled response must not park") })
        #expect(woken?.header("X-Order") == "abc")
        if case .bytes(let body) = woken?.body { #expect(String(decoding: body, as: UTF8.self) == "one") }
    }

    @Test func manyParkedRequestsAtOnce() throws {
        let server = try server(delayMilliseconds: 100)
        defer { server.stop() }
        let connections = try (0..<100).map { _ in try RawConnection(port: server.port) }
        for (index, connection) in connections.enumerated() {
            try connection.send(method: "POST", path: "/later", body: Data("\(index)".utf8))
        }
        for (index, connection) in connections.enumerated() {
            #expect(try connection.readResponse().text == "done \(index)")
        }
    }

    /// A server whose one answer never comes, and a request parked on it.
    private func parkedRequest() throws -> (HTTPServer, RawConnection) {
        var configuration = HTTPServer.Configuration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let never = ClosureResponder { _ in .deferred(DeferredResponse()) }
        let server = HTTPServer(configuration: configuration, responder: never)
        try server.start()
        let connection = try RawConnection(port: server.port)
        try connection.send(method: "GET", path: "/")
        #expect(waitUntil { server.parkedCount == 1 })
        return (server, connection)
    }

    @Test func stopAnswersWhatIsStillParked() throws {
        let (server, connection) = try parkedRequest()
        server.stop(timeout: 0.2)
        let response = try? connection.readResponse(timeout: 5)
        #expect(response == nil || response?.status == 503)
    }

    /// Once stop has begun, a new connection is closed unanswered while the parked
    /// request is still waiting for its answer.
    @Test func stopLetsNoNewConnectionIn() throws {
        let (server, parked) = try parkedRequest()
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.stop(timeout: 3)
            stopped.signal()
        }
        // The parked request holds stop in its wait; once stop has begun, nobody new gets in.
        func lateIsRefused() -> Bool {
            guard let late = try? RawConnection(port: server.port) else { return true }
            return (try? late.send(method: "GET", path: "/")) != nil && late.waitForClose(timeout: 1)
        }
        #expect(waitUntil { lateIsRefused() })
        for _ in 0..<5 { #expect(lateIsRefused()) }
        stopped.wait()
    }
}
