import Foundation
import MicroHTTP
import Testing
import TestSupport

@Suite struct RoutingTests {
    @Test func answersRoutesOverARealSocket() throws {
        let server = try makeServer()
        defer { server.stop() }
        #expect(server.port > 0)
        let response = try httpRequest(port: server.port, "GET", "/hello")
        #expect(response.status == 200)
        #expect(response.text == "hello")
        #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
    }

    @Test func passesPathParametersQueryAndHeaders() throws {
        let server = try makeServer()
        defer { server.stop() }
        let response = try httpRequest(port: server.port, "GET", "/items/42?q=a%20b", headers: ["X-Test": "yes"])
        #expect(response.text == "item 42 q=a b h=yes from=127.0.0.1")
    }

    @Test func findsHeadersWhateverCaseTheClientWrote() throws {
        let server = try makeServer()
        defer { server.stop() }
        for name in ["x-test", "X-TEST", "x-TeSt"] {
            let response = try httpRequest(port: server.port, "GET", "/items/1", headers: [name: "yes"])
            #expect(response.text == "item 1 q= h=yes from=127.0.0.1", "header \(name)")
        }
    }

    @Test func aRepeatedHeaderGivesItsLastValue() throws {
        let server = try makeServer()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        defer { connection.close() }
        try connection.send("GET /items/7 HTTP/1.1\r\nHost: x\r\nX-Test: first\r\nx-test: second\r\n\r\n")
        #expect(try connection.readResponse().text == "item 7 q= h=second from=127.0.0.1")
    }

    @Test func unknownPathIs404AndWrongMethodIs405() throws {
        let server = try makeServer()
        defer { server.stop() }
        #expect(try httpRequest(port: server.port, "GET", "/nope").status == 404)
        let wrong = try httpRequest(port: server.port, "DELETE", "/hello")
        #expect(wrong.status == 405)
        #expect(wrong.headers["allow"] == "GET")
    }

    @Test func keepsTheConnectionAliveAcrossRequests() throws {
        let server = try makeServer()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        for _ in 0..<3 {
            try connection.send(method: "GET", path: "/hello")
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.headers["connection"]?.lowercased() != "close")
        }
    }

    @Test func refusesAPortInUseWithAClearError() throws {
        let first = try makeServer()
        defer { first.stop() }
        var configuration = HTTPServer.Configuration()
        configuration.host = "127.0.0.1"
        configuration.port = first.port
        let second = HTTPServer(configuration: configuration, responder: ClosureResponder { _ in .text("") })
        #expect(throws: ServerError.addressInUse(host: "127.0.0.1", port: first.port)) { try second.start() }
        #expect("\(ServerError.addressInUse(host: "127.0.0.1", port: 1))".contains("already in use"))
    }
}

@Suite struct RouterMatchTests {
    private func router() -> Router {
        var router = Router(recover: { _, _ in .text("error", status: 500) }, notFound: { _ in .text("none", status: 404) })
        router.add("GET", "/api/notes") { _ in .text("list") }
        router.add("GET", "/api/notes/:id") { .text("note \($0.parameters["id"] ?? "?")") }
        router.add("GET", "/files/*") { _ in .text("files") }
        router.add("PATCH", "/api/notes/:id") { _ in .text("patched") }
        return router
    }

    private func answer(_ method: String, _ path: String) -> String {
        let response = router().respond(to: HTTPRequest(method: method, path: path))
        return "\(response.status) \(String(decoding: response.bytes, as: UTF8.self))"
    }

    @Test func literalsParametersAndRest() {
        #expect(answer("GET", "/api/notes") == "200 list")
        #expect(answer("GET", "/api/notes/") == "200 list")
        #expect(answer("GET", "/api/notes/n-1") == "200 note n-1")
        #expect(answer("GET", "/api/notes/n-1/more") == "404 none")
        #expect(answer("GET", "/api") == "404 none")
        #expect(answer("GET", "/files") == "200 files")
        #expect(answer("GET", "/files/a/b/c") == "200 files")
        #expect(answer("HEAD", "/api/notes") == "200 list")
        #expect(answer("PATCH", "/api/notes/n-1") == "200 patched")
        #expect(answer("DELETE", "/api/notes/n-1") == "500 error")  // MethodNotAllowed goes to recover
    }
}
