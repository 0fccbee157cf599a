/// The session summary as Markdown (CommonMark with a GFM table): title, date and
/// question; per group its summary and notes; the themes with their notes and groups;
/// the theory lens; the themes × groups matrix. User text is escaped.
public enum MarkdownExport {
    /// Renders the summary; `dates` defaults to the workshop's language in the local time zone.
    public static func render(_ snapshot: SessionSnapshot, dates: ExportDates? = nil) -> String {
        let language = snapshot.workshop.language
        let dates = dates ?? ExportDates(language: language)
        let l = ExportLabels.of(language)
        var out: [String] = []
        out.append("# \(escape(snapshot.workshop.title))")
        out.append("")
        out.append("**\(l.date):** \(dates.day(snapshot.session.createdAt))  ")
        let rounds = snapshot.allRounds
        if rounds.count == 1 {
            out.append("**\(l.question):** \(escape(snapshot.questionText))")
        } else {
            out.append("**\(l.question):** " + rounds.map { escape($0.questionText) }.joined(separator: " · "))
        }
        for (index, round) in rounds.enumerated() {
            if rounds.count > 1 { out += ["", "## \(l.questionOf(index + 1, rounds.count)): \(escape(round.questionText))"] }
            out += section(round, l)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One question: its groups, themes (ranked by dots when the room voted), lens and matrix.
    private static func section(_ snapshot: SessionSnapshot, _ l: ExportLabels) -> [String] {
        var out: [String] = [""]
        out.append("## \(l.groups)")
        for group in snapshot.groups {
            out.append("")
            out.append("### \(heading(group))")
            out.append("")
            if let summary = group.summary, !summary.text.isEmpty {
                out.append("**\(l.summary):** \(escape(summary.text))")
            } else {
                out.append("*\(l.noSummary)*")
            }
            out.append("")
            if group.notes.isEmpty { out.append("*\(l.noNotes)*") }
            out += group.notes.map { "- \(escape($0.text))" }
        }
        let byID = snapshot.notesByID
        if !snapshot.themes.isEmpty {
            out += ["", "## \(l.themes)"]
            if let window = snapshot.themesWindow { out += ["", l.window(window)] }
            if snapshot.ballots != nil { out += ["", l.voters(snapshot.voters)] }
            for theme in snapshot.themes {
                let dots = snapshot.dotsLabel(theme, l).map { " (\($0))" } ?? ""
                out += ["", "### \(escape(theme.label))\(dots)", ""]
                out.append("\(l.raisedBy): \(theme.groups.map { escape(snapshot.groupName($0)) }.joined(separator: ", "))")
                out.append("")
                out += theme.noteIds.compactMap { byID[$0] }.map { "- \(escape($0.text)) (\(escape(snapshot.groupName($0.group))))" }
            }
        }
        if let framework = snapshot.framework, !snapshot.lensSections.isEmpty {
            out += ["", "## \(l.lens): \(escape(framework.name))"]
            for section in snapshot.lensSections {
                out += ["", "### \(section.label.isEmpty ? l.otherLens : escape(section.label))", ""]
                if !section.description.isEmpty { out += ["*\(escape(section.description))*", ""] }
                out += section.notes.map { "- \(escape($0.text)) (\(escape(snapshot.groupName($0.group))))" }
            }
        }
        if !snapshot.themes.isEmpty {
            out += ["", "## \(l.matrix)", ""]
            let columns = snapshot.matrixGroups
            out.append("| \(l.theme) | " + columns.map { cell($0.name) + " |" }.joined(separator: " "))
            out.append("| --- |" + String(repeating: " ---: |", count: columns.count))
            for (theme, counts) in zip(snapshot.themes, snapshot.matrix) {
                out.append("| \(cell(theme.label)) | " + counts.map { "\($0) |" }.joined(separator: " "))
            }
        }
        return out
    }

    private static func heading(_ group: SessionSnapshot.GroupSection) -> String {
        group.icon.isEmpty ? escape(group.name) : "\(escape(group.icon)) \(escape(group.name))"
    }

    /// A table cell: escaped, on one line.
    private static func cell(_ text: String) -> String { escape(text) }

    /// Escapes Markdown syntax in user text and keeps it on one line, so a note
    /// can never open a heading, list, link, HTML tag or table cell.
    public static func escape(_ text: String) -> String {
        let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!", "{", "}"]
        var out = ""
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        for char in flat {
            if special.contains(char) { out.append("\\") }
            out.append(char)
        }
        // A line that starts with -, + or "1." would become a list item.
        if let first = out.first, first == "-" || first == "+" || first == "=" { out = "\\" + out }
        if let dot = out.firstIndex(where: { !$0.isNumber }), dot != out.startIndex,
           out[dot] == "." || out[dot] == ")" {
            out.insert("\\", at: dot)
        }
        return out
    }
}
