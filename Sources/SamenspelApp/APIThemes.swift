import SamenspelCore
import SamenspelText

/// Themes as the API shows them.
struct APIThemes: Encodable {
    struct Item: Encodable {
        var id: String
        var label: String
        var noteIds: [String]
        var reasons: [String: [String]]
        /// Shaped by the trainer (renamed, merged into, split off or pinned to).
        var manual: Bool
    }

    struct Lens: Encodable {
        struct LensTheme: Encodable { var id: String; var label: String; var description: String }
        var name: String
        var themes: [LensTheme]
        var assignments: [String: String]
    }

    /// The question these themes are of.
    var question: String
    var themes: [Item]
    var lens: Lens?
    /// What grouped the notes, and why not by meaning when not.
    var engine = ThemeEngineStatus(kind: "words", model: nil, note: nil)
    /// Set when themes left the oldest notes out (see `ThemeWindow`).
    var window: ThemeWindow?

    init(_ result: ThemeResult, question: String, framework: Workshop.Framework?, decisions: ThemeDecisions = .init(),
         window: ThemeWindow? = nil) {
        self.window = window
        self.question = question
        let shaped = Set(decisions.renames.keys).union(decisions.pins.values).union(decisions.merges.values)
        themes = result.themes.map {
            Item(id: $0.id, label: $0.label, noteIds: $0.noteIDs, reasons: $0.reasons, manual: shaped.contains($0.id))
        }
        lens = framework.map { framework in
            Lens(name: framework.name,
                 themes: framework.themes.map { .init(id: $0.id, label: $0.label, description: $0.description) },
                 assignments: result.lens)
        }
    }
}
