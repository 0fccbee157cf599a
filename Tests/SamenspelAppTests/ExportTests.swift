import Foundation
import Testing
@testable import SamenspelApp
import SamenspelCore

/// A fixed session for the export tests, built through `AppDatabase` in a temporary
/// data folder: fixed ids and dates, every note pinned to a renamed theme, so the
/// golden files do not move when the clustering is tuned.
///
/// Golden files live in `Tests/Fixtures/export/`. After an intended change of an
/// export, regenerate them with
///     SAMENSPEL_REGENERATE_GOLDEN=1 swift test --filter Export
/// and review the diff before committing.
struct ExportFixture {
    static let sessionID = "sessie-2025-03-14"
    static let created = Date(timeIntervalSince1970: 1_741_944_600)  // 2025-03-14T09:30:00Z
    static let utc = TimeZone(identifier: "UTC") ?? .current

    static let workshop = Workshop(
        id: "werkalliantie-vaktherapie", title: "Werkalliantie in vaktherapie", language: .nl,
        question: "Wat is de functie van het medium bij werkalliantie van hulpverlener en cliënt?",
        groups: [
            .init(id: "muziek", name: "Muziek", colour: "#0072B2", icon: "♪"),
            .init(id: "pmt", name: "PMT", colour: "#D55E00", icon: "●"),
            .init(id: "beeldend", name: "Beeldend", colour: "#009E73", icon: "■"),
            .init(id: "drama", name: "Drama", colour: "#CC79A7", icon: "▲"),
        ],
        framework: .init(name: "Bordin", themes: [
            .init(id: "band", label: "Band", description: "De band tussen cliënt en therapeut",
                  keywords: ["samen", "vertrouwen", "veilig", "contact"]),
            .init(id: "doelen", label: "Doelen", description: "Overeenstemming over doelen",
                  keywords: ["doel", "regie", "kiezen"]),
            .init(id: "taken", label: "Taken", description: "Wat je samen doet",
                  keywords: ["spelen", "bewegen", "improvisatie", "trommel"]),
        ]))

    /// Visible notes: id, group, text, theme pin.
    static let notes: [(id: String, group: String, text: String, theme: String)] = [
        ("n01", "muziek", "Samen muziek maken zonder dat je hoeft te praten", "t-samen"),
        ("n02", "muziek", "Je kunt boosheid kwijt op de trommel", "t-veilig"),
        ("n03", "muziek", "Therapeut speelt mee in de improvisatie", "t-samen"),
        ("n04", "pmt", "Bewegen geeft vertrouwen in je lichaam; bij een cliënt met veel angst duurt het langer, "
            + "maar als het lukt merk je dat het contact in de sessies daarna ook anders wordt en dat hij zelf "
            + "vaker met een voorstel komt voor wat we gaan doen", "t-veilig"),
        ("n05", "pmt", "Naïeve vragen mogen: \"wat voel je?\", zei de therapeut", "t-samen"),
        ("n06", "beeldend", "Klei is iets om vast te houden, geeft houvast", "t-veilig"),
        ("n07", "beeldend", "=Jongere kiest zelf de kleuren = eigen regie", "t-regie"),
        ("n08", "beeldend", "- kleur *kiezen* [zelf] | <b>vet</b> # 1. één keer", "t-regie"),
        ("n09", "drama", "veilig want het is maar spel, überhaupt geen oordeel", "t-veilig"),
        ("n10", "drama", "Rollenspel: reünie met je vader 🎭", "t-samen"),
        ("n11", "drama", "<script>alert('x')</script> & co", "t-regie"),
    ]
    static let hiddenText = "GEHEIM verborgen notitie"
    static let deletedText = "verwijderde notitie"

    let folder: String
    let database: AppDatabase

    init() throws {
        folder = NSTemporaryDirectory() + "samenspel-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        database = try AppDatabase(path: folder + "/samenspel.sqlite")
        try database.startSession(Session(id: Self.sessionID, workshop: Self.workshop, phase: .open, createdAt: Self.created))
        for (index, note) in Self.notes.enumerated() {
            // 61.123 s apart: milliseconds that are not exact in binary.
            let date = Self.created.addingTimeInterval(600 + Double(index) * 61.123)
            _ = try database.addNote(Note(id: note.id, sessionID: Self.sessionID, group: note.group, text: note.text,
                                          createdAt: date, updatedAt: date))
        }
        let late = Self.created.addingTimeInterval(1500)
        _ = try database.addNote(Note(id: "n12", sessionID: Self.sessionID, group: "drama", text: Self.hiddenText,
                                      createdAt: late, updatedAt: late))
        _ = try database.addNote(Note(id: "n13", sessionID: Self.sessionID, group: "pmt", text: Self.deletedText,
                                      createdAt: late, updatedAt: late))
        _ = try database.moderate(id: "n12", sessionID: Self.sessionID, text: nil, hidden: true, at: late)
        _ = try database.softDelete(id: "n13", sessionID: Self.sessionID, at: late)
        try database.saveGroupSummary(GroupSummary(sessionId: Self.sessionID, questionId: "q1", groupId: "muziek",
            text: "Samen spelen maakt contact, ook zonder woorden.", updatedAt: late))
        try database.saveGroupSummary(GroupSummary(sessionId: Self.sessionID, questionId: "q1", groupId: "beeldend",
            text: "Het materiaal geeft houvast en eigen regie.", updatedAt: late))
        var pins = Dictionary(uniqueKeysWithValues: Self.notes.map { ($0.id, $0.theme) })
        pins["n12"] = "t-samen"  // a pin of a hidden note must not bring it back
        try database.saveThemeDecisions(ThemeDecisions(
            pins: pins,
            renames: ["t-samen": "Samen doen", "t-veilig": "Veiligheid & houvast", "t-regie": "Eigen regie"]),
            sessionID: Self.sessionID, question: "q1")
        _ = try database.setPhase(.closed, sessionID: Self.sessionID)
        try database.setPublished(Self.created.addingTimeInterval(3600), sessionID: Self.sessionID)
    }

    func snapshot() throws -> SessionSnapshot {
        try SessionSnapshot.load(database, sessionID: Self.sessionID, engine: { try SessionThemes.engine(for: $0, question: $1) })
    }

    var dates: ExportDates { ExportDates(language: .nl, timeZone: Self.utc) }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// Compares `text` with the golden file, or rewrites it with SAMENSPEL_REGENERATE_GOLDEN=1.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/export/" + name)
        if ProcessInfo.processInfo.environment["SAMENSPEL_REGENERATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = String(decoding: try Data(contentsOf: url), as: UTF8.self)  // keeps a BOM
        #expect(text == golden, "\(name) differs from the golden file; see ExportTests.swift to regenerate",
                sourceLocation: sourceLocation)
    }
}

@Suite struct ExportSnapshotTests {
    @Test func snapshotHasVisibleNotesThemesAndLens() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        let snapshot = try fixture.snapshot()
        #expect(snapshot.notes.map(\.id) == ExportFixture.notes.map(\.id).sorted { a, b in
            let order = ["muziek", "pmt", "beeldend", "drama"]
            let ga = ExportFixture.notes.first { $0.id == a }?.group ?? "", gb = ExportFixture.notes.first { $0.id == b }?.group ?? ""
            return (order.firstIndex(of: ga) ?? 9, a) < (order.firstIndex(of: gb) ?? 9, b)
        })
        #expect(!snapshot.notes.contains { $0.text == ExportFixture.hiddenText || $0.text == ExportFixture.deletedText })
        #expect(Set(snapshot.themes.map(\.label)) == ["Samen doen", "Veiligheid & houvast", "Eigen regie"])
        #expect(snapshot.themes.first { $0.id == "t-samen" }?.groups == ["muziek", "pmt", "drama"])
        #expect(snapshot.themeState.pins["n12"] == nil)
        #expect(snapshot.lens.count == ExportFixture.notes.count)
        #expect(snapshot.session.phase == "closed")
        #expect(ExportFormat.pdf.fileName(for: snapshot, timeZone: ExportFixture.utc) == "werkalliantie-vaktherapie_2025-03-14.pdf")
        #expect(ExportFormat.csv.mimeType == "text/csv; charset=utf-8")
    }
}
