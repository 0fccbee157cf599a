import Foundation
import Testing
import TestSupport

@Suite struct SummaryDownloadTests {
    @Test func viewersGetTheSummaryOnlyOncePublished() throws {
        let app = try TestApp()
        defer { app.stop() }
        let token = try app.join("muziek")
        try app.post("Samen muziek maken — cliënt ervaart één moment", token: token)
        #expect(try app.request("GET", "/api/summary").status == 403)
        #expect(try app.request("GET", "/api/summary", token: app.trainerToken).status == 200)
        try app.request("POST", "/api/trainer/publish", token: app.trainerToken, json: ["published": true])
        let summary = try app.request("GET", "/api/summary").json
        let groups = summary["groups"] as? [[String: Any]] ?? []
        let notes = groups.first { $0["id"] as? String == "muziek" }?["notes"] as? [[String: Any]] ?? []
        #expect(notes.first?["text"] as? String == "Samen muziek maken — cliënt ervaart één moment")
        #expect(try app.request("GET", "/api/summary?session=nope").status == 404)
        #expect(try app.request("GET", "/api/summary/matrix.svg").text.hasPrefix("<svg"))
        #expect(try app.request("GET", "/api/qr.svg?for=summary").text.hasPrefix("<svg"))
    }

    @Test(arguments: [("pdf", "application/pdf"), ("md", "text/markdown; charset=utf-8"), ("csv", "text/csv; charset=utf-8"),
                      ("json", "application/json; charset=utf-8"), ("html", "text/html; charset=utf-8")])
    func downloadsHaveTheirTypeAndAFileName(format: String, type: String) throws {
        let app = try TestApp()
        defer { app.stop() }
        try app.post("Klei geeft houvast", token: try app.join("beeldend"))
        let response = try app.request("GET", "/api/summary/download?format=\(format)", token: app.trainerToken)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == type)
        let disposition = response.headers["content-disposition"] ?? ""
        #expect(disposition.hasPrefix("attachment; filename=\"werkalliantie-vaktherapie_"))
        #expect(disposition.contains(".\(format)\""))
        #expect(!response.body.isEmpty)
        if format == "pdf" { #expect(response.body.prefix(5) == Data("%PDF-".utf8)) }
    }

    @Test func anUnknownFormatIsRefused() throws {
        let app = try TestApp()
        defer { app.stop() }
        #expect(try app.request("GET", "/api/summary/download?format=docx", token: app.trainerToken).status == 400)
    }
}
