/// Turns short texts into sentence vectors whose cosine says how close their meanings are.
/// The theme engine depends on this protocol only, so another model can replace e5 later.
public protocol SentenceEncoder: Sendable {
    /// Names the model and its version; stored next to every vector, so a model change
    /// re-embeds instead of mixing vectors of two models.
    var modelName: String { get }
    /// The length of every vector.
    var dimension: Int { get }
    /// One L2-normalised vector per text, in order. Deterministic: the same text gives the
    /// same vector, alone or in a batch.
    func embed(_ texts: [String]) throws(EncoderError) -> [[Float]]
}

/// Why the sentence model cannot be used; themes then fall back to shared words.
public enum EncoderError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No model folder, library or model file where it was looked for.
    case notInstalled(path: String)
    /// The shared library would not load or lacks a function (`dlerror`'s words).
    case libraryUnusable(path: String, reason: String)
    /// The model file is there but the library could not read it (corrupt or truncated).
    case modelUnreadable(path: String)
    /// The library failed on a text (its return code).
    case embeddingFailed(code: Int32)
    /// The library cannot run on this processor.
    case unsupportedCPU(String)

    public var description: String {
        switch self {
        case .notInstalled(let path):
            return "the sentence model is not installed (looked in \(path)); run scripts/install-model.sh"
        case .libraryUnusable(let path, let reason):
            return "the sentence model's library \(path) cannot be used here: \(reason)"
        case .modelUnreadable(let path):
            return "the sentence model \(path) could not be read (corrupt or incomplete); run scripts/install-model.sh again"
        case .unsupportedCPU(let reason):
            return "the sentence model cannot run on this computer: \(reason)"
        case .embeddingFailed(let code):
            return "the sentence model failed on a note (code \(code))"
        }
    }
}

extension LensTheme {
    /// The text whose vector stands for this framework theme: label, description, keywords.
    public var meaningText: String {
        ([label + (description.isEmpty ? "" : ": " + description)] + (keywords.isEmpty ? [] : [keywords.joined(separator: ", ")]))
            .joined(separator: ". ")
    }
}
