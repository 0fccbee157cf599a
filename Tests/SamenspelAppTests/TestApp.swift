import Foundation
import Logging
import SamenspelApp
import TestSupport

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A running server on port 0 with its own temporary data folder.
final class TestApp {
    let dataDirectory: String
    private(set) var server: SamenspelServer

    /// Limits are off unless a test turns them on: tests join and post from one address quickly.
    /// A new session starts in its briefing; `open` moves it on to the brainstorm, as most tests need.
    init(workshop: String = "Workshops/werkalliantie-vaktherapie.yaml", dataDirectory: String? = nil, open: Bool = true,
         configure: (inout ServeOptions) -> Void = { _ in }) throws {
        self.dataDirectory = dataDirectory ?? NSTemporaryDirectory() + "samenspel-test-" + UUID().uuidString
        var options = Self.options(workshop: workshop, dataDirectory: self.dataDirectory)
        configure(&options)
        self.options = options
        server = try Self.start(options)
        if open, !server.startOutcome.resumed { try openSubmissions() }
    }

    /// Moves the active session to the brainstorm.
    func openSubmissions() throws {
        let response = try request("POST", "/api/trainer/phase", token: trainerToken, json: ["phase": "open"])
        guard response.status == 200 else { throw ClientError("opening failed: \(response.status) \(response.text)") }
    }

    let options: ServeOptions

    static func options(workshop: String, dataDirectory: String) -> ServeOptions {
        var options = ServeOptions()
        options.host = "127.0.0.1"
        options.port = 0
        options.threads = 2
        options.workshopFile = repositoryRoot.appendingPathComponent(workshop).path
        options.staticDirectory = repositoryRoot.appendingPathComponent("Static").path
        options.dataDirectory = dataDirectory
        options.limits.notesPerMinute = 0
        options.limits.notesPerPhone = 0
        options.limits.joinsPerMinutePerAddress = 0
        options.limits.connectionsPerAddress = 0
        return options
    }

    static func start(_ options: ServeOptions) throws -> SamenspelServer {
        let server = try SamenspelServer(options: options, logger: Logger(label: "test"))
        try server.start()
        return server
    }

    var port: Int { server.port }

    /// Stops and starts again on the same data folder, with another `--workshop` if given.
    func restart(workshop: String? = nil) throws {
        server.stop()
        var options = self.options
        if let workshop { options.workshopFile = repositoryRoot.appendingPathComponent(workshop).path }
        server = try Self.start(options)
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    // MARK: - API helpers

    @discardableResult
    func request(_ method: String, _ path: String, token: String? = nil, json: Any? = nil, raw: String? = nil,
                 headers: [String: String] = [:]) throws -> RawResponse {
        var headers = headers
        if let token { headers["Authorization"] = "Bearer \(token)" }
        var body: Data?
        if let json { body = try JSONSerialization.data(withJSONObject: json) }
        if let raw { body = Data(raw.utf8) }
        if body != nil { headers["Content-Type"] = "application/json" }
        return try httpRequest(port: port, method, path, headers: headers, body: body)
    }

    func join(_ group: String) throws -> String {
        let response = try request("POST", "/api/join", json: ["group": group])
        guard response.status == 201, let token = response.json["token"] as? String else {
            throw ClientError("join failed: \(response.status) \(response.text)")
        }
        return token
    }

    @discardableResult
    func post(_ text: String, id: String = UUID().uuidString.lowercased(), token: String) throws -> RawResponse {
        try request("POST", "/api/notes", token: token, json: ["id": id, "text": text])
    }

    func notes() throws -> [[String: Any]] {
        try request("GET", "/api/notes").json["notes"] as? [[String: Any]] ?? []
    }

    var trainerToken: String { server.trainerToken }
}
