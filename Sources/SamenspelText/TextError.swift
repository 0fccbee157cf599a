/// Errors of the text module, each with a message a trainer or operator can act on.
public enum TextError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The workshop language has no text pipeline.
    case unsupportedLanguage(String)
    /// A hunspell dictionary file is missing or could not be opened.
    case dictionaryUnavailable(path: String, debianPackage: String)
    /// libstemmer has no stemmer for this algorithm.
    case stemmerUnavailable(algorithm: String)
    /// A notes file could not be read; `line` is 1-based, 0 when unknown.
    case invalidNoteFile(line: Int, message: String)

    public var description: String {
        switch self {
        case .unsupportedLanguage(let code):
            return "Language '\(code)' is not supported by the text pipeline (supported: "
                + LanguageProfile.supportedCodes.joined(separator: ", ") + ")."
        case .dictionaryUnavailable(let path, let package):
            return "Cannot open the spelling dictionary \(path). Install the Debian package "
                + "'\(package)' (apt-get install \(package))."
        case .stemmerUnavailable(let algorithm):
            return "libstemmer has no '\(algorithm)' stemmer. Install the Debian package 'libstemmer0d'."
        case .invalidNoteFile(let line, let message):
            return line > 0 ? "Line \(line): \(message)" : message
        }
    }
}
