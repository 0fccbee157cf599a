/// Splits closed compounds into dictionary words: "lichaamsbewustwording" gives
/// "lichaam", "bewustwording", "bewust", "wording"; "vertrouwensspel" gives "vertrouwen"
/// and "spel". Handles the Dutch linking morphemes -s-, -e- and -en-.
///
/// Speed: most cuts of a long word give non-words, and asking hunspell about each costs
/// microseconds. A cut is only checked with hunspell when one of its sides is listed in
/// the dictionary's word list (a hash lookup) with 4+ letters; compounds of two derived
/// forms that are both unlisted are not split.
final class CompoundSplitter {
    private let isWord: (String) -> Bool
    private let isListed: (ArraySlice<UInt8>) -> Bool
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
    /// `isListed` whether its UTF-8 bytes are listed as such in the word list (cheap, may
    /// say no to inflected forms).
    init(
        stopWords: Set<String>, isListed: @escaping (ArraySlice<UInt8>) -> Bool,
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

    /// The two-part split whose parts are both words, preferring balanced parts. Works on
    /// UTF-8 bytes (cuts only between characters) so that rejected cuts cost no strings.
    private func bestSplit(_ word: String) -> (String, String)? {
        let bytes = Array(word.utf8)
        var starts: [Int] = []  // byte offset of each character (scalar)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        let count = starts.count
        guard count >= minimumWord else { return nil }
        var best: (String, String)?
        var bestScore = -1
        var bestCut = Int.max
        let shortest = count >= shortPartWord ? 3 : minimumPart
        // Most balanced cuts first: once a split is found, cuts that cannot beat its score
        // are not looked at (ties go to the earlier cut, as in a left-to-right scan).
        func bound(_ cut: Int) -> Int { min(cut, count - cut) * 100 + (count - cut) }
        let cuts = (shortest...(count - shortest)).sorted {
            bound($0) != bound($1) ? bound($0) > bound($1) : $0 < $1
        }
        for cut in cuts {
            if bound(cut) < bestScore || (bound(cut) == bestScore && cut > bestCut) { break }
            let rightBytes = bytes[starts[cut]...]
            let rightCount = count - cut
            let rightListed = isListed(rightBytes)
            let rightAnchors = rightListed && rightCount >= minimumPart
            var right: String?
            var rightChecked: Bool?
            // The left part itself, or without a linking morpheme ("lichaams" -> "lichaam").
            var lefts = [(end: starts[cut], count: cut)]
            for link in Self.links where bytes[..<starts[cut]].suffix(link.count).elementsEqual(link) {
                lefts.append((starts[cut] - link.count, cut - link.count))
            }
            for (end, leftCount) in lefts where leftCount >= shortest {
                let leftBytes = bytes[..<end]
                let leftListed = isListed(leftBytes)
                // Hunspell is asked about one side only when the other is a listed word
                // of 4+ letters: short listed words ("oog", "aan") are everywhere.
                guard (leftListed && rightListed) || rightAnchors
                    || (leftListed && leftCount >= minimumPart)
                else { continue }
                let rightWord = right ?? String(decoding: rightBytes, as: UTF8.self)
                right = rightWord
                guard isCandidate(rightWord) else { break }
                if rightChecked == nil { rightChecked = rightListed || isWord(rightWord) }
                guard rightChecked == true else { break }
                let left = String(decoding: leftBytes, as: UTF8.self)
                guard isCandidate(left), leftListed || isWord(left) else { continue }
                let score = min(leftCount, rightCount) * 100 + rightCount
                if score > bestScore || (score == bestScore && cut < bestCut) {
                    bestScore = score
                    bestCut = cut
                    best = (left, rightWord)
                }
                break
            }
        }
        return best
    }

    /// Dutch linking morphemes between the parts of a compound.
    private static let links: [[UInt8]] = ["s", "en", "e", "-"].map { Array($0.utf8) }

    /// Inseparable prefixes that are not words on their own in a compound.
    private let prefixes: Set<String> = ["ver", "ont", "her", "mis", "ter", "wan", "gen"]

    /// Not a prefix or stop word (length and dictionary are checked separately).
    private func isCandidate(_ part: String) -> Bool {
        !prefixes.contains(part) && !stopWords.contains(part)
    }
}
