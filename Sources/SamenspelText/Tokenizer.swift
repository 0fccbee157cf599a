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
        // Plain ASCII (most notes) needs no Unicode normalisation.
        var normalized = text.utf8.allSatisfy({ $0 < 0x80 })
            ? text : text.precomposedStringWithCompatibilityMapping
        let mayReplace = normalized.utf8.contains { $0 == 0x2E || $0 == 0x2F }  // "." or "/"
        for (from, to) in replacements
        where mayReplace && normalized.range(of: from, options: .caseInsensitive) != nil {
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
            let isLetter: Bool
            let isDigit: Bool
            if scalar.isASCII {
                let value = scalar.value | 0x20
                isLetter = value >= 0x61 && value <= 0x7A
                isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            } else {
                isLetter = scalar.properties.isAlphabetic
                isDigit = !isLetter && scalar.properties.numericType != nil
            }
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
            } else if !scalar.isASCII && !current.isEmpty
                && scalar.properties.generalCategory == .nonspacingMark
            {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    private static func makeToken(_ word: String) -> Token {
        var letterCount = 0
        var upper = 0
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                if scalar.value >= 0x41 && scalar.value <= 0x5A {
                    letterCount += 1
                    upper += 1
                } else if scalar.value >= 0x61 && scalar.value <= 0x7A {
                    letterCount += 1
                }
            } else if scalar.properties.isAlphabetic {
                letterCount += 1
                if scalar.properties.isUppercase { upper += 1 }
            }
        }
        if upper == 0 { return Token(lower: word, isAcronym: false) }
        var acronym = upper >= 2 && upper == letterCount
        // "PRs", "ADRs": capitals with a plural s.
        if !acronym, upper >= 2, upper == letterCount - 1, word.hasSuffix("s") { acronym = true }
        return Token(lower: word.lowercased(), isAcronym: acronym)
    }
}

/// Folds accents and case for matching: "Cliënt" and "client" become "client".
func foldForMatching(_ word: String) -> String {
    if word.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return word }
    return word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
}
