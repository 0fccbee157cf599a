import Foundation
import SamenspelCore

/// The spotlight event: the note every board shows large, or nil for none.
struct SpotlightEvent: Encodable {
    var session: String
    var note: APINote?
}

extension SessionService {
    /// Shows a visible note of the active session large on every board; nil ends it.
    func spotlight(_ noteID: String?) throws -> SpotlightEvent {
        try changeLock.withLock {
            let session = try activeSession()
            var shown: APINote?
            if let noteID {
                guard let note = try database.visibleNote(id: noteID, sessionID: session.id) else {
                    throw AppError.notFound("There is no visible note \(noteID) in this session.")
                }
                shown = note
            }
            spotlightLock.withLock { spotlightNote = shown.map { (session.id, $0.id) } }
            let event = SpotlightEvent(session: session.id, note: shown)
            publish("session.spotlight", event)
            return event
        }
    }

    /// The spotlit note's id, when it belongs to `sessionID`.
    func spotlight(in sessionID: String) -> String? {
        spotlightLock.withLock { spotlightNote?.session == sessionID ? spotlightNote?.note : nil }
    }

    /// Ends the spotlight when its note leaves the board (hidden or deleted). Call under `changeLock`.
    func endSpotlight(ifOn noteID: String, sessionID: String) {
        let was = spotlightLock.withLock {
            guard spotlightNote?.note == noteID else { return false }
            spotlightNote = nil
            return true
        }
        if was { publish("session.spotlight", SpotlightEvent(session: sessionID, note: nil)) }
    }
}
