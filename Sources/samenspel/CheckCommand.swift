import ArgumentParser
import Foundation
import SamenspelApp
import SamenspelCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a workshop file; every problem is reported with its line and column.")

    @Argument(help: "The workshop YAML file.") var file: String

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            do { _ = try WorkshopCatalog.load(file) } catch { fail(error.message) }  // says why it cannot be read
            fail("cannot read \(file)")
        }
        let problems = Workshop.problems(in: text)
        guard problems.isEmpty else {
            let lines = problems.map { "\(file): \($0)" }
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            FileHandle.standardError.write(Data((lines + ["\(file): \(count)"]).joined(separator: "\n").utf8 + [10]))
            throw ExitCode(1)
        }
        let workshop: Workshop
        do { workshop = try WorkshopCatalog.load(file) } catch { fail(error.message) }
        let questions = workshop.questions.count == 1 ? "1 question" : "\(workshop.questions.count) questions"
        print("\(file): ok — \"\(workshop.title)\" (\(workshop.language.rawValue)), \(questions), \(workshop.groups.count) groups, "
            + "\(workshop.briefing.count) briefing slides, \(workshop.framework?.themes.count ?? 0) framework themes")
    }
}
