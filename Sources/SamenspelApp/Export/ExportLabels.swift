import Foundation
import SamenspelCore

/// Every heading and word the exports print, one table per language.
public struct ExportLabels: Sendable {
    public var date, question, groups, summary, noSummary, notes, noNotes: String
    public var themes, raisedBy, lens, otherLens, matrix, theme, total, page: String
    /// CSV header: session, group, question, theme, dots, text, time.
    public var csvHeader: [String]
    public var months: [String]
    /// The line under the themes when they left the oldest notes out: `{n}` of `{total}`.
    var windowFormat: String
    /// "Question {i} of {n}", "{n} dots", "{n} phones voted" (one, many).
    var questionOfFormat: String
    var dotFormats: (one: String, many: String)
    var voterFormats: (one: String, many: String)

    /// "Vraag 2 van 3".
    public func questionOf(_ index: Int, _ count: Int) -> String {
        questionOfFormat.replacingOccurrences(of: "{i}", with: "\(index)").replacingOccurrences(of: "{n}", with: "\(count)")
    }

    /// "1 stip", "7 stippen".
    public func dots(_ count: Int) -> String { Self.plural(count, dotFormats) }

    /// "12 telefoons hebben gestemd."
    public func voters(_ count: Int) -> String { Self.plural(count, voterFormats) }

    private static func plural(_ count: Int, _ formats: (one: String, many: String)) -> String {
        (count == 1 ? formats.one : formats.many).replacingOccurrences(of: "{n}", with: "\(count)")
    }

    /// "Themes from the latest 2000 of 2345 notes." (see `ThemeWindow`).
    public func window(_ window: ThemeWindow) -> String {
        windowFormat.replacingOccurrences(of: "{n}", with: "\(window.clustered)")
            .replacingOccurrences(of: "{total}", with: "\(window.total)")
    }

    /// The table for `language`.
    public static func of(_ language: Language) -> ExportLabels {
        switch language {
        case .nl: dutch
        case .en: english
        }
    }

    static let dutch = ExportLabels(
        date: "Datum", question: "Vraag", groups: "Groepen", summary: "Samenvatting",
        noSummary: "Geen samenvatting.", notes: "Notities", noNotes: "Geen notities.",
        themes: "Thema's", raisedBy: "Genoemd door", lens: "Theorie", otherLens: "Overig",
        matrix: "Thema's × groepen", theme: "Thema", total: "Totaal", page: "Pagina",
        csvHeader: ["sessie", "groep", "vraag", "thema", "stippen", "tekst", "tijd"],
        months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"],
        windowFormat: "Thema's uit de laatste {n} van {total} notities.",
        questionOfFormat: "Vraag {i} van {n}", dotFormats: ("{n} stip", "{n} stippen"),
        voterFormats: ("1 telefoon heeft gestemd.", "{n} telefoons hebben gestemd."))

    static let english = ExportLabels(
        date: "Date", question: "Question", groups: "Groups", summary: "Summary",
        noSummary: "No summary.", notes: "Notes", noNotes: "No notes.",
        themes: "Themes", raisedBy: "Raised by", lens: "Theory", otherLens: "Other",
        matrix: "Themes × groups", theme: "Theme", total: "Total", page: "Page",
        csvHeader: ["session", "group", "question", "theme", "dots", "text", "time"],
        months: ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"],
        windowFormat: "Themes from the latest {n} of {total} notes.",
        questionOfFormat: "Question {i} of {n}", dotFormats: ("{n} dot", "{n} dots"),
        voterFormats: ("1 phone voted.", "{n} phones voted."))
}
