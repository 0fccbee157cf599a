import Foundation
import Testing
import TestSupport

@Suite struct TrainerTests {
    @Test func trainerRoutesNeedTheTrainerToken() throws {
        let app = try TestApp()
        defer { app.stop() }
        #expect(try app.request("GET", "/api/trainer/overview").status == 401)
        #expect(try app.request("GET", "/api/trainer/overview", token: "wrong").status == 401)
        let participant = try app.join("muziek")
        #expect(try app.request("POST", "/api/trainer/phase", token: participant, json: ["phase": "closed"]).status == 401)
        #expect(try app.request("GET", "/api/trainer/overview", token: app.trainerToken).status == 200)
    }

    @Test func theTrainerURLSetsAnHttpOnlyCookieThatWorks() throws {
        let app = try TestApp()
        defer { app.stop() }
        let login = try app.request("GET", "/trainer?token=\(app.trainerToken)")
        #expect(login.status == 303)
        #expect(login.headers["location"] == "/trainer")
        let cookie = try #require(login.headers["set-cookie"])
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        let pair = String(cookie.split(separator: ";")[0])
        #expect(try app.request("GET", "/api/trainer/overview", headers: ["Cookie": pair]).status == 200)
        let wrong = try app.request("GET", "/trainer?token=nope")
        #expect(wrong.headers["set-cookie"] == nil)
    }

    @Test func closingAndANewSessionReachPhonesAndKeepOldSessions() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("muziek")
        try app.post("Eerste sessie", token: token)
        let first = try app.request("GET", "/api/session").json["id"] as? String
        let stream = try RawConnection(port: app.port)
        try stream.send(method: "GET", path: "/api/events")
        _ = try stream.read(until: ": connected")

        let closed = try app.request("POST", "/api/trainer/phase", token: app.trainerToken, json: ["phase": "closed"])
        #expect(closed.json["phase"] as? String == "closed")
        _ = try stream.read(until: "event: session.changed")
        #expect(try app.request("POST", "/api/trainer/phase", token: app.trainerToken, json: ["phase": "later"]).status == 400)

        let started = try app.request("POST", "/api/trainer/sessions", token: app.trainerToken, json: ["workshop": "team-retrospective"])
        #expect(started.status == 201)
        #expect((started.json["workshop"] as? [String: Any])?["language"] as? String == "en")
        #expect(try app.request("POST", "/api/trainer/sessions", token: app.trainerToken, json: ["workshop": "nope"]).status == 404)
        #expect(try app.notes().isEmpty)
        // The old phone token belongs to the old session.
        #expect(try app.request("GET", "/api/me", token: token).status == 401)

        let overview = try app.request("GET", "/api/trainer/overview", token: app.trainerToken).json
        let sessions = overview["sessions"] as? [[String: Any]] ?? []
        #expect(sessions.count == 2)
        #expect(sessions.contains { $0["id"] as? String == first && $0["noteCount"] as? Int == 1 && $0["phase"] as? String == "closed" })
        let workshops = (overview["workshops"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(workshops.contains("werkalliantie-vaktherapie") && workshops.contains("team-retrospective"))
    }
}
