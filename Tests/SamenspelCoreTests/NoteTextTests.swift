import SamenspelCore
import Testing

@Suite struct NoteTextTests {
    @Test func keepsUnicodeAndFoldsWhitespace() throws {
        #expect(try NoteText.clean("  Jongere kiest zelf de kleuren = eigen regie 🎨 ") == "Jongere kiest zelf de kleuren = eigen regie 🎨")
        #expect(try NoteText.clean("twee\nregels\r\nhier") == "twee regels hier")
        // Stored precomposed (NFC), so search and export see one character.
        #expect(Array(try NoteText.clean("cli\u{0065}\u{0308}nt").unicodeScalars) == Array("cli\u{00EB}nt".unicodeScalars))
    }

    @Test func stripsControlAndDirectionCharacters() throws {
        #expect(try NoteText.clean("a\u{0000}b\u{001B}c\u{202E}d\u{2066}e") == "abcde")
        // The plain-ASCII path drops the same controls (DEL included) as the Unicode one.
        #expect(try NoteText.clean("a\u{0001}b\u{007F}c\u{001F}d~") == "abcd~")
        #expect(try NoteText.clean("é\u{007F}\u{0085}x") == "éx")
    }

    @Test func refusesEmptyAndTooLong() {
        #expect(throws: NoteText.Problem.empty) { try NoteText.clean(" \u{0007} ") }
        #expect(throws: NoteText.Problem.tooLong(501)) { try NoteText.clean(String(repeating: "x", count: 501)) }
        #expect((try? NoteText.clean(String(repeating: "x", count: 500))) != nil)
    }
}
