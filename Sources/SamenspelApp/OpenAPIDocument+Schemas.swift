import Foundation

/// The request bodies and shared schemas of the OpenAPI document.
extension OpenAPIDocument {
    /// At least one visible character; control and direction characters are dropped, not refused.
    static var noteText: [String: Any] {
        ["type": "string", "minLength": 1, "maxLength": 500,
         "pattern": "[^\\s\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]"]
    }

    static var requestBodies: [String: [String: Any]] { [
        "POST /api/join": ["type": "object", "required": ["group"], "properties": ["group": ["type": "string"]]],
        "POST /api/notes": ["type": "object", "required": ["id", "text"],
                            "properties": ["id": ["type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"], "text": noteText]],
        "PATCH /api/notes/:id": ["type": "object", "required": ["text"], "properties": ["text": noteText]],
        "POST /api/trainer/phase": ["type": "object", "required": ["phase"],
                                    "properties": ["phase": ["type": "string", "enum": ["briefing", "open", "closed", "summary"]]]],
        "POST /api/trainer/timer": ["type": "object", "required": ["seconds"],
                                    "properties": ["seconds": ["type": "integer", "minimum": 0, "maximum": 14400]]],
        "POST /api/trainer/join-url": ["type": "object", "required": ["url"], "properties": ["url": ["type": "string"]]],
        "POST /api/trainer/voting": ["type": "object", "required": ["open"], "properties": [
            "open": ["type": "boolean"], "dots": ["type": "integer", "minimum": 1, "maximum": 10, "nullable": true]]],
        "POST /api/trainer/spotlight": ["type": "object", "required": ["note"], "properties": ["note": ["type": "string", "nullable": true]]],
        "POST /api/trainer/timer/add": ["type": "object", "required": ["seconds"], "properties": ["seconds": ["type": "integer", "minimum": 1, "maximum": 3600]]],
        "PUT /api/groups/:group/summary": ["type": "object", "required": ["text"], "properties": ["text": ["type": "string", "maxLength": 2000]]],
        "POST /api/trainer/publish": ["type": "object", "required": ["published"], "properties": ["published": ["type": "boolean"]]],
        "POST /api/trainer/sessions/:id/publish": ["type": "object", "required": ["published"], "properties": ["published": ["type": "boolean"]]],
        "POST /api/trainer/pin": ["type": "object", "required": ["pin"], "properties": ["pin": ["type": "string"]]],
        "PATCH /api/trainer/notes/:id": ["type": "object", "properties": [
            "text": noteText, "hidden": ["type": "boolean"], "theme": ["type": "string", "nullable": true]]],
        "POST /api/trainer/themes/:id/rename": ["type": "object", "required": ["label"],
                                                "properties": ["label": ["type": "string", "minLength": 1, "maxLength": 80, "pattern": "\\S"]]],
        "POST /api/trainer/themes/:id/merge": ["type": "object", "required": ["into"], "properties": ["into": ["type": "string"]]],
        "POST /api/trainer/themes/:id/split": ["type": "object", "required": ["noteIds"], "properties": [
            "noteIds": ["type": "array", "items": ["type": "string"], "minItems": 1], "label": ["type": "string"]]],
        "POST /api/trainer/sessions": ["type": "object", "required": ["workshop"], "properties": ["workshop": ["type": "string"]]],
    ] }

    static var schemas: [String: Any] { [
        "Error": ["type": "object", "required": ["error"], "properties": ["error": ["type": "string"]]],
        "Note": ["type": "object", "required": ["id", "group", "question", "text", "createdAt", "updatedAt"],
                 "properties": ["id": ["type": "string"], "group": ["type": "string"], "question": ["type": "string"], "text": ["type": "string"],
                                "createdAt": ["type": "string", "format": "date-time"], "updatedAt": ["type": "string", "format": "date-time"]]],
        "Join": ["type": "object", "required": ["token", "group", "session"],
                 "properties": ["token": ["type": "string"], "group": ["type": "string"], "session": ["type": "string"]]],
        "Votes": ["type": "object", "required": ["question", "open", "dots", "totals", "voters"], "properties": [
            "question": ["type": "string"], "open": ["type": "boolean"], "dots": ["type": "integer"],
            "totals": ["type": "object", "additionalProperties": ["type": "integer"]], "voters": ["type": "integer"],
            "mine": ["type": "object", "additionalProperties": ["type": "integer"]]]],
        "Session": ["type": "object", "required": ["id", "phase", "createdAt", "joinUrl", "workshop", "counts", "questions", "question", "voting"],
                    "properties": ["id": ["type": "string"], "phase": ["type": "string", "enum": ["briefing", "open", "closed", "summary"]],
                                   "createdAt": ["type": "string", "format": "date-time"], "joinUrl": ["type": "string"],
                                   "workshop": ["type": "object"], "counts": ["type": "object", "additionalProperties": ["type": "integer"]],
                                   "joined": ["type": "object", "additionalProperties": ["type": "integer"]],
                                   "summaryUrl": ["type": "string"],
                                   "questions": ["type": "array", "items": ["type": "object", "required": ["id", "text"],
                                                 "properties": ["id": ["type": "string"], "text": ["type": "string"]]]],
                                   "question": ["type": "string"],
                                   "voting": ["type": "object", "required": ["open", "dots"],
                                              "properties": ["open": ["type": "boolean"], "dots": ["type": "integer"]]]]],
    ] }
}
