import Testing
@testable import SamenspelText

@Suite struct NoteFileTests {
    @Test func readsJSON() throws {
        let notes = try NoteFile.parse(#"{"notes":[{"id":"1","group":"pmt","text":"samen / bewegen"},{"id":2,"text":"x"}]}"#)
        #expect(notes == [TextNote(id: "1", group: "pmt", text: "samen / bewegen"), TextNote(id: "2", group: "", text: "x")])
    }

    @Test func jsonErrorsNameTheLine() {
        let text = "{\"notes\": [\n  {\"id\": \"a\", \"text\": \"ok\"},\n  {\"id\": \"b\"}\n]}"
        #expect(throws: TextError.invalidNoteFile(line: 3, message: "Note \"b\" has no \"text\".")) {
            try NoteFile.parse(text)
        }
        #expect(throws: TextError.invalidNoteFile(line: 2, message: "Not valid JSON.")) {
            try NoteFile.parse("{\"notes\": [\n  {\"id\": \"a\",, }\n]}")
        }
    }

    @Test func readsCSVWithQuotes() throws {
        let csv = "id,group,text\n1,muziek,\"samen, zonder praten\"\n2,pmt,\"zei \"\"veilig\"\"\nen klaar\"\r\n3,drama,spel\n"
        let notes = try NoteFile.parse(csv)
        #expect(notes.map(\.text) == ["samen, zonder praten", "zei \"veilig\"\nen klaar", "spel"])
        #expect(notes.map(\.group) == ["muziek", "pmt", "drama"])
    }

    @Test func readsSemicolonCSVAndColumnOrder() throws {
        let notes = try NoteFile.parse("text;id\nhallo;a\n")
        #expect(notes == [TextNote(id: "a", group: "", text: "hallo")])
    }

    @Test func csvErrorsNameTheLine() {
        #expect(throws: TextError.invalidNoteFile(line: 3, message: "Expected 3 fields, found 4. Put text with commas in double quotes.")) {
            try NoteFile.parse("id,group,text\n1,a,ok\n2,b,too,many\n")
        }
        #expect(throws: TextError.invalidNoteFile(line: 2, message: "A quoted field is never closed.")) {
            try NoteFile.parse("id,group,text\n1,a,\"open\n")
        }
        #expect(throws: TextError.invalidNoteFile(line: 3, message: "Duplicate id \"1\" (first on line 2).")) {
            try NoteFile.parse("id,group,text\n1,a,x\n1,b,y\n")
        }
        #expect(throws: (any Error).self) { try NoteFile.parse("name,words\nx,y\n") }
    }
}
