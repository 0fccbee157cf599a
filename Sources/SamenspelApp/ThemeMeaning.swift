import Foundation
import Logging
import SamenspelText

/// The sentence model behind the live themes: loaded in the background after the server
/// listens, or the reason there is none, which the banner, `/api/themes` and the trainer
/// page show. Without it themes group by shared words; nothing else changes.
final class ThemeMeaning: @unchecked Sendable {
    private enum State {
        case off(String)
        case loading
        case ready(NoteEmbedder)
        case unavailable(String)
    }
    private let lock = NSLock()
    private var state: State
    private let folder: String?
    private let given: (any SentenceEncoder)?

    /// - Parameters:
    ///   - folder: the model folder (nil: the default).
    ///   - enabled: false keeps the themes by words (`serve --themes words`).
    ///   - encoder: used instead of loading the model.
    init(folder: String?, enabled: Bool, encoder: (any SentenceEncoder)? = nil) {
        self.folder = folder
        given = encoder
        state = enabled ? .loading : .off("switched off with --themes words")
    }

    /// Loads the model (about a quarter of a second: it checks the 72 MB file first).
    func load(database: AppDatabase, logger: Logger) {
        guard case .loading = lock.withLock({ state }) else { return }
        switch given.map({ .success($0) }) ?? MeaningModel.load(folder: folder) {
        case .success(let encoder):
            lock.withLock { state = .ready(NoteEmbedder(encoder: encoder, database: database)) }
            logger.info("themes: by meaning (\(encoder.modelName))")
        case .failure(let error):
            lock.withLock { state = .unavailable("\(error)") }
            logger.warning("themes: by shared words: \(error)")
        }
    }

    /// The embedder once the model is ready.
    var embedder: NoteEmbedder? {
        lock.withLock { if case .ready(let embedder) = state { return embedder } else { return nil } }
    }

    /// Whether the model is still loading.
    var isLoading: Bool { lock.withLock { if case .loading = state { return true } else { return false } } }

    /// Why themes are not by meaning (nil when the model is ready or loading).
    var unavailableReason: String? {
        lock.withLock {
            switch state {
            case .off(let reason), .unavailable(let reason): return reason
            case .loading, .ready: return nil
            }
        }
    }

    /// One line for the terminal banner.
    var bannerLine: String {
        switch lock.withLock({ state }) {
        case .ready: return "Themes:  by meaning, with \(E5Encoder.displayName) on this laptop"
        case .loading: return "Themes:  by meaning, with \(E5Encoder.displayName) on this laptop (loading)"
        case .off(let reason), .unavailable(let reason): return "Themes:  by shared words: \(reason)"
        }
    }
}

/// Which engine made a set of themes, for `/api/themes` and the pages.
struct ThemeEngineStatus: Codable, Equatable, Sendable {
    /// "meaning" or "words".
    var kind: String
    /// The sentence model, when by meaning.
    var model: String?
    /// Why not by meaning, or that the model is catching up; nil when all is well.
    var note: String?
}
