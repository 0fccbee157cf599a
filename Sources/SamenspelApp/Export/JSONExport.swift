import Foundation
import SamenspelCore
import SamenspelText

/// The whole session as JSON, to archive or move to another laptop: the snapshot
/// (workshop, session, summaries, visible notes, themes, lens) plus the stored theme
/// state, so an import recomputes the same themes. Keys sorted, dates ISO 8601 with
/// milliseconds: export → import → export gives the same bytes. Hidden and deleted
/// notes are not exported.
public enum JSONExport {
    /// The `format` field of every export.
    public static let format = "samenspel-session"
    /// The version this code writes and reads (2 added questions and dots; 1 still reads, as one question).
    public static let version = 2

    struct Document: Codable {
        var format: String
        var version: Int
        var snapshot: SessionSnapshot
    }

    /// The JSON document, pretty-printed, ending in a newline.
    public static func export(_ snapshot: SessionSnapshot) throws(ExportError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ExportDates.iso(date))
        }
        do {
            return try encoder.encode(Document(format: format, version: version, snapshot: snapshot)) + Data("\n".utf8)
        } catch {
            throw .invalidDocument("it could not be written: \(error)")
        }
    }

    /// Reads an export back (checks the format, and that every question is one of its workshop's).
    public static func decode(_ data: Data) throws(ExportError) -> SessionSnapshot {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ExportDates.parseISO(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 date")
            }
            return date
        }
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else { throw .invalidDocument("it is not JSON.") }
        let document: Document
        do {
            document = try decoder.decode(Document.self, from: data)
        } catch DecodingError.keyNotFound(let key, let context) {
            throw .invalidDocument("the field '\(path(context.codingPath + [key]))' is missing.")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
                DecodingError.dataCorrupted(let context) {
            throw .invalidDocument("the field '\(path(context.codingPath))' is wrong: \(context.debugDescription)")
        } catch {
            throw .invalidDocument("it is not JSON.")
        }
        guard document.format == format else { throw .invalidDocument("its format is '\(document.format)', not '\(format)'.") }
        guard document.version <= version else {
            throw .invalidDocument("it is version \(document.version); this Samenspel reads up to version \(version).")
        }
        let known = Set(document.snapshot.workshop.questions.map(\.id))
        if let stray = document.snapshot.allRounds.compactMap(\.question?.id).first(where: { !known.contains($0) }) {
            throw .invalidDocument("its notes answer the question '\(stray)', which its workshop does not ask.")
        }
        return document.snapshot
    }

    /// Imports an export into `database` and returns the id of the stored session.
    /// - Parameter newID: store it under a fresh session id (and fresh note ids), so
    ///   an export can be imported next to the session it came from.
    /// - Throws: `ExportError` when the file is not an export or an id is taken.
    public static func importSession(_ data: Data, into database: AppDatabase, newID: Bool = false) throws -> String {
        var snapshot = try decode(data)
        if newID { snapshot = renumbered(snapshot) }
        try database.importSession(imported(snapshot))
        return snapshot.session.id
    }

    static func imported(_ snapshot: SessionSnapshot) -> ImportedSession {
        let session = Session(id: snapshot.session.id, workshop: snapshot.workshop,
                              phase: Session.Phase(rawValue: snapshot.session.phase) ?? .closed,
                              createdAt: snapshot.session.createdAt)
        var imported = ImportedSession(session: session, publishedAt: snapshot.session.publishedAt, notes: [], summaries: [])
        for round in snapshot.allRounds {
            let question = round.question?.id ?? snapshot.workshop.questions.first?.id ?? Workshop.Question.singleID
            imported.notes += round.notes.map {
                Note(id: $0.id, sessionID: session.id, group: $0.group, question: question, text: $0.text,
                     createdAt: $0.createdAt, updatedAt: $0.updatedAt)
            }
            imported.summaries += round.groups.compactMap { group in
                group.summary.map { GroupSummary(sessionId: session.id, questionId: question, groupId: group.id, text: $0.text, updatedAt: $0.updatedAt) }
            }
            imported.themes[question] = round.themeState.previous
            imported.decisions[question] = round.themeState.decisions
            imported.ballots[question] = round.ballots ?? []
        }
        return imported
    }

    /// The same session under new ids: the session, every note, and the note ids in
    /// the themes, lens, pins and stored snapshot.
    static func renumbered(_ snapshot: SessionSnapshot) -> SessionSnapshot {
        let notes = snapshot.allRounds.flatMap(\.notes)
        let ids = Dictionary(notes.map { ($0.id, UUID().uuidString.lowercased()) }, uniquingKeysWith: { a, _ in a })
        return renumbered(snapshot, session: UUID().uuidString.lowercased(), notes: ids)
    }

    private static func renumbered(_ snapshot: SessionSnapshot, session: String, notes ids: [String: String]) -> SessionSnapshot {
        var copy = snapshot
        func map(_ id: String) -> String { ids[id] ?? id }
        copy.session.id = session
        copy.rounds = snapshot.rounds.map { $0.map { renumbered($0, session: session, notes: ids) } }
        for g in copy.groups.indices {
            for n in copy.groups[g].notes.indices { copy.groups[g].notes[n].id = map(copy.groups[g].notes[n].id) }
        }
        for t in copy.themes.indices { copy.themes[t].noteIds = copy.themes[t].noteIds.map(map) }
        copy.lens = Dictionary(copy.lens.map { (map($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        copy.themeState.pins = Dictionary(copy.themeState.pins.map { (map($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        copy.themeState.previous = copy.themeState.previous.map { theme in
            Theme(id: theme.id, label: theme.label, noteIDs: theme.noteIDs.map(map),
                  reasons: Dictionary(theme.reasons.map { (map($0.key), $0.value) }, uniquingKeysWith: { a, _ in a }))
        }
        return copy
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
