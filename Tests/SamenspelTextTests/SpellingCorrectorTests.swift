import Testing
@testable import SamenspelText

@Suite struct SpellingCorrectorTests {
    let dutch = try! TextAnalyzer(profile: .dutch, options: .init())

    func corrector(_ name: String) throws -> SpellingCorrector {
        let speller = try SpellChecker(directory: TextAnalyzer.dictionaryDirectory, name: name, package: "hunspell-nl")
        return SpellingCorrector(
            speller: speller, wordList: .shared(path: "\(TextAnalyzer.dictionaryDirectory)/\(name).dic"))
    }

    @Test func fixesOneSlipWithoutSuggest() throws {
        let dutch = try corrector("nl")
        #expect(dutch.correction(of: "tergug") == "terug")
        #expect(dutch.correction(of: "beoordeeling") == "beoordeling")
        #expect(dutch.correction(of: "lichaamelijk") == "lichamelijk")
        #expect(dutch.correction(of: "strucuur") == "structuur")
        let english = try corrector("en_US")
        #expect(english.correction(of: "reveiw") == "review")
    }

    @Test func leavesKnownShortAndOddWordsAlone() throws {
        let dutch = try corrector("nl")
        #expect(dutch.correction(of: "terug") == nil)
        #expect(dutch.correction(of: "tegu") == nil)  // too short to guess
        #expect(dutch.correction(of: "15min") == nil)
        #expect(dutch.correction(of: "xqzvbnmkl") == nil)
    }

    @Test func wordListMatchesStringsAndBytes() {
        let list = DictionaryWordList.shared(path: "\(TextAnalyzer.dictionaryDirectory)/nl.dic")
        #expect(!list.isEmpty)
        #expect(list.contains("terug") && !list.contains("tergug"))
        #expect(list.contains(bytes: Array("xterug".utf8)[1...]))
    }

    /// The first run of a fresh engine (cold caches) still fixes the typos, and gives the
    /// same themes as an engine that has seen other notes before.
    @Test func coldRunFixesTyposLikeAWarmOne() throws {
        let notes = [
            note("a", "tergug kijken naar het werk"), note("b", "terug kijken naar het werk"),
            note("c", "geen beoordeeling van mooi"), note("d", "zonder beoordeling van mooi"),
            note("e", "lichaamelijk ervaren"), note("f", "lichamelijk ervaren"),
        ]
        let cold = try ThemeEngine(language: "nl").themes(for: notes)
        for (typo, clean) in [("a", "b"), ("c", "d"), ("e", "f")] {
            #expect(cold.theme(of: typo)?.id == cold.theme(of: clean)?.id)
        }
        let warm = try ThemeEngine(language: "nl")
        _ = warm.themes(for: try Fixtures.notes("eval-nl.json"))
        #expect(warm.themes(for: notes) == cold)
    }

    @Test func apostropheSIsAPluralOrPossessive() {
        let a = Set(dutch.features(of: "collega's").map(\.key))
        let b = Set(dutch.features(of: "collega").map(\.key))
        #expect(a == b)
    }
}
