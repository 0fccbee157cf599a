import Foundation
import Logging
import SamenspelCore

/// The workshops a trainer can start: every YAML file in the workshops folder,
/// plus the one named on the command line.
public struct WorkshopCatalog: Sendable {
    public private(set) var workshops: [Workshop]
    /// The workshop started when there is no session yet.
    public let primary: Workshop

    /// Loads `file` (which must be valid) and the other `.yaml` files beside it
    /// (a broken one is skipped with a warning).
    public init(file: String, logger: Logger) throws(AppError) {
        primary = try Self.load(file)
        workshops = [primary]
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = folder.appendingPathComponent(name).path
            guard let workshop = try? Self.load(path) else {
                logger.warning("skipping a workshop file that does not load", metadata: ["file": "\(path)"])
                continue
            }
            if !workshops.contains(where: { $0.id == workshop.id }) { workshops.append(workshop) }
        }
    }

    public func workshop(id: String) -> Workshop? {
        workshops.first { $0.id == id }
    }

    /// Reads and validates one workshop file; the error names the file and the line.
    public static func load(_ path: String) throws(AppError) -> Workshop {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw AppError(status: 500, "cannot read the workshop file \(path): \(Self.reason(error))")
        }
        do {
            return try Workshop(yaml: text)
        } catch {
            throw AppError(status: 500, "\(path): \(error)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadInapplicableStringEncodingError { return "it is not UTF-8 text" }
        return nsError.localizedDescription
    }
}
