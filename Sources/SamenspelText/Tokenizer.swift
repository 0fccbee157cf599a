import Foundation

/// A word as typed, after Unicode normalisation.
struct Token: Hashable, Sendable {
    /// Lower-cased, NFKC-normalised, accents kept ("cliënt").
    var lower: String
    /// Written in capitals ("PMT", "PRs"): an acronym, never spell-corrected.
    var isAcronym: Bool
}

/// Splits note text into words. Copes with slashes, brackets, `=`, `+`, dashes, digits
/// glued to letters ("15min") and punctuation without spaces ("samen,muziek").
struct Tokenizer: Sendable {
    var replacements: [(String, String)] = []

    func tokens(in text: String) -> [Token] {
        var normalized = text.precomposedStringWithCompatibilityMapping
        for (from, to) in replacements
        where normalized.range(of: from, options: .caseInsensitive) != nil {
            normalized = normalized.replacingOccurrences(
                of: from, with: to, options: .caseInsensitive)
        }
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var currentIsDigits = false
        var pendingApostrophe = false

        func flush() {
            if !current.isEmpty { tokens.append(Self.makeToken(String(current))) }
            current.removeAll(keepingCapacity: true)
            pendingApostrophe = false
        }

        for scalar in normalized.unicodeScalars {
            let isLetter = scalar.properties.isAlphabetic
            let isDigit = !isLetter && scalar.properties.numericType != nil
            if isLetter || isDigit {
                if !current.isEmpty && currentIsDigits != isDigit { flush() }
                if pendingApostrophe {
                    current.append("'")
                    pendingApostrophe = false
                }
                current.append(scalar)
                currentIsDigits = isDigit
            } else if (scalar == "'" || scalar == "\u{2019}") && !current.isEmpty
                && !currentIsDigits && !pendingApostrophe
            {
                pendingApostrophe = true
            } else if scalar.properties.generalCategory == .nonspacingMark && !current.isEmpty {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    private static func makeToken(_ word: String) -> Token {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        let upper = letters.filter { $0.properties.isUppercase }.count
        var acronym = upper >= 2 && upper == letters.count
        // "PRs", "ADRs": capitals with a plural s.
        if !acronym, upper >= 2, upper == letters.count - 1, word.hasSuffix("s") { acronym = true }
        return Token(lower: word.lowercased(), isAcronym: acronym)
    }
}

/// Folds accents and case for matching: "Cliënt" and "client" become "client".
func foldForMatching(_ word: String) -> String {
    word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
}
