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

    nonisolated(unsafe) static var calls = 0
    nonisolated(unsafe) static var shortCalls = 0
    deinit { Hunspell_destroy(handle) }

    /// Whether the dictionary accepts the word (including its compounds and inflections).
    func isKnown(_ word: String) -> Bool {
        if let cached = knownCache[word] { return cached }
        SpellChecker.calls += 1; if word.count <= 4 { SpellChecker.shortCalls += 1 }
        let known = Hunspell_spell(handle, word) != 0
        knownCache[word] = known
        return known
    }

    /// Hunspell's suggestions, best first. Slow (milliseconds): callers cache.
    func suggestions(for word: String) -> [String] {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let count = Hunspell_suggest(handle, &list, word)
        defer { if list != nil { Hunspell_free_list(handle, &list, count) } }
        guard count > 0, let entries = list else { return [] }
        var result: [String] = []
        for index in 0..<Int(count) {
            if let entry = entries[index] { result.append(String(cString: entry)) }
        }
        return result
    }
}
