import Foundation
import Logging
import MicroHTTP
import SamenspelCore
import SamenspelText

/// Keeps the themes of the active session current: after notes change it
/// recomputes at most once a second, announces `themes.changed`, and feeds the
/// last result back in so ids and labels stay put.
final class ThemeService: @unchecked Sendable {
    private let database: AppDatabase
    private let hub: EventHub
    private let logger: Logger
    private let interval: TimeInterval
    /// Themes use at most this many of the latest notes (`SessionThemes.defaultNoteLimit`).
    let noteLimit: Int
    /// Themes yield the CPU to notes: see `LowPriorityQueue`.
    private let queue = LowPriorityQueue(name: "samenspel.themes")
    /// The sentence model, once loaded.
    let meaning: ThemeMeaning
    private let lock = NSLock()
    private var engines: [String: ThemeEngine] = [:]
    /// The last themes per question of a session, with the `version` they are current to.
    private var latest: [ThemeBoard: (version: Int, themes: APIThemes)] = [:]
    private var version = 0
    /// Questions whose notes changed since the last run (the current question always runs).
    private var changedQuestions: Set<String> = []
    private var scheduled = false
    private var lastRun = Date.distantPast
    /// CPU time of the last run on the theme thread (not wall time: beside busy programs a run
    /// waits for the CPU, and stretching the pause by that wait made themes lag by tens of seconds).
    private var lastDuration: TimeInterval = 0
    private var remembered: [ThemeBoard: [Theme]] = [:]
    private var lastSaved = Date.distantPast
    private var flood = FloodGauge()
    /// The longest themes wait during a flood of notes.
    static let maxDeferral: TimeInterval = 30

    /// Where the service learns the active session (the session service's cache).
    var activeSession: @Sendable () throws -> Session? = { nil }

    /// Notes embedded per run at most: after a model change or an import of thousands of
    /// notes, themes stay by words (and say so) while the vectors catch up, run by run.
    static let catchUpBatch = 64

    init(database: AppDatabase, hub: EventHub, logger: Logger, interval: TimeInterval = 1,
         noteLimit: Int = SessionThemes.defaultNoteLimit, meaning: ThemeMeaning = ThemeMeaning(folder: nil, enabled: true)) {
        self.meaning = meaning
        self.database = database
        self.hub = hub
        self.logger = logger
        self.interval = interval
        self.noteLimit = noteLimit
    }

    deinit { queue.stop() }

    /// Ends the worker thread (at shutdown); later changes are not computed.
    func stop() { queue.stop() }

    /// Notes changed: recompute soon, but not more than once per interval.
    /// - Parameters:
    ///   - count: how many notes arrived (for telling a flood from a room).
    ///   - question: the question whose notes changed, when not the current one.
    func notesChanged(count: Int = 1, question: String? = nil) {
        let delay: TimeInterval? = lock.withLock {
            version += 1
            if let question { changedQuestions.insert(question) }
            flood.record(count)
            guard !scheduled else { return nil }
            scheduled = true
            // A slow run (thousands of notes) stretches the pause, so themes take at most about a
            // fifth of a core and never slow the notes down; a room's few hundred notes still update every second.
            return max(0, max(interval, 4 * lastDuration) - Date().timeIntervalSince(lastRun))
        }
        guard let delay else { return }
        queue.async(after: delay) { [self] in recomputeUnlessFlooded() }
    }

    /// Runs on `queue`. While notes pour in faster than a room types, waits a second at a
    /// time (at most `maxDeferral`), so the CPU goes to storing and answering them.
    private func recomputeUnlessFlooded() {
        let deferred: Bool = lock.withLock {
            if flood.isFlooding(), Date().timeIntervalSince(lastRun) < Self.maxDeferral { return true }
            scheduled = false
            lastRun = Date()
            return false
        }
        if deferred {
            queue.async(after: 1) { [self] in recomputeUnlessFlooded() }
            return
        }
        do {
            guard let session = try activeSession() else { return }
            let started = Self.threadCPUTime()
            let others = lock.withLock {
                defer { changedQuestions = [] }
                return changedQuestions.subtracting([session.question.id])
            }
            for question in [session.question.id] + others.sorted() where session.workshop.question(question) != nil {
                let themes = try compute(session, question: question)
                hub.publish(event: "themes.changed", data: JSONCoding.string(themes))
            }
            lock.withLock { lastDuration = Self.threadCPUTime() - started }
        } catch {
            logger.error("themes: \(error)")
        }
    }

    /// Seconds of CPU this thread has used.
    private static func threadCPUTime() -> TimeInterval {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1e9
    }

    /// The current themes of a question of `session` (default: the current question),
    /// computed now if notes changed since.
    func themes(for session: Session, question: String? = nil) throws -> APIThemes {
        let board = ThemeBoard(sessionID: session.id, question: question ?? session.question.id)
        let cached = lock.withLock { latest[board].flatMap { $0.version == version ? $0.themes : nil } }
        if let cached { return cached }
        return try queue.sync { try self.compute(session, question: board.question) }
    }

    /// Runs on `queue`: one computation at a time, each starting from the last.
    private func compute(_ session: Session, question: String) throws -> APIThemes {
        let started = lock.withLock { version }
        let board = ThemeBoard(sessionID: session.id, question: question)
        let engine = try engine(for: session.workshop, question: question)
        let (notes, window) = try database.themeNotes(sessionID: session.id, question: question, limit: noteLimit)
        let previous = try lock.withLock({ remembered[board] }) ?? database.themeSnapshot(sessionID: session.id, question: question)
        let decisions = try database.themeDecisions(sessionID: session.id, question: question)
        let (vectors, status) = vectors(for: notes, engine: engine)
        let result = SessionThemes.compute(notes: notes, previous: previous, decisions: decisions, engine: engine, meaning: vectors)
        lock.withLock {
            // Only the active session's boards are kept: an archived one's are saved and let go.
            remembered = remembered.filter { $0.key.sessionID == session.id }
            remembered[board] = result.themes
        }
        // The copy on disk only serves restarts: save it now and then, not on every run,
        // so a big snapshot never holds up the notes waiting to be committed.
        // At normal priority: this thread holding the writer would hold up the notes.
        if Date().timeIntervalSince(lock.withLock { lastSaved }) >= 10 {
            lock.withLock { lastSaved = Date() }
            DispatchQueue.global().async { [self] in
                do { try save() } catch { logger.error("themes: could not save: \(error)") }
            }
        }
        var themes = APIThemes(result, question: question, framework: session.workshop.framework(for: question),
                               decisions: decisions, window: window)
        themes.engine = result.engine == .meaning ? ThemeEngineStatus(kind: "meaning", model: status.model, note: nil)
            : status.kind == "meaning" ? ThemeEngineStatus(kind: "words", model: status.model, note: "more than \(engine.options.largestBoardByMeaning) notes")
            : status
        lock.withLock {
            latest = latest.filter { $0.key.sessionID == session.id }
            latest[board] = (started, themes)
        }
        return themes
    }

    /// The notes' sentence vectors (embedding at most `catchUpBatch` new ones), and what to
    /// say when the themes cannot be by meaning. Schedules another run while vectors are missing.
    private func vectors(for notes: [Note], engine: ThemeEngine) -> (MeaningVectors?, ThemeEngineStatus) {
        guard let embedder = meaning.embedder else {
            let note = meaning.isLoading ? "the sentence model is loading" : meaning.unavailableReason
            return (nil, ThemeEngineStatus(kind: "words", model: nil, note: note))
        }
        let model = embedder.encoder.modelName
        do {
            let texts = notes.map { TextNote(id: $0.id, group: $0.group, text: $0.text) }
            // Embedding waits while notes pour in: the CPU goes to storing and answering them.
            var server = embedder
            server.batchSize = 16
            let vectors = try server.meaning(for: texts, lens: engine.lensThemes, limit: Self.catchUpBatch,
                                             keepGoing: { [self] in !lock.withLock { flood.isFlooding() } })
            let missing = Set(texts.map(\.id)).subtracting(vectors.notes.keys).count
            if missing > 0 {
                queue.async(after: 0.05) { [self] in notesChanged(count: 0) }
                return (vectors, ThemeEngineStatus(kind: "words", model: model, note: "reading the notes' meaning: \(missing) to go"))
            }
            return (vectors, ThemeEngineStatus(kind: "meaning", model: model, note: nil))
        } catch {
            logger.error("themes: \(error)")
            return (nil, ThemeEngineStatus(kind: "words", model: model, note: "\(error)"))
        }
    }

    /// Writes the last themes to the database, so ids and labels survive a restart.
    func save() throws {
        let (themes, now) = lock.withLock { (remembered, Date()) }
        for (board, list) in themes { try database.saveThemeSnapshot(list, sessionID: board.sessionID, question: board.question) }
        lock.withLock { lastSaved = now }
    }

    /// Loads the active workshop's engine (dictionaries, word lists) in the background, so the
    /// first notes of a session get their themes without that wait, and a missing dictionary
    /// shows in the log at start.
    func warmUp() {
        queue.async { [self] in
            meaning.load(database: database, logger: logger)
            do {
                guard let session = try activeSession() else { return }
                _ = try engine(for: session.workshop, question: session.question.id)
            } catch {
                logger.warning("themes: \(error)")
            }
        }
    }

    /// The workshops whose engine is loaded (with the question, for a question with its own lens).
    var loadedEngines: Set<String> { lock.withLock { Set(engines.keys) } }

    /// The engine of a workshop's question, made once and kept (exports can reuse it). Questions
    /// with the workshop's lens share one engine.
    func engine(for workshop: Workshop, question: String) throws -> ThemeEngine {
        let key = workshop.question(question)?.framework == nil ? workshop.id : "\(workshop.id)/\(question)"
        if let engine = lock.withLock({ engines[key] }) { return engine }
        let engine = try SessionThemes.engine(for: workshop, question: question)
        lock.withLock { engines[key] = engine }
        return engine
    }
}

/// One question of one session: themes, decisions and snapshots are kept per board.
struct ThemeBoard: Hashable, Sendable {
    var sessionID: String
    var question: String
}
