import Foundation
import Testing
import TestSupport

@Suite struct ErrorStatusTests {
    @Test func everyErrorHasItsStatusAndAMessageAndLosesNothing() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("muziek")
        try app.post("Bewaard", id: "kept", token: token)

        func expectError(_ response: RawResponse, _ status: Int, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(response.status == status, sourceLocation: sourceLocation)
            #expect((response.json["error"] as? String)?.isEmpty == false, "\(response.text)", sourceLocation: sourceLocation)
        }
        expectError(try app.request("POST", "/api/notes", token: token, raw: "{\"id\": \"x\", \"text\": "), 400)
        expectError(try app.request("POST", "/api/notes", token: token, json: ["id": "x"]), 400)
        expectError(try app.request("POST", "/api/notes", token: token, json: ["id": 5, "text": "t"]), 400)
        expectError(try app.request("POST", "/api/notes", token: token, json: ["id": "../etc", "text": "t"]), 400)
        expectError(try app.request("POST", "/api/notes", json: ["id": "x", "text": "t"]), 401)
        expectError(try app.request("POST", "/api/notes", token: "forged", json: ["id": "x", "text": "t"]), 401)
        expectError(try app.request("POST", "/api/join", json: ["group": "dans"]), 404)
        expectError(try app.request("PATCH", "/api/notes/nope", token: token, json: ["text": "t"]), 404)
        expectError(try app.request("POST", "/api/notes", token: token, json: ["id": "e", "text": "   \n "]), 422)
        expectError(try app.request("POST", "/api/notes", token: token, json: ["id": "l", "text": String(repeating: "a", count: 501)]), 422)
        expectError(try app.request("POST", "/api/notes", token: token, raw: "{\"id\":\"big\",\"text\":\"" + String(repeating: "a", count: 17_000) + "\"}"), 413)
        expectError(try app.request("GET", "/api/nothing"), 404)
        expectError(try app.request("DELETE", "/api/session"), 405)

        #expect(try app.request("POST", "/api/trainer/phase", token: app.trainerToken, json: ["phase": "closed"]).status == 200)
        expectError(try app.post("Te laat", token: token), 409)
        expectError(try app.request("PATCH", "/api/notes/kept", token: token, json: ["text": "changed"]), 409)
        expectError(try app.request("DELETE", "/api/notes/kept", token: token), 409)

        let notes = try app.notes()
        #expect(notes.count == 1)
        #expect(notes.first?["text"] as? String == "Bewaard")
    }

    @Test func exactly500CharactersAndUnicodeAreKept() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("pmt")
        let text = String(repeating: "é", count: 499) + "🎵"
        let response = try app.post(text, token: token)
        #expect(response.status == 201)
        #expect(response.json["text"] as? String == text)
        let cleaned = try app.post("tab\there\u{0007}bell\u{202E}rtl", token: token)
        #expect(cleaned.json["text"] as? String == "tab herebellrtl")
    }
}
