import Foundation
import SamenspelApp
import Testing
import TestSupport

/// Dot voting: the trainer opens it, each phone spreads its dots over the current question's
/// themes and may change them until it closes; votes are durable and follow merges.
@Suite struct VotingTests {
    /// A room with two clear themes on the first question; returns the app and the theme ids.
    static func room() throws -> (TestApp, [String]) {
        let app = try TestApp()
        let phone = try app.join("muziek")
        for text in ["Samen muziek maken", "Samen muziek spelen zonder woorden", "Klei geeft houvast", "Klei is iets om vast te houden"] {
            try app.post(text, token: phone)
        }
        let themes = try app.request("GET", "/api/themes").json["themes"] as? [[String: Any]] ?? []
        return (app, themes.compactMap { $0["id"] as? String })
    }

    func vote(_ app: TestApp, _ token: String, _ votes: [String: Int]) throws -> RawResponse {
        try app.request("PUT", "/api/votes", token: token, json: ["votes": votes])
    }

    @Test func phonesSpreadTheirDotsAndChangeThemUntilVotingCloses() throws {
        let (app, themes) = try Self.room()
        defer { app.stop() }
        try #require(themes.count >= 2)
        let (a, b) = (themes[0], themes[1])
        let one = try app.join("pmt"), two = try app.join("drama")
        #expect(try vote(app, one, [a: 1]).status == 409)  // not open yet

        let opened = try app.request("POST", "/api/trainer/voting", token: app.trainerToken, json: ["open": true, "dots": 3])
        #expect(votingState(opened.json) == "open, 3 dots")
        #expect(opened.json["phase"] as? String == "closed")  // themes hold still while the room votes

        let receipt = try vote(app, one, [a: 2, b: 1])
        #expect(receipt.status == 200 && receipt.json["left"] as? Int == 0)
        #expect(try vote(app, two, [a: 1]).status == 200)
        // Too many, negative, unknown theme, no token: refused, nothing changes.
        #expect(try vote(app, two, [a: 3, b: 1]).status == 422)
        #expect(try vote(app, two, [a: -1]).status == 422)
        #expect(try vote(app, two, ["t-none": 1]).status == 422)
        #expect(try app.request("PUT", "/api/votes", json: ["votes": [a: 1]]).status == 401)
        var tally = try app.request("GET", "/api/votes", token: two).json
        #expect(tally["totals"] as? [String: Int] == [a: 3, b: 1])
        #expect(tally["voters"] as? Int == 2 && tally["mine"] as? [String: Int] == [a: 1])

        // A phone changes its mind: its dots are replaced, not added.
        #expect(try vote(app, one, [b: 3]).status == 200)
        tally = try app.request("GET", "/api/votes").json
        #expect(tally["totals"] as? [String: Int] == [a: 1, b: 3])
        #expect(tally["mine"] == nil)

        try app.request("POST", "/api/trainer/voting", token: app.trainerToken, json: ["open": false])
        #expect(try vote(app, one, [a: 1]).status == 409)
        #expect(try app.request("GET", "/api/votes").json["totals"] as? [String: Int] == [a: 1, b: 3])
    }

    @Test func theDotsPerPhoneAreOneToTen() throws {
        let (app, _) = try Self.room()
        defer { app.stop() }
        for dots in [0, 11] {
            #expect(try app.request("POST", "/api/trainer/voting", token: app.trainerToken, json: ["open": true, "dots": dots]).status == 422)
        }
        let standard = try app.request("POST", "/api/trainer/voting", token: app.trainerToken, json: ["open": true])
        #expect(votingState(standard.json) == "open, 3 dots")
    }

    @Test func votesSurviveARestartAndFollowMerges() throws {
        let (app, themes) = try Self.room()
        defer { app.stop() }
        try #require(themes.count >= 2)
        let (a, b) = (themes[0], themes[1])
        try app.request("POST", "/api/trainer/voting", token: app.trainerToken, json: ["open": true, "dots": 5])
        let phone = try app.join("beeldend")
        #expect(try vote(app, phone, [a: 2, b: 3]).status == 200)
        try app.restart()
        #expect(try app.request("GET", "/api/votes").json["totals"] as? [String: Int] == [a: 2, b: 3])
        #expect(votingState(try app.request("GET", "/api/session").json) == "open, 5 dots")

        let merged = try app.request("POST", "/api/trainer/themes/\(a)/merge", token: app.trainerToken, json: ["into": b])
        #expect(merged.status == 200)
        #expect(try app.request("GET", "/api/votes").json["totals"] as? [String: Int] == [b: 5])
        // The phone sees its dots where they are now, and can move them on.
        #expect(try app.request("GET", "/api/votes", token: phone).json["mine"] as? [String: Int] == [b: 5])
        #expect(try vote(app, phone, [b: 4]).status == 200)
    }

    @Test func votesAreKeptPerQuestionAndASwitchClosesVoting() throws {
        let (app, themes) = try Self.room()
        defer { app.stop() }
        try app.request("POST", "/api/trainer/voting", token: app.trainerToken, json: ["open": true])
        let phone = try app.join("pmt")
        #expect(try vote(app, phone, [try #require(themes.first): 2]).status == 200)
        let moved = try app.request("POST", "/api/trainer/question", token: app.trainerToken, json: ["question": "therapeut"])
        #expect(votingState(moved.json) == "closed, 3 dots")
        #expect(try app.request("GET", "/api/votes").json["totals"] as? [String: Int] == [:])
        #expect(try app.request("GET", "/api/votes?question=functie").json["voters"] as? Int == 1)
        // Voting on the new question: a phone still naming the first is told.
        try app.request("POST", "/api/trainer/voting", token: app.trainerToken, json: ["open": true])
        let stale = try app.request("PUT", "/api/votes", token: phone, json: ["votes": [String: Int](), "question": "functie"])
        #expect(stale.status == 409)
        // Opening submissions ends the vote: themes would move under it.
        try app.openSubmissions()
        #expect(votingState(try app.request("GET", "/api/session").json) == "closed, 3 dots")
    }
}

/// `voting` of a session's JSON as "open, 3 dots" (JSON booleans arrive as NSNumbers).
func votingState(_ session: [String: Any]) -> String {
    let voting = session["voting"] as? [String: Any]
    let open = (voting?["open"] as? Bool) == true ? "open" : "closed"
    return "\(open), \(voting?["dots"] as? Int ?? -1) dots"
}
