import Foundation

/// Labels for themes by meaning: a short phrase (one to four words) taken from the theme's
/// most central notes, the one that names most of what the notes share. A lone word only
/// when it can stand alone (not an adjective, adverb or light verb such as "samen",
/// "verschillende" or "maken").
struct PhraseLabeler {
    let analyzer: TextAnalyzer
    /// Inverse document frequency of feature keys on the board.
    let idf: [String: Double]
    let noteCount: Int

    static let longest = 4
    static let separators: Set<Character> = ["=", ":", ";", ",", "/", "(", ")", ".", "!", "?", "+", "–", "—", "&", "\n"]

    /// - Parameters:
    ///   - central: the theme's note texts, most central first.
    ///   - features: the features of every note of the theme.
    func label(central: [String], features: [[NoteFeature]]) -> String {
        var support: [String: Int] = [:]
        for noteFeatures in features {
            for key in Set(noteFeatures.filter { $0.kind == .word || $0.kind == .part }.map(\.key)) {
                support[key, default: 0] += 1
            }
        }
        let unseen = log(Double(noteCount) + 1)
        var best: (score: Double, words: [String])?
        // A phrase never crosses punctuation: "kiest zelf = eigen regie" gives "eigen regie".
        let segments = central.prefix(3).enumerated().flatMap { rank, text in
            text.split(whereSeparator: { Self.separators.contains($0) }).map { (rank, String($0)) }
        }
        for (rank, segment) in segments {
            let words = analyzer.tokenizer.tokens(in: segment).map { token -> (shown: String, keys: [String]?) in
                guard let analysis = analyzer.analyse(token) else { return (token.lower, nil) }
                let shown = token.isAcronym ? token.lower.uppercased() : analysis.display
                return (shown, ["w:" + analysis.stem] + analysis.parts.map { "w:" + $0.stem })
            }
            for start in words.indices where words[start].keys != nil {
                for end in start..<min(words.count, start + Self.longest) where words[end].keys != nil {
                    let span = words[start...end]
                    var score = 0.0
                    var counted: Set<String> = []
                    for word in span {
                        for key in word.keys ?? [] where counted.insert(key).inserted {
                            let shared = support[key] ?? 0
                            let weight = idf[key] ?? unseen
                            score += shared >= 2 ? Double(shared) * weight : 0.15 * weight
                        }
                    }
                    if span.count == 1 && !Self.standsAlone(span.first?.shown ?? "") { score *= 0.3 }
                    // "Pair programming on tricky", "Rollenspel oefenen met nieuw": a phrase ends on its subject.
                    if span.count > 1 && !Self.standsAlone(span.last?.shown ?? "") { score *= 0.5 }
                    score *= 1 - 0.15 * Double(rank)
                    score -= 0.05 * Double(span.count)
                    if best == nil || score > (best?.score ?? 0) { best = (score, span.map(\.shown)) }
                }
            }
        }
        guard let words = best?.words, let first = words.first else { return "…" }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    /// Whether a word makes a label on its own: not an adverb, adjective or light verb.
    static func standsAlone(_ word: String) -> Bool {
        let lower = word.lowercased()
        if word.count < 4 || weakWords.contains(lower) || Labeler.lightVerbs.contains(lower) { return false }
        return !weakEndings.contains { lower.hasSuffix($0) }
    }

    /// Endings of adjectives, adverbs and participles (Dutch, English).
    static let weakEndings = ["ende", "lijke", "lijk", "ige", "baar", "bare", "ische", "isch", "ly", "ous", "ful"]

    /// Common words that say too little alone.
    static let weakWords: Set<String> = [
        "samen", "verschillende", "verschillend", "goed", "goede", "veel", "weinig", "nieuw", "nieuwe", "eigen",
        "belangrijk", "belangrijke", "echt", "gewoon", "steeds", "vooral", "juist", "minder", "meer", "beter", "groot",
        "grote", "klein", "kleine", "snel", "mogelijk", "niet", "geen", "non", "zonder", "elke", "iedere", "zelf",
        "together", "different", "good", "great", "better", "new", "own", "important", "real", "less", "more",
        "big", "small", "fast", "quick", "without", "each", "every", "self", "other", "others", "nice", "clear",
        "iemand", "niemand", "iedereen", "nobody", "somebody", "someone", "everybody", "anyone",
    ]
}
