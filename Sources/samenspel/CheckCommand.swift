import ArgumentParser
import Foundation
import SamenspelApp

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a workshop file; problems are reported with line and column.")

    @Argument(help: "The workshop YAML file.") var file: String

    func run() throws {
        do {
            let workshop = try WorkshopCatalog.load(file)
            print("\(file): ok — \"\(workshop.title)\" (\(workshop.language.rawValue)), \(workshop.groups.count) groups, "
                + "\(workshop.briefing.count) briefing slides, \(workshop.framework?.themes.count ?? 0) framework themes")
        } catch {
            fail(error.message)
        }
    }
}
