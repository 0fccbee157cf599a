import Foundation
import GRDB
import SamenspelCore
import Testing

@testable import SamenspelApp

/// The hand-written JSON of the note path must match `JSONEncoder` byte for byte.
@Suite struct JSONTextTests {
    static let texts = [
        "Samen spelen", "", "quote \" and \\ backslash / slash", "new\nline\ttab\r\u{8}\u{C}",
        "control \u{1} \u{1F} \u{7F}", "accents é ü ß, emoji 🎨🥁, rtl שלום", "\u{2028}\u{2029} separators",
        String(repeating: "lang ", count: 100),
    ]

    @Test(arguments: texts)
    func noteMatchesJSONEncoder(text: String) throws {
        for theme in [nil, "t-1"] as [String?] {
            let date = Date(timeIntervalSince1970: 1_795_000_000.123)
            let note = Note(id: "id-1", sessionID: "s", group: "pmt", text: text, createdAt: date,
                            updatedAt: date.addingTimeInterval(61.5), hidden: theme != nil)
            let api = APINote(note, pinnedTo: theme)
            let expected = try JSONCoding.encoder.encode(api)
            #expect(api.jsonBytes == Array(expected))
            #expect(try JSONCoding.data(api) == expected)
            #expect(try JSONSerialization.jsonObject(with: Data(api.jsonBytes)) is [String: Any])
        }
    }

    /// Foundation's formatter cuts off rather than rounds, so `x.079` stored as a Double
    /// just below may come out as `.078`; ISOTime writes the millisecond the date holds.
    /// Compared here with Foundation on dates nudged a little past their millisecond.
    @Test func datesAreWrittenToTheMillisecond() {
        var generator = SystemRandomNumberGenerator()
        var millis: [Int64] = [0, -1_500, 951_782_400_000, 4_102_444_799_999, 1_795_000_000_079]
        for _ in 0..<2_000 { millis.append(Int64.random(in: 0...4_102_444_800_000, using: &generator)) }
        for value in millis {
            let date = Date(timeIntervalSince1970: Double(value) / 1000)
            let nudged = Date(timeIntervalSince1970: Double(value) / 1000 + 0.0004)
            #expect(ISOTime.string(date) == nudged.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)), "\(value)")
        }
        #expect(ISOTime.string(Date(timeIntervalSince1970: 1_795_000_000.079)) == "2026-11-18T11:06:40.079Z")
    }

    /// Notes are stored with ISOTime's database form instead of GRDB's DateFormatter:
    /// the same text, and it reads back as the same millisecond (GRDB's parse may differ
    /// from the Double it was given in the last bits, with either way of writing).
    @Test func databaseDatesMatchGRDB() {
        var generator = SystemRandomNumberGenerator()
        var millis: [Int64] = [0, 951_782_400_000, 1_795_000_000_079]
        for _ in 0..<2_000 { millis.append(Int64.random(in: 0...4_102_444_800_000, using: &generator)) }
        for value in millis {
            let date = Date(timeIntervalSince1970: Double(value) / 1000)
            let text = ISOTime.databaseString(date)
            #expect(text == String.fromDatabaseValue(date.databaseValue), "\(value)")
            let back = Date.fromDatabaseValue(text.databaseValue)
            #expect(back.map(ISOTime.string) == ISOTime.string(date), "\(value)")
        }
    }
}
