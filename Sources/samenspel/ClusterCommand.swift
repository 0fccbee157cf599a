import ArgumentParser
import Foundation
import SamenspelApp
import SamenspelCore
import SamenspelText

/// `samenspel cluster FILE`: groups the notes of a file into themes, without a server.
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group the notes of a JSON or CSV file into cross-group themes.",
        discussion: """
            FILE is JSON {"notes":[{"id":"..","group":"..","text":".."}]} or CSV with the \
            header id,group,text. With --workshop, the workshop's language and theory \
            framework are used; the framework adds a theory view (lens). Notes are grouped by \
            meaning with the sentence model (scripts/install-model.sh); their vectors are kept \
            in the data folder, so a second run embeds nothing. Without the model, notes are \
            grouped by the words they share.
            """)

    @Argument(help: "Notes file (.json or .csv).") var file: String
    @Option(help: "Workshop YAML file: language and theory framework.") var workshop: String?
    @Option(help: "Language of the notes: nl or en (default: the workshop's, else nl).") var language: String?
    @Option(help: "Output format: json or text.") var format: OutputFormat = .text
    @Option(help: "Higher gives more, smaller themes (default 1; try 0.5–2).") var granularity: Double = 1.0
    @Option(help: ArgumentHelp(
        "Switch pipeline steps off, for measuring: spelling,stemming,compounds,negations,lens,wordnet,separable.",
        visibility: .hidden))
    var without: String?
    @Option(help: ArgumentHelp(
        "Switch measured-but-off steps on: hubs (framework concept hubs, weight 1), hypernyms (WordNet, weight 0.5), cooccurrence (strength 0.25).",
        visibility: .hidden))
    var with: String?
    @Option(help: "Folder of the database that keeps the vectors (default: $XDG_DATA_HOME/samenspel).") var data: String?
    @Option(help: "Folder of the sentence model (default: where scripts/install-model.sh puts it).") var model: String?
    @Flag(help: ArgumentHelp("Group by shared words only, without the sentence model.", visibility: .hidden))
    var words = false
    @Option(help: ArgumentHelp("By meaning: the cut in standard deviations above the mean similarity (measuring).", visibility: .hidden))
    var meaningCut: Double?
    @Option(help: ArgumentHelp("By meaning: the weight of shared words (measuring).", visibility: .hidden))
    var wordWeight: Double?
    @Flag(help: ArgumentHelp(
        "Print timings to standard error (load, first and second clustering run).",
        visibility: .hidden))
    var timing = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, text }

    func run() throws {
        do {
            try cluster()
        } catch let error as TextError {
            try fail("\(file): \(error.description)")
        }
    }

    private func cluster() throws {
        var lens: [LensTheme] = []
        var workshopLanguage: String?
        if let workshop {
            guard let yaml = try? String(contentsOfFile: workshop, encoding: .utf8) else {
                try fail("Cannot read the workshop file \(workshop).")
            }
            do {
                let parsed = try Workshop(yaml: yaml)
                workshopLanguage = parsed.language.rawValue
                lens = (parsed.framework?.themes ?? []).map {
                    LensTheme(id: $0.id, label: $0.label, description: $0.description, keywords: $0.keywords)
                }
            } catch {
                try fail("\(workshop): \(error)")
            }
        }
        guard granularity.isFinite, granularity > 0 else {
            throw ValidationError("--granularity must be a positive number.")
        }
        var options = PipelineOptions()
        for step in (without ?? "").split(separator: ",") {
            switch step {
            case "spelling": options.spelling = false
            case "stemming": options.stemming = false
            case "compounds": options.compounds = false
            case "negations": options.negations = false
            case "lens": options.lensFeatures = false
            case "wordnet": options.wordNet = false
            case "separable": options.separableVerbs = false
            default: throw ValidationError("Unknown pipeline step '\(step)'.")
            }
        }
        for step in (with ?? "").split(separator: ",") {
            switch step {
            case "hubs":
                options.conceptHubs = true
                options.conceptHubWeight = 1
            case "hypernyms": options.wordNetHypernymWeight = 0.5
            case "cooccurrence": options.cooccurrence = 0.25
            default: throw ValidationError("Unknown optional step '\(step)'.")
            }
        }
        if let meaningCut { options.meaningCut = meaningCut }
        if let wordWeight { options.meaningWordWeight = wordWeight }
        let notes = try NoteFile.load(path: file)
        let clock = ContinuousClock()
        let start = clock.now
        let engine = try ThemeEngine(
            language: language ?? workshopLanguage ?? "nl", lens: lens, granularity: granularity,
            options: options)
        let loaded = clock.now
        let meaning = words ? nil : try embed(notes, lens: lens)
        let embedded = clock.now
        let result = engine.themes(for: notes, meaning: meaning)
        let clustered = clock.now
        if timing {
            _ = engine.themes(for: notes, meaning: meaning)
            let again = clock.now
            let ms = { (duration: Duration) in String(format: "%.1f", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000) }
            FileHandle.standardError.write(Data(
                "notes \(notes.count) engine \(result.engine.rawValue) load_ms \(ms(loaded - start)) embed_ms \(ms(embedded - loaded)) cluster_ms \(ms(clustered - embedded)) recluster_ms \(ms(again - clustered)) themes \(result.themes.count)\n".utf8))
        }
        switch format {
        case .json: print(try ClusterOutput.json(result))
        case .text: print(ClusterOutput.text(result, notes: notes, lens: lens, language: engine.language))
        }
    }

    /// The notes' vectors: stored ones from the data folder, the rest embedded in batches
    /// over all cores (progress on stderr after two seconds). Nil without a model.
    private func embed(_ notes: [TextNote], lens: [LensTheme]) throws -> MeaningVectors? {
        let encoder: any SentenceEncoder
        switch MeaningModel.load(folder: model) {
        case .success(let loaded): encoder = loaded
        case .failure(let error):
            FileHandle.standardError.write(Data("samenspel cluster: grouping by words: \(error)\n".utf8))
            return nil
        }
        let folder = data ?? ServeOptions.defaultDataDirectory
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            try fail("cannot create the data folder \(folder): \(error.localizedDescription)")
        }
        let database = try AppDatabase(path: folder + "/samenspel.sqlite")
        let started = Date()
        var shown = false
        let meaning = try NoteEmbedder(encoder: encoder, database: database).meaning(for: notes, lens: lens) { done, total in
            guard Date().timeIntervalSince(started) > 2 || shown else { return }
            shown = true
            let rate = Double(done) / max(0.001, Date().timeIntervalSince(started))
            FileHandle.standardError.write(Data(String(
                format: "\rsamenspel cluster: embedding %d of %d notes (%.0f a second)…", done, total, rate).utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        return meaning
    }

    private func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data(("samenspel cluster: " + message + "\n").utf8))
        throw ExitCode(1)
    }
}
