/// The themes × groups matrix as a small self-contained SVG (no script, no external
/// reference): one row per theme, one column per group, each cell the number of the
/// theme's notes from that group, shaded in the group's colour.
public enum MatrixSVG {
    static let labelWidth = 220, cellWidth = 76, rowHeight = 26, headerHeight = 34

    /// The SVG element; empty text when there are no themes.
    public static func render(_ snapshot: SessionSnapshot) -> String {
        guard !snapshot.themes.isEmpty else { return "" }
        let labels = ExportLabels.of(snapshot.workshop.language)
        let columns = snapshot.matrixGroups
        let matrix = snapshot.matrix
        let peak = max(1, matrix.flatMap { $0 }.max() ?? 1)
        let width = labelWidth + cellWidth * columns.count
        let height = headerHeight + rowHeight * snapshot.themes.count
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(XMLText.escape(labels.matrix))\" "
            + "font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"12\">"]
        out.append("<title>\(XMLText.escape(labels.matrix))</title>")
        for (index, group) in columns.enumerated() {
            let x = labelWidth + index * cellWidth + cellWidth / 2
            out.append("<text x=\"\(x)\" y=\"\(headerHeight - 12)\" text-anchor=\"middle\" font-weight=\"bold\">"
                + "\(XMLText.escape(short(group.name, 11)))</text>")
        }
        for (row, theme) in snapshot.themes.enumerated() {
            let y = headerHeight + row * rowHeight
            out.append("<text x=\"4\" y=\"\(y + 17)\">\(XMLText.escape(short(theme.label, 30)))</text>")
            for (column, group) in columns.enumerated() {
                let count = matrix[row][column]
                let x = labelWidth + column * cellWidth
                let opacity = count == 0 ? 0 : 0.25 + 0.75 * Double(count) / Double(peak)
                out.append("<rect x=\"\(x + 2)\" y=\"\(y + 2)\" width=\"\(cellWidth - 4)\" height=\"\(rowHeight - 4)\" "
                    + "rx=\"3\" fill=\"\(colour(group.colour))\" fill-opacity=\"\(format(opacity))\" stroke=\"#cccccc\"/>")
                if count > 0 {
                    let ink = opacity > 0.85 ? "#ffffff" : "#000000"
                    out.append("<text x=\"\(x + cellWidth / 2)\" y=\"\(y + 17)\" text-anchor=\"middle\" fill=\"\(ink)\">\(count)</text>")
                }
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// A label cut to `limit` characters with an ellipsis.
    static func short(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A `#RRGGBB` colour, or grey when the value is anything else.
    static func colour(_ value: String) -> String {
        let hex = value.dropFirst()
        return value.hasPrefix("#") && hex.count == 6 && hex.allSatisfy(\.isHexDigit) ? value : "#777777"
    }

    private static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return hundredths >= 100 ? "1" : "0.\(hundredths < 10 ? "0" : "")\(hundredths)"
    }
}
