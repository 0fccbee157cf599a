import Foundation
import Testing
@testable import SamenspelApp

@Suite struct ExportTextTests {
    @Test func markdownMatchesGoldenFile() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        let markdown = MarkdownExport.render(try fixture.snapshot(), dates: fixture.dates)
        try ExportFixture.expectGolden(markdown, "werkalliantie.md")
        #expect(!markdown.contains(ExportFixture.hiddenText))
        #expect(markdown.contains("\\<script\\>"))
    }

    @Test func csvMatchesGoldenFile() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        let csv = CSVExport.render(try fixture.snapshot())
        try ExportFixture.expectGolden(csv, "werkalliantie.csv")
        #expect(csv.hasPrefix("\u{FEFF}sessie;groep;vraag;thema;stippen;tekst;tijd\r\n"))  // Dutch: semicolons
        #expect(!csv.contains(ExportFixture.hiddenText))
    }

    @Test func markdownEscapesSyntax() {
        #expect(MarkdownExport.escape("- *a* [b](c) <i> | #") == "\\- \\*a\\* \\[b\\](c) \\<i\\> \\| \\#")
        #expect(MarkdownExport.escape("1. eerst\ndan") == "1\\. eerst dan")
    }

    @Test func htmlEscapesUserTextAndHasNoScript() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        let html = HTMLExport.render(try fixture.snapshot(), dates: fixture.dates)
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2)  // only the SVG namespace
        #expect(!html.contains("https://") && !html.contains("src=") && !html.contains("<link"))
        #expect(!html.contains(ExportFixture.hiddenText))
        #expect(html.contains("Veiligheid &amp; houvast"))
    }

    @Test func matrixSVGIsEscapedAndCounts() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        let snapshot = try fixture.snapshot()
        let svg = MatrixSVG.render(snapshot)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("Veiligheid &amp; houvast"))
        #expect(!svg.contains("<script"))
        #expect(snapshot.matrix.flatMap { $0 }.reduce(0, +) == ExportFixture.notes.count)
    }
}
