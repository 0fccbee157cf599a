import Foundation

/// A request body type whose fields are all strings, so the common body (one flat
/// JSON object of strings) can be read without `JSONDecoder`, the largest cost of a note.
protocol FlatJSONReadable {
    /// The value from the object's string fields; nil when a field it needs is missing.
    init?(fields: FlatJSON)
}

/// The string fields of a flat JSON object, read by hand.
///
/// `read` accepts only what it is sure of: one object, each value a string, no key
/// twice, valid UTF-8. Anything else gives nil and the caller falls back to
/// `JSONDecoder`, so what is accepted and every error message stay the decoder's.
struct FlatJSON {
    private var pairs: [(key: String, value: String)] = []

    /// The value of `key`, if the object has it.
    subscript(key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// The fields of `data`, or nil when it is not certainly a flat object of strings.
    static func read(_ data: Data) -> FlatJSON? {
        data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            return reader.object()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func object() -> FlatJSON? {
            var result = FlatJSON()
            guard take(UInt8(ascii: "{")) else { return nil }
            if take(UInt8(ascii: "}")) { return finished() ? result : nil }
            repeat {
                // A handful of fields at most; more is not a body we expect.
                guard result.pairs.count < 16, let key = string(), take(UInt8(ascii: ":")), let value = string(),
                      result[key] == nil else { return nil }
                result.pairs.append((key, value))
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) && finished() ? result : nil
        }

        /// Skips whitespace, then consumes `byte` if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func finished() -> Bool {
            skipSpace()
            return index == bytes.count
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") { return escaped(from: start) }
                if byte < 0x20 { return nil }  // raw control characters are not JSON
                index += 1
            }
            return nil
        }

        /// The rest of a string that has escapes, from `start` (after its quote).
        mutating func escaped(from start: Int) -> String? {
            var utf8 = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let kind = bytes[index]
                    index += 1
                    switch kind {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(kind)
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let scalar = unicodeEscape() else { return nil }
                        utf8.append(contentsOf: String(scalar).utf8)
                    default: return nil
                    }
                case ..<0x20:
                    return nil
                default:
                    utf8.append(byte)
                }
            }
            return nil
        }

        /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair; nil for a lone surrogate.
        mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let first = hex4() else { return nil }
            switch first {
            case 0xD800...0xDBFF:
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
                index += 2
                guard let second = hex4(), (0xDC00...0xDFFF).contains(second) else { return nil }
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            case 0xDC00...0xDFFF:
                return nil
            default:
                return Unicode.Scalar(first)
            }
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }
    }
}
