import Foundation
import MicroHTTP

extension APIRoutes {
    /// The take-away: the summary as JSON for the page, its matrix figure, and the downloads.
    func summaryRoutes() -> [AppRoute] {
        [
            AppRoute("GET", "/api/summary", .viewer, "The summary of a session (viewers: once published)") { request, _ in
                .json(try snapshot(request))
            },
            AppRoute("GET", "/api/summary/matrix.svg", .viewer, "The themes × groups matrix as SVG (?question=: of that question)") { request, _ in
                let rounds = try snapshot(request).allRounds
                let asked = request.query["question"]
                guard let round = asked.map({ id in rounds.first { $0.question?.id == id } }) ?? rounds.first else {
                    throw AppError.notFound("This summary has no question '\(asked ?? "")'.")
                }
                return HTTPResponse(status: 200, contentType: "image/svg+xml", body: Data(MatrixSVG.render(round).utf8))
            },
            AppRoute("GET", "/api/summary/download", .viewer, "The summary as pdf, md, csv, json or html") { request, _ in
                guard let format = ExportFormat(rawValue: request.query["format"] ?? "") else {
                    let known = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                    throw AppError.badRequest("The format must be one of: \(known).")
                }
                let snapshot = try snapshot(request)
                var response = HTTPResponse(status: 200, contentType: format.mimeType, body: try Self.render(snapshot, as: format))
                let name = format.fileName(for: snapshot)
                response.setHeader("Content-Disposition", "attachment; filename=\"\(name)\"; filename*=UTF-8''\(name)")
                return response
            },
        ]
    }

    /// The file of a summary in a format.
    static func render(_ snapshot: SessionSnapshot, as format: ExportFormat) throws -> Data {
        do {
            switch format {
            case .pdf: return try PDFExport.render(snapshot)
            case .md: return Data(MarkdownExport.render(snapshot).utf8)
            case .csv: return Data(CSVExport.render(snapshot).utf8)
            case .json: return try JSONExport.export(snapshot)
            case .html: return Data(HTMLExport.render(snapshot).utf8)
            }
        } catch {
            throw error.appError
        }
    }

    /// The snapshot of `?session=` (the active session by default). A viewer sees a
    /// summary only after the trainer published it; the trainer sees every one.
    private func snapshot(_ request: HTTPRequest) throws -> SessionSnapshot {
        let id = try request.query["session"] ?? service.activeSession().id
        let trainer = (try? access.requireTrainer(request, pinExempt: false)) != nil
        guard try service.database.session(id: id) != nil else { throw AppError.notFound("There is no session \(id).") }
        if !trainer, try !service.isPublished(id) {
            throw AppError.forbidden("The trainer has not shared this summary yet.")
        }
        do {
            return try SessionSnapshot.load(service.database, sessionID: id, themeNotes: service.themes.noteLimit) {
                try service.themes.engine(for: $0, question: $1)
            }
        } catch let error as ExportError {
            throw error.appError
        }
    }
}

extension APIRoutes {
    /// The QR code of a session's take-away link (the active session by default).
    func summaryQR(_ sessionID: String?) throws -> String {
        let id = try sessionID ?? service.activeSession().id
        guard try service.database.session(id: id) != nil else { throw AppError.notFound("There is no session \(id).") }
        return try QRCode(links.summaryURL(sessionID: id)).svg()
    }
}
