extension Workshop {
    /// One question of a workshop: the room answers one at a time, and notes, themes and
    /// votes belong to the question they were written for.
    public struct Question: Sendable, Codable, Equatable {
        /// The id a single `question:` file's question gets.
        public static let singleID = "q1"

        public var id: String
        public var text: String
        /// A lens for this question only; nil uses the workshop's framework.
        public var framework: Framework?

        public init(id: String, text: String, framework: Framework? = nil) {
            self.id = id
            self.text = text
            self.framework = framework
        }
    }

    /// The question with this id, if the workshop has one.
    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// The lens of a question: its own framework, else the workshop's.
    public func framework(for questionID: String) -> Framework? {
        question(questionID)?.framework ?? framework
    }
}
