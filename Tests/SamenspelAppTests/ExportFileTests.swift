import Foundation
import Testing
@testable import SamenspelApp
import SamenspelCore

@Suite struct ExportFileTests {
    @Test func jsonExportImportExportIsIdentical() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        let first = try JSONExport.export(try fixture.snapshot())

        let other = try ExportFixture.emptyDatabase()
        defer { try? FileManager.default.removeItem(atPath: other.folder) }
        let id = try JSONExport.importSession(first, into: other.database)
        #expect(id == ExportFixture.sessionID)
        let second = try JSONExport.export(try SessionSnapshot.load(other.database, sessionID: id, engine: { try SessionThemes.engine(for: $0, question: $1) }))
        #expect(String(decoding: second, as: UTF8.self) == String(decoding: first, as: UTF8.self))
        #expect(try other.database.activeSession() == nil)  // an import never takes over the room

        // Again into the same folder: refused, unless under new ids.
        #expect(throws: ExportError.sessionExists(ExportFixture.sessionID)) {
            try JSONExport.importSession(first, into: other.database)
        }
        let copy = try JSONExport.importSession(first, into: other.database, newID: true)
        #expect(copy != id)
        let renumbered = try SessionSnapshot.load(other.database, sessionID: copy, engine: { try SessionThemes.engine(for: $0, question: $1) })
        #expect(renumbered.notes.map(\.text) == (try fixture.snapshot()).notes.map(\.text))
        #expect(Set(renumbered.themes.map(\.label)) == ["Samen doen", "Veiligheid & houvast", "Eigen regie"])
    }

    @Test func jsonImportRefusesOtherFiles() throws {
        let other = try ExportFixture.emptyDatabase()
        defer { try? FileManager.default.removeItem(atPath: other.folder) }
        #expect(throws: ExportError.self) { try JSONExport.importSession(Data("{\"format\":\"x\"}".utf8), into: other.database) }
        #expect(throws: ExportError.invalidDocument("it is not JSON.")) { try JSONExport.importSession(Data("nee".utf8), into: other.database) }
    }

    @Test func paperCSVImportsAndNamesTheBadLine() throws {
        let other = try ExportFixture.emptyDatabase()
        defer { try? FileManager.default.removeItem(atPath: other.folder) }
        let good = "\u{FEFF}group,text\r\nmuziek,Samen spelen\r\nBEELDEND,\"Klei, geeft houvast\"\r\nDrama,\"Rol \"\"spelen\"\"\nop twee regels\"\r\n"
        let id = try PaperImport.importNotes(good, workshop: ExportFixture.workshop, into: other.database)
        let notes = try other.database.notes(sessionID: id)
        #expect(notes.map(\.group) == ["muziek", "beeldend", "drama"])
        #expect(notes.map(\.text) == ["Samen spelen", "Klei, geeft houvast", "Rol \"spelen\"\nop twee regels"])
        #expect(try other.database.session(id: id)?.phase == .closed)

        let semicolons = "id;groep;tekst\np1;pmt;Bewegen\n"
        let parsed = try PaperImport.parse(semicolons, workshop: ExportFixture.workshop)
        #expect(parsed.notes.map(\.id) == ["p1"])

        let bad = "group,text\nmuziek,Goed\n\"drama\",\"meerdere\nregels\"\nzang,Onbekende groep\n"
        #expect(throws: ExportError.invalidRow(line: 5, message: "there is no group 'zang' in this workshop (groups: Muziek, PMT, Beeldend, Drama).")) {
            try PaperImport.parse(bad, workshop: ExportFixture.workshop)
        }
        let error = #expect(throws: ExportError.self) { try PaperImport.parse("group,text\nmuziek\n", workshop: ExportFixture.workshop) }
        #expect(error?.description.hasPrefix("line 2:") == true)
    }

    @Test func pdfHasEveryVisibleNoteAndNoHiddenOne() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        let pdf = try PDFExport.render(try fixture.snapshot(), dates: fixture.dates)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let path = fixture.folder + "/summary.pdf"
        try pdf.write(to: URL(fileURLWithPath: path))
        // SAMENSPEL_EXPORT_OUT=DIR keeps a copy to look at.
        if let keep = ProcessInfo.processInfo.environment["SAMENSPEL_EXPORT_OUT"] {
            try pdf.write(to: URL(fileURLWithPath: keep + "/summary.pdf"))
            try Data(HTMLExport.render(try fixture.snapshot(), dates: fixture.dates).utf8)
                .write(to: URL(fileURLWithPath: keep + "/summary.html"))
        }
        let text = normalised(try pdftotext(path))
        for note in ExportFixture.notes {
            #expect(text.contains(normalised(note.text)), "missing in the PDF: \(note.text)")
        }
        for accented in ["cliënt", "Naïeve", "één", "überhaupt", "reünie"] { #expect(text.contains(accented)) }
        #expect(!text.contains(ExportFixture.hiddenText))
        #expect(!text.contains(ExportFixture.deletedText))
        #expect(text.contains("Thema's × groepen"))
    }
}

/// The text of a PDF, by poppler's `pdftotext`.
func pdftotext(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = ["-enc", "UTF-8", path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// One space for any run of white space; emoji left out (they need a colour font
/// that may not be installed; without one Pango draws a box).
func normalised(_ text: String) -> String {
    let kept = text.unicodeScalars.filter { !($0.properties.isEmojiPresentation) }
    return String(String.UnicodeScalarView(kept)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        .precomposedStringWithCanonicalMapping
}

extension ExportFixture {
    /// An empty data folder with a fresh database.
    static func emptyDatabase() throws -> (folder: String, database: AppDatabase) {
        let folder = NSTemporaryDirectory() + "samenspel-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (folder, try AppDatabase(path: folder + "/samenspel.sqlite"))
    }
}
