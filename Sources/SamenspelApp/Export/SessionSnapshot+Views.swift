import SamenspelCore
import SamenspelText

extension SessionSnapshot {
    /// Every question of the snapshot in order: this one, then the later ones.
    public var allRounds: [SessionSnapshot] {
        var first = self
        first.rounds = nil
        return [first] + (rounds ?? [])
    }

    /// The text of the question this snapshot's groups and themes answer.
    public var questionText: String { question?.text ?? workshop.question }

    /// The lens of this question: its own framework, else the workshop's.
    public var framework: Workshop.Framework? {
        question.flatMap { workshop.question($0.id)?.framework } ?? workshop.framework
    }

    /// Phones that put dots on this question's themes.
    public var voters: Int { ballots?.count ?? 0 }

    /// "7 stippen" beside a theme, when the room voted.
    public func dotsLabel(_ theme: ThemeItem, _ labels: ExportLabels) -> String? {
        theme.dots.map { labels.dots($0) }
    }

    /// Every visible note, group by group.
    public var notes: [Item] { groups.flatMap(\.notes) }

    /// Visible notes by id.
    public var notesByID: [String: Item] {
        Dictionary(notes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A group's display name (its id when the workshop does not know it).
    public func groupName(_ id: String) -> String {
        groups.first { $0.id == id }?.name ?? id
    }

    /// The theme a note is in, if any.
    public func theme(ofNote id: String) -> ThemeItem? {
        themes.first { $0.noteIds.contains(id) }
    }

    /// The matrix columns: every group, in workshop order.
    public var matrixGroups: [GroupSection] { groups }

    /// Notes per theme (rows) and group (columns of `matrixGroups`).
    public var matrix: [[Int]] {
        let byID = notesByID
        let columns = matrixGroups.map(\.id)
        return themes.map { theme in
            columns.map { group in theme.noteIds.filter { byID[$0]?.group == group }.count }
        }
    }

    /// A framework theme with its notes (oldest first, group by group).
    public struct LensSection: Sendable, Equatable {
        public var id: String
        public var label: String
        public var description: String
        public var notes: [Item]
    }

    /// The theory-lens view: one section per framework theme, then "other";
    /// empty sections are left out. Empty without a framework.
    public var lensSections: [LensSection] {
        guard let framework else { return [] }
        let all = notes
        var sections = framework.themes.map { theme in
            LensSection(id: theme.id, label: theme.label, description: theme.description,
                        notes: all.filter { lens[$0.id] == theme.id })
        }
        let known = Set(framework.themes.map(\.id))
        sections.append(LensSection(id: ThemeResult.otherLensID, label: "", description: "",
                                    notes: all.filter { lens[$0.id].map { !known.contains($0) } ?? true }))
        return sections.filter { !$0.notes.isEmpty }
    }
}
