import Foundation
import Testing
import TestSupport

@Suite struct PhaseTests {
    @Test func phasesGateTheNotes() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("muziek")
        for (phase, accepts) in [("briefing", false), ("open", true), ("closed", false), ("summary", false)] {
            let moved = try app.request("POST", "/api/trainer/phase", token: app.trainerToken, json: ["phase": phase])
            #expect(moved.json["phase"] as? String == phase)
            #expect(try app.post("In \(phase)", token: token).status == (accepts ? 201 : 409), "\(phase)")
        }
    }

    @Test func theCountdownClosesSubmissionsAfterItsGrace() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("pmt")
        try app.request("POST", "/api/trainer/phase", token: app.trainerToken, json: ["phase": "briefing"])
        let started = try app.request("POST", "/api/trainer/timer", token: app.trainerToken, json: ["seconds": 1])
        #expect(started.json["phase"] as? String == "open")
        let timer = started.json["timer"] as? [String: Any]
        #expect(timer?["seconds"] as? Int == 1)
        #expect(started.json["serverTime"] is String)
        // The countdown has ended but the grace is still running: a note in flight is accepted.
        #expect(waitUntil(timeout: 3) { (try? app.request("GET", "/api/session").json["serverTime"] as? String)
            .flatMap { ISO8601DateFormatter.fractional.date(from: $0) }
            .map { $0 > ISO8601DateFormatter.fractional.date(from: timer?["endsAt"] as? String ?? "")! } ?? false })
        #expect(try app.post("Net op tijd", token: token).status == 201)
        #expect(waitUntil(timeout: 10) { (try? app.request("GET", "/api/session").json["phase"] as? String) == "closed" })
        #expect(try app.post("Te laat", token: token).status == 409)
        #expect(try app.request("GET", "/api/session").json["timer"] == nil || (try app.request("GET", "/api/session").json["timer"]) is NSNull)
    }

    @Test func stoppingTheCountdownKeepsSubmissionsOpen() throws {
        let app = try TestApp()
        defer { app.stop() }
        try app.request("POST", "/api/trainer/timer", token: app.trainerToken, json: ["seconds": 60])
        let stopped = try app.request("POST", "/api/trainer/timer", token: app.trainerToken, json: ["seconds": 0])
        #expect(stopped.json["phase"] as? String == "open")
        #expect(stopped.json["timer"] == nil)
        #expect(try app.request("POST", "/api/trainer/timer", token: app.trainerToken, json: ["seconds": -5]).status == 422)
    }
}

extension ISO8601DateFormatter {
    nonisolated(unsafe) static let fractional: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}
