import Foundation

/// Sparse TF-IDF vectors of notes and the cosine similarities between them, found
/// through an inverted index so that notes sharing no feature are never compared.
struct SimilarityGraph {
    /// Inverse document frequency per feature key (only keys used by 2+ notes).
    private(set) var idf: [String: Double] = [:]
    /// Note pairs `(a, b, similarity)` with `a < b`, each kept when it is among the
    /// strongest `maxNeighbours` edges of either note.
    private(set) var pairs: [(Int, Int, Double)] = []

    /// - Parameters:
    ///   - weights: per note, feature key -> weight before IDF.
    ///   - minimumSimilarity: weaker edges are dropped.
    ///   - maxNeighbours: at most this many strongest edges per note are kept.
    init(weights: [[String: Double]], minimumSimilarity: Double, maxNeighbours: Int = 40) {
        let count = weights.count
        var df: [String: Int] = [:]
        for note in weights { for key in note.keys { df[key, default: 0] += 1 } }
        let n = Double(count)
        var shared: [String: (id: Int, idf: Double)] = [:]
        for (key, frequency) in df where frequency >= 2 {
            idf[key] = (log((n + 1) / Double(frequency)))
        }
        for key in idf.keys.sorted() { shared[key] = (shared.count, idf[key] ?? 0) }
        let singletonIDF = log(n + 1)

        // Vectors: shared features only in the dot product, every feature in the norm.
        // Sums run in a fixed order (shared features by id, the rest by value), so the
        // result does not depend on dictionary order.
        var vectors: [[(Int, Double)]] = []
        vectors.reserveCapacity(count)
        for note in weights {
            var vector: [(Int, Double)] = []
            var singles: [Double] = []
            for (key, weight) in note {
                if let entry = shared[key] {
                    vector.append((entry.id, weight * entry.idf))
                } else {
                    singles.append(weight * singletonIDF)
                }
            }
            vector.sort { $0.0 < $1.0 }
            singles.sort()
            var norm = 0.0
            for (_, value) in vector { norm += value * value }
            for value in singles { norm += value * value }
            let length = norm.squareRoot()
            if length > 0 { vector = vector.map { ($0.0, $0.1 / length) } }
            vectors.append(vector)
        }

        // Inverted index; very common features are skipped when looking for candidates
        // (their IDF is low, they would make this quadratic).
        let maxPosting = max(200, count / 10)
        var postings = [[(Int, Double)]](repeating: [], count: shared.count)
        for (note, vector) in vectors.enumerated() {
            for (feature, value) in vector { postings[feature].append((note, value)) }
        }
        var edges = [[(Int, Double)]](repeating: [], count: count)
        var accumulator = [Double](repeating: 0, count: count)
        var touched: [Int] = []
        for (note, vector) in vectors.enumerated() {
            for (feature, value) in vector where postings[feature].count <= maxPosting {
                for (other, otherValue) in postings[feature] where other > note {
                    if accumulator[other] == 0 { touched.append(other) }
                    accumulator[other] += value * otherValue
                }
            }
            for other in touched {
                let similarity = accumulator[other]
                if similarity >= minimumSimilarity {
                    edges[note].append((other, similarity))
                    edges[other].append((note, similarity))
                }
                accumulator[other] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        // The k-th strongest similarity per note: weaker edges survive only if the
        // other note keeps them.
        var cutoff = [Double](repeating: 0, count: count)
        for note in edges.indices where edges[note].count > maxNeighbours {
            cutoff[note] = Self.largest(edges[note].map(\.1), rank: maxNeighbours)
        }
        for note in edges.indices {
            for (other, similarity) in edges[note] where other > note {
                if similarity >= cutoff[note] || similarity >= cutoff[other] {
                    pairs.append((note, other, similarity))
                }
            }
        }
    }

    /// The `rank`-th largest value (1-based), by quickselect: linear on average. The result
    /// is a value, so it does not depend on the pivots chosen.
    static func largest(_ values: [Double], rank: Int) -> Double {
        var values = values
        var low = 0
        var high = values.count - 1
        let target = rank - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if target <= j { high = j } else if target >= i { low = i } else { return values[target] }
        }
        return values[target]
    }
}
