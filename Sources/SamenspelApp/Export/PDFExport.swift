import Foundation

/// The summary as an A4 PDF: real text through Pango (long notes wrap, diacritics and
/// emoji where the font has them), page breaks between blocks, the matrix drawn with cairo.
public enum PDFExport {
    /// Renders the PDF; `dates` defaults to the workshop's language in the local time zone.
    public static func render(_ snapshot: SessionSnapshot, dates: ExportDates? = nil) throws(ExportError) -> Data {
        let dates = dates ?? ExportDates(language: snapshot.workshop.language)
        let writer = try PDFPageWriter(title: snapshot.workshop.title, created: ExportDates.iso(snapshot.session.createdAt),
                                       footer: snapshot.workshop.title + " · " + dates.day(snapshot.session.createdAt),
                                       labels: ExportLabels.of(snapshot.workshop.language))
        try content(snapshot, dates: dates, writer)
        return try writer.finish()
    }

    private static func content(_ snapshot: SessionSnapshot, dates: ExportDates, _ w: PDFPageWriter) throws(ExportError) {
        let l = w.labels
        try w.text(snapshot.workshop.title, font: "DejaVu Sans Bold 20", after: 4)
        try w.text("\(l.date): \(dates.day(snapshot.session.createdAt))", font: PDFPageWriter.small, colour: .grey, after: 8)
        let rounds = snapshot.allRounds
        for (index, round) in rounds.enumerated() {
            let label = rounds.count == 1 ? l.question : l.questionOf(index + 1, rounds.count)
            if index > 0 { w.space(18) }
            try w.text("\(label): \(round.questionText)", font: rounds.count == 1 ? "DejaVu Sans Oblique 12" : "DejaVu Sans Bold Oblique 14",
                       keep: 80, after: 14)
            try section(round, w)
        }
    }

    /// One question: groups, themes (ranked by dots when the room voted), lens and matrix.
    private static func section(_ snapshot: SessionSnapshot, _ w: PDFPageWriter) throws(ExportError) {
        let l = w.labels
        let byID = snapshot.notesByID
        try w.heading(l.groups)
        for group in snapshot.groups {
            try w.text((group.icon.isEmpty ? "" : group.icon + " ") + group.name, font: "DejaVu Sans Bold 12",
                       bar: RGB(hex: group.colour), keep: 40, after: 3)
            if let summary = group.summary, !summary.text.isEmpty {
                try w.text("\(l.summary): \(summary.text)", font: PDFPageWriter.body, indent: 10, after: 4)
            } else {
                try w.text(l.noSummary, font: "DejaVu Sans Oblique 10", indent: 10, colour: .grey, after: 4)
            }
            if group.notes.isEmpty { try w.text(l.noNotes, font: "DejaVu Sans Oblique 10", indent: 10, colour: .grey, after: 4) }
            for note in group.notes { try w.bullet(note.text) }
            w.space(8)
        }
        if !snapshot.themes.isEmpty {
            try w.heading(l.themes)
            if let window = snapshot.themesWindow {
                try w.text(l.window(window), font: PDFPageWriter.small, colour: .grey, after: 6)
            }
            if snapshot.ballots != nil { try w.text(l.voters(snapshot.voters), font: PDFPageWriter.small, colour: .grey, after: 6) }
            for theme in snapshot.themes {
                let dots = snapshot.dotsLabel(theme, l).map { "  ● \($0)" } ?? ""
                try w.text(theme.label + dots, font: "DejaVu Sans Bold 11", keep: 40, after: 1)
                try w.text("\(l.raisedBy): " + theme.groups.map(snapshot.groupName).joined(separator: ", "),
                           font: PDFPageWriter.small, colour: .grey, after: 3)
                for note in theme.noteIds.compactMap({ byID[$0] }) {
                    try w.bullet("\(note.text) (\(snapshot.groupName(note.group)))")
                }
                w.space(6)
            }
        }
        if let framework = snapshot.framework, !snapshot.lensSections.isEmpty {
            try w.heading("\(l.lens): \(framework.name)")
            for section in snapshot.lensSections {
                try w.text(section.label.isEmpty ? l.otherLens : section.label, font: "DejaVu Sans Bold 11", keep: 40, after: 1)
                if !section.description.isEmpty {
                    try w.text(section.description, font: PDFPageWriter.small, colour: .grey, after: 3)
                }
                for note in section.notes { try w.bullet("\(note.text) (\(snapshot.groupName(note.group)))") }
                w.space(6)
            }
        }
        if !snapshot.themes.isEmpty {
            try w.heading(l.matrix, keep: 60)
            try matrix(snapshot, w)
        }
    }

    /// The themes × groups table: a row per theme, a cell per group shaded in its colour.
    private static func matrix(_ snapshot: SessionSnapshot, _ w: PDFPageWriter) throws(ExportError) {
        let columns = snapshot.matrixGroups
        let counts = snapshot.matrix
        let peak = Double(max(1, counts.flatMap { $0 }.max() ?? 1))
        let labelWidth = min(200.0, w.width * 0.4)
        let cell = min(70.0, (w.width - labelWidth) / Double(max(1, columns.count)))
        let row = 18.0
        try w.block(height: row) { (canvas, x, y) throws(ExportError) in
            for (index, group) in columns.enumerated() {
                let name = try canvas.layout(group.name, font: "DejaVu Sans Bold 8", width: cell - 2, oneLine: true, centred: true)
                canvas.draw(name, x: x + labelWidth + Double(index) * cell + 1, y: y + 4)
            }
        }
        for (theme, values) in zip(snapshot.themes, counts) {
            try w.block(height: row) { (canvas, x, y) throws(ExportError) in
                let label = try canvas.layout(theme.label, font: "DejaVu Sans 9", width: labelWidth - 6, oneLine: true)
                canvas.draw(label, x: x, y: y + 3)
                for (index, (group, count)) in zip(columns, values).enumerated() {
                    let left = x + labelWidth + Double(index) * cell
                    let alpha = count == 0 ? 0 : 0.25 + 0.75 * Double(count) / peak
                    canvas.fill(x: left + 1, y: y + 1, width: cell - 2, height: row - 2, colour: RGB(hex: group.colour), alpha: alpha)
                    canvas.stroke(x: left + 1, y: y + 1, width: cell - 2, height: row - 2, colour: .light)
                    guard count > 0 else { continue }
                    let number = try canvas.layout("\(count)", font: "DejaVu Sans 9", width: cell - 2, centred: true)
                    canvas.draw(number, x: left + 1, y: y + 3, colour: alpha > 0.85 ? .white : .black)
                }
            }
        }
    }
}
