/// Splits closed compounds into dictionary words: "lichaamsbewustwording" gives
/// "lichaam", "bewustwording", "bewust", "wording"; "vertrouwensspel" gives "vertrouwen"
/// and "spel". Handles the Dutch linking morphemes -s-, -e- and -en-.
///
/// Speed: most cuts of a long word give non-words, and asking hunspell about each costs
/// microseconds. A cut is only checked with hunspell when one of its sides is listed in
/// the dictionary's word list (a hash lookup); compounds of two derived forms that are
/// both unlisted are not split.
final class CompoundSplitter {
    private let isWord: (String) -> Bool
    private let isListed: (String) -> Bool
    private let stopWords: Set<String>
    private var cache: [String: [String]] = [:]
    /// Shortest part we accept; shorter parts are mostly prefixes ("ont", "be") or
    /// false splits ("con|tact", "oor|delen").
    let minimumPart = 4
    /// Words at least this long may have a three-letter part ("oog|contact").
    let shortPartWord = 10
    /// Shortest word we try to split.
    let minimumWord = 8

    /// `isWord` says whether a lower-case string is a dictionary word (hunspell);
    /// `isListed` whether it is listed as such in the word list (cheap, may say no to
    /// inflected forms).
    init(
        stopWords: Set<String>, isListed: @escaping (String) -> Bool,
        isWord: @escaping (String) -> Bool
    ) {
        self.stopWords = stopWords
        self.isListed = isListed
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
            guard isCandidate(right, shortest: shortest) else { continue }
            let rightListed = isListed(right)
            var rightChecked: Bool?
            for left in leftCandidates(String(chars[..<cut]), shortest: shortest) {
                let leftListed = isListed(left)
                guard leftListed || rightListed else { continue }
                if rightChecked == nil { rightChecked = rightListed || isWord(right) }
                guard rightChecked == true else { break }
                guard leftListed || isWord(left) else { continue }
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
        if isCandidate(left, shortest: shortest) { candidates.append(left) }
        for link in ["s", "en", "e", "-"] where left.hasSuffix(link) {
            let base = String(left.dropLast(link.count))
            if isCandidate(base, shortest: shortest) { candidates.append(base) }
        }
        return candidates
    }

    /// Inseparable prefixes that are not words on their own in a compound.
    private let prefixes: Set<String> = ["ver", "ont", "her", "mis", "ter", "wan", "gen"]

    /// Long enough, not a prefix or stop word (the dictionary is asked separately).
    private func isCandidate(_ part: String, shortest: Int) -> Bool {
        part.count >= shortest && !prefixes.contains(part) && !stopWords.contains(part)
    }
}
