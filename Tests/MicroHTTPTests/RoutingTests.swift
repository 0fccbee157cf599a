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
