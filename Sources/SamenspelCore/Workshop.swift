/// A workshop definition: one or more questions, the groups that answer them, and optional
/// briefing slides and theory framework. Loaded from a YAML file in `Workshops/`.
public struct Workshop: Sendable, Codable, Equatable {
    /// A group in the room, usually one per medium ("Muziek", "PMT").
    public struct Group: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        /// A `#RRGGBB` colour.
        public var colour: String
        /// A short symbol shown next to the name, so colour never carries meaning alone.
        public var icon: String

        public init(id: String, name: String, colour: String, icon: String) {
            self.id = id
            self.name = name
            self.colour = colour
            self.icon = icon
        }
    }

    /// A slide the board can show before the brainstorm. The body is plain text
    /// with `- ` bullets.
    public struct BriefingSlide: Sendable, Codable, Equatable {
        public var title: String
        public var body: String

        public init(title: String, body: String) {
            self.title = title
            self.body = body
        }
    }

    /// A theory framework used as a lens on the notes (e.g. Bordin's bond/goals/tasks).
    public struct Framework: Sendable, Codable, Equatable {
        public var name: String
        public var themes: [FrameworkTheme]

        public init(name: String, themes: [FrameworkTheme]) {
            self.name = name
            self.themes = themes
        }
    }

    /// One named theme of a framework with the words that point to it.
    public struct FrameworkTheme: Sendable, Codable, Equatable {
        public var id: String
        public var label: String
        public var description: String
        public var keywords: [String]

        public init(id: String, label: String, description: String, keywords: [String]) {
            self.id = id
            self.label = label
            self.description = description
            self.keywords = keywords
        }
    }

    public var id: String
    public var title: String
    public var language: Language
    /// The first question's text (what a one-question workshop asks).
    public var question: String
    /// Every question, in order; a `question:` file has one, with id `q1`.
    public var questions: [Question]
    public var groups: [Group]
    public var briefing: [BriefingSlide]
    public var framework: Framework?

    public init(
        id: String, title: String, language: Language, question: String, groups: [Group],
        briefing: [BriefingSlide] = [], framework: Framework? = nil, questions: [Question]? = nil
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.questions = questions ?? [Question(id: Question.singleID, text: question)]
        self.question = self.questions.first?.text ?? question
        self.groups = groups
        self.briefing = briefing
        self.framework = framework
    }

    enum CodingKeys: String, CodingKey { case id, title, language, question, questions, groups, briefing, framework }

    /// Reads workshops stored before questions existed too: their one question becomes `q1`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), title: try container.decode(String.self, forKey: .title),
            language: try container.decode(Language.self, forKey: .language),
            question: try container.decode(String.self, forKey: .question),
            groups: try container.decode([Group].self, forKey: .groups),
            briefing: try container.decodeIfPresent([BriefingSlide].self, forKey: .briefing) ?? [],
            framework: try container.decodeIfPresent(Framework.self, forKey: .framework),
            questions: try container.decodeIfPresent([Question].self, forKey: .questions))
    }

    /// The group with this id, if the workshop has one.
    public func group(_ id: String) -> Group? {
        groups.first { $0.id == id }
    }
}
