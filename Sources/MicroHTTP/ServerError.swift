import Foundation

/// Why the server could not start or a system call failed. The one funnel for
/// C return codes and `errno` into Swift errors.
public enum ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    case addressInUse(host: String, port: Int)
    case permissionDenied(port: Int)
    case invalidHost(String)
    case system(operation: String, code: Int32)

    /// Maps an `errno` value from a failed call to the error a person can act on.
    public init(errno code: Int32, operation: String, host: String, port: Int) {
        switch code {
        case EADDRINUSE: self = .addressInUse(host: host, port: port)
        case EACCES: self = .permissionDenied(port: port)
        case EADDRNOTAVAIL: self = .invalidHost(host)
        default: self = .system(operation: operation, code: code)
        }
    }

    public var description: String {
        switch self {
        case let .addressInUse(host, port):
            "port \(port) on \(host) is already in use: stop the other program or choose another with --port"
        case let .permissionDenied(port):
            "no permission to listen on port \(port): use a port above 1023"
        case let .invalidHost(host):
            "cannot listen on '\(host)': it is not an IPv4 address of this machine"
        case let .system(operation, code):
            "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }
}
