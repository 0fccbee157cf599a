import Foundation

/// The URLs of the room, known once the server has its port: the join URL the
/// QR code carries, and that QR code as SVG.
final class RoomLinks: @unchecked Sendable {
    private let lock = NSLock()
    private var join = ""
    private var svg = ""
    private var choices: [String] = []

    var joinURL: String { lock.withLock { join } }
    var qrSVG: String { lock.withLock { svg } }

    /// The take-away of one session, on the address phones reach.
    func summaryURL(sessionID: String) -> String {
        joinURL + "summary?session=" + sessionID
    }

    /// The join URLs the trainer can choose from: every address of the laptop, best first.
    var joinChoices: [String] { lock.withLock { choices } }

    func set(joinURL: String, qrSVG: String, choices: [String]? = nil) {
        lock.withLock {
            join = joinURL
            svg = qrSVG
            if let choices { self.choices = choices }
        }
    }
}
