/// Splits closed compounds into dictionary words: "lichaamsbewustwording" gives
/// "lichaam", "bewustwording", "bewust", "wording"; "vertrouwensspel" gives "vertrouwen"
/// and "spel". Handles the Dutch linking morphemes -s-, -e- and -en-.
final class CompoundSplitter {
    private let isWord: (String) -> Bool
    private let stopWords: Set<String>
    private var cache: [String: [String]] = [:]
    /// Shortest part we accept; shorter parts are mostly prefixes ("ont", "be") or
    /// false splits ("con|tact", "oor|delen").
    let minimumPart = 4
    /// Words at least this long may have a three-letter part ("oog|contact").
    let shortPartWord = 10
    /// Shortest word we try to split.
    let minimumWord = 8

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
        let shortest = chars.count >= shortPartWord ? 3 : minimumPart
        for cut in shortest...(chars.count - shortest) {
            let right = String(chars[cut...])
            guard isPart(right, shortest: shortest) else { continue }
            for left in leftCandidates(String(chars[..<cut]), shortest: shortest) {
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
    private func leftCandidates(_ left: String, shortest: Int) -> [String] {
        var candidates: [String] = []
        if isPart(left, shortest: shortest) { candidates.append(left) }
        for link in ["s", "en", "e", "-"] where left.hasSuffix(link) {
            let base = String(left.dropLast(link.count))
            if isPart(base, shortest: shortest) { candidates.append(base) }
        }
        return candidates
    }

    /// Inseparable prefixes that are not words on their own in a compound.
    private let prefixes: Set<String> = ["ver", "ont", "her", "mis", "ter", "wan", "gen"]

    private func isPart(_ part: String, shortest: Int) -> Bool {
        part.count >= shortest && !prefixes.contains(part) && !stopWords.contains(part) && isWord(part)
    }
}
