import Foundation

/// The URLs of the room, known once the server has its port: the join URL the
/// QR code carries, and that QR code as SVG.
final class RoomLinks: @unchecked Sendable {
    private let lock = NSLock()
    private var join = ""
    private var svg = ""

    var joinURL: String { lock.withLock { join } }
    var qrSVG: String { lock.withLock { svg } }

    /// The take-away of one session, on the address phones reach.
    func summaryURL(sessionID: String) -> String {
        joinURL + "summary?session=" + sessionID
    }

    func set(joinURL: String, qrSVG: String) {
        lock.withLock {
            join = joinURL
            svg = qrSVG
        }
    }
}
