import Testing

@testable import SamenspelCore

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

    /// The byte-wise path for plain ASCII must clean exactly as the Unicode path does.
    @Test func asciiPathMatchesTheUnicodePath() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0...0x7F, using: &generator) : [0x20, 0x0A, 0x0D, 0x09, 0x61].randomElement(using: &generator) ?? 0x20
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(NoteText.cleanASCII(text) == NoteText.cleanUnicode(text), "\(bytes)")
        }
    }
}
