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

    /// The bytes on the wire: `id:`, `event:`, one `data:` line per line, and a blank line.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.utf8.count + 64)
        if let id { bytes += Array("id: ".utf8) + Array(Self.oneLine(id).utf8) + [10] }
        if let event { bytes += Array("event: ".utf8) + Array(Self.oneLine(event).utf8) + [10] }
        // One `data:` line per line of the payload (JSON payloads have none inside).
        bytes += Array("data: ".utf8)
        for byte in data.utf8 {
            if byte == 10 { bytes += Array("\ndata: ".utf8) } else { bytes.append(byte) }
        }
        bytes += [10, 10]
        return bytes
    }

    /// A comment line, which keeps the connection alive and is ignored by browsers.
    public static func comment(_ text: String) -> [UInt8] {
        Array(": \(oneLine(text))\n\n".utf8)
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
