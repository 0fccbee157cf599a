import ArgumentParser
import Foundation
import SamenspelApp

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the summary of a session as PDF, Markdown, CSV, JSON or HTML.",
        discussion: """
            Text formats go to standard output unless -o is given; a PDF goes to \
            <workshop-id>_<yyyy-mm-dd>.pdf in this folder. Works while the server runs.
            """)

    @Argument(help: "A session id, or 'active' (the one the server shows) or 'latest' (the newest).")
    var session: String
    @Option(help: "pdf, md, csv, json or html.") var format: ExportFormat
    @Option(name: .shortAndLong, help: "The file to write ('-' for standard output).") var output: String?
    @Option(help: "Folder with the database (default: $XDG_DATA_HOME/samenspel).") var data: String?

    func run() throws {
        do {
            let database = try DataFolder.open(data, create: false)
            let id = try DataFolder.resolve(session, in: database)
            let snapshot = try SessionSnapshot.load(database, sessionID: id, engine: { try SessionThemes.engine(for: $0, question: $1) })
            let bytes: Data = switch format {
            case .pdf: try PDFExport.render(snapshot)
            case .md: Data(MarkdownExport.render(snapshot).utf8)
            case .csv: Data(CSVExport.render(snapshot).utf8)
            case .json: try JSONExport.export(snapshot)
            case .html: Data(HTMLExport.render(snapshot).utf8)
            }
            let target = output ?? (format.isText ? "-" : format.fileName(for: snapshot))
            if target == "-" {
                FileHandle.standardOutput.write(bytes)
            } else {
                do {
                    try bytes.write(to: URL(fileURLWithPath: target), options: .atomic)
                } catch {
                    throw ExportError.file("cannot write \(target): \(error.localizedDescription)")
                }
                FileHandle.standardError.write(Data("samenspel: wrote \(target)\n".utf8))
            }
        } catch {
            fail("\(error)")
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}

/// The data folder the commands read and write: the same default as `serve`.
enum DataFolder {
    /// Opens the database in `folder` (default: the one `serve` uses). Without `create`,
    /// a missing database is an error instead of a new empty file.
    static func open(_ folder: String?, create: Bool) throws -> AppDatabase {
        var options = ServeOptions()
        if let folder { options.dataDirectory = folder }
        if create {
            do {
                try FileManager.default.createDirectory(atPath: options.dataDirectory, withIntermediateDirectories: true)
            } catch {
                throw ExportError.file("cannot create the data folder \(options.dataDirectory): \(error.localizedDescription)")
            }
        } else if !FileManager.default.fileExists(atPath: options.databasePath) {
            throw ExportError.file("there is no database at \(options.databasePath); give the folder with --data.")
        }
        return try AppDatabase(path: options.databasePath)
    }

    /// A session id, or the id of the `active` or `latest` session.
    static func resolve(_ name: String, in database: AppDatabase) throws -> String {
        switch name {
        case "active":
            guard let session = try database.activeSession() else { throw ExportError.sessionNotFound("active") }
            return session.id
        case "latest":
            guard let id = try database.latestSessionID() else { throw ExportError.sessionNotFound("latest") }
            return id
        default:
            return name
        }
    }
}
