import Foundation
import SamenspelText

/// Vectors for note texts: the stored ones, and the rest embedded in batches and stored,
/// so each text is embedded once per model (a restart, an edit back, an import or the CLI
/// on the same file find it). Runs wherever it is called: the theme thread, or the CLI.
public struct NoteEmbedder: Sendable {
    public let encoder: any SentenceEncoder
    public let database: AppDatabase
    /// Texts per call into the library (it spreads a batch over the cores).
    public var batchSize = 32
    /// Vectors already read or made, so a theme run every second does not read the whole
    /// window's vectors from SQLite again (copies of this embedder share it).
    private let recent = VectorCache()

    public init(encoder: any SentenceEncoder, database: AppDatabase) {
        self.encoder = encoder
        self.database = database
    }

    /// The vector of every text, by text.
    /// - Parameters:
    ///   - limit: embed at most this many missing texts now (nil: all); the others are absent.
    ///   - progress: called after each batch with (embedded so far, missing in all).
    ///   - keepGoing: asked before each batch; false stops embedding (a flood of notes came).
    public func vectors(
        for texts: some Collection<String>, limit: Int? = nil, progress: ((Int, Int) -> Void)? = nil,
        keepGoing: () -> Bool = { true }
    ) throws -> [String: [Float]] {
        var found = recent.vectors(of: texts)
        let unread = Set(texts).subtracting(found.keys)
        if !unread.isEmpty {
            let stored = try database.vectors(model: encoder.modelName, texts: unread)
            found.merge(stored) { old, _ in old }
            recent.keep(stored)
        }
        var seen = Set(found.keys)
        let missing = texts.filter { seen.insert($0).inserted }
        let now = limit.map { Array(missing.prefix($0)) } ?? missing
        var done = 0
        for start in stride(from: 0, to: now.count, by: batchSize) {
            guard keepGoing() else { break }
            let batch = Array(now[start..<min(start + batchSize, now.count)])
            let vectors = try encoder.embed(batch)
            try database.saveVectors(Array(zip(batch, vectors)).map { ($0, $1) }, model: encoder.modelName)
            for (text, vector) in zip(batch, vectors) { found[text] = vector }
            recent.keep(Dictionary(zip(batch, vectors), uniquingKeysWith: { first, _ in first }))
            done += batch.count
            progress?(done, missing.count)
        }
        return found
    }

    /// Vectors of the notes (by id) and of the framework themes, for one clustering run.
    /// - Parameter limit: embed at most this many missing texts now; notes left without a
    ///   vector make the run group by words.
    public func meaning(
        for notes: [TextNote], lens: [LensTheme], limit: Int? = nil, progress: ((Int, Int) -> Void)? = nil,
        keepGoing: () -> Bool = { true }
    ) throws -> MeaningVectors {
        let lensTexts = lens.map(\.meaningText)
        let byText = try vectors(for: lensTexts + notes.map(\.text), limit: limit, progress: progress, keepGoing: keepGoing)
        return Self.meaning(byText, notes: notes, lensTexts: lensTexts)
    }

    /// The same from stored vectors only, without the model (exports, another process):
    /// the summary shows the themes the board showed.
    public static func stored(in database: AppDatabase, model: String = E5Encoder.modelName,
                              notes: [TextNote], lens: [LensTheme]) throws -> MeaningVectors {
        let lensTexts = lens.map(\.meaningText)
        return meaning(try database.vectors(model: model, texts: lensTexts + notes.map(\.text)), notes: notes, lensTexts: lensTexts)
    }

    private static func meaning(_ byText: [String: [Float]], notes: [TextNote], lensTexts: [String]) -> MeaningVectors {
        var byID: [String: [Float]] = [:]
        for note in notes { byID[note.id] = byText[note.text] }
        let lensVectors = lensTexts.compactMap { byText[$0] }
        return MeaningVectors(notes: byID, lens: lensVectors.count == lensTexts.count ? lensVectors : [])
    }
}

/// Vectors by text in memory, for one model; emptied when it passes `limit` texts.
final class VectorCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byText: [String: [Float]] = [:]
    private let limit: Int

    init(limit: Int = 10_000) { self.limit = limit }

    func vectors(of texts: some Collection<String>) -> [String: [Float]] {
        lock.withLock {
            var found: [String: [Float]] = [:]
            for text in texts { if let vector = byText[text] { found[text] = vector } }
            return found
        }
    }

    func keep(_ vectors: [String: [Float]]) {
        lock.withLock {
            if byText.count + vectors.count > limit { byText.removeAll(keepingCapacity: true) }
            byText.merge(vectors) { _, new in new }
        }
    }
}
