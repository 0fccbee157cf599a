import CStemmer

/// A Snowball stemmer (libstemmer). Not thread-safe: one owner at a time.
final class Stemmer {
    private let handle: OpaquePointer

    /// Opens the Snowball algorithm, e.g. `"dutch"` or `"english"`.
    init(algorithm: String) throws(TextError) {
        guard let handle = sb_stemmer_new(algorithm, "UTF_8") else {
            throw .stemmerUnavailable(algorithm: algorithm)
        }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of a lower-case word; the word itself if stemming fails.
    func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        let count = Int32(bytes.count)
        let stemmed: String? = bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                let out = sb_stemmer_stem(handle, base, count)
            else { return nil }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
        return stemmed ?? word
    }
}
