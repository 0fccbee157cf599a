import Yams

extension Workshop {
    /// Parses and validates a workshop from the text of a YAML file. Throws its first
    /// problem (with line and column); `problems(in:)` lists every one.
    public init(yaml: String) throws(WorkshopError) {
        let problems = WorkshopProblems()
        let workshop = Self.parse(yaml, problems)
        if let first = problems.sorted.first { throw first }
        guard let workshop else { throw WorkshopError(line: nil, column: nil, "the file is not a workshop") }
        self = workshop
    }

    /// Every problem of a workshop file, in file order; empty when it is valid.
    public static func problems(in yaml: String) -> [WorkshopError] {
        let problems = WorkshopProblems()
        _ = parse(yaml, problems)
        return problems.sorted
    }

    /// Reads as much of the file as it can, noting each problem and going on past it.
    private static func parse(_ yaml: String, _ problems: WorkshopProblems) -> Workshop? {
        let tabs = WorkshopProblems.tabs(in: yaml)
        tabs.forEach(problems.add)
        // Past its tabs the rest of the file is still read for problems, each such line taken
        // to continue the line above it (the usual intent of a tab).
        let text = tabs.isEmpty ? yaml : WorkshopProblems.untabbed(yaml)
        guard let root = problems.attempt({ () throws(WorkshopError) in try compose(text) }),
              let top = problems.attempt({ () throws(WorkshopError) in try YAMLMapping(root, what: "the workshop") }) else { return nil }
        top.unknownKeys(["id", "title", "language", "question", "questions", "groups", "briefing", "framework"]).forEach(problems.add)

        let id = problems.attempt { () throws(WorkshopError) in
            let id = try top.string("id", maxLength: 80)
            try requireSlug(id, at: top.value("id"), "the workshop id")
            return id
        }
        let language = problems.attempt { () throws(WorkshopError) in
            let text = try top.string("language")
            guard let language = Language(rawValue: text) else {
                let known = Language.allCases.map(\.rawValue).joined(separator: ", ")
                throw YAMLMapping.error(at: top.value("language"), "language '\(text)' is not supported (use one of: \(known))")
            }
            return language
        }
        let title = problems.attempt { () throws(WorkshopError) in try top.string("title", maxLength: 200) }
        let questions = Self.questions(top, problems)
        let groups = Self.groups(top, problems)
        var briefing: [BriefingSlide] = []
        let slides = problems.attempt({ () throws(WorkshopError) in try top.sequence("briefing", required: false) }) ?? []
        for (index, node) in slides.enumerated() {
            guard let slide = problems.attempt({ () throws(WorkshopError) in try YAMLMapping(node, what: "briefing slide \(index + 1)") }) else { continue }
            slide.unknownKeys(["title", "body"]).forEach(problems.add)
            let title = problems.attempt { () throws(WorkshopError) in try slide.string("title", maxLength: 200) }
            let body = problems.attempt { () throws(WorkshopError) in try slide.string("body") }
            if let title, let body { briefing.append(BriefingSlide(title: title, body: body)) }
        }
        let framework = top.value("framework").flatMap { node in Self.framework(node, problems) }
        guard let id, let language, let title, let questions, let first = questions.first, let groups, problems.all.isEmpty
        else { return nil }
        return Workshop(id: id, title: title, language: language, question: first.text, groups: groups,
                        briefing: briefing, framework: framework, questions: questions)
    }

    /// `question: text` (one question, id `q1`) or `questions:` a list of `{id, text, framework}`.
    private static func questions(_ top: YAMLMapping, _ problems: WorkshopProblems) -> [Question]? {
        guard let list = top.value("questions") else {
            guard top.value("question") != nil else {
                problems.add(YAMLMapping.error(at: top.node, "the workshop is missing 'question' (or a list of 'questions')"))
                return nil
            }
            return problems.attempt { () throws(WorkshopError) in
                [Question(id: Question.singleID, text: try top.string("question", maxLength: 500))]
            }
        }
        if let single = top.mapping.keys.first(where: { $0.string == "question" }) {
            problems.add(YAMLMapping.error(at: single, "give either 'question' or 'questions', not both"))
        }
        guard let nodes = problems.attempt({ () throws(WorkshopError) in try top.sequence("questions", required: true) }) else { return nil }
        if nodes.isEmpty { problems.add(YAMLMapping.error(at: list, "'questions' needs at least one question")) }
        var questions: [Question] = []
        var ids: Set<String> = []
        for (index, node) in nodes.enumerated() {
            guard let map = problems.attempt({ () throws(WorkshopError) in try YAMLMapping(node, what: "question \(index + 1)") }) else { continue }
            map.unknownKeys(["id", "text", "framework"]).forEach(problems.add)
            let id = problems.attempt { () throws(WorkshopError) in
                let id = try map.string("id", maxLength: 40)
                try requireSlug(id, at: map.value("id"), "question id")
                if !ids.insert(id).inserted { throw YAMLMapping.error(at: map.value("id"), "question id '\(id)' is used twice") }
                return id
            }
            let text = problems.attempt { () throws(WorkshopError) in try map.string("text", maxLength: 500) }
            let framework = map.value("framework").flatMap { Self.framework($0, problems) }
            if let id, let text { questions.append(Question(id: id, text: text, framework: framework)) }
        }
        return questions
    }

    private static func groups(_ top: YAMLMapping, _ problems: WorkshopProblems) -> [Group]? {
        guard let nodes = problems.attempt({ () throws(WorkshopError) in try top.sequence("groups", required: true) }) else { return nil }
        if nodes.isEmpty { problems.add(YAMLMapping.error(at: top.value("groups"), "a workshop needs at least one group")) }
        if nodes.count > 12 { problems.add(YAMLMapping.error(at: top.value("groups"), "a workshop has at most 12 groups")) }
        var groups: [Group] = []
        var ids: Set<String> = []
        for (index, node) in nodes.enumerated() {
            // A repeated id is a problem of its own, also when the group has others.
            if let id = node.mapping?["id"]?.string, !ids.insert(id).inserted {
                problems.add(YAMLMapping.error(at: node, "group id '\(id)' is used twice"))
            }
            if let group = group(node, number: index + 1, problems) { groups.append(group) }
        }
        return groups
    }

    private static func compose(_ yaml: String) throws(WorkshopError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw WorkshopError(yamlError: error)
        } catch {
            throw WorkshopError(line: nil, column: nil, "the file is not valid YAML: \(error)")
        }
        guard let root else { throw WorkshopError(line: nil, column: nil, "the file is empty") }
        return root
    }

    private static func group(_ node: Node, number: Int, _ problems: WorkshopProblems) -> Group? {
        guard let map = problems.attempt({ () throws(WorkshopError) in try YAMLMapping(node, what: "group \(number)") }) else { return nil }
        map.unknownKeys(["id", "name", "colour", "color", "icon"]).forEach(problems.add)
        let id = problems.attempt { () throws(WorkshopError) in
            let id = try map.string("id", maxLength: 40)
            try requireSlug(id, at: map.value("id"), "group id")
            return id
        }
        let colour = problems.attempt { () throws(WorkshopError) in
            let colourKey = map.value("colour") == nil && map.value("color") != nil ? "color" : "colour"
            let colour = try map.string(colourKey, maxLength: 7)
            if !isHexColour(colour) {
                throw YAMLMapping.error(at: map.value(colourKey), "colour '\(colour)' of group '\(id ?? String(number))' should look like #1A2B3C")
            }
            return colour
        }
        let name = problems.attempt { () throws(WorkshopError) in try map.string("name", maxLength: 60) }
        let icon = problems.attempt { () throws(WorkshopError) in try map.optionalString("icon", maxLength: 4) } ?? nil
        guard let id, let colour, let name else { return nil }
        return Group(id: id, name: name, colour: colour.uppercased(), icon: icon ?? String(name.prefix(1)).uppercased())
    }

    private static func framework(_ node: Node, _ problems: WorkshopProblems) -> Framework? {
        guard let map = problems.attempt({ () throws(WorkshopError) in try YAMLMapping(node, what: "the framework") }) else { return nil }
        map.unknownKeys(["name", "themes"]).forEach(problems.add)
        var themes: [FrameworkTheme] = []
        let themeNodes = problems.attempt({ () throws(WorkshopError) in try map.sequence("themes", required: true) }) ?? []
        for (index, themeNode) in themeNodes.enumerated() {
            guard let theme = problems.attempt({ () throws(WorkshopError) in try YAMLMapping(themeNode, what: "framework theme \(index + 1)") }) else { continue }
            theme.unknownKeys(["id", "label", "description", "keywords"]).forEach(problems.add)
            let id = problems.attempt { () throws(WorkshopError) in
                let id = try theme.string("id", maxLength: 40)
                try requireSlug(id, at: theme.value("id"), "framework theme id")
                if themes.contains(where: { $0.id == id }) {
                    throw YAMLMapping.error(at: themeNode, "framework theme id '\(id)' is used twice")
                }
                return id
            }
            var keywords: [String] = []
            for keyword in problems.attempt({ () throws(WorkshopError) in try theme.sequence("keywords", required: false) }) ?? [] {
                if let text = problems.attempt({ () throws(WorkshopError) in
                    try YAMLMapping.text(keyword, "a keyword of theme '\(id ?? String(index + 1))'", maxLength: 80)
                }) { keywords.append(text) }
            }
            let label = problems.attempt { () throws(WorkshopError) in try theme.string("label", maxLength: 80) }
            let description = problems.attempt { () throws(WorkshopError) in try theme.optionalString("description") } ?? nil
            if let id, let label { themes.append(FrameworkTheme(id: id, label: label, description: description ?? "", keywords: keywords)) }
        }
        let name = problems.attempt { () throws(WorkshopError) in try map.string("name", maxLength: 120) }
        return name.map { Framework(name: $0, themes: themes) }
    }

    private static func requireSlug(_ value: String, at node: Node?, _ what: String) throws(WorkshopError) {
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if !allowed {
            throw YAMLMapping.error(at: node, "\(what) '\(value)' may only use lowercase letters a-z, digits, '-' and '_'")
        }
    }

    private static func isHexColour(_ value: String) -> Bool {
        value.count == 7 && value.hasPrefix("#") && value.dropFirst().allSatisfy(\.isHexDigit)
    }
}

extension WorkshopError {
    /// Turns a Yams syntax error into a message with its place.
    init(yamlError: YamlError) {
        switch yamlError {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            self.init(line: mark.line, column: mark.column, "YAML syntax: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            self.init(line: context.mark.line, column: context.mark.column,
                      "the key '\(duplicates.joined(separator: "', '"))' appears twice")
        default:
            self.init(line: nil, column: nil, "the file is not valid YAML: \(yamlError)")
        }
    }
}
