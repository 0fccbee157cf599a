import Foundation
import MicroHTTP

/// Serves the web front end from the `Static/` folder: pages at stable URLs,
/// other files by path, nothing outside the folder.
struct StaticFiles: Sendable {
    let root: URL

    static let pages = ["/": "index.html", "/board": "board.html", "/trainer": "trainer.html", "/summary": "summary.html"]

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon",
        "json": "application/json; charset=utf-8", "webmanifest": "application/manifest+json",
        "woff2": "font/woff2", "txt": "text/plain; charset=utf-8",
    ]

    /// The file for a URL path, or nil when it is not a safe path to a file here.
    func file(for path: String) -> URL? {
        let relative = Self.pages[path] ?? String(path.dropFirst())
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        let safe = !relative.isEmpty && segments.allSatisfy { segment in
            !segment.isEmpty && !segment.hasPrefix(".") && !segment.contains("\\") && !segment.contains("\0") && !segment.contains("%")
        }
        guard safe else { return nil }
        let url = root.appendingPathComponent(relative).standardizedFileURL
        guard url.path.hasPrefix(root.standardizedFileURL.path + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return url
    }

    /// The response for a GET of `request.path`, with an ETag so phones revalidate cheaply.
    func respond(to request: HTTPRequest) throws -> HTTPResponse {
        guard let url = file(for: request.path), let data = FileManager.default.contents(atPath: url.path) else {
            throw AppError.notFound("There is no page at \(request.path).")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let etag = "\"\(data.count)-\(Int(modified * 1000))\""
        let type = Self.contentTypes[url.pathExtension.lowercased()] ?? "application/octet-stream"
        var response: HTTPResponse
        if request.header("If-None-Match") == etag {
            response = HTTPResponse(status: 304)
        } else {
            response = HTTPResponse(status: 200, contentType: type, body: request.method == "HEAD" ? Data() : data)
        }
        response.setHeader("ETag", etag)
        response.setHeader("Cache-Control", "no-cache")
        return response
    }
}
