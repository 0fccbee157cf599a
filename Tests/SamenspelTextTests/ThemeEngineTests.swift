import Testing
@testable import SamenspelText

@Suite struct ThemeEngineTests {
    static let dutch = try! ThemeEngine(language: "nl")
    static let english = try! ThemeEngine(language: "en")

    @Test(arguments: ["eval-nl.json", "eval-en.json"])
    func everyNoteIsInExactlyOneTheme(file: String) throws {
        let notes = try Fixtures.notes(file)
        let engine = file.contains("nl") ? Self.dutch : Self.english
        let ids = engine.themes(for: notes).themes.flatMap(\.noteIDs)
        #expect(ids.count == notes.count)
        #expect(Set(ids) == Set(notes.map(\.id)))
    }

    @Test func isDeterministicAndIgnoresInputOrder() throws {
        let notes = try Fixtures.notes("eval-nl.json")
        let first = Self.dutch.themes(for: notes)
        #expect(Self.dutch.themes(for: notes) == first)
        #expect(Self.dutch.themes(for: notes.reversed()) == first)
        let fresh = try ThemeEngine(language: "nl")
        #expect(fresh.themes(for: notes) == first)
    }

    @Test func typoAndCleanSpellingLandTogether() {
        let notes = [
            note("a", "lichaamelijk ervaren", group: "pmt"),
            note("b", "lichamelijk ervaren wat er gebeurt", group: "drama"),
            note("c", "samen muziek maken", group: "muziek"),
            note("d", "de klei voelt koud", group: "beeldend"),
        ]
        let result = Self.dutch.themes(for: notes)
        #expect(result.theme(of: "a")?.id == result.theme(of: "b")?.id)
        #expect(result.theme(of: "a")?.reasons["a"]?.isEmpty == false)
    }

    @Test func unrelatedNotesStayApart() {
        let notes = [
            note("a", "trommel geeft ritme"),
            note("b", "klei kneden met de handen"),
            note("c", "vertrouwen in de therapeut"),
        ]
        #expect(Self.dutch.themes(for: notes).themes.count == 3)
    }

    @Test func labelsAreShortAndReadable() throws {
        let result = Self.dutch.themes(for: try Fixtures.notes("eval-nl.json"))
        for theme in result.themes {
            #expect(!theme.label.isEmpty && theme.label.count <= 40)
        }
    }

    @Test func lensAssignsEveryNote() throws {
        let lens = [
            LensTheme(id: "veilig", label: "Veiligheid", keywords: ["veilig", "houvast", "grenzen"]),
            LensTheme(id: "succes", label: "Succes", keywords: ["trots", "lukken", "succes"]),
        ]
        let engine = try ThemeEngine(language: "nl", lens: lens)
        let notes = [
            note("a", "veilig want het is maar spel"), note("b", "trots op het eindproduct"),
            note("c", "lichaamelijk ervaren"), note("d", "succeservaring in het spel"),
        ]
        let result = engine.themes(for: notes)
        #expect(result.lens == ["a": "veilig", "b": "succes", "c": "other", "d": "succes"])
    }

    @Test func unsupportedLanguageIsAClearError() {
        #expect(throws: TextError.unsupportedLanguage("xx")) { try ThemeEngine(language: "xx") }
    }

    @Test func missingDictionaryNamesFileAndPackage() {
        #expect(throws: TextError.dictionaryUnavailable(path: "/nonexistent/nl.aff", debianPackage: "hunspell-nl")) {
            try SpellChecker(directory: "/nonexistent", name: "nl", package: "hunspell-nl")
        }
        let message = TextError.dictionaryUnavailable(path: "/x/nl.dic", debianPackage: "hunspell-nl").description
        #expect(message.contains("/x/nl.dic") && message.contains("hunspell-nl"))
    }

    @Test func scalesToThousandsOfNotes() throws {
        let base = try Fixtures.notes("eval-nl.json")
        let notes = (0..<2000).map { index in
            let source = base[index % base.count]
            return note("n\(index)", source.text + " " + base[(index * 7) % base.count].text)
        }
        let result = Self.dutch.themes(for: notes)
        #expect(result.themes.flatMap(\.noteIDs).count == notes.count)
    }
}
