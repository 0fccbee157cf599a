import Foundation
import SamenspelApp
import Testing
import TestSupport

/// Every route of the table, called as viewer, participant and trainer: the allowed
/// get past the role check, the refused get 401 with a JSON error.
@Suite struct AccessMatrixTests {
    @Test func everyRouteAnswersEveryRoleAsItsTableSays() throws {
        let app = try TestApp()
        defer { app.stop() }
        // Published, so the summary routes answer viewers: this test is about roles, not publishing.
        try app.request("POST", "/api/trainer/publish", token: app.trainerToken, json: ["published": true])
        let routes = app.server.routeRoles
        #expect(routes.count >= 14)
        for route in routes {
            for caller in Role.allCases {
                try check(app, route, as: caller)
            }
        }
    }

    private func check(_ app: TestApp, _ route: (method: String, path: String, role: Role), as caller: Role) throws {
        // A fresh phone and note per call: a DELETE never meets a deleted note, and a
        // session started by an earlier call does not leave a stale token.
        try app.openSubmissions()  // an earlier call may have started a new session, in its briefing
        let participant = try app.join("muziek")
        let noteID = "m-\(UUID().uuidString.prefix(8))"
        try app.post("Matrix", id: noteID, token: participant)
        let token: String? = switch caller {
        case .viewer: nil
        case .participant: participant
        case .trainer: app.trainerToken
        }
        let path = route.path.replacingOccurrences(of: ":id", with: noteID).replacingOccurrences(of: ":group", with: "muziek")
        let body = Self.bodies["\(route.method) \(route.path)"]
        if route.path == "/api/events" {
            // A stream never ends: read its status line only. Viewers may open it, so every role gets 200.
            let connection = try RawConnection(port: app.port)
            try connection.send(method: "GET", path: path, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:])
            #expect(try connection.read(until: "\r\n").hasPrefix("HTTP/1.1 200"), "\(route.path) as \(caller)")
            return
        }
        let response = try app.request(route.method, path, token: token, json: body)
        let allowed = route.role == .viewer || route.role == caller
        let label = "\(route.method) \(route.path) as \(caller)"
        if allowed {
            // Past the role check; a 404 or 422 for this made-up call is fine, a refusal is not.
            #expect(![401, 403].contains(response.status), "\(label) was refused: \(response.status) \(response.text)")
        } else {
            #expect(response.status == 401, "\(label) should be 401, got \(response.status)")
            #expect(response.json["error"] is String, "\(label) error body")
        }
    }

    static var bodies: [String: Any] { [
        "POST /api/join": ["group": "pmt"],
        "POST /api/notes": ["id": UUID().uuidString, "text": "Een notitie"],
        "PATCH /api/notes/:id": ["text": "Aangepast"],
        "POST /api/trainer/phase": ["phase": "open"],
        "POST /api/trainer/question": ["question": "functie"],
        "POST /api/trainer/voting": ["open": false],
        "PUT /api/votes": ["votes": [String: Int]()],
        "POST /api/trainer/sessions": ["workshop": "werkalliantie-vaktherapie"],
        "POST /api/trainer/timer": ["seconds": 0],
        "POST /api/trainer/timer/add": ["seconds": 60],
        "POST /api/trainer/spotlight": ["note": NSNull()],
        "POST /api/trainer/join-url": ["url": "http://nowhere/"],
        "PUT /api/groups/:group/summary": ["text": "Samen spelen verbindt."],
        "POST /api/trainer/publish": ["published": true],
        "POST /api/trainer/sessions/:id/publish": ["published": true],
        "POST /api/trainer/pin": ["pin": "0000"],
        "PATCH /api/trainer/notes/:id": ["hidden": false],
        "POST /api/trainer/themes/:id/rename": ["label": "Nieuw"],
        "POST /api/trainer/themes/:id/merge": ["into": "t-none"],
        "POST /api/trainer/themes/:id/split": ["noteIds": ["x"]],
    ] }
}
