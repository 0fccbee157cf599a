import Foundation
import SamenspelApp
import SamenspelCore
import Testing
import TestSupport

/// The session belongs to the room: restarts resume it, the archive can reopen it, and
/// the countdown and the take-away link outlive the server and the next session.
@Suite struct LifecycleTests {
    static let retrospective = "Workshops/team-retrospective.yaml"

    @Test func aRestartWithAnotherWorkshopResumesTheSessionItsNotesAndItsCountdown() throws {
        let app = try TestApp()
        defer { app.stop() }
        let started = try app.request("POST", "/api/trainer/sessions", token: app.trainerToken, json: ["workshop": "team-retrospective"])
        let id = try #require(started.json["id"] as? String)
        try app.openSubmissions()
        let token = try app.join("keep")
        #expect(try app.post("Korte lijnen in het team", token: token).status == 201)
        let timer = try app.request("POST", "/api/trainer/timer", token: app.trainerToken, json: ["seconds": 600]).json["timer"] as? [String: Any]

        try app.restart()  // --workshop names the vaktherapie workshop, as `make serve` does
        let session = try app.request("GET", "/api/session").json
        #expect(session["id"] as? String == id)
        #expect((session["workshop"] as? [String: Any])?["id"] as? String == "team-retrospective")
        #expect(session["phase"] as? String == "open")
        #expect((session["timer"] as? [String: Any])?["endsAt"] as? String == timer?["endsAt"] as? String)
        #expect(try app.request("GET", "/api/notes").json["notes"].map { ($0 as? [Any])?.count } == 1)
        #expect(app.server.startOutcome.resumed)
        #expect(app.server.startOutcome.notStarted?.id == "werkalliantie-vaktherapie")
        let banner = try app.server.banner(qrInTerminal: false)
        #expect(banner.contains("Session: resumed"))
        #expect(banner.contains("was not started"))
        #expect(try app.request("GET", "/api/trainer/overview", token: app.trainerToken).json["sessions"].map { ($0 as? [Any])?.count } == 2)
    }

    @Test func aCountdownThatRanOutWhileTheServerWasDownClosesSubmissions() throws {
        let app = try TestApp()
        defer { app.stop() }
        try app.request("POST", "/api/trainer/timer", token: app.trainerToken, json: ["seconds": 600])
        app.server.stop()
        // The laptop was off while the countdown ended.
        let database = try AppDatabase(path: app.options.databasePath)
        let session = try #require(try database.activeSession())
        _ = try database.setTimer(Session.Timer(endsAt: Date().addingTimeInterval(-60), seconds: 600), phase: .open, sessionID: session.id)
        try app.restart()
        #expect(waitUntil(timeout: 10) { (try? app.request("GET", "/api/session").json["phase"] as? String) == "closed" })
    }

    @Test func addingAMinuteLengthensTheCountdownOrStartsOne() throws {
        let app = try TestApp()
        defer { app.stop() }
        let first = try app.request("POST", "/api/trainer/timer", token: app.trainerToken, json: ["seconds": 120]).json
        let longer = try app.request("POST", "/api/trainer/timer/add", token: app.trainerToken, json: nil).json
        let before = try #require(date((first["timer"] as? [String: Any])?["endsAt"]))
        let after = try #require(date((longer["timer"] as? [String: Any])?["endsAt"]))
        #expect(abs(after.timeIntervalSince(before) - 60) < 0.01)
        #expect((longer["timer"] as? [String: Any])?["seconds"] as? Int == 180)

        try app.request("POST", "/api/trainer/phase", token: app.trainerToken, json: ["phase": "closed"])
        let again = try app.request("POST", "/api/trainer/timer/add", token: app.trainerToken, json: ["seconds": 30]).json
        #expect(again["phase"] as? String == "open")
        #expect((again["timer"] as? [String: Any])?["seconds"] as? Int == 30)
        #expect(try app.request("POST", "/api/trainer/timer/add", token: app.trainerToken, json: ["seconds": 0]).status == 422)
    }

    @Test func theTrainerReopensAnArchivedSession() throws {
        let app = try TestApp()
        defer { app.stop() }
        let old = try #require(try app.request("GET", "/api/session").json["id"] as? String)
        #expect(try app.post("Ritme geeft houvast", token: try app.join("muziek")).status == 201)
        try app.request("POST", "/api/trainer/sessions", token: app.trainerToken, json: ["workshop": "team-retrospective"])
        let reopened = try app.request("POST", "/api/trainer/sessions/\(old)/reopen", token: app.trainerToken)
        #expect(reopened.status == 200)
        #expect(reopened.json["id"] as? String == old)
        #expect(reopened.json["phase"] as? String == "closed")  // leaving it closed submissions; the trainer reopens them
        #expect(try app.request("GET", "/api/session").json["id"] as? String == old)
        #expect(try app.request("GET", "/api/notes").json["notes"].map { ($0 as? [Any])?.count } == 1)
        #expect(try app.request("POST", "/api/trainer/sessions/nope/reopen", token: app.trainerToken).status == 404)
        try app.restart()
        #expect(try app.request("GET", "/api/session").json["id"] as? String == old)
    }

    @Test func aNewSessionStartsInItsBriefing() throws {
        let app = try TestApp(open: false)
        defer { app.stop() }
        #expect(try app.request("GET", "/api/session").json["phase"] as? String == "briefing")
        #expect(try app.post("Te vroeg", token: try app.join("muziek")).status == 409)
        let next = try app.request("POST", "/api/trainer/sessions", token: app.trainerToken, json: ["workshop": "team-retrospective"])
        #expect(next.json["phase"] as? String == "briefing")
    }

    @Test func theTakeAwayLinkNamesItsSessionAndOutlivesTheNext() throws {
        let app = try TestApp()
        defer { app.stop() }
        let session = try app.request("GET", "/api/session").json
        let id = try #require(session["id"] as? String)
        #expect(session["summaryUrl"] == nil)
        try app.request("POST", "/api/trainer/publish", token: app.trainerToken, json: ["published": true])
        let url = try #require(try app.request("GET", "/api/session").json["summaryUrl"] as? String)
        #expect(url.hasSuffix("/summary?session=\(id)"))
        #expect(url.hasPrefix("http://"))
        try app.request("POST", "/api/trainer/sessions", token: app.trainerToken, json: ["workshop": "team-retrospective"])
        let path = String(url[url.range(of: "/summary")!.lowerBound...])
        #expect(try app.request("GET", "/api/summary?session=\(id)").status == 200)
        #expect(try app.request("GET", path).status == 200)  // the page itself
    }

    @Test func joinsAreCountedPerGroup() throws {
        let app = try TestApp()
        defer { app.stop() }
        _ = try app.join("muziek")
        _ = try app.join("muziek")
        _ = try app.join("pmt")
        let joined = try app.request("GET", "/api/session").json["joined"] as? [String: Int]
        #expect(joined == ["muziek": 2, "pmt": 1, "beeldend": 0, "drama": 0])
    }

    @Test func theSpotlightShowsOneVisibleNoteAndEndsWhenItIsHidden() throws {
        let app = try TestApp()
        defer { app.stop() }
        let id = UUID().uuidString.lowercased()
        #expect(try app.post("Het lijf weet het eerder", id: id, token: try app.join("pmt")).status == 201)
        let shown = try app.request("POST", "/api/trainer/spotlight", token: app.trainerToken, json: ["note": id])
        #expect((shown.json["note"] as? [String: Any])?["group"] as? String == "pmt")
        #expect(try app.request("GET", "/api/session").json["spotlight"] as? String == id)
        try app.request("PATCH", "/api/trainer/notes/\(id)", token: app.trainerToken, json: ["hidden": true])
        #expect(try app.request("GET", "/api/session").json["spotlight"] == nil)
        #expect(try app.request("POST", "/api/trainer/spotlight", token: app.trainerToken, json: ["note": id]).status == 404)
        #expect(try app.request("POST", "/api/trainer/spotlight", token: app.trainerToken, json: ["note": NSNull()]).status == 200)
    }

    private func date(_ value: Any?) -> Date? {
        (value as? String).flatMap { ISO8601DateFormatter.fractional.date(from: $0) }
    }
}
