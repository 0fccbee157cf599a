import Foundation
import MicroHTTP
import Testing

@testable import SamenspelApp

/// The hand reader of request bodies must never disagree with `JSONDecoder`: what it
/// accepts, the decoder reads the same; what it is unsure of, it leaves to the decoder.
@Suite struct FlatJSONTests {
    /// The decoder's reading of `body` as string fields, or nil if it refuses.
    static func decoded(_ body: [UInt8]) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(body))
    }

    static func fields(_ body: [UInt8]) -> [String: String]? {
        guard let flat = FlatJSON.read(Data(body)) else { return nil }
        return Dictionary(uniqueKeysWithValues: ["id", "text", "group", "x", "a", "é", ""].compactMap { key in flat[key].map { (key, $0) } })
    }

    static let accepted: [String] = [
        #"{"id":"w1-2","text":"Samen spelen geeft houvast"}"#,
        #" { "text" : "tab\tnew\nline \"quoted\" back\\slash \/ \b\f\r" , "id":"a" } "#,
        #"{"text":"\u00e9\u20AC \ud83c\udfa8 and raw é 🎨"}"#,
        #"{"group":"pmt"}"#, #"{}"#, "{\n\"text\": \"\"\n}", #"{"text":"\u0000"}"#,
    ]

    @Test(arguments: accepted)
    func readsWhatTheDecoderReads(body: String) throws {
        let bytes = Array(body.utf8)
        let flat = try #require(Self.fields(bytes))
        let expected = try #require(Self.decoded(bytes))
        #expect(flat == expected.filter { ["id", "text", "group"].contains($0.key) })
    }

    static let leftToTheDecoder: [String] = [
        "", "[]", #""text""#, #"{"text":1}"#, #"{"text":null}"#, #"{"text":{"a":"b"}}"#, #"{"text":["a"]}"#,
        #"{"text":"a","text":"b"}"#, #"{"text":"a",}"#, #"{"text":"a"} x"#, #"{"text":"a""#, #"{'text':'a'}"#,
        "{\"text\":\"raw\ncontrol\"}", #"{"text":"\x"}"#, #"{"text":"\u12"}"#, #"{"text":"\ud83c"}"#,
        #"{"text":"\udfa8\ud83c"}"#, #"{"text":"\ud83c\u0041"}"#, "\u{FEFF}{\"text\":\"a\"}",
    ]

    @Test(arguments: leftToTheDecoder)
    func leavesTheUnsureToTheDecoder(body: String) {
        #expect(FlatJSON.read(Data(body.utf8)) == nil)
    }

    @Test func invalidUTF8IsLeftToTheDecoder() {
        for bytes: [UInt8] in [[0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D], [0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x22, 0x22, 0x7D]] {
            #expect(FlatJSON.read(Data(bytes)) == nil)
            #expect(Self.decoded(bytes) == nil)
        }
    }

    /// Random bodies built from the pieces JSON strings are made of: whenever the reader
    /// accepts one, the decoder reads the same fields.
    @Test func neverDisagreesWithTheDecoderOnRandomBodies() {
        let pieces = ["a", "é", "🎨", " ", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83c\\udfa8", "\\ud83c", "\\u0041",
                      "\"", ",", ":", "{", "}", "\n", "\u{1}", "\\x", "1", "null", "text", "id"]
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<20_000 {
            var body = "{"
            for field in 0..<Int.random(in: 0...3, using: &generator) {
                if field > 0 { body += Bool.random(using: &generator) ? "," : ", " }
                let key = ["id", "text", "x", "a"].randomElement(using: &generator) ?? "x"
                var value = ""
                for _ in 0..<Int.random(in: 0...4, using: &generator) { value += pieces.randomElement(using: &generator) ?? "" }
                body += Int.random(in: 0..<4, using: &generator) == 0 ? "\"\(key)\":\(value)" : "\"\(key)\": \"\(value)\""
            }
            body += "}"
            let bytes = Array(body.utf8)
            guard let flat = Self.fields(bytes) else { continue }
            accepted += 1
            #expect(Self.decoded(bytes).map { $0.filter { ["id", "text", "x", "a"].contains($0.key) } } == flat, "\(body)")
        }
        #expect(accepted > 1_000)
    }

    @Test func aNoteBodyIsReadWithoutTheDecoderAndErrorsStayTheDecoders() throws {
        let request = { (body: String) in HTTPRequest(method: "POST", path: "/api/notes", body: Data(body.utf8)) }
        let note = try request(#"{"id":"n1","text":"Samen"}"#).decode(NewNoteRequest.self)
        #expect(note.id == "n1" && note.text == "Samen")
        #expect(FlatJSON.read(Data(#"{"id":"n1"}"#.utf8)).flatMap(NewNoteRequest.init(fields:)) == nil)
        #expect(throws: AppError.badRequest("The field 'text' is missing.")) { try request(#"{"id":"n1"}"#).decode(NewNoteRequest.self) }
        #expect(throws: AppError.badRequest("The field 'text' has the wrong type.")) {
            try request(#"{"id":"n1","text":5}"#).decode(NewNoteRequest.self)
        }
        #expect(throws: AppError.badRequest("The body is not valid JSON.")) { try request(#"{"id":"n1","#).decode(NewNoteRequest.self) }
    }
}
