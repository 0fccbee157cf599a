/// An error the API answers with: an HTTP status and a message a person can read.
public struct AppError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var message: String
    /// Extra headers, such as `Retry-After`.
    public var headers: [String: String] = [:]
    /// Set when the trainer page must ask for the PIN.
    public var pinRequired = false

    public init(status: Int, _ message: String, headers: [String: String] = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String { message }

    public static func badRequest(_ message: String) -> AppError { AppError(status: 400, message) }
    public static func unauthorized(_ message: String) -> AppError { AppError(status: 401, message) }
    public static func forbidden(_ message: String) -> AppError { AppError(status: 403, message) }
    public static func notFound(_ message: String) -> AppError { AppError(status: 404, message) }
    public static func conflict(_ message: String) -> AppError { AppError(status: 409, message) }
    public static func tooLarge(_ message: String) -> AppError { AppError(status: 413, message) }
    public static func unprocessable(_ message: String) -> AppError { AppError(status: 422, message) }
    public static func database(_ message: String) -> AppError { AppError(status: 500, "Database: \(message)") }
}
