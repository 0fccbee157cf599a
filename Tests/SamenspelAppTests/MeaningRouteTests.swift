import Foundation
import SamenspelApp
import SamenspelText
import Testing
import TestSupport

/// The model behind `/api/themes`, wrapped to count what it embeds.
final class CountingEncoder: SentenceEncoder, @unchecked Sendable {
    static let model: E5Encoder = {
        do { return try E5Encoder(folder: E5Encoder.defaultFolder) } catch { fatalError("\(error): run scripts/install-model.sh") }
    }()
    private let lock = NSLock()
    private var texts: [String] = []
    let modelName: String

    /// - Parameter modelName: another name stands for another model (its vectors do not mix).
    init(modelName: String = CountingEncoder.model.modelName) {
        self.modelName = modelName
    }
    var dimension: Int { Self.model.dimension }

    func embed(_ texts: [String]) throws(EncoderError) -> [[Float]] {
        lock.withLock { self.texts += texts }
        return try Self.model.embed(texts)
    }

    var embedded: [String] { lock.withLock { texts } }
}

@Suite struct MeaningRouteTests {
    @Test func eachNoteIsEmbeddedOnceAndItsVectorSurvivesARestart() throws {
        let encoder = CountingEncoder()
        let app = try TestApp { $0.encoder = encoder }
        defer { app.stop() }
        let token = try app.join("muziek")
        let texts = ["samen muziek maken zonder te praten", "klanken zeggen meer dan taal", "lol hebben motiveert", "voelen wat je lijf doet"]
        for (index, text) in texts.enumerated() { try app.post(text, id: "n\(index)", token: token) }
        let themes = try app.request("GET", "/api/themes").json
        #expect((themes["engine"] as? [String: Any])?["kind"] as? String == "meaning")
        for text in texts { #expect(encoder.embedded.filter { $0 == text }.count == 1, "\(text)") }

        let before = encoder.embedded.count
        try app.restart()
        let again = try app.request("GET", "/api/themes").json
        #expect((again["engine"] as? [String: Any])?["kind"] as? String == "meaning")
        #expect(encoder.embedded.count == before, "a restart embeds nothing")

        let edited = try app.request("PATCH", "/api/notes/n2", token: token, json: ["text": "plezier zorgt dat jongeren graag komen"])
        #expect(edited.status == 200)
        _ = try app.request("GET", "/api/themes")
        #expect(encoder.embedded.count == before + 1 && encoder.embedded.last == "plezier zorgt dat jongeren graag komen")
    }

    @Test func anotherModelEmbedsTheNotesAgain() throws {
        let app = try TestApp { $0.encoder = CountingEncoder() }
        defer { app.stop() }
        let token = try app.join("pmt")
        for (index, text) in ["voelen wat je lijf doet", "lol hebben motiveert", "klei geeft houvast", "ritme als anker"].enumerated() {
            try app.post(text, id: "n\(index)", token: token)
        }
        _ = try app.request("GET", "/api/themes")
        app.server.stop()
        let newer = CountingEncoder(modelName: "a newer model")
        let again = try TestApp(dataDirectory: app.dataDirectory) { $0.encoder = newer }
        let body = try again.request("GET", "/api/themes").json
        #expect((body["engine"] as? [String: Any])?["model"] as? String == "a newer model")
        #expect(Set(newer.embedded).isSuperset(of: ["voelen wat je lijf doet", "lol hebben motiveert", "klei geeft houvast", "ritme als anker"]))
        again.server.stop()
    }

    @Test func withoutTheModelThemesGoByWordsAndSaySo() throws {
        let app = try TestApp { $0.modelFolder = "/nonexistent/model" }
        defer { app.stop() }
        let token = try app.join("muziek")
        try app.post("Samen muziek maken", id: "a", token: token)
        try app.post("samen spelen", id: "b", token: token)
        let body = try app.request("GET", "/api/themes").json
        let engine = body["engine"] as? [String: Any]
        #expect(engine?["kind"] as? String == "words")
        #expect((engine?["note"] as? String)?.contains("not installed") == true)
        let ids = (body["themes"] as? [[String: Any]] ?? []).flatMap { $0["noteIds"] as? [String] ?? [] }
        #expect(ids.sorted() == ["a", "b"])
        #expect(try app.server.banner(qrInTerminal: false).contains("by shared words"))
    }

    @Test func themesCanBeKeptByWords() throws {
        let app = try TestApp { $0.themesByMeaning = false }
        defer { app.stop() }
        let body = try app.request("GET", "/api/themes").json
        #expect((body["engine"] as? [String: Any])?["kind"] as? String == "words")
    }
}
