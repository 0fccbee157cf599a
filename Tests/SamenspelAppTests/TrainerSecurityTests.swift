import Foundation
import Logging
import SamenspelApp
import Testing
import TestSupport

@Suite struct TrainerSecurityTests {
    private func cookie(_ app: TestApp) throws -> String {
        let login = try app.request("GET", "/trainer?token=\(app.trainerToken)")
        return String((login.headers["set-cookie"] ?? "").split(separator: ";")[0])
    }

    @Test func cookieChangesNeedTheCSRFToken() throws {
        let app = try TestApp()
        defer { app.stop() }
        let cookie = try cookie(app)
        let csrf = try #require(try app.request("GET", "/api/trainer/overview", headers: ["Cookie": cookie]).json["csrf"] as? String)
        #expect(try app.request("POST", "/api/trainer/phase", json: ["phase": "closed"], headers: ["Cookie": cookie]).status == 403)
        #expect(try app.request("POST", "/api/trainer/phase", json: ["phase": "closed"], headers: ["Cookie": cookie, "X-CSRF-Token": "wrong"]).status == 403)
        #expect(try app.request("POST", "/api/trainer/phase", json: ["phase": "closed"], headers: ["Cookie": cookie, "X-CSRF-Token": csrf]).status == 200)
    }

    @Test func aPINGuardsTheTrainerRoutes() throws {
        let app = try TestApp(open: false) { $0.trainerPIN = "4711" }
        defer { app.stop() }
        let cookie = try cookie(app)
        let locked = try app.request("GET", "/api/trainer/overview", headers: ["Cookie": cookie])
        #expect(locked.status == 401)
        #expect(locked.json["pin"] as? Bool == true)
        #expect(try app.request("GET", "/api/trainer/overview", token: app.trainerToken).status == 401)
        #expect(try app.request("POST", "/api/trainer/pin", json: ["pin": "0000"], headers: ["Cookie": cookie]).status == 403)
        let entered = try app.request("POST", "/api/trainer/pin", token: app.trainerToken, json: ["pin": "4711"])
        #expect(entered.status == 204)
        let pinCookie = String((entered.headers["set-cookie"] ?? "").split(separator: ";")[0])
        #expect(entered.headers["set-cookie"]?.contains("HttpOnly") == true)
        #expect(try app.request("GET", "/api/trainer/overview", headers: ["Cookie": "\(cookie); \(pinCookie)"]).status == 200)
        #expect(try app.request("GET", "/api/trainer/overview", token: app.trainerToken, headers: ["X-Samenspel-PIN": "4711"]).status == 200)
        // Guessing is slowed down: five wrong tries a minute.
        let statuses = try (0..<6).map { _ in try app.request("POST", "/api/trainer/pin", token: app.trainerToken, json: ["pin": "1"]).status }
        #expect(statuses.last == 429)
    }

    @Test func logsNeverContainTokens() throws {
        let lines = LogCapture()
        let folder = NSTemporaryDirectory() + "samenspel-log-" + UUID().uuidString
        var options = TestApp.options(workshop: "Workshops/werkalliantie-vaktherapie.yaml", dataDirectory: folder)
        options.port = 0
        var logger = Logger(label: "test") { _ in lines }
        logger.logLevel = .trace
        let server = try SamenspelServer(options: options, logger: logger)
        try server.start()
        defer { server.stop() }
        let trainer = server.trainerToken
        _ = try httpRequest(port: server.port, "GET", "/trainer?token=\(trainer)")
        _ = try httpRequest(port: server.port, "GET", "/api/trainer/overview", headers: ["Authorization": "Bearer \(trainer)"])
        let join = try httpRequest(port: server.port, "POST", "/api/join", body: Data(#"{"group":"pmt"}"#.utf8))
        let participant = try #require(join.json["token"] as? String)
        _ = try httpRequest(port: server.port, "POST", "/api/notes", headers: ["Authorization": "Bearer \(participant)"],
                            body: Data(#"{"id":"x1","text":"hallo"}"#.utf8))
        _ = try httpRequest(port: server.port, "GET", "/api/me", headers: ["Authorization": "Bearer wrong-\(participant)"])
        let text = lines.text
        #expect(text.contains("/api/notes"), "the log should have lines at trace level")
        #expect(!text.contains(trainer))
        #expect(!text.contains(participant))
    }
}

/// A log handler that keeps every line, for the log test.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        lock.withLock { lines.append("\(level) \(message) \(metadata ?? [:])") }
    }

    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}
