/// Agglomerative clustering with average linkage over a sparse similarity graph.
/// Missing edges count as similarity 0. Merges the most similar pair of clusters until
/// no pair is above `threshold`. Deterministic: ties go to the lowest indices.
struct AverageLinkClustering {
    /// Clusters of node indices, each sorted, ordered by their first node.
    static func clusters(nodeCount: Int, pairs: [(Int, Int, Double)], threshold: Double) -> [[Int]] {
        var members = (0..<nodeCount).map { [$0] }
        var links = [[Int: Double]](repeating: [:], count: nodeCount)
        var version = [Int](repeating: 0, count: nodeCount)
        var alive = [Bool](repeating: true, count: nodeCount)
        var heap = Heap()
        for (a, b, similarity) in pairs where a != b {
            links[a][b, default: 0] += similarity
            links[b][a, default: 0] += similarity
        }
        var initial: [Heap.Entry] = []
        for a in 0..<nodeCount {
            for (b, sum) in links[a] where b > a && sum >= threshold {
                initial.append(Heap.Entry(score: sum, a: a, b: b, versionA: 0, versionB: 0))
            }
        }
        heap.build(initial)
        while let top = heap.pop() {
            guard alive[top.a], alive[top.b], version[top.a] == top.versionA,
                version[top.b] == top.versionB
            else { continue }
            if top.score < threshold { break }
            // Keep the cluster with more links, fold the other into it.
            let (keep, fold) = links[top.a].count >= links[top.b].count ? (top.a, top.b) : (top.b, top.a)
            members[keep].append(contentsOf: members[fold])
            members[fold] = []
            alive[fold] = false
            version[keep] += 1
            for (other, sum) in links[fold] where other != keep {
                links[keep][other, default: 0] += sum
                links[other][keep, default: 0] += sum
                links[other][fold] = nil
            }
            links[keep][fold] = nil
            links[fold] = [:]
            let size = Double(members[keep].count)
            for (other, sum) in links[keep] {
                let score = sum / (size * Double(members[other].count))
                guard score >= threshold else { continue }
                let (a, b) = keep < other ? (keep, other) : (other, keep)
                heap.push(Heap.Entry(
                    score: score, a: a, b: b, versionA: version[a], versionB: version[b]))
            }
        }
        return members.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// A binary max-heap of candidate merges.
    struct Heap {
        struct Entry {
            var score: Double
            var a: Int, b: Int
            var versionA: Int, versionB: Int

            func outranks(_ other: Entry) -> Bool {
                if score != other.score { return score > other.score }
                if a != other.a { return a < other.a }
                return b < other.b
            }
        }
        private var items: [Entry] = []

        mutating func push(_ entry: Entry) {
            items.append(entry)
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard items[child].outranks(items[parent]) else { break }
                items.swapAt(child, parent)
                child = parent
            }
        }

        /// Replaces the contents by `entries`, in linear time.
        mutating func build(_ entries: [Entry]) {
            items = entries
            for parent in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftDown(parent) }
        }

        mutating func pop() -> Entry? {
            guard let first = items.first else { return nil }
            let last = items.removeLast()
            if items.isEmpty { return first }
            items[0] = last
            siftDown(0)
            return first
        }

        private mutating func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < items.count && items[left].outranks(items[best]) { best = left }
                if right < items.count && items[right].outranks(items[best]) { best = right }
                if best == parent { break }
                items.swapAt(parent, best)
                parent = best
            }
        }
    }
}
