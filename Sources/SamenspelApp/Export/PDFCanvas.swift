import CPangoCairo
import Foundation

/// An A4 PDF drawn with cairo, text laid out by Pango (wrapping, any Unicode the
/// fonts cover, emoji through fontconfig's fallback). All the C pointer code of the
/// exports is in this file; cairo failures become `ExportError.pdf`.
final class PDFCanvas {
    /// A4 in PostScript points.
    static let pageWidth = 595.2756, pageHeight = 841.8898

    /// Collects the bytes cairo writes.
    private final class Sink { var data = Data() }

    /// A laid-out piece of text, ready to draw.
    final class TextBlock {
        fileprivate let layout: OpaquePointer
        /// Height and width of the ink and spacing, in points.
        let height: Double, width: Double

        fileprivate init(_ layout: OpaquePointer) {
            self.layout = layout
            var w: Int32 = 0, h: Int32 = 0
            pango_layout_get_size(layout, &w, &h)
            width = Double(w) / Double(PANGO_SCALE)
            height = Double(h) / Double(PANGO_SCALE)
        }

        deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }
    }

    private let sink = Sink()
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let pango: OpaquePointer

    /// Opens an empty document; `title` and `created` go into the PDF metadata.
    init(title: String, created: String) throws(ExportError) {
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_pdf_surface_create_for_stream(write, context, Self.pageWidth, Self.pageHeight) else {
            throw .pdf("cairo could not create a PDF surface")
        }
        self.surface = surface
        guard let cairo = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .pdf("cairo could not create a drawing context")
        }
        self.cairo = cairo
        guard let pango = pango_cairo_create_context(cairo) else {
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
            throw .pdf("Pango could not create a text context")
        }
        self.pango = pango
        // Font sizes in points, not screen pixels.
        pango_cairo_context_set_resolution(pango, 72)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Samenspel")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created)
        try check()
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Lays out plain `text` (no markup) in `font` ("DejaVu Sans Bold 12"), wrapped to
    /// `width` points; with `oneLine`, cut with an ellipsis instead of wrapped.
    func layout(_ text: String, font: String, width: Double, oneLine: Bool = false, centred: Bool = false) throws(ExportError) -> TextBlock {
        guard let layout = pango_layout_new(pango) else { throw .pdf("Pango could not lay out text") }
        let description = pango_font_description_from_string(font)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if oneLine { pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        if centred { pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER) }
        pango_layout_set_text(layout, text, -1)
        return TextBlock(layout)
    }

    /// Draws a block with its top-left corner at (`x`, `y`).
    func draw(_ block: TextBlock, x: Double, y: Double, colour: RGB = .black) {
        setColour(colour)
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, block.layout)
    }

    /// Fills a rectangle.
    func fill(x: Double, y: Double, width: Double, height: Double, colour: RGB, alpha: Double = 1) {
        cairo_set_source_rgba(cairo, colour.red, colour.green, colour.blue, alpha)
        cairo_rectangle(cairo, x, y, width, height)
        cairo_fill(cairo)
    }

    /// Strokes a rectangle's outline.
    func stroke(x: Double, y: Double, width: Double, height: Double, colour: RGB, lineWidth: Double = 0.5) {
        setColour(colour)
        cairo_set_line_width(cairo, lineWidth)
        cairo_rectangle(cairo, x, y, width, height)
        cairo_stroke(cairo)
    }

    /// Ends the current page and starts a new one.
    func newPage() { cairo_show_page(cairo) }

    /// Ends the document and returns the PDF bytes.
    func finish() throws(ExportError) -> Data {
        cairo_show_page(cairo)
        try check()
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .pdf(String(cString: cairo_status_to_string(status))) }
        return sink.data
    }

    private func setColour(_ colour: RGB) { cairo_set_source_rgb(cairo, colour.red, colour.green, colour.blue) }

    private func check() throws(ExportError) {
        let status = cairo_status(cairo)
        guard status == CAIRO_STATUS_SUCCESS else { throw .pdf(String(cString: cairo_status_to_string(status))) }
    }
}

/// A colour with components from 0 to 1.
struct RGB: Equatable {
    var red, green, blue: Double

    static let black = RGB(red: 0, green: 0, blue: 0)
    static let grey = RGB(red: 0.35, green: 0.35, blue: 0.35)
    static let light = RGB(red: 0.8, green: 0.8, blue: 0.8)
    static let white = RGB(red: 1, green: 1, blue: 1)

    /// A `#RRGGBB` colour; grey for anything else.
    init(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { self = .grey; return }
        self.init(red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
                  blue: Double(value & 0xFF) / 255)
    }

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }
}
