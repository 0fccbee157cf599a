import Foundation
import MicroHTTP
import SamenspelCore

extension APIRoutes {
    /// The trainer's routes: phases, countdown, moderation of notes and themes.
    func trainerRoutes() -> [AppRoute] {
        var pin = AppRoute("POST", "/api/trainer/pin", .trainer, "Enter the trainer PIN (sets a cookie)") { request, _ in
            guard let cookie = try access.enterPIN(try request.decode(PINRequest.self).pin, from: request.remoteAddress) else {
                return HTTPResponse(status: 204)  // no PIN on this server
            }
            return HTTPResponse(status: 204, headers: [("Set-Cookie", cookie)])
        }
        pin.pinExempt = true
        return [
            pin,
            AppRoute("GET", "/api/trainer/overview", .trainer, "Session, notes (hidden too), past sessions, workshops") { _, _ in
                .json(try service.overview(csrf: access.csrfToken))
            },
            AppRoute("POST", "/api/trainer/phase", .trainer, "Move to briefing, open, closed or summary") { request, _ in
                let phase = try request.decode(PhaseRequest.self).phase
                guard let value = Session.Phase(rawValue: phase) else {
                    throw AppError.badRequest("The phase must be briefing, open, closed or summary.")
                }
                return .json(try service.setPhase(value))
            },
            AppRoute("POST", "/api/trainer/question", .trainer, "Move the room to another question of the workshop") { request, _ in
                .json(try service.setQuestion(try request.decode(QuestionRequest.self).question))
            },
            AppRoute("POST", "/api/trainer/voting", .trainer, "Open a dot vote on the current question's themes, or close it") { request, _ in
                let body = try request.decode(VotingRequest.self)
                return .json(try service.setVoting(open: body.open, dots: body.dots))
            },
            AppRoute("POST", "/api/trainer/timer", .trainer, "Start a countdown (opens submissions); 0 stops it") { request, _ in
                .json(try service.setTimer(seconds: try request.decode(TimerRequest.self).seconds))
            },
            AppRoute("POST", "/api/trainer/timer/add", .trainer, "Lengthen the countdown (default a minute; starts one when none runs)") { request, _ in
                let seconds = request.body.isEmpty ? 60 : try request.decode(AddTimeRequest.self).seconds
                return .json(try service.extendTimer(seconds: seconds))
            },
            AppRoute("POST", "/api/trainer/join-url", .trainer, "Choose the address phones join on (the QR code)") { request, _ in
                .json(try service.chooseJoinURL(try request.decode(JoinURLRequest.self).url))
            },
            AppRoute("POST", "/api/trainer/spotlight", .trainer, "Show one note large on the board; null goes back") { request, _ in
                .json(try service.spotlight(try request.decode(SpotlightRequest.self).note))
            },
            AppRoute("POST", "/api/trainer/sessions/:id/reopen", .trainer, "Make an archived session the active one again") { request, _ in
                .json(try service.reopenSession(request.parameters["id"] ?? ""))
            },
            AppRoute("POST", "/api/trainer/sessions", .trainer, "Start a new session of a workshop") { request, _ in
                .json(try service.startSession(workshopID: try request.decode(NewSessionRequest.self).workshop), status: 201)
            },
            AppRoute("PATCH", "/api/trainer/notes/:id", .trainer, "Fix a note's text, hide or unhide it, pin it to a theme") { request, _ in
                .json(try service.moderate(id: request.parameters["id"] ?? "", try request.decode(ModerationRequest.self)))
            },
            AppRoute("DELETE", "/api/trainer/notes/:id", .trainer, "Delete a note (undo for 10 s)") { request, _ in
                .json(try service.trainerDelete(id: request.parameters["id"] ?? ""))
            },
            AppRoute("POST", "/api/trainer/notes/:id/restore", .trainer, "Undo a delete") { request, _ in
                .json(try service.restore(id: request.parameters["id"] ?? ""))
            },
            AppRoute("POST", "/api/trainer/themes/:id/rename", .trainer, "Rename a theme") { request, _ in
                .json(try service.renameTheme(request.parameters["id"] ?? "", label: try request.decode(RenameRequest.self).label))
            },
            AppRoute("POST", "/api/trainer/themes/:id/merge", .trainer, "Merge a theme into another") { request, _ in
                .json(try service.mergeTheme(request.parameters["id"] ?? "", into: try request.decode(MergeRequest.self).into))
            },
            AppRoute("POST", "/api/trainer/publish", .trainer, "Publish or withdraw the summary of the active session") { request, _ in
                .json(try service.publish(try request.decode(PublishRequest.self).published))
            },
            AppRoute("POST", "/api/trainer/sessions/:id/publish", .trainer, "Publish or withdraw an archived session's summary") { request, _ in
                .json(try service.publish(try request.decode(PublishRequest.self).published, sessionID: request.parameters["id"]))
            },
            AppRoute("DELETE", "/api/trainer/sessions/:id", .trainer, "Delete an archived session for good") { request, _ in
                try service.deleteSession(request.parameters["id"] ?? "")
                return HTTPResponse(status: 204)
            },
            AppRoute("POST", "/api/trainer/themes/:id/split", .trainer, "Split notes off into a new theme") { request, _ in
                let body = try request.decode(SplitRequest.self)
                return .json(try service.splitTheme(request.parameters["id"] ?? "", noteIDs: body.noteIds, label: body.label))
            },
        ]
    }
}

extension SessionService {
    func overview(csrf: String) throws -> TrainerOverview {
        TrainerOverview(
            session: try apiSession(try activeSession()),
            sessions: try database.sessionSummaries(),
            workshops: catalog.workshops.map { .init(id: $0.id, title: $0.title, language: $0.language.rawValue) },
            csrf: csrf, notes: try moderatedNotes(), joinUrls: links.joinChoices)
    }
}
