import Foundation
import SamenspelCore

/// Notes typed in from paper: a CSV with the columns `group` and `text` (Dutch
/// `groep`, `tekst` also work) and optionally `id` and `question` (`vraag`), stored as a new,
/// closed session of a workshop. A group is found by id or display name, a question by id,
/// number (1, 2, …) or text, ignoring case; without the column notes answer the first question.
public enum PaperImport {
    /// Reads the CSV and returns the session it would store (nothing is written).
    /// - Throws: `ExportError.invalidRow` naming the line of the first bad row.
    public static func parse(_ text: String, workshop: Workshop, sessionID: String = UUID().uuidString.lowercased(),
                             at date: Date = Date()) throws(ExportError) -> (session: Session, notes: [Note]) {
        let records = try CSVReader.records(text).filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = records.first else { throw .invalidRow(line: 1, message: "the file is empty; expected a header group,text.") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let idColumn = names.firstIndex(of: "id")
        let questionColumn = names.firstIndex { $0 == "question" || $0 == "vraag" }
        guard let groupColumn = names.firstIndex(where: { $0 == "group" || $0 == "groep" }),
              let textColumn = names.firstIndex(where: { $0 == "text" || $0 == "tekst" }) else {
            throw .invalidRow(line: header.line, message: "expected a header with the columns group,text (and optionally id, question); found \(names.joined(separator: ",")).")
        }
        let start = Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
        let session = Session(id: sessionID, workshop: workshop, phase: .closed, createdAt: start)
        var notes: [Note] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                throw .invalidRow(line: record.line, message: "expected \(names.count) fields, found \(record.fields.count); put text with commas in double quotes.")
            }
            let groupName = record.fields[groupColumn].trimmingCharacters(in: .whitespaces)
            guard let group = group(groupName, in: workshop) else {
                let known = workshop.groups.map(\.name).joined(separator: ", ")
                throw .invalidRow(line: record.line, message: "there is no group '\(groupName)' in this workshop (groups: \(known)).")
            }
            let asked = questionColumn.map { record.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            guard let question = question(asked, in: workshop) else {
                let known = workshop.questions.enumerated().map { "\($0.offset + 1) (\($0.element.id))" }.joined(separator: ", ")
                throw .invalidRow(line: record.line, message: "there is no question '\(asked)' in this workshop (questions: \(known)).")
            }
            let clean = record.fields[textColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !clean.isEmpty else { throw .invalidRow(line: record.line, message: "the text is empty.") }
            guard clean.count <= 500 else { throw .invalidRow(line: record.line, message: "the text is longer than 500 characters.") }
            var id = idColumn.map { record.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            if id.isEmpty { id = "\(sessionID)-\(notes.count + 1)" }
            if let earlier = seen[id] { throw .invalidRow(line: record.line, message: "the id '\(id)' is already used on line \(earlier).") }
            seen[id] = record.line
            // One millisecond apart, so the notes keep the order of the file.
            let created = start.addingTimeInterval(Double(notes.count) / 1000)
            notes.append(Note(id: id, sessionID: sessionID, group: group.id, question: question.id, text: clean,
                              createdAt: created, updatedAt: created))
        }
        return (session, notes)
    }

    /// Reads the CSV and stores it as a new session; returns the session id.
    public static func importNotes(_ text: String, workshop: Workshop, into database: AppDatabase) throws -> String {
        let (session, notes) = try parse(text, workshop: workshop)
        try database.importSession(ImportedSession(session: session, publishedAt: nil, notes: notes, summaries: []))
        return session.id
    }

    /// The question a row names: empty is the first; else by id, number or text.
    private static func question(_ name: String, in workshop: Workshop) -> Workshop.Question? {
        let key = name.lowercased()
        if key.isEmpty { return workshop.questions.first }
        if let number = Int(key), workshop.questions.indices.contains(number - 1) { return workshop.questions[number - 1] }
        return workshop.questions.first { $0.id.lowercased() == key || $0.text.lowercased() == key }
    }

    private static func group(_ name: String, in workshop: Workshop) -> Workshop.Group? {
        let key = name.lowercased()
        return workshop.groups.first { $0.id.lowercased() == key } ?? workshop.groups.first { $0.name.lowercased() == key }
    }
}
