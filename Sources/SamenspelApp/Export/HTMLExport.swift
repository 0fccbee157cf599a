/// The summary as one self-contained HTML file: inline CSS, the matrix as inline SVG,
/// no script and no external reference, so it opens offline and prints on A4.
/// Every user text is HTML-escaped.
public enum HTMLExport {
    /// Renders the page; `dates` defaults to the workshop's language in the local time zone.
    public static func render(_ snapshot: SessionSnapshot, dates: ExportDates? = nil) -> String {
        let language = snapshot.workshop.language
        let dates = dates ?? ExportDates(language: language)
        let l = ExportLabels.of(language)
        let e = XMLText.escape
        var out = ["<!DOCTYPE html>", "<html lang=\"\(language.rawValue)\">", "<head>", "<meta charset=\"utf-8\">",
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
                   "<title>\(e(snapshot.workshop.title)) – \(e(dates.day(snapshot.session.createdAt)))</title>",
                   "<style>\(style)</style>", "</head>", "<body>"]
        out.append("<header><h1>\(e(snapshot.workshop.title))</h1>")
        out.append("<p class=\"meta\">\(l.date): \(e(dates.day(snapshot.session.createdAt)))</p>")
        let rounds = snapshot.allRounds
        if rounds.count == 1 {
            out.append("<p class=\"question\"><strong>\(l.question):</strong> \(e(snapshot.questionText))</p></header>")
        } else {
            out.append("</header>")
        }
        for (index, round) in rounds.enumerated() {
            if rounds.count > 1 {
                out.append("<h2 class=\"round\">\(l.questionOf(index + 1, rounds.count)): \(e(round.questionText))</h2>")
            }
            out += section(round, l)
        }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// One question: groups, themes (ranked by dots when the room voted), lens and matrix.
    private static func section(_ snapshot: SessionSnapshot, _ l: ExportLabels) -> [String] {
        let e = XMLText.escape
        let byID = snapshot.notesByID
        var out: [String] = []
        out.append("<section><h2>\(l.groups)</h2><div class=\"groups\">")
        for group in snapshot.groups {
            out.append("<article class=\"group\" style=\"border-color: \(MatrixSVG.colour(group.colour))\">")
            out.append("<h3>\(group.icon.isEmpty ? "" : e(group.icon) + " ")\(e(group.name))</h3>")
            if let summary = group.summary, !summary.text.isEmpty {
                out.append("<p class=\"summary\"><strong>\(l.summary):</strong> \(e(summary.text))</p>")
            } else {
                out.append("<p class=\"empty\">\(l.noSummary)</p>")
            }
            out.append(group.notes.isEmpty ? "<p class=\"empty\">\(l.noNotes)</p>"
                : "<ul>" + group.notes.map { "<li>\(e($0.text))</li>" }.joined() + "</ul>")
            out.append("</article>")
        }
        out.append("</div></section>")
        if !snapshot.themes.isEmpty {
            out.append("<section><h2>\(l.themes)</h2>")
            if let window = snapshot.themesWindow { out.append("<p class=\"meta\">\(e(l.window(window)))</p>") }
            if snapshot.ballots != nil { out.append("<p class=\"meta\">\(e(l.voters(snapshot.voters)))</p>") }
            for theme in snapshot.themes {
                let groups = theme.groups.map { e(snapshot.groupName($0)) }.joined(separator: ", ")
                let dots = snapshot.dotsLabel(theme, l).map { " <span class=\"dots\">● \(e($0))</span>" } ?? ""
                out.append("<div class=\"theme\"><h3>\(e(theme.label))\(dots)</h3><p class=\"meta\">\(l.raisedBy): \(groups)</p><ul>")
                out += theme.noteIds.compactMap { byID[$0] }.map {
                    "<li>\(e($0.text)) <span class=\"who\">(\(e(snapshot.groupName($0.group))))</span></li>"
                }
                out.append("</ul></div>")
            }
            out.append("</section>")
        }
        if let framework = snapshot.framework, !snapshot.lensSections.isEmpty {
            out.append("<section><h2>\(l.lens): \(e(framework.name))</h2>")
            for section in snapshot.lensSections {
                out.append("<div class=\"theme\"><h3>\(section.label.isEmpty ? l.otherLens : e(section.label))</h3>")
                if !section.description.isEmpty { out.append("<p class=\"meta\">\(e(section.description))</p>") }
                out.append("<ul>" + section.notes.map {
                    "<li>\(e($0.text)) <span class=\"who\">(\(e(snapshot.groupName($0.group))))</span></li>"
                }.joined() + "</ul></div>")
            }
            out.append("</section>")
        }
        if !snapshot.themes.isEmpty {
            out.append("<section class=\"matrix\"><h2>\(l.matrix)</h2>\(MatrixSVG.render(snapshot))</section>")
        }
        return out
    }

    static let style = """
        @page { size: A4; margin: 18mm 16mm; }
        body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; \
        max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
        h1 { font-size: 20pt; margin: 0 0 .3rem; } h2 { font-size: 15pt; margin-top: 1.6rem; border-bottom: 1px solid #999; }
        h3 { font-size: 12pt; margin: .6rem 0 .3rem; } .meta { color: #444; margin: .2rem 0; } .empty { color: #666; font-style: italic; }
        .groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .8rem; }
        .group { border-left: 6px solid #777; padding: .2rem .8rem; break-inside: avoid; }
        .theme { break-inside: avoid; } .who { color: #555; } ul { padding-left: 1.2rem; margin: .3rem 0; }
        li { overflow-wrap: anywhere; } .dots { color: #7a3d00; font-weight: normal; white-space: nowrap; }
        h2.round { font-size: 17pt; margin-top: 2.2rem; border-bottom: 3px solid #333; } .matrix svg { max-width: 100%; height: auto; }
        @media print { body { margin: 0; max-width: none; padding: 0; } section { break-inside: auto; } .matrix { break-inside: avoid; } }
        """
}
