import Foundation
import SamenspelCore
import Testing

private let workshops = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Workshops")

@Suite struct WorkshopTests {
    @Test(arguments: ["werkalliantie-vaktherapie.yaml", "team-retrospective.yaml"])
    func shippedWorkshopsLoad(file: String) throws {
        let workshop = try Workshop(yaml: String(contentsOf: workshops.appendingPathComponent(file), encoding: .utf8))
        #expect(!workshop.groups.isEmpty)
        #expect(workshop.framework?.themes.isEmpty == false)
        #expect(!workshop.briefing.isEmpty)
    }

    @Test func theDefaultWorkshopIsTheFirstWorkshopOfTheBrief() throws {
        let workshop = try Workshop(yaml: String(contentsOf: workshops.appendingPathComponent("werkalliantie-vaktherapie.yaml"), encoding: .utf8))
        #expect(workshop.language == .nl)
        #expect(workshop.question == "Wat is de functie van het medium bij werkalliantie van hulpverlener en cliënt?")
        #expect(workshop.groups.map(\.name) == ["Muziek", "PMT", "Beeldend", "Drama"])
        let themes = workshop.framework?.themes.map(\.id) ?? []
        #expect(["band", "doelen", "taken"].allSatisfy(themes.contains))
    }

    static let valid = """
        id: demo
        title: Demo
        language: en
        question: Why?
        groups:
          - id: a
            name: Group A
            colour: "#112233"
        """

    @Test func aMinimalWorkshopGetsDefaults() throws {
        let workshop = try Workshop(yaml: Self.valid)
        #expect(workshop.groups.first?.icon == "G")
        #expect(workshop.framework == nil)
        #expect(workshop.briefing.isEmpty)
    }

    @Test(arguments: [
        // (yaml, line, column, words in the message)
        ("id: demo\ntitle: [unclosed\n", 3, 1, "YAML syntax"),
        (valid.replacingOccurrences(of: "language: en", with: "language: xx"), 3, 11, "not supported"),
        (valid.replacingOccurrences(of: "question: Why?", with: "qestion: Why?"), 4, 1, "unknown key 'qestion'"),
        (valid.replacingOccurrences(of: "\"#112233\"", with: "blue"), 8, 13, "#1A2B3C"),
        (valid.replacingOccurrences(of: "    name: Group A\n", with: ""), 6, 5, "missing 'name'"),
        (valid.replacingOccurrences(of: "id: demo", with: "id: Demo Workshop"), 1, 5, "lowercase"),
        (valid + "\n  - id: a\n    name: Again\n    colour: \"#445566\"", 9, 5, "used twice"),
        ("- just\n- a list\n", 1, 1, "mapping"),
    ] as [(String, Int, Int, String)])
    func brokenFilesSayWhereAndWhat(yaml: String, line: Int, column: Int, words: String) {
        do {
            _ = try Workshop(yaml: yaml)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.description.contains(words), "\(error)")
        }
    }

    @Test func anEmptyFileIsRefused() {
        #expect(throws: WorkshopError(line: nil, column: nil, "the file is empty")) { try Workshop(yaml: "") }
    }
}
