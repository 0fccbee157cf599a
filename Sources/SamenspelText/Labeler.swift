import Foundation

/// Chooses short theme labels and per-note reasons from the words notes share.
struct Labeler {
    let idf: [String: Double]
    let features: [String: [NoteFeature]]
    let noteCount: Int

    private var unseenIDF: Double { log(Double(noteCount) + 1) }

    /// Up to two of the rarest words most notes of the theme share ("veilig · spel");
    /// for a loner, its two rarest words.
    func label(for noteIDs: [String]) -> String {
        label(for: noteIDs, stats: statistics(noteIDs))
    }

    /// The label and the per-note reasons of a theme, sharing one pass over its notes.
    func labelAndReasons(for noteIDs: [String], needsLabel: Bool) -> (String?, [String: [String]]) {
        let stats = statistics(noteIDs)
        return (needsLabel ? label(for: noteIDs, stats: stats) : nil, reasons(for: noteIDs, stats: stats))
    }

    private func label(for noteIDs: [String], stats: [String: KeyStats]) -> String {
        let minimumShare = noteIDs.count > 1 ? 2 : 1
        let ranked = stats
            .filter { $0.value.count >= minimumShare && $0.value.kind != .lens }
            .map { (key: $0.key, score: score($0.value), entry: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        var words: [String] = []
        var keys: [String] = []
        // Light verbs ("geeft", "makes") say little about a theme: used only when nothing else is shared.
        let meaningful = ranked.filter { !Self.lightVerbs.contains($0.entry.display.lowercased()) }
        let preferred = meaningful.isEmpty ? ranked : meaningful
        for candidate in preferred {
            let display = candidate.entry.display
            if words.contains(where: { $0.contains(display) || display.contains($0) }) { continue }
            words.append(display)
            keys.append(candidate.key)
            if words.count == 2 { break }
        }
        if words.count == 2, inNoteOrder(keys, among: noteIDs) == [keys[1], keys[0]] { words.swapAt(0, 1) }
        if words.isEmpty, let lens = stats.values.first(where: { $0.kind == .lens && $0.count >= 2 }) {
            return lens.display
        }
        if words.isEmpty, let first = noteIDs.first,
            let word = features[first]?.first(where: { $0.kind == .word })
        {
            words = [word.display]
        }
        guard let first = words.first else { return "…" }
        words[0] = first.prefix(1).uppercased() + first.dropFirst()
        return words.joined(separator: " · ")
    }

    /// The keys in the order they first appear in the first note that has them all,
    /// so a label reads like the notes ("Samen · spel") and does not flip between runs.
    private func inNoteOrder(_ keys: [String], among noteIDs: [String]) -> [String] {
        for note in noteIDs.sorted() {
            let order = (features[note] ?? []).map(\.key)
            let positions = keys.compactMap { key in order.firstIndex(of: key).map { (key, $0) } }
            if positions.count == keys.count { return positions.sorted { $0.1 < $1.1 }.map(\.0) }
        }
        return keys
    }

    /// Common verbs that carry little meaning on their own, in the supported languages.
    static let lightVerbs: Set<String> = [
        "geeft", "geven", "gaf", "maakt", "maken", "gaat", "gaan", "komt", "komen", "kan", "kunnen", "wordt",
        "worden", "helpt", "helpen", "laat", "laten", "zit", "zitten", "staat", "heeft", "hebben", "doet", "doen",
        "krijgt", "krijgen", "zorgt", "zorgen", "brengt", "brengen", "bouwt", "houdt", "biedt", "bieden",
        "gives", "give", "makes", "make", "helps", "help", "gets", "get", "goes", "go", "takes", "take",
        "keeps", "keep", "lets", "let", "has", "have", "does", "do", "brings", "bring",
    ]

    /// For each note, the words it shares with other notes of the theme, rarest first.
    func reasons(for noteIDs: [String]) -> [String: [String]] {
        reasons(for: noteIDs, stats: statistics(noteIDs))
    }

    private func reasons(for noteIDs: [String], stats: [String: KeyStats]) -> [String: [String]] {
        var reasons: [String: [String]] = [:]
        for note in noteIDs {
            var scored: [(feature: NoteFeature, idf: Double)] = []
            for feature in features[note] ?? []
            where feature.kind != .lens && (stats[feature.key]?.count ?? 0) >= 2 {
                scored.append((feature, idf[feature.key] ?? 0))
            }
            scored.sort { $0.idf != $1.idf ? $0.idf > $1.idf : $0.feature.key < $1.feature.key }
            let shared = scored.map(\.feature)
            var words: [String] = []
            for feature in shared where !words.contains(feature.display) { words.append(feature.display) }
            reasons[note] = Array(words.prefix(4))
        }
        return reasons
    }

    private struct KeyStats {
        var key: String
        var count = 0
        var kind: NoteFeature.Kind = .word
        var displays: [String: Int] = [:]
        var display: String {
            displays.max { a, b in
                a.value != b.value ? a.value < b.value
                    : a.key.count != b.key.count ? a.key.count > b.key.count : a.key > b.key
            }?.key ?? ""
        }
    }

    private func statistics(_ noteIDs: [String]) -> [String: KeyStats] {
        var stats: [String: KeyStats] = [:]
        for note in noteIDs {
            for feature in features[note] ?? [] {
                var entry = stats[feature.key] ?? KeyStats(key: feature.key, kind: feature.kind)
                entry.count += 1
                if feature.kind == .word { entry.kind = .word }
                entry.displays[feature.display, default: 0] += 1
                stats[feature.key] = entry
            }
        }
        return stats
    }

    private func score(_ entry: KeyStats) -> Double {
        let kindWeight: Double = entry.kind == .word ? 1 : entry.kind == .negation ? 0.9 : 0.8
        return Double(entry.count) * (idf[entry.key] ?? unseenIDF) * kindWeight
    }
}
