import Foundation
import Logging
import MicroHTTP
import SamenspelCore

/// The whole server: workshops, database, event hub and HTTP, wired together.
public final class SamenspelServer: @unchecked Sendable {
    public let options: ServeOptions
    public let database: AppDatabase
    public let catalog: WorkshopCatalog
    public let hub = EventHub()
    public let trainerToken: String
    private let service: SessionService
    private let api: APIRoutes
    let themes: ThemeService
    private let links = RoomLinks()
    private let http: HTTPServer
    private let logger: Logger
    /// The session found or started on start, for the banner.
    public let startOutcome: StartOutcome

    /// Loads the workshop, opens the data folder and resumes (or starts) the session.
    /// Every failure is an `AppError` with one clear line.
    public init(options: ServeOptions, logger: Logger) throws(AppError) {
        self.options = options
        self.logger = logger
        catalog = try WorkshopCatalog(file: options.workshopFile, logger: logger)
        do {
            try FileManager.default.createDirectory(atPath: options.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw AppError(status: 500, "cannot create the data folder \(options.dataDirectory): \(error.localizedDescription)")
        }
        database = try AppDatabase(path: options.databasePath)
        do {
            trainerToken = try Self.setting("trainerToken", database)
        } catch {
            throw AppError.database("cannot read the trainer token: \(error)")
        }
        themes = ThemeService(database: database, hub: hub, logger: logger, noteLimit: options.limits.themeNotes,
                              meaning: ThemeMeaning(folder: options.modelFolder, enabled: options.themesByMeaning, encoder: options.encoder))
        service = SessionService(database: database, hub: hub, catalog: catalog, links: links, themes: themes, limits: options.limits)
        themes.activeSession = { [service] in try service.activeSession() }
        do {
            startOutcome = try service.resumeOrStart()
        } catch {
            throw AppError.database("cannot start a session: \(error)")
        }
        guard FileManager.default.fileExists(atPath: options.staticDirectory + "/index.html") else {
            throw AppError(status: 500, "the web pages are missing: no index.html in \(options.staticDirectory)")
        }
        let csrf: String
        do {
            csrf = try Self.setting("csrfToken", database)
        } catch {
            throw AppError.database("cannot read the CSRF token: \(error)")
        }
        let access = Access(trainerToken: trainerToken, csrfToken: csrf, pin: options.trainerPIN, pinSession: Token.make(),
                            database: database, activeSessionID: { [service] in try service.activeSession().id })
        api = APIRoutes(service: service, access: access, links: links)
        let pages = PageRoutes(files: StaticFiles(root: URL(fileURLWithPath: options.staticDirectory)), access: access)
        var configuration = HTTPServer.Configuration()
        configuration.host = options.host
        configuration.port = options.port
        configuration.threads = options.threads
        configuration.perAddressConnectionLimit = options.limits.connectionsPerAddress
        configuration.connectionTimeout = options.limits.connectionTimeout
        // 10 KiB a connection: request headers up to about 4.5 KB fit (a browser sends under 2 KB;
        // more gets 431), and 2,000 open streams stay small. Each KiB here is 2 MB at 2,000 streams.
        configuration.connectionMemoryLimit = 10 * 1024
        http = HTTPServer(
            configuration: configuration, responder: AppResponder(api: api, pages: pages, logger: logger), logger: logger,
            bodyTooLarge: { .error(.tooLarge("The request body is larger than 16 KiB.")) })
    }

    /// Starts listening. Throws `ServerError` (e.g. the port is in use).
    public func start() throws {
        try http.start()
        let choices = joinURLs
        // --join-url wins; else the address the trainer chose last time, while the laptop still has it.
        let stored = options.joinURL == nil ? (try? database.setting(SessionService.joinURLKey)) ?? nil : nil
        let join = stored.flatMap { choices.contains($0) ? $0 : nil } ?? choices.first ?? "http://localhost:\(port)/"
        links.set(joinURL: join, qrSVG: try QRCode(join).svg(), choices: choices)
        hub.startHeartbeat(every: 15)
        themes.warmUp()
    }

    public var port: Int { http.port }

    /// The join URL: `--join-url` when given, else on every non-loopback IPv4 address (when
    /// listening on all; Wi-Fi and Ethernet before virtual adapters), then localhost.
    public var joinURLs: [String] {
        var urls = automaticJoinURLs
        if let chosen = options.joinURL {
            urls.removeAll { $0 == chosen }
            urls.insert(chosen, at: 0)
        }
        return urls
    }

    private var automaticJoinURLs: [String] {
        var hosts: [String]
        switch options.host {
        case "0.0.0.0": hosts = JoinAddresses.ranked(HostAddresses.ipv4Interfaces())
        case let host where host.hasPrefix("127."): hosts = []
        default: hosts = [options.host]
        }
        hosts.append("localhost")
        return hosts.map { "http://\($0):\(port)/" }
    }

    /// Every API route with the role it needs: the routes × roles table.
    public var routeRoles: [(method: String, path: String, role: Role)] {
        api.table().map { ($0.method, $0.path, $0.role) }
    }

    public var boardURL: String { "http://localhost:\(port)/board" }
    public var trainerURL: String { "http://localhost:\(port)/trainer?token=\(trainerToken)" }

    /// The active session (for the banner and tests).
    public func activeSession() throws -> Session { try service.activeSession() }

    /// Ends event streams, stops HTTP after requests in flight, and folds the WAL in.
    public func stop() {
        hub.finishAll()
        http.stop()
        themes.stop()
        try? themes.save()
        database.checkpoint()
    }

    /// A secret kept in the database, made on first use, so a restart keeps the trainer signed in.
    private static func setting(_ key: String, _ database: AppDatabase) throws -> String {
        if let token = try database.setting(key) { return token }
        let token = Token.make()
        try database.setSetting(key, token)
        return token
    }
}
