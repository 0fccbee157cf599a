import Testing
@testable import SamenspelText

@Suite struct SemanticSignalTests {
    let dutch = try! TextAnalyzer(profile: .dutch, options: .init())

    func keys(_ analyzer: TextAnalyzer, _ text: String) -> Set<String> {
        Set(analyzer.features(of: text).map(\.key))
    }

    @Test func separableVerbsMeetTheirInfinitive() {
        #expect(!keys(dutch, "therapeut speelt mee").isDisjoint(with: keys(dutch, "meespelen")))
        #expect(!keys(dutch, "speelt een rol mee").isDisjoint(with: keys(dutch, "meespelen")))
        #expect(!keys(dutch, "therapeut doet mee").isDisjoint(with: keys(dutch, "meedoen")))
        #expect(keys(dutch, "mee in de improvisatie").allSatisfy { !$0.contains("meein") })
    }

    @Test func infinitivesOfPresentTenseForms() {
        #expect(SeparableVerbs.infinitives(of: "speelt").contains("spelen"))
        #expect(SeparableVerbs.infinitives(of: "doet").contains("doen"))
        #expect(SeparableVerbs.infinitives(of: "geeft").contains("geven"))
        #expect(SeparableVerbs.infinitives(of: "zit").contains("zitten"))
    }

    @Test(.enabled(if: WordNet.shared != nil, "needs the Debian package wordnet-base"))
    func wordNetFindsSynsetsOfInflectedWords() throws {
        let wordNet = try #require(WordNet.shared)
        #expect(Set(wordNet.synsets(of: "cars")).contains("n02958343"))
        #expect(Set(wordNet.synsets(of: "automobile")).contains("n02958343"))
        #expect(wordNet.synsets(of: "xqzvbnmkl").isEmpty)
        #expect(!wordNet.hypernyms(of: "n02958343").isEmpty)
    }

    @Test(.enabled(if: WordNet.shared != nil, "needs the Debian package wordnet-base"))
    func englishSynonymsLandTogether() throws {
        let engine = try ThemeEngine(language: "en")
        let notes = [
            note("a", "car"), note("b", "automobile"), note("c", "bread"), note("d", "trees"),
        ]
        let result = engine.themes(for: notes)
        #expect(result.theme(of: "a")?.id == result.theme(of: "b")?.id)
        #expect(result.theme(of: "c")?.id != result.theme(of: "d")?.id)
        var without = PipelineOptions()
        without.wordNet = false
        let plain = try ThemeEngine(language: "en", options: without).themes(for: notes)
        #expect(plain.theme(of: "a")?.id != plain.theme(of: "b")?.id)
    }

    @Test func conceptHubsJoinNotesThatOnlyShareTheFramework() throws {
        let lens = [
            LensTheme(id: "veiligheid", label: "Veiligheid", keywords: ["veilig", "houvast", "grenzen"]),
            LensTheme(id: "succes", label: "Succes", keywords: ["trots", "lukken"]),
        ]
        var options = PipelineOptions()
        options.conceptHubs = true
        options.conceptHubWeight = 1
        let engine = try ThemeEngine(language: "nl", lens: lens, options: options)
        let notes = [
            note("a", "klei geeft houvast"), note("b", "duidelijke grenzen in het spel"),
            note("c", "trots op het liedje"), note("d", "trommel maakt lawaai"),
        ]
        let result = engine.themes(for: notes)
        #expect(result.theme(of: "a")?.id == result.theme(of: "b")?.id)
        #expect(result.theme(of: "c")?.id != result.theme(of: "a")?.id)
        // Every matching framework theme counts, not only the best one.
        let matcher = LensMatcher(themes: lens, analyzer: dutch)
        let scores = matcher.scores(for: dutch.features(of: "veilig en trots"))
        #expect(scores.filter { $0 > 0 }.count == 2)
    }
}
