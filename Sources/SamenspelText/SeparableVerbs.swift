/// Dutch separable verbs: "therapeut speelt mee" means "meespelen", "doet mee" means
/// "meedoen". A particle ("mee", "op", "af", ...) that follows a verb form within a few
/// words is joined to the verb's infinitive, and the dictionary must accept the result,
/// so "zit in de groep" only becomes "inzitten" if hunspell knows that word. A particle
/// right before an infinitive ("mee spelen") is joined as well.
struct SeparableVerbs {
    /// Particles of Dutch separable verbs.
    static let particles: Set<String> = [
        "mee", "op", "af", "aan", "uit", "in", "door", "terug", "toe", "weg", "over", "na",
        "bij", "om", "neer", "vast", "los", "samen", "kwijt", "voor",
    ]
    /// How many words back a particle looks for its verb.
    static let reach = 4

    let isWord: (String) -> Bool

    /// The infinitives of the separable verbs in a note's words (lower case, in order).
    func verbs(in words: [String]) -> [String] {
        var result: [String] = []
        for (index, particle) in words.enumerated() where Self.particles.contains(particle) {
            // "speelt ... mee": the particle closes the clause, the verb came before it.
            for back in stride(from: index - 1, through: max(0, index - Self.reach), by: -1) {
                if let verb = joined(particle, words[back]) {
                    if !result.contains(verb) { result.append(verb) }
                    break
                }
            }
            // "mee spelen": the infinitive follows.
            if index + 1 < words.count, words[index + 1].count >= 4, words[index + 1].hasSuffix("en"),
                !Self.particles.contains(words[index + 1]), isWord(particle + words[index + 1]),
                !result.contains(particle + words[index + 1])
            {
                result.append(particle + words[index + 1])
            }
        }
        return result
    }

    /// particle + infinitive of a finite verb form, if the dictionary knows it.
    private func joined(_ particle: String, _ form: String) -> String? {
        guard form.count >= 2, !Self.particles.contains(form) else { return nil }
        for infinitive in Self.infinitives(of: form) where isWord(particle + infinitive) {
            return particle + infinitive
        }
        return nil
    }

    /// Candidate infinitives of a present-tense form: "speelt" → "spelen", "doet" →
    /// "doen", "maakt" → "maken", "zit" → "zitten", "geeft" → "geven".
    static func infinitives(of form: String) -> [String] {
        var result: [String] = []
        // The -t of the third person, or a stem that ends in t itself ("zit").
        let stems = form.hasSuffix("t") && form.count > 2 ? [String(form.dropLast()), form] : [form]
        for stem in stems {
            result += [stem + "en", stem + "n"]
            let letters = Array(stem)
            if letters.count >= 3, letters[letters.count - 2] == letters[letters.count - 3],
                "aeou".contains(letters[letters.count - 2])
            {
                // A long vowel in a closed syllable is written single in the open one:
                // "speel" → "spelen", "maak" → "maken", "geef" → "geven", "lees" → "lezen".
                var open = letters
                open.remove(at: letters.count - 2)
                let base = String(open)
                result.append(base + "en")
                if base.hasSuffix("f") { result.append(String(base.dropLast()) + "ven") }
                if base.hasSuffix("s") { result.append(String(base.dropLast()) + "zen") }
            }
            if let final = letters.last, letters.count >= 2, !"aeiou".contains(final),
                "aeiou".contains(letters[letters.count - 2])
            {
                result.append(stem + String(final) + "en")  // "zit" → "zitten"
            }
            if stem.hasSuffix("f") { result.append(String(stem.dropLast()) + "ven") }
        }
        return result
    }
}
