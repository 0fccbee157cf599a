import ArgumentParser
import Foundation
import Logging
import SamenspelApp

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Start the server for a workshop and print the join URL and QR code.")

    @Option(help: "Port to listen on; 0 picks a free one.") var port = 8080
    @Option(help: "IPv4 address to listen on (0.0.0.0 = every network of this laptop).") var host = "0.0.0.0"
    @Option(help: "The URL phones join on (the QR code), e.g. http://192.168.1.20:8080/ (default: the Wi-Fi or Ethernet address).")
    var joinUrl: String?
    @Option(help: "The workshop file (started when no session is active; a running session resumes).") var workshop = "Workshops/werkalliantie-vaktherapie.yaml"
    @Option(help: "Folder for the database (default: $XDG_DATA_HOME/samenspel).") var data: String?
    @Option(help: "Folder with the web pages.") var `static` = "Static"
    @Option(help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"
    @Option(help: "A PIN the trainer page asks for, on top of the trainer link.") var trainerPin: String?
    @Option(help: "Notes one phone may send per minute (0: no limit).") var notesPerMinute = 30
    @Option(help: "Notes one phone may send in a session (0: no limit).") var notesPerPhone = 100
    @Option(help: "Joins per minute from one address (0: no limit).") var joinsPerMinute = 30
    @Option(help: "Open connections per address (0: no limit).") var connectionsPerIp = 64
    @Option(help: "Seconds before an idle or slow connection is dropped.") var connectionTimeout = 30
    @Option(help: "Themes use at most this many of the latest notes (0: all).") var themeNotes = SessionThemes.defaultNoteLimit
    @Option(help: "HTTP worker threads (default: one per core, at least 2).") var threads: Int?
    @Option(help: "Folder of the sentence model (default: where scripts/install-model.sh puts it).") var model: String?
    @Option(help: "How themes group notes: meaning (the sentence model, falling back to words) or words.")
    var themes: ThemesBy = .meaning

    enum ThemesBy: String, ExpressibleByArgument, CaseIterable { case meaning, words }

    func run() throws {
        let signals = SignalWaiter.install()  // first, before any thread exists
        guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var options = ServeOptions()
        options.port = port
        options.host = host
        options.workshopFile = ProjectPaths.locate(workshop)
        options.staticDirectory = ProjectPaths.locate(self.static)
        if let data { options.dataDirectory = data }
        options.trainerPIN = trainerPin
        if let joinUrl {
            guard let url = ServeOptions.joinURL(joinUrl) else {
                throw ValidationError("--join-url '\(joinUrl)' is not a web address; give one like http://192.168.1.20:8080/")
            }
            options.joinURL = url
        }
        options.threads = threads ?? max(2, ProcessInfo.processInfo.activeProcessorCount)
        options.limits.notesPerMinute = notesPerMinute
        options.limits.notesPerPhone = notesPerPhone
        options.limits.joinsPerMinutePerAddress = joinsPerMinute
        options.limits.connectionsPerAddress = connectionsPerIp
        options.limits.connectionTimeout = connectionTimeout
        options.limits.themeNotes = themeNotes
        options.modelFolder = model
        options.themesByMeaning = themes == .meaning
        ProcessLimits.raiseOpenFiles()

        let server: SamenspelServer
        do {
            server = try SamenspelServer(options: options, logger: Logger(label: "samenspel"))
            try server.start()
            // Written straight to the descriptor so a pipe sees it at once.
            FileHandle.standardOutput.write(Data((try server.banner() + "\n").utf8))
        } catch {
            fail("\(error)")
        }
        let signal = signals.wait()
        FileHandle.standardError.write(Data("samenspel: \(signal), stopping…\n".utf8))
        server.stop()
    }
}

/// Prints one line to standard error and exits with status 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("samenspel: \(message)\n".utf8))
    exit(1)
}
