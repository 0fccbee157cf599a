/// What one typed word contributes: its corrected form, its stem and compound parts.
struct WordAnalysis: Sendable {
    /// The word as shown in labels: spell-corrected, lower case, accents kept.
    var display: String
    /// Accent-folded Snowball stem of the whole word.
    var stem: String
    /// Stems and display forms of the compound parts.
    var parts: [(stem: String, display: String)]
}

/// A feature of a note with the text that shows it.
struct NoteFeature: Sendable {
    enum Kind: Sendable { case word, part, negation, lens }
    var key: String
    var kind: Kind
    var display: String
}

/// Which parts of the pipeline are on; all on by default. Switching parts off is
/// for measuring what each one contributes.
public struct PipelineOptions: Sendable, Equatable {
    public var spelling = true
    public var stemming = true
    public var compounds = true
    public var negations = true
    public var lensFeatures = true
    public var stickiness = true
    /// Strength of co-occurrence smoothing; off by default because it lowered agreement
    /// with hand labels on both evaluation sets (see BENCHMARKS.md).
    public var cooccurrence = 0.0
    public init() {}
}

/// The text pipeline: tokens, stop words, spelling, stemming, compounds, negations.
/// Caches every distinct word, so re-analysing notes is cheap. Not thread-safe.
final class TextAnalyzer {
    let profile: LanguageProfile
    let options: PipelineOptions
    private let tokenizer: Tokenizer
    private let stemmer: Stemmer
    private let speller: SpellChecker
    private let splitter: CompoundSplitter
    private var words: [String: WordAnalysis?] = [:]

    static let dictionaryDirectory = "/usr/share/hunspell"

    init(profile: LanguageProfile, options: PipelineOptions) throws(TextError) {
        self.profile = profile
        self.options = options
        tokenizer = Tokenizer(replacements: profile.textReplacements)
        stemmer = try Stemmer(algorithm: profile.stemmerAlgorithm)
        let speller = try SpellChecker(
            directory: Self.dictionaryDirectory, name: profile.dictionaryName,
            package: profile.dictionaryPackage)
        self.speller = speller
        splitter = CompoundSplitter(stopWords: profile.stopWords) { speller.isKnown($0) }
    }

    /// The features of a text, in order of appearance, without duplicates.
    func features(of text: String) -> [NoteFeature] {
        var result: [NoteFeature] = []
        var position: [String: Int] = [:]
        func add(_ feature: NoteFeature) {
            if let index = position[feature.key] {
                // A word typed on its own beats the same word inside a compound.
                if result[index].kind == .part && feature.kind == .word { result[index] = feature }
            } else {
                position[feature.key] = result.count
                result.append(feature)
            }
        }
        var negator: String?
        var negationReach = 0
        for token in tokenizer.tokens(in: text) {
            if options.negations && profile.negations.contains(token.lower) {
                negator = token.lower
                negationReach = 3
                continue
            }
            guard let word = analyse(token) else {
                negationReach -= 1
                if negationReach <= 0 { negator = nil }
                continue
            }
            add(NoteFeature(key: "w:" + word.stem, kind: .word, display: word.display))
            if let negator {
                add(NoteFeature(
                    key: "n:" + word.stem, kind: .negation, display: negator + " " + word.display))
            }
            negator = nil
            for part in word.parts {
                add(NoteFeature(key: "w:" + part.stem, kind: .part, display: part.display))
            }
        }
        return result
    }

    /// A word's analysis, or nil for stop words, numbers and single letters.
    func analyse(_ token: Token) -> WordAnalysis? {
        let cacheKey = token.isAcronym ? token.lower + "#" : token.lower
        if let cached = words[cacheKey] { return cached }
        let analysis = computeAnalysis(token)
        words[cacheKey] = analysis
        return analysis
    }

    private func computeAnalysis(_ token: Token) -> WordAnalysis? {
        var word = token.lower
        var trusted = token.isAcronym
        if let expansion = profile.abbreviations[word] {
            if expansion.isEmpty { return nil }
            word = expansion
            trusted = true
        }
        if isStop(word) { return nil }
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        if letters < 2 { return nil }
        if options.spelling && !trusted, let corrected = correction(of: word) {
            word = corrected
            if isStop(word) { return nil }
        }
        let stem = stemOf(word)
        var parts: [(stem: String, display: String)] = []
        if options.compounds && profile.splitsCompounds {
            for part in splitter.parts(of: word) {
                let partStem = stemOf(part)
                if partStem != stem { parts.append((partStem, part)) }
            }
        }
        return WordAnalysis(display: word, stem: stem, parts: parts)
    }

    private func isStop(_ word: String) -> Bool {
        profile.stopWords.contains(word) || profile.stopWords.contains(foldForMatching(word))
    }

    private func stemOf(_ word: String) -> String {
        let folded = foldForMatching(word)
        return options.stemming ? stemmer.stem(folded) : folded
    }

    /// A dictionary word one slip away from an unknown word; nil when the word is known
    /// or no such word exists. Phone typos are mostly one slip (a letter doubled,
    /// swapped, dropped or mistyped), so we generate those variants and let the
    /// dictionary accept them: first the cheap ones (remove a letter, swap two), then
    /// insertions and substitutions. Only when a step yields several words does hunspell's
    /// (slow, ~75 ms) suggest pick between them. Very short words are too ambiguous to
    /// correct ("repo" is not "repp").
    private func correction(of word: String) -> String? {
        let letters = Array(word)
        if letters.count <= 4 || speller.isKnown(word)
            || word.unicodeScalars.contains(where: { !$0.properties.isAlphabetic && $0 != "'" })
        {
            return nil
        }
        for candidates in [removalsAndSwaps(letters), insertionsAndSubstitutions(letters)] {
            var found: [String] = []
            for candidate in candidates where !found.contains(candidate) && speller.isKnown(candidate) {
                found.append(candidate)
            }
            if found.count == 1 { return found[0] }
            if found.count > 1 {
                let ranked = speller.suggestions(for: word).map { $0.lowercased() }
                return ranked.first { found.contains($0) } ?? found[0]
            }
        }
        return nil
    }

    private func removalsAndSwaps(_ letters: [Character]) -> [String] {
        var result: [String] = []
        for index in letters.indices {
            var copy = letters
            copy.remove(at: index)
            result.append(String(copy))
        }
        for index in letters.indices.dropLast() where letters[index] != letters[index + 1] {
            var copy = letters
            copy.swapAt(index, index + 1)
            result.append(String(copy))
        }
        return result
    }

    private func insertionsAndSubstitutions(_ letters: [Character]) -> [String] {
        var result: [String] = []
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

    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
}
