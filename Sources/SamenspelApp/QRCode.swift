import CQRencode
import Foundation

/// A QR code made by libqrencode, drawn as SVG (for the board) or with block
/// characters (for the terminal).
public struct QRCode: Sendable {
    /// Modules per side.
    public let size: Int
    /// Row-major, true for a dark module.
    public let modules: [Bool]

    /// Encodes `text` with medium error correction.
    public init(_ text: String) throws(AppError) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw AppError(status: 500, "libqrencode could not encode the join URL (errno \(errno))")
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    func dark(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x]
    }

    /// An SVG with a 4-module quiet zone, one path for all dark modules.
    public func svg() -> String {
        let border = 4, side = size + 2 * border
        var path = ""
        for y in 0..<size {
            for x in 0..<size where dark(x, y) { path += "M\(x + border) \(y + border)h1v1h-1z" }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges" role="img" aria-label="QR code">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }

    /// Two module rows per text line with half blocks, black on white whatever the
    /// terminal's colours, with a 2-module quiet zone.
    public func terminal() -> String {
        let border = 2
        var lines: [String] = []
        for y in stride(from: -border, to: size + border, by: 2) {
            var line = "\u{1B}[30;47m"
            for x in -border..<(size + border) {
                switch (dark(x, y), dark(x, y + 1)) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(line + "\u{1B}[0m")
        }
        return lines.joined(separator: "\n")
    }
}
