import Foundation
import MicroHTTP
import SamenspelCore

/// The HTTP API: every route with the role it needs, in one table.
struct APIRoutes: Sendable {
    let service: SessionService
    let access: Access
    let links: RoomLinks

    /// The routes × roles table. The README's table and the access test follow it.
    func table() -> [AppRoute] {
        [
            AppRoute("GET", "/api/health", .viewer, "Liveness check") { _, _ in .json(["ok": true]) },
            AppRoute("GET", "/api/openapi.json", .viewer, "This API as OpenAPI 3") { _, _ in
                let active = try? service.activeSession()
                let groups = active?.workshop.groups.map(\.id) ?? []
                let document = OpenAPIDocument.json(for: table(), groups: groups, workshops: service.catalog.workshops.map(\.id),
                                                    joinURLs: links.joinChoices, questions: active?.workshop.questions.map(\.id) ?? [])
                return .json(encoded: Data(document.utf8))
            },
            AppRoute("GET", "/api/session", .viewer, "The active session") { _, _ in
                .json(try service.apiSession(try service.activeSession()))
            },
            AppRoute("GET", "/api/qr.svg", .viewer, "QR code of the join URL (?for=summary: of a session's summary page)") { request, _ in
                let target = request.query["for"]
                guard target == nil || target == "summary" else { throw AppError.badRequest("'for' can only be 'summary'.") }
                let svg = target == "summary" ? try summaryQR(request.query["session"]) : links.qrSVG
                var response = HTTPResponse(status: 200, contentType: "image/svg+xml", body: Data(svg.utf8))
                response.setHeader("Cache-Control", "no-cache")
                return response
            },
            AppRoute("GET", "/api/events", .viewer, "Live events (Server-Sent Events)") { request, _ in
                let last = request.header("Last-Event-ID") ?? request.query["lastEventId"]
                // `?topics=note,session`: phones leave out the board's large theme events.
                let topics = request.query["topics"].map { Set($0.split(separator: ",").map(String.init)) }
                return .eventStream(service.hub.subscribe(lastEventID: last, topics: topics))
            },
            AppRoute("GET", "/api/notes", .viewer, "Notes of a question (?question=, default the current one)") { request, _ in
                .json(try service.notes(question: request.query["question"]))
            },
            AppRoute("GET", "/api/themes", .viewer, "Themes across groups, and the theory lens, of a question (?question=)") { request, _ in
                let session = try service.activeSession()
                let question = try service.requireQuestion(request.query["question"], in: session).id
                return .json(try service.themes.themes(for: session, question: question))
            },
            AppRoute("POST", "/api/join", .viewer, "Join a group; returns a participant token") { request, _ in
                .json(try service.join(group: try request.decode(JoinRequest.self).group, from: request.remoteAddress), status: 201)
            },
            AppRoute("GET", "/api/me", .participant, "The group of this participant token") { _, caller in
                let participant = try caller.requireParticipant()
                return .json(["group": participant.group, "session": participant.sessionID])
            },
            AppRoute("POST", "/api/notes", .participant, "Add a note (idempotent by id)") { request, caller in
                let body = try request.decode(NewNoteRequest.self)
                let answer = DeferredResponse()
                try service.addNote(id: body.id, text: body.text, question: body.question, by: try caller.requireParticipant()) { outcome, json in
                    switch outcome {
                    case .success(let stored):
                        let status = stored.created ? 201 : 200
                        answer.fulfil(json.map { .json(encoded: $0, status: status) } ?? .json(stored.note, status: status))
                    case .failure(let error): answer.fulfil(.error(error))
                    }
                }
                return .deferred(answer)
            },
            AppRoute("PATCH", "/api/notes/:id", .participant, "Change a note of your group") { request, caller in
                let body = try request.decode(NoteTextRequest.self)
                return .json(try service.updateNote(id: request.parameters["id"] ?? "", text: body.text, by: try caller.requireParticipant()))
            },
            AppRoute("DELETE", "/api/notes/:id", .participant, "Delete a note of your group") { request, caller in
                try service.deleteNote(id: request.parameters["id"] ?? "", by: try caller.requireParticipant())
                return HTTPResponse(status: 204)
            },
            AppRoute("GET", "/api/summaries", .viewer, "The group summaries of a question (?question=)") { request, _ in
                .json(["summaries": try service.summaries(question: request.query["question"])])
            },
            AppRoute("PUT", "/api/groups/:group/summary", .participant, "Save your group's summary of a question") { request, caller in
                let body = try request.decode(SummaryRequest.self)
                return .json(try service.saveSummary(body.text, group: request.parameters["group"] ?? "", question: body.question,
                                                     by: try caller.requireParticipant()))
            },
            AppRoute("GET", "/api/votes", .viewer, "Dots per theme of a question (?question=); a phone also gets its own") { request, _ in
                let token = request.bearerToken == nil ? nil : try? access.participant(request).token
                return .json(try service.votes(question: request.query["question"], token: token))
            },
            AppRoute("PUT", "/api/votes", .participant, "Replace your phone's dots on the question being voted on") { request, caller in
                .json(try service.replaceVotes(try request.decode(VotesRequest.self), by: try caller.requireParticipant()))
            },
        ] + summaryRoutes() + trainerRoutes()
    }
}
