import Foundation

/// How `samenspel serve` was asked to run.
public struct ServeOptions: Sendable {
    public var host = "0.0.0.0"
    public var port = 8080
    public var workshopFile = "Workshops/werkalliantie-vaktherapie.yaml"
    public var dataDirectory = ServeOptions.defaultDataDirectory
    public var staticDirectory = "Static"
    public var threads = 4

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
