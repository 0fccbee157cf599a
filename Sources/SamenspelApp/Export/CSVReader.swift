/// Reads RFC 4180 text into records, each with the line it starts on. Quoted
/// fields may hold separators, doubled quotes and line breaks. The separator is
/// the comma, or the semicolon when the header has one and no comma (Dutch Excel).
struct CSVReader {
    struct Record { var line: Int; var fields: [String] }

    /// - Throws: `ExportError.invalidRow` for an unclosed quote or text after one.
    static func records(_ text: String) throws(ExportError) -> [Record] {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let header = text.prefix { !$0.isNewline }
        let separator: Character = header.contains(";") && !header.contains(",") ? ";" : ","
        var records: [Record] = []
        var fields: [String] = [], field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, quoted = false, afterQuote = false
        var index = text.startIndex
        func endField() { fields.append(field); field = ""; quoted = false; afterQuote = false }
        while index < text.endIndex {
            let char = text[index]
            index = text.index(after: index)
            if inQuotes {
                if char == "\"" {
                    if index < text.endIndex, text[index] == "\"" {
                        field.append("\"")
                        index = text.index(after: index)
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if char.isNewline { line += 1 }
                    field.append(char)
                }
            } else if char == "\"" && field.isEmpty && !quoted {
                inQuotes = true
                quoted = true
            } else if char == separator {
                endField()
            } else if char.isNewline {
                endField()
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                line += 1
                recordLine = line
            } else if afterQuote {
                guard char.isWhitespace else {
                    throw .invalidRow(line: line, message: "text after a closing quote; write a quote inside a field as \"\".")
                }
            } else {
                field.append(char)
            }
        }
        if inQuotes { throw .invalidRow(line: recordLine, message: "a quoted field is never closed.") }
        if !field.isEmpty || !fields.isEmpty || quoted {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
