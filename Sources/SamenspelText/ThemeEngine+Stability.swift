/// Keeping themes recognisable across recomputations, and applying manual decisions.
extension ThemeEngine {
    /// A theme before labelling.
    struct Draft: Equatable {
        var id: String
        var noteIDs: [String]
        /// The previous label, kept because membership barely changed.
        var keptLabel: String?
    }

    /// Turns clusters into themes with ids: a cluster that holds at least half of a
    /// previous theme, and of which that theme makes up at least half, inherits its id
    /// (and its label when the overlap is at least half of the union). Then merges and
    /// pins are applied.
    static func assemble(
        clusters: [[String]], pins: [String: String], previous: [Theme], manual: ManualDecisions
    ) -> [Draft] {
        var previousOf: [String: String] = [:]
        var previousSize: [String: Int] = [:]
        var previousLabel: [String: String] = [:]
        let clustered = Set(clusters.joined())
        for theme in previous {
            previousLabel[theme.id] = previousLabel[theme.id] ?? theme.label
            for note in theme.noteIDs where clustered.contains(note) && previousOf[note] == nil {
                previousOf[note] = theme.id
                previousSize[theme.id, default: 0] += 1
            }
        }

        // Candidate (cluster, previous theme, overlap), best overlap first.
        var candidates: [(cluster: Int, theme: String, overlap: Int)] = []
        for (index, cluster) in clusters.enumerated() {
            var overlap: [String: Int] = [:]
            for note in cluster { if let theme = previousOf[note] { overlap[theme, default: 0] += 1 } }
            for (theme, count) in overlap
            where 2 * count >= cluster.count && 2 * count >= (previousSize[theme] ?? 0) {
                candidates.append((index, theme, count))
            }
        }
        candidates.sort {
            $0.overlap != $1.overlap ? $0.overlap > $1.overlap
                : $0.theme != $1.theme ? $0.theme < $1.theme : $0.cluster < $1.cluster
        }
        var drafts = clusters.map { Draft(id: "", noteIDs: $0, keptLabel: nil) }
        var takenThemes: Set<String> = []
        for candidate in candidates
        where drafts[candidate.cluster].id.isEmpty && !takenThemes.contains(candidate.theme) {
            takenThemes.insert(candidate.theme)
            let union = drafts[candidate.cluster].noteIDs.count
                + (previousSize[candidate.theme] ?? 0) - candidate.overlap
            drafts[candidate.cluster].id = candidate.theme
            if 2 * candidate.overlap >= union {
                drafts[candidate.cluster].keptLabel = previousLabel[candidate.theme]
            }
        }

        // Clusters mostly made of a theme the trainer merged into stay merged: the largest
        // takes the theme's id if no cluster matched it, the others are folded in.
        let mergeTargets = Set(manual.merges.values.map { resolve($0, manual.merges) })
        let unmatched = drafts.indices.filter { drafts[$0].id.isEmpty }
            .sorted { drafts[$0].noteIDs.count > drafts[$1].noteIDs.count || (drafts[$0].noteIDs.count == drafts[$1].noteIDs.count && $0 < $1) }
        for index in unmatched {
            var overlap: [String: Int] = [:]
            for note in drafts[index].noteIDs {
                if let theme = previousOf[note] { overlap[theme, default: 0] += 1 }
            }
            guard let (theme, count) = overlap.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
                2 * count > drafts[index].noteIDs.count, mergeTargets.contains(theme)
            else { continue }
            if let target = drafts.firstIndex(where: { $0.id == theme }) {
                drafts[target].noteIDs += drafts[index].noteIDs
                drafts[index].noteIDs = []
            } else {
                drafts[index].id = theme
                drafts[index].keptLabel = previousLabel[theme]
            }
        }

        // Fresh ids for the rest, derived from the members so they are reproducible.
        var used = Set(previous.map(\.id)).union(drafts.map(\.id))
        for index in drafts.indices where drafts[index].id.isEmpty && !drafts[index].noteIDs.isEmpty {
            let base = "t" + fnv1a(drafts[index].noteIDs.sorted().joined(separator: "\u{1F}"))
            var id = base
            var suffix = 2
            while used.contains(id) {
                id = "\(base)-\(suffix)"
                suffix += 1
            }
            used.insert(id)
            drafts[index].id = id
        }

        // Manual merges.
        for index in drafts.indices where manual.merges[drafts[index].id] != nil {
            let target = resolve(drafts[index].id, manual.merges)
            guard target != drafts[index].id else { continue }
            if let into = drafts.firstIndex(where: { $0.id == target }) {
                drafts[into].noteIDs += drafts[index].noteIDs
                drafts[index].noteIDs = []
            } else {
                drafts[index].id = target
                drafts[index].keptLabel = previousLabel[target]
            }
        }

        // Pins.
        for (note, theme) in pins.sorted(by: { $0.key < $1.key }) {
            let target = resolve(theme, manual.merges)
            if let index = drafts.firstIndex(where: { $0.id == target }) {
                drafts[index].noteIDs.append(note)
            } else {
                drafts.append(Draft(id: target, noteIDs: [note], keptLabel: previousLabel[target]))
            }
        }
        return drafts.filter { !$0.noteIDs.isEmpty }.map {
            Draft(id: $0.id, noteIDs: $0.noteIDs.sorted(), keptLabel: $0.keptLabel)
        }
    }

    /// Follows merge chains (a -> b -> c) to the final theme, ignoring cycles.
    static func resolve(_ id: String, _ merges: [String: String]) -> String {
        var current = id
        var visited: Set<String> = [id]
        while let next = merges[current], visited.insert(next).inserted { current = next }
        return current
    }
}

/// A short, stable hexadecimal hash (FNV-1a, 32 bits).
func fnv1a(_ text: String) -> String {
    var hash: UInt32 = 2_166_136_261
    for byte in text.utf8 {
        hash ^= UInt32(byte)
        hash = hash &* 16_777_619
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
}
