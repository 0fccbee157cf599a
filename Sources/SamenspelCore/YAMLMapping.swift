import Foundation
import Yams

/// A YAML mapping read field by field, with every problem reported at its line and column.
struct YAMLMapping {
    let node: Node
    let mapping: Node.Mapping
    /// What this mapping is, for messages ("group 2").
    let what: String

    init(_ node: Node, what: String) throws(WorkshopError) {
        guard let mapping = node.mapping else {
            throw YAMLMapping.error(at: node, "\(what) should be a mapping of keys to values")
        }
        self.node = node
        self.mapping = mapping
        self.what = what
    }

    static func error(at node: Node?, _ message: String) -> WorkshopError {
        WorkshopError(line: node?.mark?.line, column: node?.mark?.column, message)
    }

    /// Keys outside `allowed`, each as a problem at its place, so a typo ("qestion") does not pass silently.
    func unknownKeys(_ allowed: [String]) -> [WorkshopError] {
        mapping.compactMap { key, _ in
            let name = key.string ?? ""
            guard !allowed.contains(name) else { return nil }
            return Self.error(at: key, "unknown key '\(name)' in \(what) (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    func value(_ key: String) -> Node? {
        mapping[key]
    }

    func string(_ key: String, maxLength: Int = 2_000) throws(WorkshopError) -> String {
        guard let node = mapping[key] else {
            throw Self.error(at: node, "\(what) is missing '\(key)'")
        }
        return try Self.text(node, "'\(key)' in \(what)", maxLength: maxLength)
    }

    func optionalString(_ key: String, maxLength: Int = 2_000) throws(WorkshopError) -> String? {
        guard let node = mapping[key] else { return nil }
        return try Self.text(node, "'\(key)' in \(what)", maxLength: maxLength)
    }

    func sequence(_ key: String, required: Bool) throws(WorkshopError) -> [Node] {
        guard let node = mapping[key] else {
            if required { throw Self.error(at: self.node, "\(what) is missing '\(key)'") }
            return []
        }
        guard let items = node.sequence else {
            throw Self.error(at: node, "'\(key)' in \(what) should be a list (lines starting with '- ')")
        }
        return Array(items)
    }

    static func text(_ node: Node, _ what: String, maxLength: Int) throws(WorkshopError) -> String {
        guard node.scalar != nil, let raw = node.string else {
            throw error(at: node, "\(what) should be text")
        }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { throw error(at: node, "\(what) is empty") }
        if value.count > maxLength {
            throw error(at: node, "\(what) is longer than \(maxLength) characters")
        }
        return value
    }
}
