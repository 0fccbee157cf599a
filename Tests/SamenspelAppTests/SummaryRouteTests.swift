import Foundation
import Testing
import TestSupport

@Suite struct SummaryRouteTests {
    @Test func aGroupWritesOnlyItsOwnSummaryAndEveryoneSeesIt() throws {
        let app = try TestApp()
        defer { app.stop() }
        let muziek = try app.join("muziek"), pmt = try app.join("pmt")
        let stream = try RawConnection(port: app.port)
        try stream.send(method: "GET", path: "/api/events?topics=summary")
        _ = try stream.read(until: ": connected")
        let saved = try app.request("PUT", "/api/groups/muziek/summary", token: muziek, json: ["text": "Het medium verbindt zonder woorden."])
        #expect(saved.status == 200)
        _ = try stream.read(until: "event: summary.updated")
        #expect(try app.request("PUT", "/api/groups/muziek/summary", token: pmt, json: ["text": "x"]).status == 403)
        // Typing on: each save replaces the last.
        try app.request("PUT", "/api/groups/muziek/summary", token: muziek, json: ["text": "Het medium verbindt zonder woorden, samen."])
        let all = try app.request("GET", "/api/summaries").json["summaries"] as? [String: [String: Any]]
        #expect(all?["muziek"]?["text"] as? String == "Het medium verbindt zonder woorden, samen.")
        try app.request("POST", "/api/trainer/phase", token: app.trainerToken, json: ["phase": "summary"])
        #expect(try app.request("PUT", "/api/groups/muziek/summary", token: muziek, json: ["text": "later"]).status == 409)
        #expect(try app.request("PUT", "/api/groups/pmt/summary", token: pmt,
                                json: ["text": String(repeating: "a", count: 2_001)]).status == 409)
    }

    @Test func publishingIsAnnouncedAndCanBeWithdrawn() throws {
        let app = try TestApp()
        defer { app.stop() }
        #expect(try app.request("GET", "/api/session").json["publishedAt"] == nil)
        let stream = try RawConnection(port: app.port)
        try stream.send(method: "GET", path: "/api/events?topics=session")
        _ = try stream.read(until: ": connected")
        let published = try app.request("POST", "/api/trainer/publish", token: app.trainerToken, json: ["published": true])
        #expect(published.json["publishedAt"] is String)
        #expect(try stream.read(until: "publishedAt").contains("event: session.changed"))
        let withdrawn = try app.request("POST", "/api/trainer/publish", token: app.trainerToken, json: ["published": false])
        #expect(withdrawn.json["publishedAt"] == nil)
    }

    @Test func anArchivedSessionIsDeletedForGoodFromTheFile() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("beeldend")
        let secret = "Geheime-notitie-\(UUID().uuidString)"
        try app.post(secret, token: token)
        let first = try #require(try app.request("GET", "/api/session").json["id"] as? String)
        #expect(try app.request("DELETE", "/api/trainer/sessions/\(first)", token: app.trainerToken).status == 409)
        try app.request("POST", "/api/trainer/sessions", token: app.trainerToken, json: ["workshop": "werkalliantie-vaktherapie"])
        #expect(try app.request("DELETE", "/api/trainer/sessions/\(first)", token: app.trainerToken).status == 204)
        #expect(try app.request("DELETE", "/api/trainer/sessions/\(first)", token: app.trainerToken).status == 404)
        let sessions = try app.request("GET", "/api/trainer/overview", token: app.trainerToken).json["sessions"] as? [[String: Any]] ?? []
        #expect(!sessions.contains { $0["id"] as? String == first })
        // Gone from the file too, not only from the tables.
        app.server.database.checkpoint()
        for suffix in ["", "-wal"] {
            let bytes = FileManager.default.contents(atPath: app.dataDirectory + "/samenspel.sqlite" + suffix) ?? Data()
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "the note text is still in samenspel.sqlite\(suffix)")
        }
    }
}
