import Foundation
import GRDB

/// JSON written by hand for the few values on the note path, where `JSONEncoder`
/// (generic containers, a date closure per field) was most of the cost of a note.
/// `JSONTextTests` keeps the output byte for byte equal to `JSONCoding.encoder`'s.
protocol HandWrittenJSON {
    /// The value as `JSONCoding.encoder` would write it.
    var jsonBytes: [UInt8] { get }
}

/// Builds one JSON object; keys must be given in sorted order (as `.sortedKeys` writes them).
struct JSONObjectWriter {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func field(_ key: StaticString, _ value: String) {
        name(key)
        Self.appendString(value, to: &bytes)
    }

    mutating func field(_ key: StaticString, _ value: Bool) {
        name(key)
        bytes += value ? Array("true".utf8) : Array("false".utf8)
    }

    mutating func field(_ key: StaticString, _ value: Date) {
        name(key)
        bytes.append(UInt8(ascii: "\""))
        ISOTime.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The finished object.
    mutating func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    private mutating func name(_ key: StaticString) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes += [UInt8(ascii: "\""), UInt8(ascii: ":")]
    }

    /// A JSON string with the escapes JSONEncoder uses (`/` left as is).
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [92, 34]
            case 92: bytes += [92, 92]
            case 10: bytes += [92, UInt8(ascii: "n")]
            case 13: bytes += [92, UInt8(ascii: "r")]
            case 9: bytes += [92, UInt8(ascii: "t")]
            case 8: bytes += [92, UInt8(ascii: "b")]
            case 12: bytes += [92, UInt8(ascii: "f")]
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// ISO 8601 in UTC with milliseconds (`2026-11-23T20:15:07.123Z`), as the API writes dates;
/// rounded to the nearest millisecond (a stored date is a whole millisecond held in a Double).
enum ISOTime {
    static func string(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The form GRDB stores dates in (`2026-11-23 20:15:07.123`, UTC), without its
    /// DateFormatter, which costs more than the rest of storing a note.
    static func databaseString(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(date, to: &bytes, separator: UInt8(ascii: " "), zone: false)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ date: Date, to bytes: inout [UInt8], separator: UInt8 = UInt8(ascii: "T"), zone: Bool = true) {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(millis >= 0 ? millis / 1000 : (millis - 999) / 1000)
        let fraction = Int(millis - Int64(seconds) * 1000)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil, (0...9999).contains(parts.tm_year + 1900) else {
            let text = zone ? date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
                : String(describing: date.databaseValue)
            bytes += Array(text.utf8)
            return
        }
        digits(Int(parts.tm_year) + 1900, 4, &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2, &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2, &bytes)
        bytes.append(separator)
        digits(Int(parts.tm_hour), 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2, &bytes)
        bytes.append(UInt8(ascii: "."))
        digits(fraction, 3, &bytes)
        if zone { bytes.append(UInt8(ascii: "Z")) }
    }

    private static func digits(_ value: Int, _ count: Int, _ bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
