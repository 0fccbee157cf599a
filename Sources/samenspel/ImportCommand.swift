import ArgumentParser
import Foundation
import SamenspelApp

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store a session from a JSON export, or notes typed in from paper (CSV) as a new session.",
        discussion: """
            A JSON file made by 'samenspel export --format json' comes back as it was. A CSV needs \
            the columns group and text (optionally id), a group named by id or name, and \
            --workshop. The imported session is stored next to the others; the server's \
            active session does not change. Works while the server runs.
            """)

    @Argument(help: "A .json export or a .csv of notes.") var file: String
    @Option(help: "The workshop file the notes of a CSV belong to.") var workshop: String?
    @Flag(help: "Give the imported session (and its notes) new ids, to keep it next to the original.")
    var newId = false
    @Option(help: "Folder with the database (default: $XDG_DATA_HOME/samenspel).") var data: String?

    func run() throws {
        do {
            let contents: Data
            do {
                contents = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ExportError.file("cannot read \(file): \(error.localizedDescription)")
            }
            let id: String
            if file.lowercased().hasSuffix(".csv") {
                guard let workshop else { throw ValidationError("a CSV import needs --workshop FILE.yaml") }
                let definition = try WorkshopCatalog.load(ProjectPaths.locate(workshop))
                guard let text = String(data: contents, encoding: .utf8) else {
                    throw ExportError.file("\(file) is not UTF-8 text; save it as \"CSV UTF-8\".")
                }
                id = try PaperImport.importNotes(text, workshop: definition, into: DataFolder.open(data, create: true))
            } else {
                id = try JSONExport.importSession(contents, into: DataFolder.open(data, create: true), newID: newId)
            }
            print("imported session \(id)")
        } catch let error as ValidationError {
            throw error
        } catch let error as ExportError {
            fail("\(file): \(error)")
        } catch {
            fail("\(error)")
        }
    }
}
