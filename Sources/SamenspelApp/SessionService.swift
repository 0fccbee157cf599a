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
    /// The note the trainer shows large on the board, if any (for the active session; not stored).
    let spotlightLock = NSLock()
    var spotlightNote: (session: String, note: String)?
    /// Counts `remember` calls, so a read that raced a change does not cache the older session.
    private var cacheGeneration = 0

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

    /// The active session.
    public func activeSession() throws -> Session {
        let (cached, generation) = cacheLock.withLock { (cachedActive, cacheGeneration) }
        if let cached { return cached }
        guard let session = try database.activeSession() else { throw AppError.notFound("There is no active session.") }
        return cacheLock.withLock {
            if cacheGeneration == generation { cachedActive = session }
            return cachedActive ?? session
        }
    }

    func remember(_ session: Session) {
        cacheLock.withLock {
            cachedActive = session
            cacheGeneration += 1
        }
    }

    func apiSession(_ session: Session) throws -> APISession {
        let published = try database.publishedAt(sessionID: session.id)
        return APISession(
            id: session.id, phase: session.phase.rawValue, createdAt: session.createdAt, joinUrl: links.joinURL,
            workshop: session.workshop, questions: Self.questionItems(session), question: session.question.id,
            voting: VotingState(open: session.votingDots != nil, dots: session.votingDots ?? Session.defaultDots),
            counts: try counts(session), joined: try joined(session), timer: session.timer,
            publishedAt: published, summaryUrl: published == nil ? nil : links.summaryURL(sessionID: session.id),
            spotlight: spotlight(in: session.id), serverTime: Date())
    }

    /// Notes of the current question per group, every group of the workshop included.
    private func counts(_ session: Session) throws -> [String: Int] {
        Self.everyGroup(of: session, try database.noteCounts(sessionID: session.id, question: session.question.id))
    }

    /// Phones joined per group, every group of the workshop included.
    private func joined(_ session: Session) throws -> [String: Int] {
        Self.everyGroup(of: session, try database.joinCounts(sessionID: session.id))
    }

    private static func everyGroup(of session: Session, _ stored: [String: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: session.workshop.groups.map { ($0.id, stored[$0.id] ?? 0) })
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
        publish("session.joined", JoinCounts(session: session.id, joined: try joined(session)))
        return JoinResponse(token: token, group: group, session: session.id)
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
