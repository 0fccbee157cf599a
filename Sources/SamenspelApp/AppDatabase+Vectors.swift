import Foundation
import GRDB

/// Sentence vectors, stored by model and text (see `NoteEmbedder`).
extension AppDatabase {
    /// The stored vectors of `texts` made by `model`, by text; texts without one are absent.
    func vectors(model: String, texts: some Collection<String>) throws -> [String: [Float]] {
        try read { db in
            var found: [String: [Float]] = [:]
            let unique = Array(Set(texts))
            for start in stride(from: 0, to: unique.count, by: 500) {
                let chunk = Array(unique[start..<min(start + 500, unique.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT text, vector FROM textVector WHERE model = ? AND text IN (\(marks))",
                    arguments: StatementArguments([model] + chunk))
                while let row = try rows.next() {
                    let data: Data = row["vector"]
                    found[row["text"]] = Self.floats(data)
                }
            }
            return found
        }
    }

    /// Stores vectors of `model` by text, in one transaction.
    func saveVectors(_ vectors: [(text: String, vector: [Float])], model: String) throws {
        guard !vectors.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO textVector (model, text, vector) VALUES (?, ?, ?)")
            for (text, vector) in vectors {
                try statement.execute(arguments: [model, text, Self.data(vector)])
            }
        }
    }

    static func data(_ vector: [Float]) -> Data {
        vector.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    static func floats(_ data: Data) -> [Float] {
        let count = data.count / MemoryLayout<Float>.size
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: buffer)
            initialized = count
        }
    }
}
