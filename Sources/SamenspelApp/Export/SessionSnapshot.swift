import Foundation
import SamenspelCore
import SamenspelText

/// Everything a session summary shows, read once from the database: the workshop,
/// the session, each group's summary and visible notes, the cross-group themes and
/// the theory-lens assignment. Every exporter is a pure function of this value.
public struct SessionSnapshot: Codable, Sendable, Equatable {
    /// The session itself.
    public struct Info: Codable, Sendable, Equatable {
        public var id: String
        public var createdAt: Date
        public var phase: String
        public var publishedAt: Date?
    }

    /// A visible note.
    public struct Item: Codable, Sendable, Equatable {
        public var id: String
        public var group: String
        public var text: String
        public var createdAt: Date
        public var updatedAt: Date
    }

    /// A group's own summary.
    public struct Summary: Codable, Sendable, Equatable {
        public var text: String
        public var updatedAt: Date
    }

    /// One group with its summary and notes (oldest first).
    public struct GroupSection: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var colour: String
        public var icon: String
        public var summary: Summary?
        public var notes: [Item]
    }

    /// A cross-group theme, the group ids that raised it (workshop order), and the dots the
    /// room gave it (nil in exports from before voting).
    public struct ThemeItem: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var noteIds: [String]
        public var groups: [String]
        public var dots: Int?
    }

    /// A question of the workshop.
    public struct QuestionInfo: Codable, Sendable, Equatable {
        public var id: String
        public var text: String
    }

    /// What the themes are computed from: the stored last themes and the trainer's
    /// decisions (pins only of notes in this snapshot). Kept so an import recomputes
    /// exactly the same themes.
    public struct ThemeState: Codable, Sendable, Equatable {
        public var previous: [Theme]
        public var pins: [String: String]
        public var renames: [String: String]
        public var merges: [String: String]
    }

    /// The whole workshop as the session ran it (briefing and framework included).
    public var workshop: Workshop
    public var session: Info
    /// The groups of the workshop in its order, then any unknown group ids, sorted.
    public var groups: [GroupSection]
    /// Largest first, as the engine orders them.
    public var themes: [ThemeItem]
    /// Note id → framework theme id (or `ThemeResult.otherLensID`); empty without a framework.
    public var lens: [String: String]
    public var themeState: ThemeState
    /// Set when the themes left the oldest notes out (more notes than `SessionThemes.defaultNoteLimit`).
    public var themesWindow: ThemeWindow?
    /// The question the groups and themes above answer (nil in exports from before questions: the first).
    public var question: QuestionInfo?
    /// Each phone's dots by theme id (before merges), without the phone: one entry per phone that
    /// voted, in a fixed order, so an import stores the same votes.
    public var ballots: [[String: Int]]?
    /// The workshop's later questions the room answered, each shaped like this one (without `rounds`).
    public var rounds: [SessionSnapshot]?

    /// Reads a session with its visible notes, summaries and themes.
    /// - Parameter themeNotes: themes use at most this many of the latest notes (the server passes its own).
    /// - Parameter engine: gives the theme engine for the workshop (the server passes its cached one).
    /// - Throws: `ExportError.sessionNotFound`, or `AppError` for database and engine failures.
    public static func load(_ database: AppDatabase, sessionID: String, themeNotes: Int = SessionThemes.defaultNoteLimit,
                            engine: (Workshop, String) throws -> ThemeEngine) throws -> SessionSnapshot {
        guard let session = try database.session(id: sessionID) else { throw ExportError.sessionNotFound(sessionID) }
        let published = try database.publishedAt(sessionID: sessionID)
        var rounds = try session.workshop.questions.map { question in
            try load(database, session: session, question: question, publishedAt: published, themeNotes: themeNotes, engine: engine)
        }
        guard !rounds.isEmpty else { throw ExportError.sessionNotFound(sessionID) }
        var first = rounds.removeFirst()
        // A later question the room never reached is left out; the first always shows.
        let later = rounds.filter { !$0.notes.isEmpty || $0.groups.contains { $0.summary != nil } || !($0.ballots ?? []).isEmpty }
        first.rounds = later.isEmpty ? nil : later
        return first
    }

    /// One question of a session.
    private static func load(_ database: AppDatabase, session: Session, question info: Workshop.Question, publishedAt published: Date?,
                             themeNotes: Int, engine: (Workshop, String) throws -> ThemeEngine) throws -> SessionSnapshot {
        let (sessionID, question) = (session.id, info.id)
        let notes = try database.notes(sessionID: sessionID, question: question)
        let summaries = try database.groupSummaries(sessionID: sessionID, question: question)
        // Hidden notes leave no trace in the summary, not even in the stored theme state.
        let present = Set(notes.map(\.id))
        let previous = try database.themeSnapshot(sessionID: sessionID, question: question).map { theme in
            Theme(id: theme.id, label: theme.label, noteIDs: theme.noteIDs.filter(present.contains),
                  reasons: theme.reasons.filter { present.contains($0.key) })
        }
        let decisions = try database.themeDecisions(sessionID: sessionID, question: question)
        let ballots = try database.ballots(sessionID: sessionID, question: question)
        let (clustered, window) = ThemeWindow.latest(of: notes, limit: themeNotes)
        let themeEngine = try engine(session.workshop, question)
        let texts = clustered.map { TextNote(id: $0.id, group: $0.group, text: $0.text) }
        let meaning = try NoteEmbedder.stored(in: database, notes: texts, lens: themeEngine.lensThemes)
        let result = SessionThemes.compute(notes: clustered, previous: previous, decisions: Self.present(decisions, notes),
                                           engine: themeEngine, meaning: meaning)
        var snapshot = build(session: session, publishedAt: published, notes: notes, summaries: summaries,
                             result: result, state: ThemeState(previous: previous, decisions: Self.present(decisions, notes)),
                             question: info, ballots: ballots)
        snapshot.themesWindow = window
        return snapshot
    }

    private static func present(_ decisions: ThemeDecisions, _ notes: [Note]) -> ThemeDecisions {
        let ids = Set(notes.map(\.id))
        var kept = decisions
        kept.pins = decisions.pins.filter { ids.contains($0.key) }
        return kept
    }

    /// - Parameter ballots: each phone's dots; the themes are ranked by their total when any were given.
    static func build(session: Session, publishedAt: Date?, notes: [Note], summaries: [String: GroupSummary],
                      result: ThemeResult, state: ThemeState, question: Workshop.Question, ballots: [[String: Int]] = []) -> SessionSnapshot {
        let workshop = session.workshop
        let items = notes.map { Item(id: $0.id, group: $0.group, text: $0.text, createdAt: $0.createdAt, updatedAt: $0.updatedAt) }
        let known = Set(workshop.groups.map(\.id))
        let unknown = Set(items.map(\.group)).subtracting(known).sorted()
        let sections = workshop.groups.map { ($0.id, $0.name, $0.colour, $0.icon) } + unknown.map { ($0, $0, "#777777", "") }
        let groups = sections.map { id, name, colour, icon in
            GroupSection(id: id, name: name, colour: colour, icon: icon,
                         summary: summaries[id].map { Summary(text: $0.text, updatedAt: $0.updatedAt) },
                         notes: items.filter { $0.group == id })
        }
        let groupOf = Dictionary(items.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
        let order = sections.map(\.0)
        let totals = state.decisions.carrying(ballots.reduce(into: [:]) { $0.merge($1, uniquingKeysWith: +) })
        var themes = result.themes.map { theme in
            let raised = Set(theme.noteIDs.compactMap { groupOf[$0] })
            return ThemeItem(id: theme.id, label: theme.label, noteIds: theme.noteIDs, groups: order.filter(raised.contains),
                             dots: ballots.isEmpty ? nil : totals[theme.id] ?? 0)
        }
        if !ballots.isEmpty {
            // Ranked by dots; equal ones keep the engine's order (largest first).
            themes = themes.enumerated().sorted { ($0.element.dots ?? 0, -$0.offset) > ($1.element.dots ?? 0, -$1.offset) }.map(\.element)
        }
        let framework = workshop.framework(for: question.id)
        return SessionSnapshot(
            workshop: workshop,
            session: Info(id: session.id, createdAt: session.createdAt, phase: session.phase.rawValue, publishedAt: publishedAt),
            groups: groups, themes: themes, lens: framework == nil ? [:] : result.lens, themeState: state,
            question: QuestionInfo(id: question.id, text: question.text), ballots: ballots.isEmpty ? nil : ballots)
    }
}

extension SessionSnapshot.ThemeState {
    init(previous: [Theme], decisions: ThemeDecisions) {
        self.init(previous: previous, pins: decisions.pins, renames: decisions.renames, merges: decisions.merges)
    }

    var decisions: ThemeDecisions { ThemeDecisions(pins: pins, renames: renames, merges: merges) }
}
