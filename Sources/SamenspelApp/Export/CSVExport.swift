import SamenspelCore

/// The notes as CSV, one row per visible note: session id, group name, question, theme label,
/// the theme's dots (empty when the room did not vote), text, time (ISO 8601, UTC, milliseconds). RFC 4180 with CRLF line ends, fields
/// quoted when they hold a comma, semicolon, quote or line break.
///
/// Separator by language: a Dutch workshop's file is separated by semicolons, the list
/// separator a spreadsheet set to Dutch expects (a decimal comma takes the comma there);
/// an English one by commas. No `sep=` line: Excel then ignores the byte-order mark.
///
/// Encoding: UTF-8 **with a byte-order mark**. Excel (the trainer's usual tool) reads a
/// CSV without one in the system code page and garbles "cliënt"; with it, accents
/// come out right, and LibreOffice, Python and pandas skip the mark.
/// A cell that starts with `=`, `+`, `-`, `@` or a tab gets a leading `'`, so a
/// spreadsheet never runs a note as a formula (OWASP "CSV injection").
public enum CSVExport {
    /// The UTF-8 byte-order mark the file starts with.
    public static let byteOrderMark = "\u{FEFF}"

    /// Renders the CSV text (BOM included); headers in the workshop's language.
    public static func render(_ snapshot: SessionSnapshot) -> String {
        let labels = ExportLabels.of(snapshot.workshop.language)
        let separator = separator(for: snapshot.workshop.language)
        var lines = [row(labels.csvHeader, separator: separator)]
        for round in snapshot.allRounds {
            for group in round.groups {
                for note in group.notes {
                    let theme = round.theme(ofNote: note.id)
                    lines.append(row([round.session.id, group.name, round.questionText, theme?.label ?? "",
                                      theme?.dots.map(String.init) ?? "", note.text, ExportDates.iso(note.createdAt)].map(defuse),
                                     separator: separator))
                }
            }
        }
        return byteOrderMark + lines.map { $0 + "\r\n" }.joined()
    }

    /// The list separator a spreadsheet in that language expects.
    public static func separator(for language: Language) -> String {
        language == .nl ? ";" : ","
    }

    /// One record, fields quoted where RFC 4180 needs it.
    static func row(_ fields: [String], separator: String = ",") -> String {
        fields.map(quote).joined(separator: separator)
    }

    /// Quotes a field that holds a comma, quote, semicolon or line break; doubles its quotes.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func defuse(_ field: String) -> String {
        guard let first = field.first, "=+-@\t\r".contains(first) else { return field }
        return "'" + field
    }
}
