/// One note as the text module sees it.
public struct TextNote: Sendable, Hashable, Codable {
    public var id: String
    /// The group that wrote it ("muziek"); used for display only, never for grouping.
    public var group: String
    public var text: String

    public init(id: String, group: String, text: String) {
        self.id = id
        self.group = group
        self.text = text
    }
}

/// A theme of a theory framework, used as a lens on the notes.
public struct LensTheme: Sendable, Codable, Equatable {
    public var id: String
    public var label: String
    public var description: String
    /// Words (or short phrases) that point to this theme.
    public var keywords: [String]

    public init(id: String, label: String, description: String = "", keywords: [String]) {
        self.id = id
        self.label = label
        self.description = description
        self.keywords = keywords
    }
}

/// A cross-group theme: notes that share words, with a short label.
public struct Theme: Sendable, Codable, Equatable {
    /// Stable across recomputations while membership barely changes.
    public var id: String
    public var label: String
    public var noteIDs: [String]
    /// For each note, the shared words that put it here (empty for a loner or a pin).
    public var reasons: [String: [String]]

    public init(id: String, label: String, noteIDs: [String], reasons: [String: [String]] = [:]) {
        self.id = id
        self.label = label
        self.noteIDs = noteIDs
        self.reasons = reasons
    }
}

/// Decisions the trainer made by hand. They are applied after clustering and always win.
public struct ManualDecisions: Sendable, Equatable {
    /// Note id -> theme id: the note stays in that theme.
    public var pins: [String: String]
    /// Theme id -> label chosen by the trainer.
    public var renames: [String: String]
    /// Theme id -> theme id it was merged into.
    public var merges: [String: String]

    public init(
        pins: [String: String] = [:], renames: [String: String] = [:],
        merges: [String: String] = [:]
    ) {
        self.pins = pins
        self.renames = renames
        self.merges = merges
    }
}

/// The outcome of one clustering run.
public struct ThemeResult: Sendable, Codable, Equatable {
    /// Emergent themes, largest first; every note is in exactly one.
    public var themes: [Theme]
    /// Note id -> lens theme id, or `ThemeResult.otherLensID`. Empty without a framework.
    public var lens: [String: String]

    /// What grouped the notes.
    public var engine: ThemeEngineKind

    /// The lens id of notes that match no framework theme.
    public static let otherLensID = "other"

    public init(themes: [Theme], lens: [String: String] = [:], engine: ThemeEngineKind = .words) {
        self.themes = themes
        self.lens = lens
        self.engine = engine
    }
}

/// What grouped the notes: their meaning (sentence vectors) or the words they share.
public enum ThemeEngineKind: String, Sendable, Codable, Equatable {
    case meaning, words
}
