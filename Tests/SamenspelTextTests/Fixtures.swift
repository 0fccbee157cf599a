import Foundation
import SamenspelText

/// The labelled evaluation sets in `Tests/Fixtures/`.
enum Fixtures {
    struct LabelledNote: Decodable {
        var id: String
        var group: String
        var text: String
        var label: String
    }
    struct File: Decodable { var notes: [LabelledNote] }

    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    static func notes(_ name: String) throws -> [TextNote] {
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url(name)))
        return file.notes.map { TextNote(id: $0.id, group: $0.group, text: $0.text) }
    }
}

func note(_ id: String, _ text: String, group: String = "g") -> TextNote {
    TextNote(id: id, group: group, text: text)
}

extension ThemeResult {
    /// The theme holding a note.
    func theme(of noteID: String) -> Theme? {
        themes.first { $0.noteIDs.contains(noteID) }
    }
}
