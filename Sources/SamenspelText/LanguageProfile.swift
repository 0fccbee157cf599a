/// Everything language-specific in the pipeline: dictionary, stemmer, stop words,
/// negations and common note abbreviations. Add a language by adding a profile.
struct LanguageProfile: Sendable {
    var code: String
    var stemmerAlgorithm: String
    var dictionaryName: String
    var dictionaryPackage: String
    var stopWords: Set<String>
    /// Words that negate the next content word ("geen straf" becomes one feature).
    var negations: Set<String>
    /// Whether to split closed compounds ("lichaamsbewustwording").
    var splitsCompounds: Bool
    /// Whole-token abbreviations, expanded before spelling ("ct" -> "cliënt").
    var abbreviations: [String: String]
    /// Text replacements applied before tokenising ("w/o" -> "without").
    var textReplacements: [(String, String)]

    static let supportedCodes = ["nl", "en"]

    static func profile(for code: String) throws(TextError) -> LanguageProfile {
        switch code.lowercased() {
        case "nl": return .dutch
        case "en": return .english
        default: throw .unsupportedLanguage(code)
        }
    }

    static let dutch = LanguageProfile(
        code: "nl", stemmerAlgorithm: "dutch", dictionaryName: "nl",
        dictionaryPackage: "hunspell-nl", stopWords: StopWords.dutch,
        negations: ["niet", "geen", "zonder", "nooit", "niets", "nergens"],
        splitsCompounds: true,
        abbreviations: [
            "ct": "cliënt", "cl": "cliënt", "clt": "cliënt", "client": "cliënt",
            "clienten": "cliënten", "th": "therapeut", "thera": "therapeut",
            "hv": "hulpverlener", "vt": "vaktherapie", "ipv": "", "bv": "", "bijv": "",
            "mbv": "", "evt": "", "oa": "", "nav": "", "mn": "", "ivm": "", "tov": "",
            "dmv": "", "zn": "", "enz": "", "etc": "", "vd": "", "mw": "", "nl": "",
        ],
        textReplacements: [("i.p.v.", " "), ("o.a.", " "), ("d.m.v.", " "), ("m.b.v.", " ")])

    static let english = LanguageProfile(
        code: "en", stemmerAlgorithm: "english", dictionaryName: "en_US",
        dictionaryPackage: "hunspell-en-us", stopWords: StopWords.english,
        negations: ["no", "not", "without", "never", "dont", "don't", "cannot", "cant", "can't",
                    "isn't", "isnt", "aren't", "won't", "nobody", "nothing", "less"],
        splitsCompounds: false,
        abbreviations: [
            "b4": "before", "ppl": "people", "pls": "", "plz": "", "mtg": "meeting",
            "mtgs": "meetings", "prs": "pr", "w": "with", "btw": "", "eg": "", "ie": "",
            "etc": "", "asap": "", "thx": "", "u": "", "ur": "", "mins": "minutes",
            "min": "minutes", "hrs": "hours", "h": "hours", "docs": "documentation",
            "doc": "documentation", "info": "information", "approx": "",
        ],
        textReplacements: [("w/o", " without "), ("w/", " with "), ("e.g.", " "), ("i.e.", " ")])
}
