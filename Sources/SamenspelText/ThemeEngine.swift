import Foundation

/// Groups the notes of all groups into cross-group themes, the way a trainer groups
/// sticky notes on a wall: words they share (after spelling correction, stemming and
/// compound splitting), weighted by rarity, clustered with average linkage.
///
/// Deterministic: the same notes, previous themes and decisions give the same result,
/// whatever the order of the notes. Safe to share between tasks (calls are serialised
/// by a lock, because the hunspell and stemmer handles are not thread-safe).
public final class ThemeEngine: @unchecked Sendable {
    /// The workshop language code ("nl", "en").
    public let language: String
    /// The theory framework used as a lens; may be empty.
    public let lensThemes: [LensTheme]
    /// Higher gives more, smaller themes; 1 is the default, sensible range 0.5–2.
    public let granularity: Double
    public let options: PipelineOptions

    let analyzer: TextAnalyzer
    private let lensMatcher: LensMatcher
    private let lock = NSLock()

    /// Average similarity two groups of notes need to become one theme, at granularity 1.
    static let baseThreshold = 0.05
    /// Weaker note-to-note similarities are ignored.
    static let minimumEdge = 0.02
    /// Weight of a feature before IDF.
    static func weight(of feature: NoteFeature) -> Double {
        switch feature.kind {
        case .word: return 1.0
        case .part: return 0.6
        case .negation: return 0.7
        case .lens, .concept: return feature.weight
        }
    }

    /// Opens the dictionary and stemmer for `language` (`nl`, `en`).
    /// - Throws: `TextError` when the language is unsupported or a resource is missing.
    public init(
        language: String, lens: [LensTheme] = [], granularity: Double = 1.0,
        options: PipelineOptions = .init()
    ) throws {
        let profile = try LanguageProfile.profile(for: language)
        self.language = profile.code
        self.lensThemes = lens
        self.granularity = granularity.isFinite && granularity > 0 ? granularity : 1.0
        self.options = options
        analyzer = try TextAnalyzer(profile: profile, options: options)
        lensMatcher = LensMatcher(themes: lens, analyzer: analyzer)
    }

    /// Clusters the notes into themes.
    /// - Parameters:
    ///   - notes: all notes so far; a repeated id counts once (the first).
    ///   - meaning: sentence vectors; with a vector for every note, themes group by meaning,
    ///     otherwise by shared words.
    ///   - previous: the last result's themes, so ids and labels stay put.
    ///   - manual: pins, merges and renames by the trainer; they always win.
    public func themes(
        for notes: [TextNote], meaning: MeaningVectors? = nil, previous: [Theme] = [],
        manual: ManualDecisions = .init()
    ) -> ThemeResult {
        lock.lock()
        defer { lock.unlock() }

        var seen: Set<String> = []
        let notes = notes.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
        let vectors = meaning.flatMap { meaning in
            notes.count <= options.largestBoardByMeaning && notes.allSatisfy { meaning.notes[$0.id] != nil }
                ? notes.compactMap { meaning.notes[$0.id] } : nil
        }
        var features = notes.map { analyzer.features(of: $0.text) }

        var lens: [String: String] = [:]
        if !lensMatcher.isEmpty {
            for (index, note) in notes.enumerated() {
                let scores = lensMatcher.scores(for: features[index])
                let best = LensMatcher.best(of: scores)
                lens[note.id] = best.map { lensThemes[$0].id } ?? ThemeResult.otherLensID
                // By meaning, framework keywords do not steer the themes.
                guard options.lensFeatures, vectors == nil else { continue }
                // Concept hubs: every framework theme the note's words point to; without
                // them, only the best one.
                let hubs = options.conceptHubs ? scores.indices.filter { scores[$0] > 0 } : best.map { [$0] } ?? []
                for hub in hubs {
                    features[index].append(NoteFeature(
                        key: "l:" + lensThemes[hub].id, kind: .lens,
                        display: lensThemes[hub].label,
                        weight: options.conceptHubs ? options.conceptHubWeight : 0.5))
                }
            }
        }

        let pins = manual.pins.filter { seen.contains($0.key) }
        let free = notes.indices.filter { pins[notes[$0].id] == nil }
        let weights = free.map { index in
            var vector: [String: Double] = [:]
            for feature in features[index] {
                vector[feature.key] = max(vector[feature.key] ?? 0, Self.weight(of: feature))
            }
            return vector
        }
        let threshold = Self.baseThreshold * granularity
        let expanded = Cooccurrence.expand(weights, strength: options.cooccurrence)
        let graph = SimilarityGraph(weights: expanded, minimumSimilarity: Self.minimumEdge)
        let sticky = options.stickiness ? stickyPairs(free: free.map { notes[$0].id }, previous: previous) : []
        let clusters: [[Int]]
        var space: MeaningSpace?
        if let vectors {
            // The lens and the labels look at every note, pinned ones too; clustering at the free ones.
            let board = MeaningSpace(vectors)
            let freeVectors = free.map { vectors[$0] }
            clusters = meaningClusters(
                vectors: freeVectors, space: free.count == notes.count ? board : MeaningSpace(freeVectors),
                wordPairs: graph.pairs, stickyPairs: sticky)
            if let meaning, !meaning.lens.isEmpty {
                lens = meaningLens(space: board, noteIDs: notes.map(\.id), lensVectors: meaning.lens)
            }
            space = board
        } else {
            clusters = AverageLinkClustering.clusters(
                nodeCount: free.count, pairs: graph.pairs + sticky.map { ($0.0, $0.1, threshold / 2) },
                threshold: threshold)
        }

        let drafts = Self.assemble(
            clusters: clusters.map { $0.map { notes[free[$0]].id } }, pins: pins,
            previous: previous, manual: manual)
        let featuresByID = Dictionary(
            uniqueKeysWithValues: notes.indices.map { (notes[$0].id, features[$0]) })
        let labeler = Labeler(idf: graph.idf, features: featuresByID, noteCount: notes.count)
        let rowOf = Dictionary(uniqueKeysWithValues: notes.indices.map { (notes[$0].id, $0) })
        let phrases = PhraseLabeler(analyzer: analyzer, idf: graph.idf, noteCount: notes.count)
        var themes = drafts.map { draft in
            let kept = manual.renames[draft.id] ?? draft.keptLabel
            var (label, reasons) = labeler.labelAndReasons(for: draft.noteIDs, needsLabel: kept == nil && space == nil)
            if kept == nil, let space {
                let rows = draft.noteIDs.compactMap { rowOf[$0] }
                let central = Self.byCentrality(rows, in: space).map { notes[$0].text }
                label = phrases.label(central: central, features: rows.map { features[$0] })
            }
            return Theme(id: draft.id, label: kept ?? label ?? "…", noteIDs: draft.noteIDs, reasons: reasons)
        }
        themes.sort {
            $0.noteIDs.count != $1.noteIDs.count
                ? $0.noteIDs.count > $1.noteIDs.count : $0.noteIDs[0] < $1.noteIDs[0]
        }
        return ThemeResult(themes: themes, lens: lens, engine: space == nil ? .words : .meaning)
    }

    /// Rows ordered by their average similarity to the other rows, highest first.
    static func byCentrality(_ rows: [Int], in space: MeaningSpace) -> [Int] {
        let centrality = rows.map { row in rows.reduce(Float(0)) { $0 + ($1 == row ? 0 : space.similarity(row, $1)) } }
        return rows.indices.sorted { centrality[$0] != centrality[$1] ? centrality[$0] > centrality[$1] : rows[$0] < rows[$1] }
            .map { rows[$0] }
    }

    /// A small bonus for notes that shared a theme last time, so a recomputation only
    /// reshuffles when the new notes give a reason to.
    private func stickyPairs(free: [String], previous: [Theme]) -> [(Int, Int)] {
        let index = Dictionary(free.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var pairs: [(Int, Int)] = []
        for theme in previous {
            let members = theme.noteIDs.compactMap { index[$0] }.sorted().prefix(200)
            for (offset, a) in members.enumerated() {
                for b in members.dropFirst(offset + 1) { pairs.append((a, b)) }
            }
        }
        return pairs
    }
}
