/// Random secrets for participants and the trainer.
public enum Token {
    /// A URL-safe random token of `bytes` random bytes (default 24, i.e. 192 bits).
    public static func make(bytes: Int = 24) -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        // 64 symbols: each carries 6 bits, so 4 symbols per 3 bytes.
        let count = (bytes * 8 + 5) / 6
        return String((0..<count).map { _ in alphabet[Int(generator.next() % 64)] })
    }

    /// Compares in time that does not depend on where the strings differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
