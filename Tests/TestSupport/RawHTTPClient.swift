import Foundation

/// A parsed HTTP response, read off a raw socket.
public struct RawResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body decoded as a JSON object.
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }
}

public struct ClientError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A blocking HTTP/1.1 client over one TCP connection to 127.0.0.1, in the
/// spirit of FlyingFox's test helpers: real sockets, explicit deadlines.
public final class RawConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []

    /// - Parameter receiveBuffer: a small kernel receive buffer makes a slow reader.
    public init(port: Int, receiveBuffer: Int32? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError("socket failed") }
        if var size = receiveBuffer {
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw ClientError("connect to port \(port) failed: errno \(errno)")
        }
    }

    deinit { Glibc.close(fd) }

    public func close() { shutdown(fd, Int32(SHUT_RDWR)) }

    /// Half-closes the sending side.
    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw ClientError("send failed: errno \(errno)") }
            offset += sent
        }
    }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Sends one request; `Content-Length` is added for a body.
    public func send(method: String, path: String, headers: [String: String] = [:], body: Data? = nil) throws {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try send(Array(head.utf8) + Array(body ?? Data()))
    }

    /// Reads one whole response (Content-Length, chunked, or until close).
    public func readResponse(timeout: TimeInterval = 10) throws -> RawResponse {
        let deadline = Date().addingTimeInterval(timeout)
        let headEnd = try readUntil(Array("\r\n\r\n".utf8), deadline: deadline)
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw ClientError("bad status line: \(head)") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data()
        if let length = headers["content-length"].flatMap(Int.init) {
            try fill(length, deadline: deadline)
            body = Data(buffer.prefix(length))
            buffer.removeFirst(length)
        } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                let lineEnd = try readUntil(Array("\r\n".utf8), deadline: deadline)
                let size = Int(String(decoding: buffer[..<lineEnd], as: UTF8.self), radix: 16) ?? 0
                buffer.removeFirst(lineEnd + 2)
                try fill(size + 2, deadline: deadline)
                body.append(contentsOf: buffer.prefix(size))
                buffer.removeFirst(size + 2)
                if size == 0 { break }
            }
        }
        return RawResponse(status: status, headers: headers, body: body)
    }

    /// Reads raw bytes until `marker` shows up; returns everything read so far as text.
    public func read(until marker: String, timeout: TimeInterval = 10) throws -> String {
        let end = try readUntil(Array(marker.utf8), deadline: Date().addingTimeInterval(timeout))
        let text = String(decoding: buffer[..<(end + marker.utf8.count)], as: UTF8.self)
        buffer.removeFirst(end + marker.utf8.count)
        return text
    }

    /// True when the server closed the connection within the timeout.
    public func waitForClose(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            switch receive(deadline: deadline) {
            case .closed: return true
            case .data, .timeout: continue
            }
        }
        return false
    }

    private enum Received { case data, closed, timeout }

    private func receive(deadline: Date) -> Received {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return .timeout }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(min(remaining, 1) * 1000) + 1) > 0 else { return .timeout }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count <= 0 { return .closed }
        buffer.append(contentsOf: chunk[..<count])
        return .data
    }

    private func readUntil(_ marker: [UInt8], deadline: Date) throws -> Int {
        while true {
            if let index = find(marker) { return index }
            switch receive(deadline: deadline) {
            case .data: continue
            case .closed: throw ClientError("connection closed before \(String(decoding: marker, as: UTF8.self).debugDescription); got \(String(decoding: buffer, as: UTF8.self).prefix(300))")
            case .timeout: if Date() >= deadline { throw ClientError("timed out waiting for \(String(decoding: marker, as: UTF8.self).debugDescription); got \(String(decoding: buffer, as: UTF8.self).suffix(300))") }
            }
        }
    }

    private func fill(_ count: Int, deadline: Date) throws {
        while buffer.count < count {
            switch receive(deadline: deadline) {
            case .data: continue
            case .closed: throw ClientError("connection closed mid-body")
            case .timeout: if Date() >= deadline { throw ClientError("timed out reading body") }
            }
        }
    }

    private func find(_ marker: [UInt8]) -> Int? {
        guard buffer.count >= marker.count else { return nil }
        for start in 0...(buffer.count - marker.count) where buffer[start] == marker[0] {
            if Array(buffer[start..<(start + marker.count)]) == marker { return start }
        }
        return nil
    }
}

/// One request on a fresh connection.
public func httpRequest(
    port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil
) throws -> RawResponse {
    let connection = try RawConnection(port: port)
    try connection.send(method: method, path: path, headers: headers, body: body)
    return try connection.readResponse()
}

/// Polls `condition` until it holds or the timeout passes: a wait, not a sleep.
public func waitUntil(timeout: TimeInterval = 5, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(2_000)
    }
    return condition()
}
