import Foundation
import Logging
import MicroHTTP
import SamenspelCore

/// The workshop room: joins, notes and phases of the active session. Every
/// change is committed first and then announced on the event hub, in order.
public final class SessionService: @unchecked Sendable {
    let database: AppDatabase
    let hub: EventHub
    let catalog: WorkshopCatalog
    let links: RoomLinks
    let themes: ThemeService
    /// Serialises change-then-announce so events leave in commit order.
    let changeLock = NSLock()
    let clock = PhaseClock()
    let limits: ServeOptions.Limits
    let notesPerMinute: RateLimiter
    let joinsPerMinute: RateLimiter
    lazy var committer = NoteCommitter(database: database, perAuthor: limits.notesPerPhone) { [weak self] in
        self?.announceCreated($0) ?? []
    }
    /// The active session, kept in memory: every note request needs it.
    private let cacheLock = NSLock()
    private var cachedActive: Session?

    init(database: AppDatabase, hub: EventHub, catalog: WorkshopCatalog, links: RoomLinks, themes: ThemeService,
         limits: ServeOptions.Limits = .init()) {
        self.limits = limits
        notesPerMinute = RateLimiter(limit: limits.notesPerMinute, per: 60)
        joinsPerMinute = RateLimiter(limit: limits.joinsPerMinutePerAddress, per: 60)
        self.themes = themes
        self.database = database
        self.hub = hub
        self.catalog = catalog
        self.links = links
    }

    /// Resumes the active session, or starts one of the primary workshop when
    /// there is none or the active one is of another workshop.
    public func resumeOrStart() throws -> Session {
        try database.purgeDeleted(before: Date())
        if let session = try database.activeSession(), session.workshop.id == catalog.primary.id {
            armClock(session)
            return session
        }
        let session = Session(id: UUID().uuidString.lowercased(), workshop: catalog.primary, createdAt: Date())
        try database.startSession(session)
        return session
    }

    /// The active session.
    public func activeSession() throws -> Session {
        if let session = cacheLock.withLock({ cachedActive }) { return session }
        guard let session = try database.activeSession() else { throw AppError.notFound("There is no active session.") }
        cacheLock.withLock { cachedActive = session }
        return session
    }

    func remember(_ session: Session) {
        cacheLock.withLock { cachedActive = session }
    }

    func apiSession(_ session: Session) throws -> APISession {
        APISession(
            id: session.id, phase: session.phase.rawValue, createdAt: session.createdAt, joinUrl: links.joinURL,
            workshop: session.workshop, counts: try counts(session), timer: session.timer,
            publishedAt: try database.publishedAt(sessionID: session.id), serverTime: Date())
    }

    /// Notes per group, every group of the workshop included.
    private func counts(_ session: Session) throws -> [String: Int] {
        let stored = try database.noteCounts(sessionID: session.id)
        return Dictionary(uniqueKeysWithValues: session.workshop.groups.map { ($0.id, stored[$0.id] ?? 0) })
    }

    /// Now, to the millisecond the database keeps, so a note reads back exactly as acknowledged.
    static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    /// Gives a phone a token for a group of the active session.
    func join(group: String, from address: String) throws -> JoinResponse {
        try joinsPerMinute.check(address, "Too many joins from this address; try again in a minute.")
        let session = try activeSession()
        guard session.workshop.group(group) != nil else {
            throw AppError.notFound("There is no group '\(group)' in this workshop.")
        }
        let token = Token.make()
        try database.addParticipant(token: token, sessionID: session.id, group: group, at: Date())
        return JoinResponse(token: token, group: group, session: session.id)
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

    /// Remembers, announces and (re)arms the countdown of a changed session. Call under `changeLock`.
    private func changed(_ session: Session) throws -> APISession {
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
            // The session that ends takes no more notes, also if it is opened later from the archive.
            if let previous = try? activeSession(), previous.phase == .open {
                _ = try database.setPhase(.closed, sessionID: previous.id)
            }
            let session = Session(id: UUID().uuidString.lowercased(), workshop: workshop, createdAt: Date())
            try database.startSession(session)
            let api = try changed(session)
            themes.notesChanged()
            return api
        }
    }

    func publish<T: Encodable>(_ event: String, _ value: T) {
        hub.publish(event: event, data: JSONCoding.string(value))
    }

    static func clean(_ text: String) throws -> String {
        do {
            return try NoteText.clean(text)
        } catch {
            throw AppError.unprocessable(error.description)
        }
    }

    /// Note ids are made by phones; keep them short and plain.
    static func validID(_ id: String) throws -> String {
        let ok = (1...64).contains(id.utf8.count) && id.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
        guard ok else { throw AppError.badRequest("The note id must be 1 to 64 letters, digits, '-' or '_' (a UUID).") }
        return id
    }
}
