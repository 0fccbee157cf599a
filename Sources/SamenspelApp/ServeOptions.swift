import Foundation
import SamenspelText

/// How `samenspel serve` was asked to run.
public struct ServeOptions: Sendable {
    public var host = "0.0.0.0"
    public var port = 8080
    public var workshopFile = "Workshops/werkalliantie-vaktherapie.yaml"
    public var dataDirectory = ServeOptions.defaultDataDirectory
    public var staticDirectory = "Static"
    public var threads = 4
    public var limits = Limits()
    /// The URL phones join on (the QR code), when the trainer chose one; nil picks an address.
    public var joinURL: String?
    /// A PIN the trainer page asks for, on top of the trainer link.
    public var trainerPIN: String?
    /// The sentence model's folder (nil: where `scripts/install-model.sh` puts it).
    public var modelFolder: String?
    /// Themes by meaning when the model loads; false keeps them by shared words.
    public var themesByMeaning = true
    /// An encoder to use instead of loading the model from `modelFolder` (tests count calls).
    public var encoder: (any SentenceEncoder)?

    /// A join URL as typed (`192.168.1.20:8080`, `http://laptop.local:8080`), made whole
    /// with `http://` and a closing `/`; nil when it is not an http(s) URL with a host.
    public static func joinURL(_ text: String) -> String? {
        var url = text.trimmingCharacters(in: .whitespaces)
        if !url.contains("://") { url = "http://" + url }
        guard let parsed = URLComponents(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
              let host = parsed.host, !host.isEmpty, parsed.query == nil, parsed.fragment == nil else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }

    /// What one phone or address may do. 0 switches a limit off (benchmarks do).
    public struct Limits: Sendable {
        public var notesPerMinute = 30
        public var notesPerPhone = 100
        public var joinsPerMinutePerAddress = 30
        /// Open connections per IP address (a phone needs two or three).
        public var connectionsPerAddress = 64
        /// Seconds a connection may sit idle mid-request before it is dropped (slow senders).
        public var connectionTimeout = 30
        /// Themes use at most this many of the latest notes (0: all).
        public var themeNotes = SessionThemes.defaultNoteLimit

        public init() {}
    }

    public init() {}

    /// `$XDG_DATA_HOME/samenspel`, or `~/.local/share/samenspel`.
    public static var defaultDataDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/samenspel" }
        return (environment["HOME"] ?? ".") + "/.local/share/samenspel"
    }

    /// The database file inside the data folder.
    public var databasePath: String { dataDirectory + "/samenspel.sqlite" }
}
