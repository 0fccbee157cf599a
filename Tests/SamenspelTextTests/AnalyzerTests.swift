import Testing
@testable import SamenspelText

@Suite struct AnalyzerTests {
    let dutch = try! TextAnalyzer(profile: .dutch, options: .init())

    func keys(_ text: String) -> Set<String> {
        Set(dutch.features(of: text).map(\.key))
    }

    @Test func compoundsShareTheirParts() {
        #expect(!keys("lichaamsbewustwording").isDisjoint(with: keys("lichamelijk")))
        #expect(!keys("vertrouwensspel").isDisjoint(with: keys("vertrouwen")))
        #expect(!keys("rollenspel").isDisjoint(with: keys("spel")))
        #expect(!keys("oogcontact").isDisjoint(with: keys("contact")))
    }

    @Test func shortWordsAndPrefixesAreNotSplit() {
        #expect(keys("contact") == ["w:contact"])
        #expect(!keys("vertrouwen").contains("w:ver"))
    }

    @Test func correctsPhoneTypos() {
        #expect(keys("tergug") == keys("terug"))
        #expect(keys("beoordeeling") == keys("beoordeling"))
        #expect(!keys("lichaamelijk").isDisjoint(with: keys("lichamelijk")))
    }

    @Test func dropsStopWordsAndExpandsAbbreviations() {
        #expect(keys("de en het een") == [])
        #expect(keys("ct") == keys("cliënt"))
        #expect(keys("client") == keys("cliënt"))
    }

    @Test func negationsBecomePhrases() {
        let features = dutch.features(of: "geen straf, niet oordelen")
        let phrases = features.filter { $0.kind == .negation }.map(\.display)
        #expect(phrases == ["geen straf", "niet oordelen"])
        // The plain word stays, so the topic is still shared.
        #expect(keys("niet oordelen").isSuperset(of: keys("oordelen")))
        #expect(keys("zonder oordelen").contains(where: { $0.hasPrefix("n:") }))
    }

    @Test func englishPipeline() throws {
        let english = try TextAnalyzer(profile: .english, options: .init())
        let a = Set(english.features(of: "PRs waiting for a reveiw").map(\.key))
        let b = Set(english.features(of: "review pull requests").map(\.key))
        #expect(a.contains("w:review") && b.contains("w:review"))
        #expect(english.features(of: "no meetings").contains { $0.display == "no meetings" })
    }
}
