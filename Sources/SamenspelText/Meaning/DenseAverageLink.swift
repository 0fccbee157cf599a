/// Average-link clustering of a dense similarity matrix, by the nearest-neighbour chain:
/// O(n²) time in the matrix itself, no copy. Merges every pair of clusters whose average
/// similarity is at least `threshold`, exactly as the textbook algorithm would; ties go to
/// the lower index, so the result depends only on the matrix.
enum DenseAverageLink {
    /// Clusters of indices, each sorted, ordered by their first index.
    /// - Parameter matrix: `n × n`, symmetric; overwritten.
    static func clusters(matrix: inout [Float], count n: Int, threshold: Float) -> [[Int]] {
        var members = (0..<n).map { [$0] }
        var open = [Bool](repeating: true, count: n)  // may still merge
        var openCount = n
        var chain: [Int] = []
        matrix.withUnsafeMutableBufferPointer { buffer in
            guard let m = buffer.baseAddress else { return }
            var next = 0
            while openCount > 1 {
                if chain.isEmpty {
                    while !open[next] { next += 1 }
                    chain.append(next)
                }
                let a = chain[chain.count - 1]
                let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
                var best = -1
                var bestValue = -Float.infinity
                let row = m + a * n
                for c in 0..<n where c != a && open[c] {
                    let value = row[c]
                    if value > bestValue { best = c; bestValue = value }
                }
                if previous >= 0, row[previous] >= bestValue { best = previous; bestValue = row[previous] }
                if best < 0 || bestValue < threshold {
                    // Average linkage never raises a cluster's best similarity: `a` is final.
                    open[a] = false
                    openCount -= 1
                    chain.removeLast()
                    continue
                }
                if best == previous {
                    chain.removeLast(2)
                    let (keep, fold) = a < best ? (a, best) : (best, a)
                    let wk = Float(members[keep].count), wf = Float(members[fold].count)
                    for c in 0..<n where open[c] && c != keep && c != fold {
                        let value = (wk * m[keep * n + c] + wf * m[fold * n + c]) / (wk + wf)
                        m[keep * n + c] = value
                        m[c * n + keep] = value
                    }
                    members[keep] += members[fold]
                    members[fold] = []
                    open[fold] = false
                    openCount -= 1
                } else {
                    chain.append(best)
                }
            }
        }
        return members.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
