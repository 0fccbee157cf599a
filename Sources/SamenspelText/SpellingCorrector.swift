/// Corrects phone typos without hunspell's slow `suggest` (~50–150 ms a word on the
/// compounding Dutch dictionary). Phone typos are mostly one slip: a letter doubled,
/// dropped, swapped or mistyped. Each unknown word gets the variants one slip away:
///
/// 1. removals and swaps (about 2 × length variants) that are listed in the dictionary's
///    word list (a hash lookup, confirmed by hunspell): "tergug" → "terug",
///    "beoordeeling" → "beoordeling";
/// 2. then insertions and substitutions (about 50 × length variants), the same way:
///    "strucuur" → "structuur";
/// 3. then removals and swaps checked with the fast `Hunspell_spell` itself, which also
///    knows inflected forms and compounds that the word list does not list.
///
/// Within a step the more common slip wins (a doubled letter, a swap, a dropped letter),
/// then the earlier position. So the result depends only on the word: deterministic,
/// cacheable, and at most ~2 × length hunspell calls plus a few hundred hash lookups per
/// unknown word.
final class SpellingCorrector {
    private let speller: SpellChecker
    private let wordList: DictionaryWordList
    /// Shorter words are too ambiguous to correct ("repo" is not "repp").
    static let minimumLength = 5
    /// Longer tokens are pasted links or codes, not typos.
    static let maximumLength = 30

    init(speller: SpellChecker, wordList: DictionaryWordList) {
        self.speller = speller
        self.wordList = wordList
    }

    /// Whether the word is listed in the dictionary's word list (fast; no inflections,
    /// no compounds).
    func isListed(_ bytes: ArraySlice<UInt8>) -> Bool { wordList.contains(bytes: bytes) }

    /// Whether the dictionary accepts the word; the word list answers first.
    func isKnown(_ word: String) -> Bool {
        wordList.contains(word) || speller.isKnown(word)
    }

    /// The dictionary word one slip away from an unknown word; nil when the word is
    /// known, too short or too long, contains digits or symbols, or has no such neighbour.
    func correction(of word: String) -> String? {
        let letters = Array(word)
        guard letters.count >= Self.minimumLength, letters.count <= Self.maximumLength,
            word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "'" }),
            !isKnown(word)
        else { return nil }
        let nearby = removalsAndSwaps(letters)
        if let listed = nearby.first(where: { wordList.contains($0) && speller.isKnown($0) }) {
            return listed
        }
        let farther = insertionsAndSubstitutions(letters)
        if let listed = farther.first(where: { wordList.contains($0) && speller.isKnown($0) }) {
            return listed
        }
        // Inflected forms and compounds are not listed: ask hunspell, nearby variants only.
        return nearby.first(where: { speller.isKnown($0) })
    }

    /// Doubled letters undone first, then swaps, then other removals.
    private func removalsAndSwaps(_ letters: [Character]) -> [String] {
        var doubled: [String] = []
        var swaps: [String] = []
        var removals: [String] = []
        for index in letters.indices {
            var copy = letters
            copy.remove(at: index)
            if index > 0 && letters[index - 1] == letters[index] {
                doubled.append(String(copy))
            } else if index + 1 < letters.count && letters[index + 1] == letters[index] {
                continue  // the same removal is listed once, under "doubled"
            } else {
                removals.append(String(copy))
            }
        }
        for index in letters.indices.dropLast() where letters[index] != letters[index + 1] {
            var copy = letters
            copy.swapAt(index, index + 1)
            swaps.append(String(copy))
        }
        return doubled + swaps + removals
    }

    private func insertionsAndSubstitutions(_ letters: [Character]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(letters.count * 52 + 26)
        for index in 0...letters.count {
            for letter in Self.alphabet {
                var copy = letters
                copy.insert(letter, at: index)
                result.append(String(copy))
            }
        }
        for index in letters.indices {
            for letter in Self.alphabet where letter != letters[index] {
                var copy = letters
                copy[index] = letter
                result.append(String(copy))
            }
        }
        return result
    }

    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyzë")
}
