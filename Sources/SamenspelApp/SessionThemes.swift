import Foundation
import SamenspelCore
import SamenspelText

/// How the themes of a session are computed: shared by the live `ThemeService`
/// and the exports, so a summary shows the themes the board showed.
public enum SessionThemes {
    /// Themes are computed from at most this many of the latest notes. A room of forty
    /// phones stays far below it; a flooded session (thousands of notes a minute from a
    /// script) would otherwise make every theme run take seconds and hundreds of MB.
    public static let defaultNoteLimit = 2_000

    /// A theme engine for the workshop's language, with the question's framework (else the
    /// workshop's) as the lens.
    /// - Throws: `AppError` (500) when the language resources are missing.
    public static func engine(for workshop: Workshop, question: String? = nil) throws(AppError) -> ThemeEngine {
        let framework = question.map(workshop.framework(for:)) ?? workshop.framework
        let lens = (framework?.themes ?? []).map {
            LensTheme(id: $0.id, label: $0.label, description: $0.description, keywords: $0.keywords)
        }
        do {
            return try ThemeEngine(language: workshop.language.rawValue, lens: lens)
        } catch {
            throw AppError(status: 500, "Themes are not available: \(error)")
        }
    }

    /// The notes to cluster (see `ThemeWindow`) → themes, starting from `previous` (ids and
    /// labels stay put) with the trainer's decisions applied.
    static func compute(notes: some Collection<Note>, previous: [Theme], decisions: ThemeDecisions, engine: ThemeEngine,
                        meaning: MeaningVectors? = nil) -> ThemeResult {
        let texts = notes.map { TextNote(id: $0.id, group: $0.group, text: $0.text) }
        // Pins of hidden, deleted or older notes stay stored but must not bring those notes back.
        let present = Set(texts.map(\.id))
        let manual = ManualDecisions(pins: decisions.pins.filter { present.contains($0.key) },
                                     renames: decisions.renames, merges: decisions.merges)
        return engine.themes(for: texts, meaning: meaning, previous: previous, manual: manual)
    }
}

/// Which notes themes were computed from, when not all of them: the latest `clustered`
/// of `total`, every note since `since` (itself included).
public struct ThemeWindow: Codable, Sendable, Equatable {
    public var clustered: Int
    public var total: Int
    public var since: Date

    /// The latest `limit` notes of `notes` (oldest first), and the window when that leaves
    /// some out. Notes of the same instant as the oldest one kept are all kept, so a note
    /// is in the window exactly when it is not older than `since`. `limit` 0: no limit.
    static func latest(of notes: [Note], limit: Int) -> (notes: ArraySlice<Note>, window: ThemeWindow?) {
        guard limit > 0, notes.count > limit else { return (notes[...], nil) }
        var start = notes.count - limit
        while start > 0, notes[start - 1].createdAt == notes[start].createdAt { start -= 1 }
        guard start > 0 else { return (notes[...], nil) }
        let kept = notes[start...]
        return (kept, ThemeWindow(clustered: kept.count, total: notes.count, since: notes[start].createdAt))
    }
}
