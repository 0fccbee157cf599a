import Foundation

/// A brainstorm answer of one group. The id is made by the phone, so a retried
/// post is recognised and never stored twice.
public struct Note: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    public var sessionID: String
    public var group: String
    /// The id of the workshop question it answers.
    public var question: String
    public var text: String
    public var createdAt: Date
    public var updatedAt: Date
    /// Hidden by the trainer: kept, but not on the board or in the summary.
    public var hidden: Bool

    public init(id: String, sessionID: String, group: String, question: String = Workshop.Question.singleID, text: String,
                createdAt: Date, updatedAt: Date, hidden: Bool = false) {
        self.id = id
        self.sessionID = sessionID
        self.group = group
        self.question = question
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.hidden = hidden
    }
}
