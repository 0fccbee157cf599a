import Foundation

extension NoteFile {
    static func parseCSV(_ text: String) throws(TextError) -> [TextNote] {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Character = firstLine.contains(",") || !firstLine.contains(";") ? "," : ";"
        let records = try csvRecords(text, separator: separator)
        guard let header = records.first else {
            throw .invalidNoteFile(line: 1, message: "The file is empty; expected a header id,group,text.")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let idColumn = names.firstIndex(of: "id"), let textColumn = names.firstIndex(of: "text")
        else {
            throw .invalidNoteFile(
                line: header.line,
                message: "Expected a header with columns id,group,text; found \(names.joined(separator: ",")).")
        }
        let groupColumn = names.firstIndex(of: "group")
        var notes: [TextNote] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count == names.count else {
                throw .invalidNoteFile(
                    line: record.line,
                    message: "Expected \(names.count) fields, found \(record.fields.count). "
                        + "Put text with commas in double quotes.")
            }
            let id = record.fields[idColumn].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { throw .invalidNoteFile(line: record.line, message: "Empty id.") }
            if let earlier = seen[id] {
                throw .invalidNoteFile(
                    line: record.line, message: "Duplicate id \"\(id)\" (first on line \(earlier)).")
            }
            seen[id] = record.line
            notes.append(TextNote(
                id: id, group: groupColumn.map { record.fields[$0] } ?? "",
                text: record.fields[textColumn]))
        }
        return notes
    }

    /// RFC 4180 records with the line each starts on; quoted fields may hold
    /// separators, doubled quotes and line breaks.
    static func csvRecords(_ text: String, separator: Character) throws(TextError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, quoteClosed = false, fieldStarted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            records.append((recordLine, fields))
            fields = []
            field = ""
            fieldStarted = false
            quoteClosed = false
        }
        while let char = next() {
            if inQuotes {
                if char == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; quoteClosed = true; pending = following }
                    } else { inQuotes = false; quoteClosed = true }
                } else {
                    if char == "\n" || char == "\r\n" { line += 1 }
                    field.append(char)
                }
                continue
            }
            switch char {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case separator:
                fields.append(field)
                field = ""
                fieldStarted = false
                quoteClosed = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                if quoteClosed && !char.isWhitespace {
                    throw .invalidNoteFile(line: line, message: "Unexpected text after a closing quote.")
                }
                field.append(char)
                fieldStarted = true
            }
        }
        if inQuotes {
            throw .invalidNoteFile(line: recordLine, message: "A quoted field is never closed.")
        }
        if fieldStarted || !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }
}
