import Testing

@testable import MicroHTTP

@Suite struct ServerSentEventTests {
    static func wire(_ event: ServerSentEvent) -> String { String(decoding: event.encoded, as: UTF8.self) }

    @Test func aOneLinePayloadIsOneDataLine() {
        #expect(Self.wire(ServerSentEvent(id: "7", event: "note.created", data: #"{"text":"é 🎨"}"#))
            == "id: 7\nevent: note.created\ndata: {\"text\":\"é 🎨\"}\n\n")
        #expect(Self.wire(ServerSentEvent(data: "")) == "data: \n\n")
    }

    @Test func eachLineOfAPayloadGetsItsOwnDataField() {
        #expect(Self.wire(ServerSentEvent(data: "one\ntwo\n")) == "data: one\ndata: two\ndata: \n\n")
        // A payload long enough to live on the heap (short strings are stored inline), newline last.
        let long = String(repeating: "noot ", count: 40)
        #expect(Self.wire(ServerSentEvent(data: long + "\n")) == "data: \(long)\ndata: \n\n")
        #expect(Self.wire(ServerSentEvent(data: long)) == "data: \(long)\n\n")
    }

    @Test func newlinesCannotBreakOutOfIdOrEventName() {
        #expect(Self.wire(ServerSentEvent(id: "1\n2", event: "a\rb", data: "x")) == "id: 1 2\nevent: a b\ndata: x\n\n")
    }
}
