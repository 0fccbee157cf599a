import Foundation

/// The files a session can be exported as: extension, MIME type and file name.
public enum ExportFormat: String, Sendable, CaseIterable {
    case pdf, md, csv, json, html

    /// The MIME type to serve the file with.
    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .md: "text/markdown; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }

    /// Whether the file is text (can go to standard output).
    public var isText: Bool { self != .pdf }

    /// `<workshop-id>_<yyyy-mm-dd>.<ext>`, the date being the session's day in `timeZone`.
    public func fileName(for snapshot: SessionSnapshot, timeZone: TimeZone = .current) -> String {
        let day = ExportDates(language: snapshot.workshop.language, timeZone: timeZone).isoDay(snapshot.session.createdAt)
        return "\(Self.safe(snapshot.workshop.id))_\(day).\(fileExtension)"
    }

    /// A workshop id is a slug already; this keeps a file name safe whatever it holds.
    private static func safe(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let cleaned = String(id.map { allowed.contains($0) ? $0 : "-" })
        return cleaned.isEmpty ? "session" : cleaned
    }
}
