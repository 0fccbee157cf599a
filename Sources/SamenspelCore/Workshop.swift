/// A workshop definition: one question, the groups that answer it, and optional
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
    public var question: String
    public var groups: [Group]
    public var briefing: [BriefingSlide]
    public var framework: Framework?

    public init(
        id: String, title: String, language: Language, question: String, groups: [Group],
        briefing: [BriefingSlide] = [], framework: Framework? = nil
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.question = question
        self.groups = groups
        self.briefing = briefing
        self.framework = framework
    }

    /// The group with this id, if the workshop has one.
    public func group(_ id: String) -> Group? {
        groups.first { $0.id == id }
    }
}
