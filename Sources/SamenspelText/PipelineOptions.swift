/// Which parts of the pipeline are on, and the weights of the extra signals. The
/// defaults are what BENCHMARKS.md measured best; switching parts on or off is for
/// measuring what each one contributes.
public struct PipelineOptions: Sendable, Equatable {
    public var spelling = true
    public var stemming = true
    public var compounds = true
    public var negations = true
    public var lensFeatures = true
    public var stickiness = true
    /// Strength of co-occurrence smoothing; off by default because it lowered agreement
    /// with hand labels on both evaluation sets (see BENCHMARKS.md).
    public var cooccurrence = 0.0
    /// English: WordNet synsets of each word as extra features (Debian `wordnet-base`;
    /// skipped when not installed).
    public var wordNet = true
    /// Weight of a WordNet synset feature; a typed word weighs 1.
    public var wordNetWeight = 0.5
    /// Weight of a synset's direct hypernym; 0 leaves hypernyms out.
    public var wordNetHypernymWeight = 0.0
    /// Dutch: separable verbs joined ("speelt mee" ~ "meespelen").
    public var separableVerbs = true
    /// Framework keywords as concept hubs: every framework theme a note's words match
    /// becomes a feature, not only the best one. Off: it did not help (BENCHMARKS.md).
    public var conceptHubs = false
    /// Weight of a concept-hub feature.
    public var conceptHubWeight = 0.5
    /// By meaning: two themes merge when their average similarity is this many standard
    /// deviations above the board's mean similarity (times the granularity).
    public var meaningCut = 1.45
    /// By meaning: weight of the word similarity added to the meaning similarity. Small: at
    /// equal weight, notes of a theme that share no word lose (BENCHMARKS.md).
    public var meaningWordWeight = 0.3
    /// Average link by meaning keeps every pair's similarity: 30,000 notes take 3.6 GB. Larger
    /// boards (a flooded session with `--theme-notes 0`, a huge file) group by words.
    public var largestBoardByMeaning = 30_000
    public init() {}
}
