import Foundation
import SamenspelCore
import SamenspelText

/// What the trainer does to notes and themes. Hidden notes leave the public views
/// (announced as `note.deleted`), and come back as `note.created`.
extension SessionService {
    func moderatedNotes() throws -> [APINote] {
        let session = try activeSession()
        let pins = try session.workshop.questions.reduce(into: [String: String]()) { pins, question in
            pins.merge(try database.themeDecisions(sessionID: session.id, question: question.id).pins) { $1 }
        }
        return try database.moderatedNotes(sessionID: session.id).map { APINote($0, pinnedTo: pins[$0.id]) }
    }

    /// Fixes a typo, hides or unhides, and pins to a theme (or unpins), in one call.
    func moderate(id: String, _ change: ModerationRequest) throws -> APINote {
        let session = try activeSession()
        let text = try change.text.map { try Self.clean($0) }
        let note: Note = try changeLock.withLock {
            let (before, after) = try database.moderate(id: id, sessionID: session.id, text: text, hidden: change.hidden, at: Self.now())
            switch (before.hidden, after.hidden) {
            case (false, true):
                publish("note.deleted", DeletedNote(id: after.id, group: after.group, hidden: true))
                endSpotlight(ifOn: after.id, sessionID: session.id)
            case (true, false): publish("note.created", APINote(after))
            case (false, false) where before.text != after.text: publish("note.updated", APINote(after))
            default: break
            }
            return after
        }
        if case .some(let theme) = change.theme {
            try updateDecisions(session) { decisions in
                if let theme { decisions.pins[id] = try self.requireTheme(theme, in: session) } else { decisions.pins[id] = nil }
            }
        } else {
            themes.notesChanged(question: note.question)
        }
        return APINote(note, pinnedTo: try database.themeDecisions(sessionID: session.id, question: note.question).pins[id])
    }

    /// Deletes a note; it can be brought back for a few seconds.
    func trainerDelete(id: String) throws -> UndoResponse {
        let session = try activeSession()
        let now = Date()
        let note = try changeLock.withLock {
            let note = try database.softDelete(id: id, sessionID: session.id, at: now)
            if !note.hidden { publish("note.deleted", DeletedNote(id: note.id, group: note.group)) }
            endSpotlight(ifOn: note.id, sessionID: session.id)
            return note
        }
        themes.notesChanged(question: note.question)
        return UndoResponse(undoUntil: now.addingTimeInterval(AppDatabase.undoWindow))
    }

    func restore(id: String) throws -> APINote {
        let session = try activeSession()
        let note = try changeLock.withLock {
            let note = try database.restore(id: id, sessionID: session.id, at: Date())
            if !note.hidden { publish("note.created", APINote(note)) }
            return note
        }
        themes.notesChanged(question: note.question)
        return APINote(note)
    }

    func renameTheme(_ themeID: String, label: String) throws -> APIThemes {
        let session = try activeSession()
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(label.count) else { throw AppError.unprocessable("A theme name has 1 to 80 characters.") }
        let id = try requireTheme(themeID, in: session)
        return try updateDecisions(session) { $0.renames[id] = label }
    }

    /// Merges a theme into another; its notes are pinned there so they stay together.
    func mergeTheme(_ themeID: String, into target: String) throws -> APIThemes {
        let session = try activeSession()
        let current = try themes.themes(for: session)
        guard let from = current.themes.first(where: { $0.id == themeID }) else { throw AppError.notFound("There is no theme \(themeID).") }
        let into = try requireTheme(target, in: session)
        guard into != from.id else { throw AppError.unprocessable("A theme cannot be merged into itself.") }
        return try updateDecisions(session) { decisions in
            decisions.merges[from.id] = into
            for note in from.noteIds { decisions.pins[note] = into }
        }
    }

    /// Moves some notes of a theme into a new theme of their own.
    func splitTheme(_ themeID: String, noteIDs: [String], label: String?) throws -> APIThemes {
        let session = try activeSession()
        let current = try themes.themes(for: session)
        guard let theme = current.themes.first(where: { $0.id == themeID }) else { throw AppError.notFound("There is no theme \(themeID).") }
        guard !noteIDs.isEmpty, Set(noteIDs).isSubset(of: theme.noteIds) else {
            throw AppError.unprocessable("Choose one or more notes of this theme to split off.")
        }
        let newID = "m" + String(UUID().uuidString.lowercased().prefix(8))
        return try updateDecisions(session) { decisions in
            for note in noteIDs { decisions.pins[note] = newID }
            if let label = label?.trimmingCharacters(in: .whitespacesAndNewlines), !label.isEmpty { decisions.renames[newID] = label }
        }
    }

    private func requireTheme(_ id: String, in session: Session) throws -> String {
        guard try themes.themes(for: session).themes.contains(where: { $0.id == id }) else {
            throw AppError.notFound("There is no theme \(id).")
        }
        return id
    }

    /// Changes the stored decisions of the current question and returns its themes recomputed
    /// with them; dots follow a merge, so the totals are announced again.
    @discardableResult
    private func updateDecisions(_ session: Session, _ change: (inout ThemeDecisions) throws -> Void) throws -> APIThemes {
        let question = session.question.id
        var decisions = try database.themeDecisions(sessionID: session.id, question: question)
        try change(&decisions)
        try database.saveThemeDecisions(decisions, sessionID: session.id, question: question)
        themes.notesChanged()
        let recomputed = try themes.themes(for: session)
        changeLock.withLock { publishVotes(session) }
        return recomputed
    }
}
