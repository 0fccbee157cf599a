import Foundation
import Testing
@testable import SamenspelApp
import SamenspelCore
import TestSupport

/// Themes use at most the latest N notes, and the board, the trainer and the summary are told so.
@Suite struct ThemeWindowTests {
    private static func note(_ id: String, second: Int, text: String = "Samen spelen geeft houvast") -> Note {
        let time = Date(timeIntervalSince1970: 1_795_000_000 + Double(second))
        return Note(id: id, sessionID: "s", group: "muziek", text: text, createdAt: time, updatedAt: time)
    }

    @Test func keepsTheLatestNotesAndEveryNoteOfTheBoundaryInstant() {
        let notes = [Self.note("a", second: 1), Self.note("b", second: 2), Self.note("c", second: 3),
                     Self.note("d", second: 3), Self.note("e", second: 4)]
        let (kept, window) = ThemeWindow.latest(of: notes, limit: 2)
        #expect(kept.map(\.id) == ["c", "d", "e"], "d is one of the latest two; c was written in the same instant")
        #expect(window == ThemeWindow(clustered: 3, total: 5, since: notes[2].createdAt))

        let (one, single) = ThemeWindow.latest(of: notes, limit: 1)
        #expect(one.map(\.id) == ["e"] && single?.clustered == 1 && single?.total == 5)
        for limit in [0, 5, 9] {
            let (all, none) = ThemeWindow.latest(of: notes, limit: limit)
            #expect(all.count == 5 && none == nil, "limit \(limit)")
        }
        // Everything written in one instant: nothing can be left out fairly, so nothing is.
        let same = (0..<4).map { Self.note("s\($0)", second: 7) }
        #expect(ThemeWindow.latest(of: same, limit: 2).window == nil)
    }

    @Test func theAPIAndTheSummaryClusterOnlyTheLatestNotes() throws {
        let app = try TestApp { $0.limits.themeNotes = 3 }
        defer { app.stop() }
        let session = try app.server.activeSession()
        for index in 0..<5 {
            var note = Self.note("n\(index)", second: index, text: "Samen muziek maken zonder te praten \(index)")
            note.sessionID = session.id
            note.question = session.question.id
            _ = try app.server.database.addNote(note)
        }
        let body = try app.request("GET", "/api/themes").json
        let ids = (body["themes"] as? [[String: Any]] ?? []).flatMap { $0["noteIds"] as? [String] ?? [] }
        #expect(ids.sorted() == ["n2", "n3", "n4"])
        let window = body["window"] as? [String: Any]
        #expect(window?["clustered"] as? Int == 3 && window?["total"] as? Int == 5)
        #expect(window?["since"] as? String == ISOTime.string(Self.note("x", second: 2).createdAt))
        let assigned = ((body["lens"] as? [String: Any])?["assignments"] as? [String: String])?.keys.sorted()
        #expect(assigned == ["n2", "n3", "n4"])

        let summary = try SessionSnapshot.load(app.server.database, sessionID: session.id, themeNotes: 3) {
            try SessionThemes.engine(for: $0, question: $1)
        }
        #expect(summary.themes.flatMap(\.noteIds).sorted() == ["n2", "n3", "n4"])
        #expect(summary.themesWindow?.total == 5 && summary.groups.flatMap(\.notes).count == 5)
        #expect(!summary.themes.isEmpty)
        #expect(MarkdownExport.render(summary).contains("Thema's uit de laatste 3 van 5 notities."))
        #expect(HTMLExport.render(summary).contains("uit de laatste 3 van 5 notities.</p>"))
    }

    /// The live themes read only the window from the database; the summary cuts it from every
    /// note it has. Both must keep the same notes.
    @Test func theDatabaseWindowIsTheSameAsTheOneInMemory() throws {
        let app = try TestApp()
        defer { app.stop() }
        let session = try app.server.activeSession()
        for (index, second) in [1, 2, 3, 3, 4, 5].enumerated() {
            var note = Self.note("n\(index)", second: second)
            note.sessionID = session.id
            note.question = session.question.id
            _ = try app.server.database.addNote(note)
        }
        let all = try app.server.database.notes(sessionID: session.id)
        for limit in 0...7 {
            let fromDatabase = try app.server.database.themeNotes(sessionID: session.id, question: session.question.id, limit: limit)
            let inMemory = ThemeWindow.latest(of: all, limit: limit)
            #expect(fromDatabase.notes.map(\.id) == inMemory.notes.map(\.id), "limit \(limit)")
            #expect(fromDatabase.window == inMemory.window, "limit \(limit)")
        }
        #expect(try app.server.database.themeNotes(sessionID: session.id, question: session.question.id, limit: 3).window?.clustered == 4)
    }

    @Test func theEngineIsLoadedAtStartBeforeAnyNote() throws {
        let app = try TestApp()
        defer { app.stop() }
        #expect(waitUntil(timeout: 20) { !app.server.themes.loadedEngines.isEmpty })
        #expect(app.server.themes.loadedEngines == ["werkalliantie-vaktherapie"])
        #expect(try app.notes().isEmpty)
    }

    @Test func aRoomUnderTheLimitGetsNoWindow() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("drama")
        try app.post("Rollen wisselen", id: "d1", token: token)
        let body = try app.request("GET", "/api/themes").json
        #expect(body["window"] == nil)
        #expect(SessionThemes.defaultNoteLimit == 2_000)
    }
}
