import Foundation
import SamenspelCore

/// What the server found on start: whether it resumed a session or started one, and the
/// workshop named on the command line when it differs from the resumed one.
public struct StartOutcome: Sendable {
    public var resumed: Bool
    /// The `--workshop` that was not started because another session is active.
    public var notStarted: Workshop?
}

/// Phones joined per group, announced on each join.
struct JoinCounts: Encodable {
    var session: String
    var joined: [String: Int]
}

/// The session's life: start, resume, reopen, phases and the countdown.
extension SessionService {
    /// Resumes the active session, whatever workshop it runs, or starts one of the primary
    /// workshop when there is none: a restart never takes the room away from its session.
    public func resumeOrStart() throws -> StartOutcome {
        try database.purgeDeleted(before: Date())
        if let session = try database.activeSession() {
            armClock(session)
            return StartOutcome(resumed: true,
                                notStarted: session.workshop.id == catalog.primary.id ? nil : catalog.primary)
        }
        let session = Session(id: UUID().uuidString.lowercased(), workshop: catalog.primary,
                              phase: Session.firstPhase(of: catalog.primary), createdAt: Date())
        try database.startSession(session)
        return StartOutcome(resumed: false, notStarted: nil)
    }

    /// Moves the session to a phase; leaving the brainstorm stops its countdown.
    func setPhase(_ phase: Session.Phase) throws -> APISession {
        try changeLock.withLock {
            let current = try activeSession()
            let session = try database.setTimer(phase == .open ? current.timer : nil, phase: phase, sessionID: current.id)
            return try changed(session)
        }
    }

    /// Starts a countdown of `seconds` and opens submissions; 0 stops it.
    func setTimer(seconds: Int) throws -> APISession {
        guard (0...(4 * 3600)).contains(seconds) else { throw AppError.unprocessable("A countdown lasts 0 to 14,400 seconds.") }
        return try changeLock.withLock {
            let current = try activeSession()
            let timer = seconds > 0 ? Session.Timer(endsAt: Self.now().addingTimeInterval(TimeInterval(seconds)), seconds: seconds) : nil
            let session = try database.setTimer(timer, phase: seconds > 0 ? .open : current.phase, sessionID: current.id)
            return try changed(session)
        }
    }

    /// Makes the countdown `seconds` longer; with none running, starts one of `seconds`.
    func extendTimer(seconds: Int) throws -> APISession {
        guard (1...3600).contains(seconds) else { throw AppError.unprocessable("A countdown grows by 1 to 3,600 seconds.") }
        return try changeLock.withLock {
            let current = try activeSession()
            var timer = Session.Timer(endsAt: Self.now().addingTimeInterval(TimeInterval(seconds)), seconds: seconds)
            if current.phase == .open, let running = current.timer, running.endsAt > Date() {
                timer = Session.Timer(endsAt: running.endsAt.addingTimeInterval(TimeInterval(seconds)),
                                      seconds: min(running.seconds + seconds, 4 * 3600))
            }
            return try changed(try database.setTimer(timer, phase: .open, sessionID: current.id))
        }
    }

    /// Remembers, announces and (re)arms the countdown of a changed session. Call under `changeLock`.
    func changed(_ session: Session) throws -> APISession {
        remember(session)
        let api = try apiSession(session)
        publish("session.changed", api)
        armClock(session)
        return api
    }

    /// Closes submissions when the countdown (and its grace for notes in flight) ends.
    func armClock(_ session: Session) {
        guard session.phase == .open, let timer = session.timer else { return clock.cancel() }
        clock.schedule(at: timer.endsAt.addingTimeInterval(Session.grace)) { [weak self] in
            guard let self, let current = try? self.activeSession(), current.id == session.id, current.timer == timer else { return }
            _ = try? self.setPhase(.closed)
        }
    }

    func startSession(workshopID: String) throws -> APISession {
        guard let workshop = catalog.workshop(id: workshopID) else {
            throw AppError.notFound("There is no workshop '\(workshopID)'.")
        }
        return try changeLock.withLock {
            closeSubmissions()
            let session = Session(id: UUID().uuidString.lowercased(), workshop: workshop,
                                  phase: Session.firstPhase(of: workshop), createdAt: Date())
            try database.startSession(session)
            let api = try changed(session)
            themes.notesChanged()
            return api
        }
    }

    /// Makes an archived session the active one again, in the phase it was left in.
    func reopenSession(_ id: String) throws -> APISession {
        try changeLock.withLock {
            guard try database.session(id: id) != nil else { throw AppError.notFound("There is no session \(id).") }
            if let current = try? activeSession(), current.id == id { return try apiSession(current) }
            closeSubmissions()
            let api = try changed(try database.activate(sessionID: id))
            themes.notesChanged()
            return api
        }
    }

    /// The session that stops being active takes no more notes (also if it is reopened later) and
    /// leaves no spotlight behind. Call under `changeLock`.
    private func closeSubmissions() {
        spotlightLock.withLock { spotlightNote = nil }
        if let previous = try? activeSession(), previous.phase == .open {
            _ = try? database.setTimer(nil, phase: .closed, sessionID: previous.id)
        }
    }
}

extension SessionService {
    /// The setting that keeps the trainer's choice of join URL across restarts.
    static let joinURLKey = "joinURL"

    /// Makes `url`, one of the laptop's join URLs, the one the QR codes carry; boards and phones follow.
    func chooseJoinURL(_ url: String) throws -> APISession {
        let choices = links.joinChoices
        guard choices.contains(url) else {
            throw AppError.unprocessable("'\(url)' is not an address of this laptop; choose one of: \(choices.joined(separator: ", ")).")
        }
        return try changeLock.withLock {
            links.set(joinURL: url, qrSVG: try QRCode(url).svg())
            try database.setSetting(Self.joinURLKey, url)
            return try changed(try activeSession())
        }
    }
}
