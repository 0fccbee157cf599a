import Foundation

/// The OpenAPI 3 description of the API, built from the route table so the two
/// cannot drift apart. Schemas are written out per route below.
enum OpenAPIDocument {
    /// - Parameters:
    ///   - groups, workshops, joinURLs, questions: the values valid now, listed as enums so clients and fuzzers can use real values.
    static func json(for routes: [AppRoute], groups: [String] = [], workshops: [String] = [], joinURLs: [String] = [],
                     questions: [String] = []) -> String {
        var bodies = requestBodies
        let question: [String: Any] = questions.isEmpty ? ["type": "string"] : ["type": "string", "enum": questions]
        bodies["POST /api/trainer/question"] = object(["question": question])
        // In a body, null (or no key) means the current question.
        let bodyQuestion: [String: Any] = questions.isEmpty ? ["type": "string", "nullable": true]
            : ["type": "string", "nullable": true, "enum": questions + [NSNull()]]
        bodies["POST /api/notes"] = ["type": "object", "required": ["id", "text"], "properties": [
            "id": ["type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"], "text": noteText, "question": bodyQuestion]]
        bodies["PUT /api/groups/:group/summary"] = ["type": "object", "required": ["text"], "properties": [
            "text": ["type": "string", "maxLength": 2000], "question": bodyQuestion]]
        bodies["PUT /api/votes"] = ["type": "object", "required": ["votes"], "properties": [
            "votes": ["type": "object", "additionalProperties": ["type": "integer", "minimum": 0, "maximum": 10]],
            "question": bodyQuestion]]
        if !groups.isEmpty { bodies["POST /api/join"] = object(["group": ["type": "string", "enum": groups]]) }
        if !workshops.isEmpty { bodies["POST /api/trainer/sessions"] = object(["workshop": ["type": "string", "enum": workshops]]) }
        if !joinURLs.isEmpty { bodies["POST /api/trainer/join-url"] = object(["url": ["type": "string", "enum": joinURLs]]) }
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            let path = route.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            let key = "/" + path.joined(separator: "/")
            var operation: [String: Any] = [
                "summary": route.summary,
                "operationId": route.method.lowercased() + path.map { $0.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "").capitalized }.joined(),
                "responses": responses(route),
            ]
            if route.role != .viewer {
                operation["security"] = [[route.role == .trainer ? "trainer" : "participant": [String]()]]
            }
            if route.path.hasPrefix("/api/summary") {
                var parameters: [[String: Any]] = [["name": "session", "in": "query", "required": false, "schema": ["type": "string"]]]
                if route.path.hasSuffix("/matrix.svg") {
                    parameters.append(["name": "question", "in": "query", "required": false, "schema": ["type": "string"]])
                }
                if route.path.hasSuffix("/download") {
                    parameters.append(["name": "format", "in": "query", "required": true,
                                       "schema": ["type": "string", "enum": ["pdf", "md", "csv", "json", "html"]]])
                }
                operation["parameters"] = parameters
            }
            if route.path == "/api/qr.svg" {
                operation["parameters"] = [["name": "for", "in": "query", "required": false, "schema": ["type": "string", "enum": ["summary"]]],
                                           ["name": "session", "in": "query", "required": false, "schema": ["type": "string"]]]
            }
            if ["/api/notes", "/api/themes", "/api/summaries", "/api/votes"].contains(route.path), route.method == "GET" {
                operation["parameters"] = [["name": "question", "in": "query", "required": false, "schema": question,
                                            "description": "A question's id; the current question when absent"]]
            }
            if route.path == "/api/events" {
                operation["parameters"] = [
                    ["name": "topics", "in": "query", "required": false, "schema": ["type": "string"],
                     "description": "Comma-separated topics (note, session, themes, summary, votes); all when absent"],
                    ["name": "lastEventId", "in": "query", "required": false, "schema": ["type": "string"]],
                ]
            }
            if let name = route.path.split(separator: "/").first(where: { $0.hasPrefix(":") })?.dropFirst() {
                operation["parameters"] = [["name": String(name), "in": "path", "required": true, "schema": ["type": "string"]]]
            }
            if let body = bodies["\(route.method) \(route.path)"] {
                // Without a body, adding time adds a minute.
                let required = route.path != "/api/trainer/timer/add"
                operation["requestBody"] = ["required": required, "content": ["application/json": ["schema": body]]]
            }
            paths[key, default: [:]][route.method.lowercased()] = operation
        }
        let document: [String: Any] = [
            "openapi": "3.0.3",
            "info": ["title": "Samenspel", "version": "1.0.0",
                     "description": "Workshop brainstorm server for a room on one laptop."],
            "paths": paths,
            "components": [
                "securitySchemes": [
                    "participant": ["type": "http", "scheme": "bearer"],
                    "trainer": ["type": "http", "scheme": "bearer"],
                ],
                "schemas": schemas,
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func object(_ properties: [String: Any]) -> [String: Any] {
        ["type": "object", "required": Array(properties.keys), "properties": properties]
    }

    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    private static func json(_ schema: [String: Any], _ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }

    private static func responses(_ route: AppRoute) -> [String: Any] {
        var result: [String: Any] = ["400": json(ref("Error"), "Malformed request"), "413": json(ref("Error"), "Body too large")]
        if route.role != .viewer { result["401"] = json(ref("Error"), "Missing or invalid token (or PIN)") }
        if route.path.contains(":") { result["404"] = json(ref("Error"), "Unknown note or theme") }
        if route.method != "GET" {
            result["409"] = json(ref("Error"), "Not possible in this phase")
            result["422"] = json(ref("Error"), "Well-formed but not acceptable")
            result["429"] = json(ref("Error"), "Too many requests; see Retry-After")
            if route.role != .viewer { result["403"] = json(ref("Error"), "Another group's note, a missing CSRF token, or a limit reached") }
        }
        if route.path.hasSuffix("/restore") { result["410"] = json(ref("Error"), "The undo window has passed") }
        switch "\(route.method) \(route.path)" {
        case "GET /api/qr.svg":
            result["200"] = ["description": "SVG image", "content": ["image/svg+xml": ["schema": ["type": "string"]]]]
            result["404"] = json(ref("Error"), "Unknown session")
        case "POST /api/trainer/spotlight", "POST /api/trainer/sessions/:id/reopen":
            result["200"] = json(["type": "object"], "OK")
            result["404"] = json(ref("Error"), "Unknown note or session")
        case "GET /api/events": result["200"] = ["description": "Event stream", "content": ["text/event-stream": ["schema": ["type": "string"]]]]
        case "GET /api/session", "POST /api/trainer/phase", "POST /api/trainer/voting": result["200"] = json(ref("Session"), "The session")
        case "POST /api/trainer/question": result["200"] = json(ref("Session"), "The session"); result["404"] = json(ref("Error"), "Unknown question")
        case "GET /api/themes", "GET /api/summaries": result["200"] = json(["type": "object"], "OK"); result["404"] = json(ref("Error"), "Unknown question")
        case "GET /api/votes":
            result["200"] = json(ref("Votes"), "Dots per theme"); result["404"] = json(ref("Error"), "Unknown question")
        case "PUT /api/votes":
            result["200"] = json(["type": "object", "required": ["question", "votes", "left"], "properties": [
                "question": ["type": "string"], "votes": ["type": "object", "additionalProperties": ["type": "integer"]],
                "left": ["type": "integer"]]], "The phone's dots")
            result["409"] = json(ref("Error"), "Voting is closed or on another question")
            result["422"] = json(ref("Error"), "Too many dots, a negative count or an unknown theme")
        case "POST /api/trainer/sessions": result["201"] = json(ref("Session"), "The new session"); result["404"] = json(ref("Error"), "Unknown workshop")
        case "GET /api/notes":
            result["200"] = json(["type": "object", "properties": ["notes": ["type": "array", "items": ref("Note")], "cursor": ["type": "string"]]], "Notes")
            result["404"] = json(ref("Error"), "Unknown question")
        case "POST /api/join": result["201"] = json(ref("Join"), "Joined"); result["404"] = json(ref("Error"), "Unknown group")
        case "POST /api/notes":
            result["201"] = json(ref("Note"), "Stored"); result["200"] = json(ref("Note"), "Already stored")
            result["404"] = json(ref("Error"), "Unknown question")
            result["409"] = json(ref("Error"), "Closed"); result["422"] = json(ref("Error"), "Empty or too long")
        case "PATCH /api/notes/:id":
            result["200"] = json(ref("Note"), "Changed"); result["403"] = json(ref("Error"), "Other group")
            result["404"] = json(ref("Error"), "Unknown note"); result["409"] = json(ref("Error"), "Closed"); result["422"] = json(ref("Error"), "Empty or too long")
        case "DELETE /api/notes/:id":
            result["204"] = ["description": "Deleted"]; result["403"] = json(ref("Error"), "Other group")
            result["404"] = json(ref("Error"), "Unknown note"); result["409"] = json(ref("Error"), "Closed")
        case "GET /api/summary", "GET /api/summary/matrix.svg", "GET /api/summary/download":
            result["200"] = ["description": "The summary", "content": [
                "application/json": ["schema": ["type": "object"]], "image/svg+xml": ["schema": ["type": "string"]],
                "application/pdf": ["schema": ["type": "string", "format": "binary"]],
                "text/markdown": ["schema": ["type": "string"]], "text/csv": ["schema": ["type": "string"]],
                "text/html": ["schema": ["type": "string"]]]]
            result["403"] = json(ref("Error"), "Not published yet")
            result["404"] = json(ref("Error"), "Unknown session")
        case "POST /api/trainer/pin": result["204"] = ["description": "PIN accepted (or none is set); sets a cookie"]
        case "DELETE /api/trainer/sessions/:id": result["204"] = ["description": "Deleted for good"]
        default: result["200"] = json(["type": "object"], "OK")
        }
        return result
    }
}
