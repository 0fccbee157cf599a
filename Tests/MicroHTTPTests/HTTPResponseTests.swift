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

@Suite struct HTTPRequestTests {
    @Test func bearerTokens() {
        func token(_ value: String?) -> String? {
            HTTPRequest(method: "GET", path: "/", headers: value.map { ["authorization": $0] } ?? [:]).bearerToken
        }
        #expect(token("Bearer abc-DEF_123") == "abc-DEF_123")
        #expect(token("bearer  abc \t") == "abc")
        #expect(token("BEARER abc") == "abc")
        #expect(token("Bearer   ") == nil)
        #expect(token("Basic abc") == nil)
        #expect(token("Bearerx abc") == nil)
        #expect(token("Bearer") == nil)
        #expect(token(nil) == nil)
    }
}
