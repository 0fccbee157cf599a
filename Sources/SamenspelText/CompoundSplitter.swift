/// Splits closed compounds into dictionary words: "lichaamsbewustwording" gives
/// "lichaam", "bewustwording", "bewust", "wording"; "vertrouwensspel" gives "vertrouwen"
/// and "spel". Handles the Dutch linking morphemes -s-, -e- and -en-.
final class CompoundSplitter {
    private let isWord: (String) -> Bool
    private let stopWords: Set<String>
    private var cache: [String: [String]] = [:]
    /// Shortest part we accept; shorter parts are mostly prefixes ("ont", "be").
    let minimumPart = 3
    /// Shortest word we try to split.
    let minimumWord = 7

    /// `isWord` says whether a lower-case string is a dictionary word.
    init(stopWords: Set<String>, isWord: @escaping (String) -> Bool) {
        self.stopWords = stopWords
        self.isWord = isWord
    }

    /// All parts at every level (outermost split first), without the word itself;
    /// empty when the word is not a compound.
    func parts(of word: String) -> [String] {
        if let cached = cache[word] { return cached }
        var result: [String] = []
        if let (left, right) = bestSplit(word) {
            for part in [left, right] where !result.contains(part) {
                result.append(part)
                for sub in parts(of: part) where !result.contains(sub) { result.append(sub) }
            }
        }
        cache[word] = result
        return result
    }

    /// The two-part split whose parts are both words, preferring balanced parts.
    private func bestSplit(_ word: String) -> (String, String)? {
        let chars = Array(word)
        guard chars.count >= minimumWord else { return nil }
        var best: (String, String)?
        var bestScore = -1
        for cut in minimumPart...(chars.count - minimumPart) {
            let right = String(chars[cut...])
            guard isPart(right) else { continue }
            for left in leftCandidates(String(chars[..<cut])) {
                let score = min(left.count, right.count) * 100 + right.count
                if score > bestScore {
                    bestScore = score
                    best = (left, right)
                }
                break
            }
        }
        return best
    }

    /// The left part itself, or without a linking morpheme ("lichaams" -> "lichaam").
    private func leftCandidates(_ left: String) -> [String] {
        var candidates: [String] = []
        if isPart(left) { candidates.append(left) }
        for link in ["s", "en", "e", "-"] where left.hasSuffix(link) {
            let base = String(left.dropLast(link.count))
            if isPart(base) { candidates.append(base) }
        }
        return candidates
    }

    private func isPart(_ part: String) -> Bool {
        part.count >= minimumPart && !stopWords.contains(part) && isWord(part)
    }
}
