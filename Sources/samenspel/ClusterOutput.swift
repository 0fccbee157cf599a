import Foundation
import SamenspelText

/// Renders a clustering result for the terminal or as JSON.
enum ClusterOutput {
    private struct JSONTheme: Encodable {
        var id: String
        var label: String
        var ids: [String]
        var reasons: [String: [String]]
    }
    private struct JSONResult: Encodable {
        var engine: String
        var themes: [JSONTheme]
        var lens: [String: String]?
    }

    static func json(_ result: ThemeResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let output = JSONResult(
            engine: result.engine.rawValue,
            themes: result.themes.map {
                JSONTheme(id: $0.id, label: $0.label, ids: $0.noteIDs, reasons: $0.reasons)
            },
            lens: result.lens.isEmpty ? nil : result.lens)
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    static func text(_ result: ThemeResult, notes: [TextNote], lens: [LensTheme], language: String) -> String {
        let byID = Dictionary(notes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let shared = result.themes.filter { $0.noteIDs.count > 1 }
        var lines = ["\(result.themes.count) themes (\(shared.count) shared by 2+ notes) from "
            + "\(byID.count) notes, language \(language), grouped by "
            + (result.engine == .meaning ? "meaning" : "shared words"), ""]
        for (number, theme) in result.themes.enumerated() {
            let groups = Set(theme.noteIDs.compactMap { byID[$0]?.group }).sorted()
            lines.append("\(number + 1). \(theme.label)  — \(theme.noteIDs.count) "
                + (theme.noteIDs.count == 1 ? "note" : "notes")
                + (groups.isEmpty ? "" : " from \(groups.joined(separator: ", "))") + "  [\(theme.id)]")
            for id in theme.noteIDs {
                guard let note = byID[id] else { continue }
                let why = theme.reasons[id] ?? []
                lines.append("   - [\(note.group)] \(note.text)" + (why.isEmpty ? "" : "   (\(why.joined(separator: ", ")))"))
            }
            lines.append("")
        }
        if !lens.isEmpty {
            lines.append("Theory view")
            for theme in lens + [LensTheme(id: ThemeResult.otherLensID, label: "Other", keywords: [])] {
                let ids = notes.map(\.id).filter { result.lens[$0] == theme.id }
                guard !ids.isEmpty else { continue }
                lines.append("  \(theme.label) (\(ids.count)): "
                    + ids.compactMap { byID[$0]?.text }.joined(separator: " | "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
