/// Words that keep turning up together in the notes stand in for each other a little:
/// if several notes say "samen" and "band", a note that only says "band" also gets a
/// share of "samen". This is the semantic signal the notes themselves give.
enum Cooccurrence {
    /// Adds `strength` × association × weight of each co-occurring feature. Association is
    /// the cosine of two features' note sets, counted only for pairs seen together in at
    /// least `minimumTogether` notes.
    static func expand(
        _ weights: [[String: Double]], strength: Double, minimumTogether: Int = 2,
        maxPartners: Int = 5
    ) -> [[String: Double]] {
        guard strength > 0 else { return weights }
        var df: [String: Int] = [:]
        for note in weights { for key in note.keys { df[key, default: 0] += 1 } }
        var together: [String: [String: Int]] = [:]
        for note in weights {
            let keys = note.keys.filter { (df[$0] ?? 0) >= 2 }.sorted()
            for (offset, a) in keys.enumerated() {
                for b in keys.dropFirst(offset + 1) {
                    together[a, default: [:]][b, default: 0] += 1
                    together[b, default: [:]][a, default: 0] += 1
                }
            }
        }
        var partners: [String: [(String, Double)]] = [:]
        for (a, counts) in together {
            var list: [(String, Double)] = []
            for (b, count) in counts where count >= minimumTogether {
                let association = Double(count) / Double((df[a] ?? 1) * (df[b] ?? 1)).squareRoot()
                list.append((b, association))
            }
            list.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            if !list.isEmpty { partners[a] = Array(list.prefix(maxPartners)) }
        }
        return weights.map { note in
            var expanded = note
            for (key, weight) in note.sorted(by: { $0.key < $1.key }) {
                for (partner, association) in partners[key] ?? [] where note[partner] == nil {
                    expanded[partner, default: 0] += strength * association * weight
                }
            }
            return expanded
        }
    }
}
