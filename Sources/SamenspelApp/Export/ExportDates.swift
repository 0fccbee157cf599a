import Foundation
import SamenspelCore

/// Dates as the exports print them: a long day in the workshop's language
/// ("14 maart 2025"), a clock time, and ISO 8601 with milliseconds in UTC.
/// Fixed formats (no locale data), so golden files stay stable.
public struct ExportDates: Sendable {
    public var language: Language
    public var timeZone: TimeZone

    public init(language: Language, timeZone: TimeZone = .current) {
        self.language = language
        self.timeZone = timeZone
    }

    private func parts(_ date: Date, in zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    /// "14 maart 2025" / "14 March 2025".
    public func day(_ date: Date) -> String {
        let p = parts(date, in: timeZone)
        let months = ExportLabels.of(language).months
        let month = months[max(0, min(11, (p.month ?? 1) - 1))]
        return "\(p.day ?? 1) \(month) \(p.year ?? 1970)"
    }

    /// "09:05".
    public func time(_ date: Date) -> String {
        let p = parts(date, in: timeZone)
        return Self.pad(p.hour ?? 0, 2) + ":" + Self.pad(p.minute ?? 0, 2)
    }

    /// "2025-03-14", the day in `timeZone` (for file names).
    public func isoDay(_ date: Date) -> String {
        let p = parts(date, in: timeZone)
        return "\(Self.pad(p.year ?? 1970, 4))-\(Self.pad(p.month ?? 1, 2))-\(Self.pad(p.day ?? 1, 2))"
    }

    /// "2025-03-14T09:05:00.123Z": UTC, milliseconds rounded (not truncated), so a
    /// date read back from the database prints the same.
    public static func iso(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = Int(millis - seconds * 1000)
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        return "\(pad(p.year ?? 1970, 4))-\(pad(p.month ?? 1, 2))-\(pad(p.day ?? 1, 2))T"
            + "\(pad(p.hour ?? 0, 2)):\(pad(p.minute ?? 0, 2)):\(pad(p.second ?? 0, 2)).\(pad(fraction, 3))Z"
    }

    /// Parses ISO 8601 with or without fractional seconds; nil when it is not a date.
    public static func parseISO(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
