import Foundation

/// Sentence vectors for one clustering run (see `SentenceEncoder`).
public struct MeaningVectors: Sendable {
    /// Note id → its vector. Themes group by meaning only when every note has one.
    public var notes: [String: [Float]]
    /// One vector per framework theme, in the framework's order (its label, description and
    /// keywords as one text); empty: the lens matches keywords instead.
    public var lens: [[Float]]

    public init(notes: [String: [Float]], lens: [[Float]] = []) {
        self.notes = notes
        self.lens = lens
    }
}

/// Themes by meaning: sentence vectors centred on the board, with shared words as a light
/// second signal, clustered by average link and cut relative to the board's own spread.
extension ThemeEngine {
    /// Boards smaller than this have no spread to speak of: notes join when they share words
    /// (as by words) or say almost the same (raw cosine, not centred).
    static let smallestBoard = 4
    static let smallBoardCosine: Float = 0.93

    /// Clusters of the free notes (not pinned) by meaning.
    /// - Parameters:
    ///   - vectors: the free notes' vectors as the model gave them.
    ///   - space: the same, centred (on the board, or on the free notes when some are pinned).
    func meaningClusters(
        vectors: [[Float]], space: MeaningSpace, wordPairs: [(Int, Int, Double)], stickyPairs: [(Int, Int)]
    ) -> [[Int]] {
        let n = vectors.count
        guard n >= Self.smallestBoard else {
            return Self.smallBoardClusters(vectors, wordPairs: wordPairs, threshold: Self.baseThreshold * granularity)
        }
        var (matrix, mean, deviation) = space.similarityMatrix()
        let word = Float(options.meaningWordWeight)
        for (a, b, similarity) in wordPairs where a != b {
            matrix[a * n + b] += word * Float(similarity)
            matrix[b * n + a] += word * Float(similarity)
        }
        // Notes that shared a theme last time get a small bonus, so a recomputation only
        // reshuffles when the new notes give a reason to.
        let bonus = Float(deviation / 4)
        for (a, b) in stickyPairs where a != b {
            matrix[a * n + b] += bonus
            matrix[b * n + a] += bonus
        }
        let threshold = Float(mean + options.meaningCut * granularity * deviation)
        return DenseAverageLink.clusters(matrix: &matrix, count: n, threshold: threshold)
    }

    /// Two or three notes: together when they share words or say nearly the same.
    static func smallBoardClusters(_ vectors: [[Float]], wordPairs: [(Int, Int, Double)], threshold: Double) -> [[Int]] {
        var words: Set<[Int]> = []
        for (a, b, similarity) in wordPairs where similarity >= threshold { words.insert([min(a, b), max(a, b)]) }
        var clusters: [[Int]] = []
        for (index, vector) in vectors.enumerated() {
            if let target = clusters.firstIndex(where: { cluster in
                cluster.allSatisfy { other in
                    words.contains([other, index])
                        || zip(vector, vectors[other]).reduce(Float(0)) { $0 + $1.0 * $1.1 } >= smallBoardCosine
                }
            }) {
                clusters[target].append(index)
            } else {
                clusters.append([index])
            }
        }
        return clusters
    }

    /// The lens by meaning: each note joins the framework theme whose vector is closest,
    /// when it is clearly closer than to the next one; otherwise "other".
    func meaningLens(space: MeaningSpace, noteIDs: [String], lensVectors: [[Float]]) -> [String: String] {
        guard !lensThemes.isEmpty, lensVectors.count == lensThemes.count else { return [:] }
        let centred = lensVectors.map { MeaningSpace.centred($0, mean: space.mean) }
        var lens: [String: String] = [:]
        for (row, id) in noteIDs.enumerated() {
            let scores = centred.map { space.similarity(row, to: $0) }
            let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            let best = order[0]
            let margin = order.count > 1 ? scores[best] - scores[order[1]] : scores[best]
            lens[id] = scores[best] > Self.lensFloor && margin >= Self.lensMargin ? lensThemes[best].id : ThemeResult.otherLensID
        }
        return lens
    }

    /// A note's centred cosine to its framework theme must reach this, and beat the next
    /// theme by the margin, for the note to join it.
    static let lensFloor: Float = 0.1
    static let lensMargin: Float = 0.03
}
