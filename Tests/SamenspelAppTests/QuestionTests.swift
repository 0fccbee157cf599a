import Foundation
import SamenspelApp
import Testing
import TestSupport

/// Several questions in one workshop: the room answers one at a time, and notes, themes and
/// group summaries stay with the question they were written for.
@Suite struct QuestionTests {
    @Test func theSessionListsTheWorkshopsQuestionsAndTheCurrentOne() throws {
        let app = try TestApp()
        defer { app.stop() }
        let session = try app.request("GET", "/api/session").json
        let questions = try #require(session["questions"] as? [[String: Any]])
        #expect(questions.map { $0["id"] as? String } == ["functie", "therapeut"])
        #expect((questions.first?["text"] as? String)?.hasPrefix("Wat is de functie van het medium") == true)
        #expect(session["question"] as? String == "functie")
        #expect(votingState(session) == "closed, 3 dots")

        let single = try TestApp(workshop: "Workshops/team-retrospective.yaml")
        defer { single.stop() }
        let one = try single.request("GET", "/api/session").json
        #expect((one["questions"] as? [[String: Any]])?.map { $0["id"] as? String } == ["q1"])
        #expect(one["question"] as? String == "q1")
    }

    @Test func aSwitchFilesNewNotesUnderTheNewQuestionAndAStalePhoneUnderItsOwn() throws {
        let app = try TestApp()
        defer { app.stop() }
        let phone = try app.join("muziek")
        #expect(try app.post("Samen muziek maken", token: phone).json["question"] as? String == "functie")

        let switched = try app.request("POST", "/api/trainer/question", token: app.trainerToken, json: ["question": "therapeut"])
        #expect(switched.status == 200 && switched.json["question"] as? String == "therapeut")
        #expect(try app.post("Geduld hebben met de cliënt", token: phone).json["question"] as? String == "therapeut")
        // A page still showing the first question (or its outbox) names it: the note goes there.
        let stale = try app.request("POST", "/api/notes", token: phone,
                                    json: ["id": UUID().uuidString, "text": "Klei geeft houvast", "question": "functie"])
        #expect(stale.status == 201 && stale.json["question"] as? String == "functie")

        #expect(try texts(app, "/api/notes") == ["Geduld hebben met de cliënt"])
        #expect(try texts(app, "/api/notes?question=functie") == ["Samen muziek maken", "Klei geeft houvast"])
        #expect(try app.request("GET", "/api/session").json["counts"] as? [String: Int] == ["muziek": 1, "pmt": 0, "beeldend": 0, "drama": 0])

        // Themes are per question too.
        let themes = try app.request("GET", "/api/themes?question=functie").json
        #expect(themes["question"] as? String == "functie")
        let clustered = Set((themes["themes"] as? [[String: Any]] ?? []).flatMap { $0["noteIds"] as? [String] ?? [] })
        let first = try app.request("GET", "/api/notes?question=functie").json["notes"] as? [[String: Any]] ?? []
        #expect(clustered == Set(first.compactMap { $0["id"] as? String }))
        let current = try app.request("GET", "/api/themes").json
        #expect(current["question"] as? String == "therapeut")
        #expect((current["themes"] as? [[String: Any]] ?? []).flatMap { $0["noteIds"] as? [String] ?? [] }.count == 1)
    }

    @Test func unknownQuestionsGetAClearErrorAndChangeNothing() throws {
        let app = try TestApp()
        defer { app.stop() }
        let phone = try app.join("pmt")
        let post = try app.request("POST", "/api/notes", token: phone, json: ["id": UUID().uuidString, "text": "Bewegen", "question": "q9"])
        #expect(post.status == 404)
        #expect((post.json["error"] as? String)?.contains("no question 'q9'") == true)
        #expect(try app.request("GET", "/api/notes?question=q9").status == 404)
        #expect(try app.request("GET", "/api/themes?question=q9").status == 404)
        let move = try app.request("POST", "/api/trainer/question", token: app.trainerToken, json: ["question": "q9"])
        #expect(move.status == 404)
        #expect(try app.request("GET", "/api/session").json["question"] as? String == "functie")
        #expect(try app.notes().isEmpty)
    }

    @Test func groupSummariesBelongToTheirQuestion() throws {
        let app = try TestApp()
        defer { app.stop() }
        let phone = try app.join("drama")
        #expect(try app.request("PUT", "/api/groups/drama/summary", token: phone, json: ["text": "Spel geeft afstand."]).status == 200)
        try app.request("POST", "/api/trainer/question", token: app.trainerToken, json: ["question": "therapeut"])
        #expect((try app.request("GET", "/api/summaries").json["summaries"] as? [String: Any])?.isEmpty == true)
        #expect(try app.request("PUT", "/api/groups/drama/summary", token: phone, json: ["text": "Durven meespelen."]).status == 200)
        let first = try app.request("GET", "/api/summaries?question=functie").json["summaries"] as? [String: [String: Any]]
        let second = try app.request("GET", "/api/summaries").json["summaries"] as? [String: [String: Any]]
        #expect(first?["drama"]?["text"] as? String == "Spel geeft afstand.")
        #expect(second?["drama"]?["text"] as? String == "Durven meespelen.")
    }

    @Test func theQuestionSurvivesARestart() throws {
        let app = try TestApp()
        defer { app.stop() }
        try app.request("POST", "/api/trainer/question", token: app.trainerToken, json: ["question": "therapeut"])
        try app.restart()
        #expect(try app.request("GET", "/api/session").json["question"] as? String == "therapeut")
    }

    private func texts(_ app: TestApp, _ path: String) throws -> [String] {
        (try app.request("GET", path).json["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    }
}
