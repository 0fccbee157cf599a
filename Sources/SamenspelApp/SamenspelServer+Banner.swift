import Foundation

extension SamenspelServer {
    /// What the terminal shows on start: title, join URLs, the QR code, board and trainer links.
    public func banner(qrInTerminal: Bool = true) throws -> String {
        let session = try activeSession()
        let urls = joinURLs
        var lines = ["", "Samenspel · \(session.workshop.title)", ""]
        for (index, url) in urls.enumerated() {
            lines.append((index == 0 ? "  Join (phones): " : "                 ") + url)
        }
        if qrInTerminal, let first = urls.first {
            lines.append("")
            lines.append(try QRCode(first).terminal())
        }
        lines += [
            "",
            "  Board:   \(boardURL)",
            "  Trainer: \(trainerURL)",
            "",
            "  \(themes.meaning.bannerLine)",
            "  Data:    \(options.databasePath)",
            "  Press Ctrl-C to stop; notes are kept and come back on the next start.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
