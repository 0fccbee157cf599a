/// Why an export or import failed, in words a trainer can act on.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No session with this id (or no active / latest session).
    case sessionNotFound(String)
    /// Importing would overwrite a session that is already stored.
    case sessionExists(String)
    /// A note id of the import is already used by another session.
    case noteExists(String)
    /// The JSON file is not a Samenspel session export.
    case invalidDocument(String)
    /// A CSV row that cannot be imported; `line` counts from 1, the header included.
    case invalidRow(line: Int, message: String)
    /// Cairo or Pango could not make the PDF.
    case pdf(String)
    /// Reading or writing a file failed.
    case file(String)

    /// The message to show.
    public var description: String {
        switch self {
        case .sessionNotFound(let id): "There is no session '\(id)'."
        case .sessionExists(let id):
            "A session with the id '\(id)' is already stored; import with --new-id to keep both."
        case .noteExists(let id):
            "A note with the id '\(id)' is already stored (in another session); import with --new-id."
        case .invalidDocument(let why): "This is not a Samenspel session export: \(why)"
        case .invalidRow(let line, let message): "line \(line): \(message)"
        case .pdf(let why): "The PDF could not be made: \(why)"
        case .file(let why): why
        }
    }

    /// The same failure as an API error with a fitting status.
    public var appError: AppError {
        switch self {
        case .sessionNotFound: .notFound(description)
        case .sessionExists, .noteExists: .conflict(description)
        case .invalidDocument, .invalidRow: .unprocessable(description)
        case .pdf, .file: AppError(status: 500, description)
        }
    }
}
