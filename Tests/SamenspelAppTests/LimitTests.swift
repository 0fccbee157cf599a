import Foundation
import Testing
import TestSupport

@Suite struct LimitTests {
    /// 10 KiB of connection memory: a browser's headers (under 2 KB) and twice that fit;
    /// headers too large for it get a clear 431, and the server goes on.
    @Test func requestHeadersUpToAboutFourKilobytesFit() throws {
        let app = try TestApp()
        defer { app.stop() }
        let cookie = "samenspel_trainer=" + String(repeating: "t", count: 64) + "; other=" + String(repeating: "x", count: 3_500)
        let token = try app.join("pmt")
        #expect(try app.request("POST", "/api/notes", token: token, json: ["id": "big-headers", "text": "Past"],
                                headers: ["Cookie": cookie, "User-Agent": String(repeating: "u", count: 400)]).status == 201)
        #expect(try app.request("GET", "/api/session", headers: ["X-Padding": String(repeating: "p", count: 20_000)]).status == 431)
        #expect(try app.request("GET", "/api/session").status == 200)
    }

    @Test func notesPerMinuteGive429WithRetryAfterAndKeepWhatWasStored() throws {
        let app = try TestApp { $0.limits.notesPerMinute = 5 }
        defer { app.stop() }
        let token = try app.join("muziek")
        for index in 0..<5 { #expect(try app.post("Noot \(index)", token: token).status == 201) }
        let refused = try app.post("Eén te veel", token: token)
        #expect(refused.status == 429)
        #expect(Int(refused.headers["retry-after"] ?? "") ?? 0 >= 1)
        #expect(try app.notes().count == 5)
        // Another phone is not held back by this one.
        #expect(try app.post("Andere telefoon", token: try app.join("pmt")).status == 201)
    }

    @Test func aPhoneMaySendAtMostItsShare() throws {
        let app = try TestApp { $0.limits.notesPerPhone = 3 }
        defer { app.stop() }
        let token = try app.join("drama")
        for index in 0..<3 { try app.post("Noot \(index)", id: "n\(index)", token: token) }
        #expect(try app.post("Vierde", token: token).status == 403)
        // A retry of a stored note is still answered.
        #expect(try app.post("Noot 0", id: "n0", token: token).status == 200)
        // The limit counts notes sent: deleting one does not make room for another.
        #expect(try app.request("DELETE", "/api/notes/n1", token: token).status == 204)
        #expect(try app.post("Vijfde", token: token).status == 403)
        // And it holds across a restart.
        try app.restart()
        #expect(try app.post("Zesde", token: token).status == 403)
        #expect(try app.post("Andere telefoon", token: try app.join("drama")).status == 201)
    }

    @Test func joinsPerAddressAreLimited() throws {
        let app = try TestApp { $0.limits.joinsPerMinutePerAddress = 3 }
        defer { app.stop() }
        for _ in 0..<3 { _ = try app.join("pmt") }
        let refused = try app.request("POST", "/api/join", json: ["group": "pmt"])
        #expect(refused.status == 429)
        #expect(refused.headers["retry-after"] != nil)
    }

    @Test func aSlowSenderIsDroppedAfterTheTimeout() throws {
        let app = try TestApp { $0.limits.connectionTimeout = 1 }
        defer { app.stop() }
        let slow = try RawConnection(port: app.port)
        try slow.send("POST /api/join HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\n\r\n{\"gr")
        #expect(slow.waitForClose(timeout: 10))
        #expect(try app.request("GET", "/api/health").status == 200)
    }

    @Test func connectionsPerAddressAreLimited() throws {
        let app = try TestApp(open: false) { $0.limits.connectionsPerAddress = 4 }
        defer { app.stop() }
        let held = try (0..<4).map { _ in try RawConnection(port: app.port) }
        for connection in held { try connection.send(method: "GET", path: "/api/events") }
        for connection in held { _ = try connection.read(until: ": connected") }
        let fifth = try RawConnection(port: app.port)
        try? fifth.send(method: "GET", path: "/api/health")
        #expect(fifth.waitForClose(timeout: 5))
    }
}
