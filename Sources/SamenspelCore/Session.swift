import Foundation

/// One run of a workshop in a room. Only one session is active at a time;
/// earlier sessions stay stored.
public struct Session: Sendable, Codable, Equatable {
    /// Whether groups may add notes.
    public enum Phase: String, Sendable, Codable, CaseIterable {
        case open
        case closed
    }

    public var id: String
    public var workshop: Workshop
    public var phase: Phase
    public var createdAt: Date

    public init(id: String, workshop: Workshop, phase: Phase = .open, createdAt: Date) {
        self.id = id
        self.workshop = workshop
        self.phase = phase
        self.createdAt = createdAt
    }

    /// Whether notes may be added, changed or deleted now.
    public var acceptsNotes: Bool { phase == .open }
}
