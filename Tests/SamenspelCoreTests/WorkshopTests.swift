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
        #expect(throws: WorkshopError.self) { try Workshop(yaml: yaml) }
        let problems = Workshop.problems(in: yaml)
        #expect(problems.contains { $0.line == line && $0.column == column && $0.description.contains(words) }, "\(problems)")
    }

    @Test func aFileWithSeveralMistakesNamesEveryOneWithItsLine() {
        let yaml = """
            id: Demo Workshop
            title: Demo
            language: fr
            qestion: Wat?
            groups:
              - id: a
            \tname: Group A
                colour: blue
              - id: a
                name: Again
                colour: "#445566"
            """
        let problems = Workshop.problems(in: yaml)
        let found = problems.map { ($0.line ?? 0, $0.message) }
        #expect(problems.count == 7, "\(problems)")
        for (line, words) in [(1, "missing 'question'"), (1, "lowercase"), (3, "'fr' is not supported"), (4, "unknown key 'qestion'"),
                              (7, "a tab"), (8, "colour 'blue'"), (9, "used twice")] {
            #expect(found.contains { $0.0 == line && $0.1.contains(words) }, "line \(line): \(words) in \(problems)")
        }
        #expect(problems.map { $0.line ?? 0 } == problems.map { $0.line ?? 0 }.sorted())
        #expect(Workshop.problems(in: "id: x\n") .count == 4)  // title, language, question and groups missing
    }

    @Test func aValidFileHasNoProblems() throws {
        let text = try String(contentsOf: workshops.appendingPathComponent("team-retrospective.yaml"), encoding: .utf8)
        #expect(Workshop.problems(in: text).isEmpty)
    }

    static let twoQuestions = """
        id: demo
        title: Demo
        language: nl
        questions:
          - id: alliantie
            text: Wat doet het medium voor de werkalliantie?
          - id: therapeut
            text: Wat vraagt het van de therapeut?
            framework:
              name: Rollen
              themes:
                - id: gids
                  label: Gids
        groups:
          - id: a
            name: Group A
            colour: "#112233"
        """

    @Test func aWorkshopMayAskSeveralQuestions() throws {
        let workshop = try Workshop(yaml: Self.twoQuestions)
        #expect(workshop.questions.map(\.id) == ["alliantie", "therapeut"])
        #expect(workshop.question == "Wat doet het medium voor de werkalliantie?")
        #expect(workshop.framework(for: "therapeut")?.name == "Rollen")
        #expect(workshop.framework(for: "alliantie") == nil)
        let single = try Workshop(yaml: Self.valid)
        #expect(single.questions == [Workshop.Question(id: "q1", text: "Why?")])
    }

    @Test func questionMistakesNameTheirLine() {
        let duplicate = Self.twoQuestions.replacingOccurrences(of: "id: therapeut", with: "id: alliantie")
        #expect(Workshop.problems(in: duplicate).contains { $0.line == 7 && $0.message.contains("'alliantie' is used twice") })
        let empty = Self.twoQuestions.replacingOccurrences(of: "text: Wat vraagt het van de therapeut?", with: "text: \"\"")
        #expect(Workshop.problems(in: empty).contains { $0.line == 8 && $0.message.contains("is empty") })
        let both = Self.twoQuestions.replacingOccurrences(of: "language: nl\n", with: "language: nl\nquestion: Eén?\n")
        #expect(Workshop.problems(in: both).contains { $0.line == 4 && $0.message.contains("not both") })
        let neither = Self.valid.replacingOccurrences(of: "question: Why?\n", with: "")
        #expect(Workshop.problems(in: neither).contains { $0.message.contains("missing 'question'") })
    }

    @Test func aStoredWorkshopFromBeforeQuestionsStillReads() throws {
        let old = #"{"id":"w","title":"T","language":"nl","question":"Waarom?","groups":[],"briefing":[]}"#
        let workshop = try JSONDecoder().decode(Workshop.self, from: Data(old.utf8))
        #expect(workshop.questions == [Workshop.Question(id: "q1", text: "Waarom?")])
    }

    @Test func anEmptyFileIsRefused() {
        #expect(throws: WorkshopError(line: nil, column: nil, "the file is empty")) { try Workshop(yaml: "") }
    }
}
