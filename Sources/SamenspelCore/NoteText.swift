import Foundation

/// The rules for a note's text: trimmed, no control characters, 1...500 characters.
/// Unicode (accents, emoji) is kept as typed.
public enum NoteText {
    public static let maxLength = 500

    /// Why a text was refused.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case tooLong(Int)

        public var description: String {
            switch self {
            case .empty: "The note is empty."
            case .tooLong(let count): "The note has \(count) characters; at most \(NoteText.maxLength) fit on a card."
            }
        }
    }

    /// The cleaned text, or the reason it cannot be a note.
    public static func clean(_ raw: String) throws(Problem) -> String {
        // Plain ASCII (most notes) is already in canonical form: cleaned byte by byte.
        let text = raw.utf8.allSatisfy { $0 < 0x80 } ? cleanASCII(raw) : cleanUnicode(raw)
        if text.isEmpty { throw .empty }
        if text.count > maxLength { throw .tooLong(text.count) }
        return text
    }

    static func cleanASCII(_ raw: String) -> String {
        var kept: [UInt8] = []
        kept.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for byte in raw.utf8 {
            switch byte {
            case 0x20, 0x0A, 0x09, 0x0D: pendingSpace = !kept.isEmpty
            case ..<0x20, 0x7F: continue
            default:
                if pendingSpace { kept.append(0x20) }
                pendingSpace = false
                kept.append(byte)
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    static func cleanUnicode(_ raw: String) -> String {
        var kept = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in raw.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                pendingSpace = !kept.isEmpty
                continue
            }
            if scalar.properties.generalCategory == .control { continue }
            // Bidi overrides and isolates could flip the text around them on the board.
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
            if pendingSpace { kept.append(" ") }
            pendingSpace = false
            kept.append(scalar)
        }
        return String(kept)
    }
}
