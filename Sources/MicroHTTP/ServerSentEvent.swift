import Foundation

/// One Server-Sent Event, encoded as the `text/event-stream` format wants it.
public struct ServerSentEvent: Sendable, Equatable {
    public var id: String?
    public var event: String?
    public var data: String

    public init(id: String? = nil, event: String? = nil, data: String) {
        self.id = id
        self.event = event
        self.data = data
    }

    /// `memchr` over the string's bytes: a generic `contains` walks them one index at a time.
    private static func hasNewline(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 10, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(10)
    }

    /// The bytes on the wire: `id:`, `event:`, one `data:` line per line, and a blank line.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.utf8.count + 64)
        if let id { Self.appendLine("id: ", id, to: &bytes) }
        if let event { Self.appendLine("event: ", event, to: &bytes) }
        // One `data:` line per line of the payload (JSON payloads have none inside).
        bytes += "data: ".utf8
        if Self.hasNewline(data) {
            for byte in data.utf8 {
                if byte == 10 { bytes += "\ndata: ".utf8 } else { bytes.append(byte) }
            }
        } else {
            bytes += data.utf8  // one copy: the common case, a JSON payload
        }
        bytes += [10, 10]
        return bytes
    }

    private static func appendLine(_ field: StaticString, _ value: String, to bytes: inout [UInt8]) {
        field.withUTF8Buffer { bytes += $0 }
        for byte in value.utf8 { bytes.append(byte == 10 || byte == 13 ? 32 : byte) }
        bytes.append(10)
    }

    /// A comment line, which keeps the connection alive and is ignored by browsers.
    public static func comment(_ text: String) -> [UInt8] {
        Array(": \(oneLine(text))\n\n".utf8)
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
