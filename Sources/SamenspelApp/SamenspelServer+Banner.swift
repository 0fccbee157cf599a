import Foundation
import SamenspelCore

extension SamenspelServer {
    /// What the terminal shows on start: title, join URLs, the QR code, board and trainer links.
    public func banner(qrInTerminal: Bool = true) throws -> String {
        let session = try activeSession()
        let urls = joinURLs
        var lines = ["", "Samenspel · \(session.workshop.title)", ""]
        for (index, url) in urls.enumerated() {
            lines.append((index == 0 ? "  Join (phones): " : index == 1 ? "  Also on:       " : "                 ") + url)
        }
        if urls.count > 2 {
            lines.append("                 (phones cannot reach this QR code? start with --join-url and one of these)")
        }
        if qrInTerminal, let first = urls.first {
            lines.append("")
            lines.append(try QRCode(first).terminal())
        }
        lines += [
            "",
            sessionLine(session),
        ] + notStartedLines + [
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

    /// Which session runs: resumed (with its phase) or new.
    private func sessionLine(_ session: Session) -> String {
        let started = session.createdAt.formatted(.dateTime.day().month().hour().minute())
        guard startOutcome.resumed else { return "  Session: new, \(session.phase.rawValue) (started \(started))" }
        return "  Session: resumed, \(session.phase.rawValue) (started \(started)); start another on the trainer page"
    }

    /// Says that `--workshop` started nothing because another session is active.
    private var notStartedLines: [String] {
        guard let workshop = startOutcome.notStarted else { return [] }
        return ["  Note:    '\(workshop.title)' (--workshop) was not started: a session of another workshop is",
                "           active and resumed. Start '\(workshop.title)' on the trainer page when the room is ready."]
    }
}
