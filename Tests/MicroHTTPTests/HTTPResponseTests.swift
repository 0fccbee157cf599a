import Foundation
import MicroHTTP
import Testing

@Suite struct HTTPResponseTests {
    @Test func headerNamesIgnoreCase() {
        var response = HTTPResponse.text("hi")
        #expect(response.header("content-type") == "text/plain; charset=utf-8")
        #expect(response.header("CONTENT-TYPE") == "text/plain; charset=utf-8")
        response.setHeader("content-TYPE", "application/json")
        #expect(response.headers.count == 1)
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.header("Content-Typf") == nil)
        #expect(response.header("Content-Type-") == nil)
        // Only letters fold: '@' (0x40) and '`' (0x60) differ by the same bit.
        response.setHeader("X-@", "1")
        #expect(response.header("X-`") == nil)
        #expect(response.header("x-@") == "1")
    }
}
