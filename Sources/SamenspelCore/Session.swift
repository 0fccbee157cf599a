import Foundation

/// One run of a workshop in a room. Only one session is active at a time;
/// earlier sessions stay stored.
public struct Session: Sendable, Codable, Equatable {
    /// Where the session is: briefing → brainstorm (`open`) → discussion (`closed`) → summary.
    /// Groups may add notes only while it is `open`.
    public enum Phase: String, Sendable, Codable, CaseIterable {
        case briefing
        case open
        case closed
        case summary
    }

    /// A brainstorm countdown: submissions close by themselves when it ends.
    public struct Timer: Sendable, Codable, Equatable {
        public var endsAt: Date
        public var seconds: Int

        public init(endsAt: Date, seconds: Int) {
            self.endsAt = endsAt
            self.seconds = seconds
        }
    }

    /// Notes still in flight when the countdown ends are accepted for this long.
    public static let grace: TimeInterval = 5

    public var id: String
    public var workshop: Workshop
    public var phase: Phase
    public var createdAt: Date
    public var timer: Timer?
    /// The id of the question the room answers now; nil: the workshop's first.
    public var questionID: String?
    /// Dots per phone while the room votes on the current question's themes; nil: no vote open.
    public var votingDots: Int?

    public init(id: String, workshop: Workshop, phase: Phase = .open, createdAt: Date, timer: Timer? = nil,
                questionID: String? = nil, votingDots: Int? = nil) {
        self.id = id
        self.workshop = workshop
        self.phase = phase
        self.createdAt = createdAt
        self.timer = timer
        self.questionID = questionID
        self.votingDots = votingDots
    }

    /// The question the room answers now.
    public var question: Workshop.Question {
        questionID.flatMap(workshop.question) ?? workshop.questions.first ?? Workshop.Question(id: Workshop.Question.singleID, text: workshop.question)
    }

    /// The most dots a phone may spread, and the default when the trainer names none.
    public static let dotRange = 1...10
    public static let defaultDots = 3

    /// Where a new session of `workshop` starts: in the briefing when it has slides to
    /// introduce the question, else with submissions open.
    public static func firstPhase(of workshop: Workshop) -> Phase {
        workshop.briefing.isEmpty ? .open : .briefing
    }

    /// Whether notes may be added, changed or deleted now.
    public var acceptsNotes: Bool { phase == .open }
}
