import Foundation

/// English WordNet read from the plain-text database of the Debian package `wordnet-base`
/// (`/usr/share/wordnet`), without the C library: the sorted `index.*` and `*.exc` files
/// are binary-searched in memory, `data.*` lines are read at their synset offset.
///
/// A word gives the synsets ("concepts") of its most frequent sense per part of speech
/// and, optionally, their direct hypernyms, so "car" and "automobile" share a feature.
/// Only the first sense is used: more senses link more unrelated notes (BENCHMARKS.md).
final class WordNet: Sendable {
    /// Part of speech: file suffix and synset-id prefix.
    enum PartOfSpeech: String, CaseIterable, Sendable {
        case noun, verb, adj, adv
    }

    private struct Files: Sendable {
        var index: Data
        var data: Data
        var exceptions: Data
    }
    private let files: [PartOfSpeech: Files]

    /// The database at the default location, read once per process; nil if not installed.
    static let shared: WordNet? = WordNet()

    /// The default location of the Debian package's files.
    static let directory = "/usr/share/wordnet"

    /// Opens the database; nil when the package is not installed (WordNet is optional).
    init?(directory: String = WordNet.directory) {
        var files: [PartOfSpeech: Files] = [:]
        for pos in PartOfSpeech.allCases {
            guard let index = FileManager.default.contents(atPath: "\(directory)/index.\(pos.rawValue)"),
                let data = FileManager.default.contents(atPath: "\(directory)/data.\(pos.rawValue)")
            else { return nil }
            let exceptions = FileManager.default.contents(atPath: "\(directory)/\(pos.rawValue).exc") ?? Data()
            files[pos] = Files(index: index, data: data, exceptions: exceptions)
        }
        self.files = files
    }

    /// Synset ids ("n07873807") of the first `senses` senses of the word in each part of
    /// speech, found via WordNet's own lemmatisation (exception lists, then suffix rules).
    func synsets(of word: String, senses: Int = 1) -> [String] {
        var result: [String] = []
        for pos in PartOfSpeech.allCases {
            guard let files = files[pos] else { continue }
            for lemma in lemmas(of: word, pos: pos, exceptions: files.exceptions) {
                guard let line = Self.line(startingWith: lemma, in: files.index) else { continue }
                let fields = line.split(separator: " ")
                guard fields.count > 4, let pointers = Int(fields[3]) else { break }
                let first = 6 + pointers
                guard first < fields.count else { break }
                for offset in fields[first..<min(fields.count, first + senses)] {
                    result.append(String(pos.rawValue.prefix(1)) + offset)
                }
                break
            }
        }
        return result
    }

    /// The direct hypernyms (`@`, `@i`) of a synset id from `synsets(of:)`.
    func hypernyms(of synset: String) -> [String] {
        guard let pos = PartOfSpeech.allCases.first(where: { $0.rawValue.hasPrefix(synset.prefix(1)) }),
            let data = files[pos]?.data, let offset = Int(synset.dropFirst()), offset < data.count
        else { return [] }
        let end = data[offset...].firstIndex(of: 0x0A) ?? data.endIndex
        let fields = String(decoding: data[offset..<end], as: UTF8.self).split(separator: " ")
        var result: [String] = []
        for (index, field) in fields.enumerated() where (field == "@" || field == "@i") && index + 2 < fields.count {
            result.append(String(fields[index + 2].prefix(1)) + fields[index + 1])
        }
        return result
    }

    /// Base forms to try, as WordNet's `morphy` does: exceptions first, the word itself,
    /// then the detachment rules of the part of speech.
    private func lemmas(of word: String, pos: PartOfSpeech, exceptions: Data) -> [String] {
        var result: [String] = []
        if let line = Self.line(startingWith: word, in: exceptions) {
            result += line.split(separator: " ").dropFirst().map(String.init)
        }
        result.append(word)
        for (suffix, ending) in Self.rules[pos] ?? [] where word.hasSuffix(suffix) && word.count > suffix.count + 1 {
            result.append(String(word.dropLast(suffix.count)) + ending)
        }
        return result
    }

    private static let rules: [PartOfSpeech: [(String, String)]] = [
        .noun: [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
                ("men", "man"), ("ies", "y")],
        .verb: [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
                ("ing", "e"), ("ing", "")],
        .adj: [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
        .adv: [],
    ]

    /// The line of a sorted WordNet file whose first field is `key`, by binary search over
    /// byte offsets (lines starting with a space are the licence header and sort first).
    static func line(startingWith key: String, in file: Data) -> String? {
        let target = Array(key.utf8)
        return file.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            var low = 0
            var high = bytes.count
            while low < high {
                let mid = (low + high) / 2
                var start = mid
                while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
                var end = start
                while end < bytes.count && bytes[end] != 0x20 && bytes[end] != 0x0A { end += 1 }
                if start < bytes.count && bytes[start] == 0x20 {  // header line: key is after it
                    var next = start
                    while next < bytes.count && bytes[next] != 0x0A { next += 1 }
                    low = next + 1
                    continue
                }
                let order = compare(bytes, start, end, target)
                if order == 0 {
                    var lineEnd = end
                    while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<lineEnd]), as: UTF8.self)
                }
                if order < 0 {
                    var next = end
                    while next < bytes.count && bytes[next] != 0x0A { next += 1 }
                    low = next + 1
                } else {
                    high = start
                }
            }
            return nil
        }
    }

    /// Byte-wise comparison of `bytes[start..<end]` with `target`: -1, 0 or 1.
    private static func compare(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ target: [UInt8]) -> Int {
        var i = start
        var j = 0
        while i < end && j < target.count {
            if bytes[i] != target[j] { return bytes[i] < target[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        if i == end && j == target.count { return 0 }
        return i == end ? -1 : 1
    }
}
