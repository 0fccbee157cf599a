import Foundation

/// The words of a hunspell `.dic` file as listed (stems, without affix expansion), kept as
/// 64-bit hashes of their lower-cased UTF-8 bytes. A cheap first filter for spelling
/// candidates: a hash lookup costs nanoseconds, `Hunspell_spell` microseconds. Every hit
/// is still confirmed by hunspell, so a rare hash collision cannot invent a word.
struct DictionaryWordList: Sendable {
    private let hashes: Set<UInt64>

    /// Reads the file; an unreadable file gives an empty list (hunspell opened the same
    /// file before, so this does not happen in practice; it would only make spelling
    /// correction and compound splitting find less).
    init(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            hashes = []
            return
        }
        var set = Set<UInt64>(minimumCapacity: 200_000)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var hash = Self.offsetBasis
            var length = 0
            var inWord = true
            var isFirstLine = true  // the first line holds the word count
            for byte in raw {
                if byte == 0x0A {
                    if length > 0 && !isFirstLine { set.insert(hash) }
                    hash = Self.offsetBasis
                    length = 0
                    inWord = true
                    isFirstLine = false
                } else if inWord {
                    if byte == 0x2F || byte == 0x09 || byte == 0x20 || byte == 0x0D {
                        inWord = false
                    } else {
                        hash = Self.mix(hash, byte)
                        length += 1
                    }
                }
            }
            if length > 0 && !isFirstLine { set.insert(hash) }
        }
        hashes = set
    }

    /// Whether the lower-case word is listed in the file.
    func contains(_ word: String) -> Bool { contains(bytes: word.utf8) }

    /// Whether the lower-case word with these UTF-8 bytes is listed in the file.
    func contains<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Bool {
        var hash = Self.offsetBasis
        for byte in bytes { hash = Self.mix(hash, byte) }
        return hashes.contains(hash)
    }

    var isEmpty: Bool { hashes.isEmpty }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a, with ASCII capitals folded to lower case.
    @inline(__always)
    private static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        return (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
    }

    // MARK: Shared per file

    nonisolated(unsafe) private static var loaded: [String: DictionaryWordList] = [:]
    private static let lock = NSLock()

    /// The list for a file, read once per process (engines for the same language share it).
    static func shared(path: String) -> DictionaryWordList {
        lock.lock()
        defer { lock.unlock() }
        if let list = loaded[path] { return list }
        let list = DictionaryWordList(path: path)
        loaded[path] = list
        return list
    }
}
