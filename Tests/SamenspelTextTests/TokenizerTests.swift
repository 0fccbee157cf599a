import Testing
@testable import SamenspelText

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test func splitsOnSlashesBracketsAndOperators() {
        let words = tokenizer.tokens(in: "spanning/ontspanning (lijf)=ritme+klank - samen-doen").map(\.lower)
        #expect(words == ["spanning", "ontspanning", "lijf", "ritme", "klank", "samen", "doen"])
    }

    @Test func copesWithMissingSpacesAndDigits() {
        let words = tokenizer.tokens(in: "veilig,want spel.Klaar 15min").map(\.lower)
        #expect(words == ["veilig", "want", "spel", "klaar", "15", "min"])
    }

    @Test func keepsAccentsButFoldsThemForMatching() {
        let words = tokenizer.tokens(in: "Cliënt café").map(\.lower)
        #expect(words == ["cliënt", "café"])
        #expect(foldForMatching("Cliënt") == "client")
    }

    @Test func marksAcronyms() {
        let tokens = tokenizer.tokens(in: "PMT and PRs or Pizza")
        #expect(tokens.map(\.isAcronym) == [true, false, true, false, false])
    }

    @Test func keepsApostrophesInsideWords() {
        #expect(tokenizer.tokens(in: "don't 'quoted'").map(\.lower) == ["don't", "quoted"])
    }
}
