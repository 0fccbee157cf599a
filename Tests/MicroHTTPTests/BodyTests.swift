import Foundation
import MicroHTTP
import Testing
import TestSupport

@Suite struct BodyTests {
    @Test func accumulatesABodySentInPieces() throws {
        let server = try makeServer()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        let body = String(repeating: "abcdefghij", count: 1_000)
        try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
        for piece in Array(body.utf8).chunked(into: 1_500) { try connection.send(piece) }
        let response = try connection.readResponse()
        #expect(response.text == "10000:abcdefghijabcdefghij")
    }

    @Test func acceptsAChunkedBody() throws {
        let server = try makeServer()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        #expect(try connection.readResponse().text == "11:hello world")
    }

    @Test func refusesABodyOverTheLimitByContentLength() throws {
        let server = try makeServer(maxBody: 1_024)
        defer { server.stop() }
        let response = try httpRequest(port: server.port, "POST", "/echo", body: Data(count: 5_000))
        #expect(response.status == 413)
    }

    @Test func refusesAChunkedBodyThatGrowsOverTheLimit() throws {
        let server = try makeServer(maxBody: 1_024)
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        let chunk = String(repeating: "x", count: 800)
        try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n\(chunk)\r\n320\r\n\(chunk)\r\n0\r\n\r\n")
        #expect(try connection.readResponse().status == 413)
        // The server still answers others.
        #expect(try httpRequest(port: server.port, "GET", "/hello").status == 200)
    }
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
