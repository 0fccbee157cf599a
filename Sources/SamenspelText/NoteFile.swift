import Foundation

/// Reads notes from a file: JSON `{"notes":[{"id","group","text"}]}` or CSV with a
/// header `id,group,text` (any order, extra columns ignored, quoted fields allowed,
/// `;` accepted as separator as spreadsheet programs write it in Dutch locales).
/// Errors name the line.
public enum NoteFile {
    /// Parses JSON or CSV, chosen by the first non-blank character.
    public static func parse(_ text: String) throws(TextError) -> [TextNote] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let first = body.first { !$0.isWhitespace }
        return first == "{" ? try parseJSON(body) : try parseCSV(body)
    }

    /// Reads and parses a file.
    public static func load(path: String) throws(TextError) -> [TextNote] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidNoteFile(line: 0, message: "Cannot read \(path).")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidNoteFile(line: 0, message: "\(path) is not UTF-8 text.")
        }
        return try parse(text)
    }

    // MARK: JSON

    static func parseJSON(_ text: String) throws(TextError) -> [TextNote] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            let line = errorOffset(error).map { lineNumber(in: text, utf8Offset: $0) } ?? 0
            throw .invalidNoteFile(line: line, message: "Not valid JSON.")
        }
        guard let root = object as? [String: Any], let list = root["notes"] as? [Any] else {
            throw .invalidNoteFile(line: 1, message: #"Expected {"notes": [ ... ]}."#)
        }
        let lines = noteObjectLines(in: text)
        var notes: [TextNote] = []
        var seen: [String: Int] = [:]
        for (index, element) in list.enumerated() {
            let line = index < lines.count ? lines[index] : 0
            guard let fields = element as? [String: Any] else {
                throw .invalidNoteFile(line: line, message: "Note \(index + 1) is not an object.")
            }
            let id = stringValue(fields["id"])
            let text = stringValue(fields["text"])
            guard let id, !id.isEmpty else {
                throw .invalidNoteFile(line: line, message: "Note \(index + 1) has no \"id\".")
            }
            guard let text else {
                throw .invalidNoteFile(line: line, message: "Note \"\(id)\" has no \"text\".")
            }
            if let earlier = seen[id] {
                throw .invalidNoteFile(
                    line: line, message: "Duplicate id \"\(id)\" (first on line \(earlier)).")
            }
            seen[id] = line
            notes.append(TextNote(id: id, group: stringValue(fields["group"]) ?? "", text: text))
        }
        return notes
    }

    private static func stringValue(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    /// 1-based line of each object directly inside the root's array.
    private static func noteObjectLines(in text: String) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0
        var inString = false, escaped = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped { escaped = false }
                else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 2 { lines.append(line) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return lines
    }

    /// Where Foundation says the JSON went wrong: the error index on Darwin, "around
    /// character N" in the message on Linux.
    private static func errorOffset(_ error: Error) -> Int? {
        let info = (error as NSError).userInfo
        if let index = info["NSJSONSerializationErrorIndex"] as? Int { return index }
        guard let message = info[NSDebugDescriptionErrorKey] as? String,
            let range = message.range(of: "character ")
        else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }

    private static func lineNumber(in text: String, utf8Offset: Int) -> Int {
        1 + text.utf8.prefix(utf8Offset).filter { $0 == UInt8(ascii: "\n") }.count
    }
}
