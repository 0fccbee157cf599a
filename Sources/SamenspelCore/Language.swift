/// A language a workshop runs in. The UI and the text pipeline follow it.
public enum Language: String, Sendable, Codable, CaseIterable {
    case nl
    case en
}
