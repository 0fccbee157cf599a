/// What one typed word contributes: its corrected form, its stem and compound parts.
struct WordAnalysis: Sendable {
    /// The word as shown in labels: spell-corrected, lower case, accents kept.
    var display: String
    /// Accent-folded Snowball stem of the whole word.
    var stem: String
    /// Stems and display forms of the compound parts.
    var parts: [(stem: String, display: String)]
    /// Concept ids (WordNet synsets) of the word; empty without WordNet.
    var concepts: [(id: String, weight: Double)] = []
}

/// A feature of a note with the text that shows it.
struct NoteFeature: Sendable {
    enum Kind: Sendable { case word, part, negation, lens, concept }
    var key: String
    var kind: Kind
    var display: String
    /// For `.concept` and `.lens`: the weight relative to a typed word.
    var weight = 1.0
}

/// The text pipeline: tokens, stop words, spelling, stemming, compounds, negations.
/// Caches every distinct word, so re-analysing notes is cheap. Not thread-safe.
final class TextAnalyzer {
    let profile: LanguageProfile
    let options: PipelineOptions
    let tokenizer: Tokenizer
    private let stemmer: Stemmer
    private let corrector: SpellingCorrector
    private let splitter: CompoundSplitter
    private let separable: SeparableVerbs
    private let wordNet: WordNet?
    private var words: [String: WordAnalysis?] = [:]
    /// Features per note text: a recomputation only analyses new notes.
    private var noteFeatures: [String: [NoteFeature]] = [:]
    /// The note cache is emptied when it grows past this many texts.
    static let noteCacheLimit = 100_000

    static let dictionaryDirectory = "/usr/share/hunspell"

    init(profile: LanguageProfile, options: PipelineOptions) throws(TextError) {
        self.profile = profile
        self.options = options
        tokenizer = Tokenizer(replacements: profile.textReplacements)
        stemmer = try Stemmer(algorithm: profile.stemmerAlgorithm)
        let speller = try SpellChecker(
            directory: Self.dictionaryDirectory, name: profile.dictionaryName,
            package: profile.dictionaryPackage)
        let corrector = SpellingCorrector(
            speller: speller,
            wordList: .shared(path: "\(Self.dictionaryDirectory)/\(profile.dictionaryName).dic"))
        self.corrector = corrector
        splitter = CompoundSplitter(
            stopWords: profile.stopWords, isListed: { corrector.isListed($0) },
            isWord: { corrector.isKnown($0) })
        separable = SeparableVerbs { corrector.isKnown($0) }
        wordNet = profile.code == "en" && options.wordNet ? WordNet.shared : nil
    }

    /// The features of a text, in order of appearance, without duplicates.
    func features(of text: String) -> [NoteFeature] {
        if let cached = noteFeatures[text] { return cached }
        let result = computeFeatures(of: text)
        if noteFeatures.count >= Self.noteCacheLimit { noteFeatures.removeAll() }
        noteFeatures[text] = result
        return result
    }

    private func computeFeatures(of text: String) -> [NoteFeature] {
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
        let tokens = tokenizer.tokens(in: text)
        for token in tokens {
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
            for concept in word.concepts {
                add(NoteFeature(
                    key: "s:" + concept.id, kind: .concept, display: word.display,
                    weight: concept.weight))
            }
        }
        if options.separableVerbs && profile.code == "nl" {
            for verb in separable.verbs(in: tokens.map(\.lower)) {
                guard let word = analyse(Token(lower: verb, isAcronym: false)) else { continue }
                add(NoteFeature(key: "w:" + word.stem, kind: .word, display: word.display))
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
        if word.hasSuffix("'s") && word.count > 4 {
            word.removeLast(2)  // "collega's" -> "collega", "team's" -> "team"
        }
        if isStop(word) { return nil }
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        if letters < 2 { return nil }
        if options.spelling && !trusted, let corrected = corrector.correction(of: word) {
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
        var concepts: [(id: String, weight: Double)] = []
        if let wordNet {
            for synset in wordNet.synsets(of: foldForMatching(word)) {
                concepts.append((synset, options.wordNetWeight))
                guard options.wordNetHypernymWeight > 0 else { continue }
                for hypernym in wordNet.hypernyms(of: synset) {
                    concepts.append((hypernym, options.wordNetHypernymWeight))
                }
            }
        }
        return WordAnalysis(display: word, stem: stem, parts: parts, concepts: concepts)
    }

    private func isStop(_ word: String) -> Bool {
        profile.stopWords.contains(word) || profile.stopWords.contains(foldForMatching(word))
    }

    private func stemOf(_ word: String) -> String {
        let folded = foldForMatching(word)
        return options.stemming ? stemmer.stem(folded) : folded
    }
}
