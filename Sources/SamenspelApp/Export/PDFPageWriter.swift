import Foundation

/// Flows blocks of text down A4 pages: keeps a cursor, starts a new page (with a
/// footer) when the next block does not fit.
final class PDFPageWriter {
    static let body = "DejaVu Sans 10", small = "DejaVu Sans 8.5"
    static let margin = 50.0, footerSpace = 30.0

    let labels: ExportLabels
    private let canvas: PDFCanvas
    private let footer: String
    private var y = margin
    private var page = 1

    /// The width of the text column, in points.
    var width: Double { PDFCanvas.pageWidth - 2 * Self.margin }
    private var bottom: Double { PDFCanvas.pageHeight - Self.margin - Self.footerSpace }

    init(title: String, created: String, footer: String, labels: ExportLabels) throws(ExportError) {
        canvas = try PDFCanvas(title: title, created: created)
        self.footer = footer
        self.labels = labels
        try drawFooter()
    }

    /// Makes sure `height` points fit below the cursor, else starts a new page.
    func ensure(_ height: Double) throws(ExportError) {
        guard y + height > bottom, y > Self.margin else { return }
        canvas.newPage()
        page += 1
        y = Self.margin
        try drawFooter()
    }

    func space(_ points: Double) { y += points }

    /// A paragraph; `keep` is extra room that must follow it on the same page (for headings),
    /// `bar` a colour strip at its left.
    func text(_ text: String, font: String, indent: Double = 0, colour: RGB = .black, bar: RGB? = nil,
              keep: Double = 0, after: Double = 0) throws(ExportError) {
        let inset = bar == nil ? indent : indent + 8
        let block = try canvas.layout(text, font: font, width: width - inset)
        try ensure(block.height + keep)
        if let bar { canvas.fill(x: Self.margin + indent, y: y, width: 4, height: block.height, colour: bar) }
        canvas.draw(block, x: Self.margin + inset, y: y, colour: colour)
        y += block.height + after
    }

    /// A section heading with a rule under it, kept with what follows.
    func heading(_ text: String, keep: Double = 50) throws(ExportError) {
        let block = try canvas.layout(text, font: "DejaVu Sans Bold 15", width: width)
        try ensure(block.height + 8 + keep)
        y += 6
        canvas.draw(block, x: Self.margin, y: y)
        y += block.height + 2
        canvas.fill(x: Self.margin, y: y, width: width, height: 0.6, colour: .grey)
        y += 8
    }

    /// A bulleted note, wrapped under its first word.
    func bullet(_ text: String) throws(ExportError) {
        let block = try canvas.layout(text, font: Self.body, width: width - 24)
        let mark = try canvas.layout("•", font: Self.body, width: 12)
        try ensure(block.height)
        canvas.draw(mark, x: Self.margin + 12, y: y)
        canvas.draw(block, x: Self.margin + 24, y: y)
        y += block.height + 2
    }

    /// A fixed-height block drawn by `draw(canvas, left, top)`.
    func block(height: Double, _ draw: (PDFCanvas, Double, Double) throws(ExportError) -> Void) throws(ExportError) {
        try ensure(height)
        try draw(canvas, Self.margin, y)
        y += height
    }

    func finish() throws(ExportError) -> Data { try canvas.finish() }

    private func drawFooter() throws(ExportError) {
        let text = try canvas.layout("\(footer) · \(labels.page) \(page)", font: "DejaVu Sans 7.5", width: width, centred: true)
        canvas.draw(text, x: Self.margin, y: PDFCanvas.pageHeight - Self.margin + 4, colour: .grey)
    }
}
