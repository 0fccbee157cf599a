import Foundation
import Testing
@testable import SamenspelApp
import SamenspelCore
import TestSupport

/// The take-away of a session with two questions and a dot vote: every export carries each
/// question with its notes, summaries and themes ranked by dots, and the JSON imports back whole.
@Suite struct ExportQuestionTests {
    /// A room that answered both questions of the default workshop and voted on the first.
    /// Themes by words: an imported session has no sentence vectors until a server reads it, and
    /// the lens by meaning then differs from the words' (the vectors are not part of an export).
    static func votedRoom() throws -> (app: TestApp, ranked: [String]) {
        let app = try TestApp { $0.themesByMeaning = false }
        let muziek = try app.join("muziek"), pmt = try app.join("pmt")
        for text in ["Samen muziek maken", "Samen muziek spelen zonder woorden", "Klei geeft houvast", "Klei is iets om vast te houden"] {
            try app.post(text, token: muziek)
        }
        try app.request("PUT", "/api/groups/muziek/summary", token: muziek, json: ["text": "Spelen verbindt."])
        let themes = (try app.request("GET", "/api/themes").json["themes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        guard themes.count >= 2 else { throw ClientError("expected two themes, got \(themes)") }
        try app.request("POST", "/api/trainer/voting", token: app.trainerToken, json: ["open": true, "dots": 3])
        // The smaller vote goes to the engine's first theme, so ranking by dots changes the order.
        try app.request("PUT", "/api/votes", token: muziek, json: ["votes": [themes[0]: 1, themes[1]: 2]])
        try app.request("PUT", "/api/votes", token: pmt, json: ["votes": [themes[1]: 3]])
        try app.request("POST", "/api/trainer/question", token: app.trainerToken, json: ["question": "therapeut"])
        try app.openSubmissions()
        try app.post("Geduld en afstemmen", token: pmt)
        try app.request("PUT", "/api/groups/pmt/summary", token: pmt, json: ["text": "Afstemmen vraagt geduld."])
        try app.request("POST", "/api/trainer/publish", token: app.trainerToken, json: ["published": true])
        return (app, [themes[1], themes[0]])
    }

    @Test func theSummaryCarriesEveryQuestionWithItsThemesRankedByDots() throws {
        let (app, ranked) = try Self.votedRoom()
        defer { app.stop() }
        let summary = try app.request("GET", "/api/summary").json
        #expect((summary["question"] as? [String: Any])?["id"] as? String == "functie")
        #expect(summary["ballots"].map { ($0 as? [Any])?.count } == 2)
        let themes = summary["themes"] as? [[String: Any]] ?? []
        #expect(Array(themes.compactMap { $0["id"] as? String }.prefix(2)) == ranked)
        #expect(themes.first?["dots"] as? Int == 5 && themes.dropFirst().first?["dots"] as? Int == 1)
        let rounds = summary["rounds"] as? [[String: Any]] ?? []
        #expect(rounds.count == 1 && (rounds.first?["question"] as? [String: Any])?["id"] as? String == "therapeut")
        let later = (rounds.first?["groups"] as? [[String: Any]] ?? []).flatMap { $0["notes"] as? [[String: Any]] ?? [] }
        #expect(later.compactMap { $0["text"] as? String } == ["Geduld en afstemmen"])

        let matrix = try app.request("GET", "/api/summary/matrix.svg?question=therapeut")
        #expect(matrix.status == 200 && !matrix.text.contains("Klei"))
        #expect(try app.request("GET", "/api/summary/matrix.svg?question=q9").status == 404)
        let markdown = try app.request("GET", "/api/summary/download?format=md").text
        for expected in ["## Vraag 1 van 2: Wat is de functie", "## Vraag 2 van 2: Wat vraagt het werken", "(5 stippen)", "(1 stip)",
                         "2 telefoons hebben gestemd.", "Spelen verbindt.", "Afstemmen vraagt geduld.", "Geduld en afstemmen"] {
            #expect(markdown.contains(expected), "Markdown lacks \(expected)")
        }
        let csv = try app.request("GET", "/api/summary/download?format=csv").text
        #expect(csv.contains(";Wat vraagt het werken met het medium van jou als therapeut?;"))
        #expect(csv.contains(";5;Samen muziek maken;") || csv.contains(";5;Klei geeft houvast;"))
        let html = try app.request("GET", "/api/summary/download?format=html").text
        #expect(html.contains("Vraag 2 van 2: Wat vraagt") && html.contains("● 5 stippen"))
        let pdf = try app.request("GET", "/api/summary/download?format=pdf").body
        let path = app.dataDirectory + "/questions.pdf"
        try pdf.write(to: URL(fileURLWithPath: path))
        let text = normalised(try pdftotext(path))
        #expect(text.contains("Vraag 2 van 2") && text.contains("5 stippen") && text.contains("Geduld en afstemmen"))
    }

    @Test func theJSONExportImportsBackWithQuestionsAndVotes() throws {
        let (app, ranked) = try Self.votedRoom()
        defer { app.stop() }
        let first = try app.request("GET", "/api/summary/download?format=json").body
        let other = try ExportFixture.emptyDatabase()
        defer { try? FileManager.default.removeItem(atPath: other.folder) }
        let id = try JSONExport.importSession(first, into: other.database)
        let second = try JSONExport.export(try SessionSnapshot.load(other.database, sessionID: id, engine: {
            try SessionThemes.engine(for: $0, question: $1)
        }))
        #expect(String(decoding: second, as: UTF8.self) == String(decoding: first, as: UTF8.self))
        let votes = try other.database.votes(sessionID: id, question: "functie")
        #expect(votes.voters == 2 && votes.perTheme[ranked[0]] == 5)
        #expect(try other.database.notes(sessionID: id, question: "therapeut").map(\.text) == ["Geduld en afstemmen"])
        #expect(try other.database.groupSummaries(sessionID: id, question: "therapeut")["pmt"]?.text == "Afstemmen vraagt geduld.")
        // Under new ids too: a copy beside the original keeps both questions.
        let copy = try JSONExport.importSession(first, into: other.database, newID: true)
        #expect(try other.database.notes(sessionID: copy, question: "therapeut").count == 1)
    }

    @Test func aPaperImportNamesTheQuestionOfEachNote() throws {
        let other = try ExportFixture.emptyDatabase()
        defer { try? FileManager.default.removeItem(atPath: other.folder) }
        let workshop = try Workshop(yaml: String(contentsOf: repositoryRoot.appendingPathComponent("Workshops/werkalliantie-vaktherapie.yaml"), encoding: .utf8))
        let text = "groep;vraag;tekst\nmuziek;;Samen spelen\npmt;2;Geduld\ndrama;therapeut;Meespelen\n"
        let id = try PaperImport.importNotes(text, workshop: workshop, into: other.database)
        #expect(try other.database.notes(sessionID: id, question: "functie").map(\.text) == ["Samen spelen"])
        #expect(try other.database.notes(sessionID: id, question: "therapeut").map(\.text) == ["Geduld", "Meespelen"])
        let wrong = #expect(throws: ExportError.self) { try PaperImport.parse("group,question,text\npmt,3,Bewegen\n", workshop: workshop) }
        #expect(wrong?.description.contains("line 2: there is no question '3'") == true)
    }
}
