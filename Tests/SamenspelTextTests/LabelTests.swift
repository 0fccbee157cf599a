import SamenspelText
import Testing

@Suite struct LabelTests {
    private func label(of id: String, in notes: [TextNote]) throws -> String {
        let result = try ThemeEngine(language: "nl").themes(for: notes)
        return try #require(result.themes.first { $0.noteIDs.contains(id) }).label
    }

    @Test func aLabelReadsInTheOrderOfTheNotes() throws {
        let notes = [
            TextNote(id: "a", group: "muziek", text: "samen spelen zonder woorden"),
            TextNote(id: "b", group: "drama", text: "samen spel zonder te praten"),
            TextNote(id: "c", group: "pmt", text: "boosheid kwijt op de trommel"),
        ]
        #expect(try label(of: "a", in: notes).hasPrefix("Samen"))
    }

    @Test func lightVerbsGiveWayToWordsWithMeaning() throws {
        let notes = [
            TextNote(id: "a", group: "muziek", text: "ritme geeft houvast"),
            TextNote(id: "b", group: "beeldend", text: "klei geeft houvast"),
            TextNote(id: "c", group: "drama", text: "rollenspel geeft afstand tot het verhaal"),
        ]
        let text = try label(of: "a", in: notes)
        #expect(text.lowercased().hasPrefix("houvast"), "\(text)")
    }
}
