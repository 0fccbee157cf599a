import Foundation
import Testing
import TestSupport

@Suite struct NoteFlowTests {
    @Test func aPostedNoteArrivesOnTheEventStream() throws {
        let app = try TestApp()
        defer { app.stop() }
        let stream = try RawConnection(port: app.port)
        try stream.send(method: "GET", path: "/api/events")
        _ = try stream.read(until: ": connected")
        let token = try app.join("muziek")
        let response = try app.post("Samen muziek maken zonder te praten — cliënt 🎵", id: "n-1", token: token)
        #expect(response.status == 201)
        #expect(response.json["group"] as? String == "muziek")
        let event = try stream.read(until: "\n\n", timeout: 5) + (try stream.read(until: "cliënt 🎵", timeout: 5))
            + (try stream.read(until: "\n\n", timeout: 5))
        #expect(event.contains("event: note.created"))
        // The phone's answer and the board's event are the same JSON (encoded once).
        #expect(event.contains("data: \(response.text)\n"))
        #expect(response.headers["content-type"] == "application/json; charset=utf-8")
    }

    @Test func repostingTheSameIDStoresOneNote() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("pmt")
        #expect(try app.post("Bewegen geeft houvast", id: "same", token: token).status == 201)
        let again = try app.post("Bewegen geeft houvast", id: "same", token: token)
        #expect(again.status == 200)
        #expect(again.json["id"] as? String == "same")
        #expect(try app.notes().count == 1)
    }

    @Test func editAndDeleteOwnGroupOnlyAndAnnounceThem() throws {
        let app = try TestApp()
        defer { app.stop() }
        let drama = try app.join("drama")
        let other = try app.join("beeldend")
        try app.post("Rollenspel", id: "r1", token: drama)
        let stream = try RawConnection(port: app.port)
        try stream.send(method: "GET", path: "/api/events")
        _ = try stream.read(until: ": connected")

        #expect(try app.request("PATCH", "/api/notes/r1", token: other, json: ["text": "x"]).status == 403)
        #expect(try app.request("DELETE", "/api/notes/r1", token: other).status == 403)
        let edited = try app.request("PATCH", "/api/notes/r1", token: drama, json: ["text": "Rollenspel geeft afstand"])
        #expect(edited.status == 200)
        #expect(edited.json["text"] as? String == "Rollenspel geeft afstand")
        _ = try stream.read(until: "event: note.updated")
        #expect(try app.request("DELETE", "/api/notes/r1", token: drama).status == 204)
        _ = try stream.read(until: "event: note.deleted")
        #expect(try app.notes().isEmpty)
    }

    @Test func restartKeepsTheSessionAndEveryNote() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("muziek")
        let sessionID = try app.request("GET", "/api/session").json["id"] as? String
        for index in 0..<25 { try app.post("Noot \(index)", id: "k\(index)", token: token) }
        try app.restart()
        #expect(try app.request("GET", "/api/session").json["id"] as? String == sessionID)
        let notes = try app.notes()
        #expect(notes.count == 25)
        #expect(Set(notes.compactMap { $0["id"] as? String }) == Set((0..<25).map { "k\($0)" }))
        // The phone's token still works after the restart.
        #expect(try app.post("Na herstart", token: token).status == 201)
        #expect(try app.server.database.integrityCheck() == "ok")
    }

    @Test func theSessionDescribesTheWorkshop() throws {
        let app = try TestApp()
        defer { app.stop() }
        let session = try app.request("GET", "/api/session").json
        #expect(session["phase"] as? String == "open")
        #expect((session["joinUrl"] as? String)?.hasSuffix(":\(app.port)/") == true)
        let workshop = session["workshop"] as? [String: Any]
        #expect(workshop?["question"] as? String == "Wat is de functie van het medium bij werkalliantie van hulpverlener en cliënt?")
        let groups = workshop?["groups"] as? [[String: Any]] ?? []
        #expect(groups.map { $0["id"] as? String } == ["muziek", "pmt", "beeldend", "drama"])
    }
}
