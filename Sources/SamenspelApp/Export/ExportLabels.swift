import Foundation
import SamenspelCore

/// Every heading and word the exports print, one table per language.
public struct ExportLabels: Sendable {
    public var date, question, groups, summary, noSummary, notes, noNotes: String
    public var themes, raisedBy, lens, otherLens, matrix, theme, total, page: String
    /// CSV header: session, group, theme, text, time.
    public var csvHeader: [String]
    public var months: [String]
    /// The line under the themes when they left the oldest notes out: `{n}` of `{total}`.
    var windowFormat: String

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
        csvHeader: ["sessie", "groep", "thema", "tekst", "tijd"],
        months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"],
        windowFormat: "Thema's uit de laatste {n} van {total} notities.")

    static let english = ExportLabels(
        date: "Date", question: "Question", groups: "Groups", summary: "Summary",
        noSummary: "No summary.", notes: "Notes", noNotes: "No notes.",
        themes: "Themes", raisedBy: "Raised by", lens: "Theory", otherLens: "Other",
        matrix: "Themes × groups", theme: "Theme", total: "Total", page: "Page",
        csvHeader: ["session", "group", "theme", "text", "time"],
        months: ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"],
        windowFormat: "Themes from the latest {n} of {total} notes.")
}
