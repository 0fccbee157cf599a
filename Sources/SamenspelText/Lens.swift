/// Assigns notes to the themes of a theory framework ("theory view"), by the
/// framework's keywords and labels run through the same text pipeline.
struct LensMatcher {
    private struct Keyword {
        var keys: [String]
        var themeIndex: Int
    }
    let themes: [LensTheme]
    private var keywords: [Keyword] = []

    init(themes: [LensTheme], analyzer: TextAnalyzer) {
        self.themes = themes
        for (index, theme) in themes.enumerated() {
            for phrase in theme.keywords + [theme.label] {
                let keys = analyzer.features(of: phrase).filter { $0.kind == .word }.map(\.key)
                if !keys.isEmpty { keywords.append(Keyword(keys: keys, themeIndex: index)) }
            }
        }
    }

    var isEmpty: Bool { themes.isEmpty }

    /// The best-matching framework theme of a note's features, or nil for "other".
    /// A whole word counts 1, a compound part 0.5, a matching phrase 1.5; ties go to
    /// the theme listed first.
    func bestTheme(for features: [NoteFeature]) -> Int? {
        Self.best(of: scores(for: features))
    }

    /// The match score of each framework theme (0: no keyword matched).
    func scores(for features: [NoteFeature]) -> [Double] {
        guard !themes.isEmpty else { return [] }
        var kinds: [String: NoteFeature.Kind] = [:]
        for feature in features where kinds[feature.key] == nil || feature.kind == .word {
            kinds[feature.key] = feature.kind
        }
        var scores = [Double](repeating: 0, count: themes.count)
        for keyword in keywords {
            if keyword.keys.count == 1 {
                switch kinds[keyword.keys[0]] {
                case .word?: scores[keyword.themeIndex] += 1
                case .part?: scores[keyword.themeIndex] += 0.5
                default: break
                }
            } else if keyword.keys.allSatisfy({ kinds[$0] != nil }) {
                scores[keyword.themeIndex] += 1.5
            }
        }
        return scores
    }

    /// The theme with the highest positive score; ties go to the theme listed first.
    static func best(of scores: [Double]) -> Int? {
        var best: Int?
        for index in scores.indices where scores[index] > 0 {
            if best == nil || scores[index] > scores[best ?? 0] { best = index }
        }
        return best
    }
}
