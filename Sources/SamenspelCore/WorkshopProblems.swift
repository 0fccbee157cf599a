/// The problems found in a workshop file so far: parsing goes on past a problem, so a file
/// with six mistakes is reported in one run, each at its line.
final class WorkshopProblems {
    private(set) var all: [WorkshopError] = []

    func add(_ problem: WorkshopError) {
        if !all.contains(problem) { all.append(problem) }
    }

    /// Runs `body`; a problem it throws is noted and the result is nil.
    func attempt<T>(_ body: () throws(WorkshopError) -> T) -> T? {
        do {
            return try body()
        } catch {
            add(error)
            return nil
        }
    }

    /// Problems in file order; those about the whole file (no line) first.
    var sorted: [WorkshopError] {
        all.enumerated().sorted { a, b in
            let (la, lb) = (a.element.line ?? 0, b.element.line ?? 0)
            if la != lb { return la < lb }
            let (ca, cb) = (a.element.column ?? 0, b.element.column ?? 0)
            return ca != cb ? ca < cb : a.offset < b.offset
        }.map(\.element)
    }

    /// Lines indented with a tab: YAML allows only spaces there, and its own message for that is cryptic.
    static func tabs(in yaml: String) -> [WorkshopError] {
        var found: [WorkshopError] = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            if let tab = indent.firstIndex(of: "\t") {
                found.append(WorkshopError(line: index + 1, column: line.distance(from: line.startIndex, to: tab) + 1,
                                           "a tab indents this line; YAML indents with spaces only"))
            }
        }
        return found
    }

    /// `yaml` with each tab-indented line indented like the content of the line above it.
    static func untabbed(_ yaml: String) -> String {
        var column = 0
        return yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let rest = line.dropFirst(indent.count)
            let fixed = indent.contains("\t") ? String(repeating: " ", count: column) + rest : String(line)
            if !rest.isEmpty {
                let spaces = fixed.prefix { $0 == " " }.count
                let dashes = fixed.dropFirst(spaces).prefix { $0 == "-" || $0 == " " }.count
                column = spaces + dashes
            }
            return fixed
        }.joined(separator: "\n")
    }
}
