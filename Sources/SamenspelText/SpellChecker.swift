import CHunspell
import Foundation

/// A hunspell dictionary. Not thread-safe: one owner at a time.
final class SpellChecker {
    private let handle: OpaquePointer
    private var knownCache: [String: Bool] = [:]

    /// Opens `<directory>/<name>.aff` and `.dic`; `package` names the Debian package
    /// that provides them, for the error message.
    init(directory: String, name: String, package: String) throws(TextError) {
        let aff = "\(directory)/\(name).aff"
        let dic = "\(directory)/\(name).dic"
        for path in [aff, dic] where !FileManager.default.isReadableFile(atPath: path) {
            throw .dictionaryUnavailable(path: path, debianPackage: package)
        }
        guard let handle = Hunspell_create(aff, dic) else {
            throw .dictionaryUnavailable(path: dic, debianPackage: package)
        }
        self.handle = handle
    }

    deinit { Hunspell_destroy(handle) }

    /// Whether the dictionary accepts the word (including its compounds and inflections).
    func isKnown(_ word: String) -> Bool {
        if let cached = knownCache[word] { return cached }
        let known = Hunspell_spell(handle, word) != 0
        knownCache[word] = known
        return known
    }
}
