import Foundation
import Testing
import TestSupport

@Suite struct PageTests {
    @Test func servesThePagesWithTypesAndSecurityHeaders() throws {
        let app = try TestApp()
        defer { app.stop() }
        for path in ["/", "/board", "/trainer", "/summary"] {
            let page = try app.request("GET", path)
            #expect(page.status == 200, "\(path)")
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.headers["content-security-policy"]?.contains("default-src 'self'") == true)
            #expect(page.headers["x-content-type-options"] == "nosniff")
            #expect(page.headers["referrer-policy"] == "no-referrer")
            #expect(page.headers["cache-control"] != nil)
        }
        let css = try app.request("GET", "/css/samenspel.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        let js = try app.request("GET", "/js/api.js")
        #expect(js.headers["content-type"] == "text/javascript; charset=utf-8")
        let again = try app.request("GET", "/js/api.js", headers: ["If-None-Match": js.headers["etag"] ?? ""])
        #expect(again.status == 304)
    }

    @Test func jsonAnswersGetTheShortAPISetAndEverythingElseThePageSet() throws {
        let app = try TestApp()
        defer { app.stop() }
        for (path, status) in [("/api/health", 200), ("/api/no-such-route", 404)] {
            let answer = try app.request("GET", path)
            #expect(answer.status == status, "\(path)")
            #expect(answer.headers["content-type"] == "application/json; charset=utf-8", "\(path)")
            #expect(answer.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'", "\(path)")
            #expect(answer.headers["x-content-type-options"] == "nosniff", "\(path)")
            #expect(answer.headers["cross-origin-resource-policy"] == "same-origin", "\(path)")
            #expect(answer.headers["cache-control"] == "no-store", "\(path)")
            #expect(answer.headers["referrer-policy"] == nil && answer.headers["x-frame-options"] == nil, "\(path)")
        }
        // An SVG under /api/ can be opened on its own: it keeps the page set.
        let qr = try app.request("GET", "/api/qr.svg")
        #expect(qr.headers["content-security-policy"]?.contains("default-src 'self'") == true)
        #expect(qr.headers["x-frame-options"] == "DENY")
        #expect(qr.headers["referrer-policy"] == "no-referrer")
    }

    @Test func neverServesAnythingOutsideTheStaticFolder() throws {
        let app = try TestApp()
        defer { app.stop() }
        for path in ["/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E%2FPackage.swift", "/js/../../Package.swift",
                     "/..%2fPackage.swift", "/.git/config", "/js/%2e%2e/%2e%2e/Package.swift", "/..\\Package.swift", "/js"] {
            let connection = try RawConnection(port: app.port)
            try connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try connection.readResponse()
            #expect(response.status == 404 || response.status == 400, "\(path) gave \(response.status)")
            #expect(!response.text.contains("swift-tools-version"))
        }
    }

    @Test func qrCodeAndOpenAPIAreServed() throws {
        let app = try TestApp()
        defer { app.stop() }
        let qr = try app.request("GET", "/api/qr.svg")
        #expect(qr.headers["content-type"] == "image/svg+xml")
        #expect(qr.text.hasPrefix("<svg"))
        let spec = try app.request("GET", "/api/openapi.json").json
        #expect(spec["openapi"] as? String == "3.0.3")
        let paths = spec["paths"] as? [String: Any] ?? [:]
        for path in ["/api/session", "/api/join", "/api/notes", "/api/notes/{id}", "/api/events", "/api/trainer/phase"] {
            #expect(paths[path] != nil, "\(path) missing from openapi.json")
        }
    }
}
