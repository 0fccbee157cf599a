import Foundation
import SamenspelApp
import Testing

/// The README's routes × roles table says what the code's table says.
@Suite struct ReadmeTableTests {
    @Test func everyRouteIsInTheReadmeWithItsRole() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let app = try TestApp()
        defer { app.stop() }
        for route in app.server.routeRoles {
            let path = route.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            let row = "| `\(route.method) /\(path.joined(separator: "/"))` | \(route.role.rawValue) |"
            #expect(readme.contains(row), "README.md lacks the row \(row)")
        }
    }
}
