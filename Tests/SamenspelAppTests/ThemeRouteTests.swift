import Foundation
import Testing
import TestSupport

@Suite struct ThemeRouteTests {
    @Test func everyNoteIsInExactlyOneThemeAndTheLensCoversThem() throws {
        let app = try TestApp()
        defer { app.stop() }
        let muziek = try app.join("muziek"), drama = try app.join("drama"), pmt = try app.join("pmt")
        try app.post("Samen muziek maken zonder dat je hoeft te praten", id: "m1", token: muziek)
        try app.post("samen spel zonder te praten", id: "d1", token: drama)
        try app.post("Je kunt boosheid kwijt op de trommel", id: "p1", token: pmt)
        let body = try app.request("GET", "/api/themes").json
        let themes = body["themes"] as? [[String: Any]] ?? []
        let ids = themes.flatMap { $0["noteIds"] as? [String] ?? [] }
        #expect(ids.sorted() == ["d1", "m1", "p1"])
        #expect(themes.allSatisfy { !($0["label"] as? String ?? "").isEmpty })
        let shared = themes.first { ($0["noteIds"] as? [String] ?? []).contains("m1") }
        #expect((shared?["noteIds"] as? [String])?.contains("d1") == true, "the two 'samen … praten' notes share a theme")
        let lens = body["lens"] as? [String: Any]
        #expect((lens?["assignments"] as? [String: String])?.keys.sorted() == ["d1", "m1", "p1"])
    }

    @Test func aNewNoteAnnouncesNewThemesAndKeepsIDs() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("beeldend")
        try app.post("Klei geeft houvast", id: "b1", token: token)
        let before = try app.request("GET", "/api/themes").json["themes"] as? [[String: Any]] ?? []
        let stream = try RawConnection(port: app.port)
        try stream.send(method: "GET", path: "/api/events")
        _ = try stream.read(until: ": connected")
        try app.post("Jongere kiest zelf de kleuren", id: "b2", token: token)
        _ = try stream.read(until: "event: themes.changed", timeout: 30)
        let after = try app.request("GET", "/api/themes").json["themes"] as? [[String: Any]] ?? []
        let oldID = before.first?["id"] as? String
        #expect(after.contains { $0["id"] as? String == oldID && ($0["noteIds"] as? [String]) == ["b1"] })
    }

    /// During a flood of notes themes wait (notes first), and once it calms down the
    /// themes that follow hold every note.
    @Test func themesFollowAFloodOnceItCalmsDown() throws {
        let app = try TestApp {
            $0.limits.notesPerMinute = 0
            $0.limits.notesPerPhone = 0
        }
        defer { app.stop() }
        let token = try app.join("muziek")
        let stream = try RawConnection(port: app.port)
        try stream.send(method: "GET", path: "/api/events?topics=themes")
        _ = try stream.read(until: ": connected")
        for index in 0..<150 { try app.post("Noot \(index) over samen spelen", id: "f\(index)", token: token) }
        let text = try stream.read(until: "\"f149\"", timeout: 40)
        #expect(text.contains("event: themes.changed"))
    }
}
