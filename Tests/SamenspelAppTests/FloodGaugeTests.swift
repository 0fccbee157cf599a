import Foundation
import Testing

@testable import SamenspelApp

@Suite struct FloodGaugeTests {
    private let start = Date(timeIntervalSince1970: 1_795_000_000)

    /// Whether `gauge` sees a flood `seconds` after the start (a plain call: #expect cannot mutate).
    private func flooding(_ gauge: inout FloodGauge, _ seconds: Double) -> Bool {
        gauge.isFlooding(at: start.addingTimeInterval(seconds))
    }

    @Test func aRoomAtWorkIsNoFlood() {
        var gauge = FloodGauge()
        // Forty phones, every one sending a note in the same second, for ten seconds.
        for second in 0..<10 {
            gauge.record(40, at: start.addingTimeInterval(Double(second) + 0.5))
            #expect(!flooding(&gauge, Double(second) + 0.9))
        }
    }

    @Test func aFloodIsSeenAtOnceAndForgottenAfterAQuietSecond() {
        var gauge = FloodGauge()
        for tenth in 0..<10 { gauge.record(10, at: start.addingTimeInterval(Double(tenth) / 10)) }
        #expect(flooding(&gauge, 0.95))
        // The next second still remembers the last one.
        #expect(flooding(&gauge, 1.5))
        // After a second without notes it is over; after a longer gap as well.
        #expect(!flooding(&gauge, 2.1))
        gauge.record(51, at: start.addingTimeInterval(2.2))
        #expect(flooding(&gauge, 2.3))
        #expect(!flooding(&gauge, 9))
    }
}
