import Yams

extension Workshop {
    /// Parses and validates a workshop from the text of a YAML file.
    /// Every problem names its line and column.
    public init(yaml: String) throws(WorkshopError) {
        let root = try Self.compose(yaml)
        let top = try YAMLMapping(root, what: "the workshop")
        try top.onlyKeys(["id", "title", "language", "question", "groups", "briefing", "framework"])

        let idNode = top.value("id")
        let id = try top.string("id", maxLength: 80)
        try Self.requireSlug(id, at: idNode, "the workshop id")
        let languageNode = top.value("language")
        let languageText = try top.string("language")
        guard let language = Language(rawValue: languageText) else {
            let known = Language.allCases.map(\.rawValue).joined(separator: ", ")
            throw YAMLMapping.error(at: languageNode, "language '\(languageText)' is not supported (use one of: \(known))")
        }
        let groupNodes = try top.sequence("groups", required: true)
        if groupNodes.isEmpty { throw YAMLMapping.error(at: top.value("groups"), "a workshop needs at least one group") }
        if groupNodes.count > 12 { throw YAMLMapping.error(at: top.value("groups"), "a workshop has at most 12 groups") }
        var groups: [Group] = []
        for (index, node) in groupNodes.enumerated() {
            let group = try Self.group(node, number: index + 1)
            if groups.contains(where: { $0.id == group.id }) {
                throw YAMLMapping.error(at: node, "group id '\(group.id)' is used twice")
            }
            groups.append(group)
        }
        var briefing: [BriefingSlide] = []
        for (index, node) in try top.sequence("briefing", required: false).enumerated() {
            let slide = try YAMLMapping(node, what: "briefing slide \(index + 1)")
            try slide.onlyKeys(["title", "body"])
            briefing.append(BriefingSlide(title: try slide.string("title", maxLength: 200), body: try slide.string("body")))
        }
        let framework = try top.value("framework").map { node throws(WorkshopError) in try Self.framework(node) }
        self.init(
            id: id, title: try top.string("title", maxLength: 200), language: language,
            question: try top.string("question", maxLength: 500), groups: groups,
            briefing: briefing, framework: framework)
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

    private static func group(_ node: Node, number: Int) throws(WorkshopError) -> Group {
        let map = try YAMLMapping(node, what: "group \(number)")
        try map.onlyKeys(["id", "name", "colour", "color", "icon"])
        let id = try map.string("id", maxLength: 40)
        try requireSlug(id, at: map.value("id"), "group id")
        let colourKey = map.value("colour") == nil && map.value("color") != nil ? "color" : "colour"
        let colour = try map.string(colourKey, maxLength: 7)
        if !isHexColour(colour) {
            throw YAMLMapping.error(at: map.value(colourKey), "colour '\(colour)' of group '\(id)' should look like #1A2B3C")
        }
        let name = try map.string("name", maxLength: 60)
        let icon = try map.optionalString("icon", maxLength: 4) ?? String(name.prefix(1)).uppercased()
        return Group(id: id, name: name, colour: colour.uppercased(), icon: icon)
    }

    private static func framework(_ node: Node) throws(WorkshopError) -> Framework {
        let map = try YAMLMapping(node, what: "the framework")
        try map.onlyKeys(["name", "themes"])
        var themes: [FrameworkTheme] = []
        for (index, themeNode) in try map.sequence("themes", required: true).enumerated() {
            let theme = try YAMLMapping(themeNode, what: "framework theme \(index + 1)")
            try theme.onlyKeys(["id", "label", "description", "keywords"])
            let id = try theme.string("id", maxLength: 40)
            try requireSlug(id, at: theme.value("id"), "framework theme id")
            if themes.contains(where: { $0.id == id }) {
                throw YAMLMapping.error(at: themeNode, "framework theme id '\(id)' is used twice")
            }
            var keywords: [String] = []
            for keyword in try theme.sequence("keywords", required: false) {
                keywords.append(try YAMLMapping.text(keyword, "a keyword of theme '\(id)'", maxLength: 80))
            }
            themes.append(FrameworkTheme(
                id: id, label: try theme.string("label", maxLength: 80),
                description: try theme.optionalString("description") ?? "", keywords: keywords))
        }
        return Framework(name: try map.string("name", maxLength: 120), themes: themes)
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
