import Foundation
import Testing
import TestSupport

@Suite struct ModerationTests {
    @Test func hiddenNotesLeaveThePublicViewsButAreKept() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("beeldend")
        try app.post("Klei geeft houvast", id: "k1", token: token)
        let stream = try RawConnection(port: app.port)
        try stream.send(method: "GET", path: "/api/events?topics=note")
        _ = try stream.read(until: ": connected")

        let hidden = try app.request("PATCH", "/api/trainer/notes/k1", token: app.trainerToken, json: ["hidden": true])
        #expect(hidden.json["hidden"] as? Bool == true)
        #expect(try stream.read(until: "\"hidden\":true").contains("event: note.deleted"))
        #expect(try app.notes().isEmpty)
        #expect((try app.request("GET", "/api/session").json["counts"] as? [String: Int])?["beeldend"] == 0)
        #expect((try app.request("GET", "/api/themes").json["themes"] as? [[String: Any]] ?? []).isEmpty)
        let overview = try app.request("GET", "/api/trainer/overview", token: app.trainerToken).json
        #expect((overview["notes"] as? [[String: Any]])?.first?["hidden"] as? Bool == true)

        let fixed = try app.request("PATCH", "/api/trainer/notes/k1", token: app.trainerToken, json: ["hidden": false, "text": "Klei geeft houvast!"])
        #expect(fixed.json["text"] as? String == "Klei geeft houvast!")
        _ = try stream.read(until: "event: note.created")
        #expect(try app.notes().count == 1)
    }

    @Test func deleteCanBeUndoneForTenSeconds() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("drama")
        try app.post("Rollenspel", id: "r1", token: token)
        let deleted = try app.request("DELETE", "/api/trainer/notes/r1", token: app.trainerToken)
        #expect(deleted.status == 200)
        #expect(deleted.json["undoUntil"] is String)
        #expect(try app.notes().isEmpty)
        #expect(try app.request("POST", "/api/trainer/notes/r1/restore", token: app.trainerToken).status == 200)
        #expect(try app.notes().count == 1)
        #expect(try app.request("POST", "/api/trainer/notes/nope/restore", token: app.trainerToken).status == 404)
    }

    @Test func manualThemeDecisionsSurviveRecomputation() throws {
        let app = try TestApp()
        defer { app.stop() }
        let muziek = try app.join("muziek"), drama = try app.join("drama"), pmt = try app.join("pmt")
        try app.post("Samen muziek maken zonder te praten", id: "m1", token: muziek)
        try app.post("samen spel zonder te praten", id: "d1", token: drama)
        try app.post("Je kunt boosheid kwijt op de trommel", id: "p1", token: pmt)
        func themes() throws -> [[String: Any]] { try app.request("GET", "/api/themes").json["themes"] as? [[String: Any]] ?? [] }
        func theme(of note: String) throws -> [String: Any]? { try themes().first { ($0["noteIds"] as? [String] ?? []).contains(note) } }

        let shared = try #require(try theme(of: "m1")?["id"] as? String)
        #expect(try app.request("POST", "/api/trainer/themes/\(shared)/rename", token: app.trainerToken, json: ["label": "Samen zonder woorden"]).status == 200)
        let lonely = try #require(try theme(of: "p1")?["id"] as? String)
        // Pin the trommel note into the shared theme, then add notes: the decisions hold.
        #expect(try app.request("PATCH", "/api/trainer/notes/p1", token: app.trainerToken, json: ["theme": shared]).status == 200)
        _ = lonely
        try app.post("Samen spelen geeft verbinding", token: muziek)
        try app.post("Trommelen en bewegen", token: pmt)
        let after = try #require(try theme(of: "m1"))
        #expect(after["id"] as? String == shared)
        #expect(after["label"] as? String == "Samen zonder woorden")
        #expect((after["noteIds"] as? [String] ?? []).contains("p1"))

        let split = try app.request("POST", "/api/trainer/themes/\(shared)/split", token: app.trainerToken,
                                    json: ["noteIds": ["p1"], "label": "Boosheid"])
        #expect(split.status == 200)
        #expect(try theme(of: "p1")?["label"] as? String == "Boosheid")
        let splitID = try #require(try theme(of: "p1")?["id"] as? String)
        #expect(try app.request("POST", "/api/trainer/themes/\(splitID)/merge", token: app.trainerToken, json: ["into": shared]).status == 200)
        #expect(try theme(of: "p1")?["id"] as? String == shared)
        #expect(try app.request("POST", "/api/trainer/themes/nope/rename", token: app.trainerToken, json: ["label": "x"]).status == 404)
    }
}
