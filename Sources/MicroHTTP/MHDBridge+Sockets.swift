import CMicroHTTPD
import Foundation

// The socket side of the bridge: the listening socket, direct writes to a parked
// event stream's socket, and the peer's address. (Pointer code, kept next to MHDBridge.swift.)

extension MHDBridge {
    /// Binds and listens ourselves: errno then says exactly why a port is refused,
    /// and getsockname tells the port chosen for 0.
    static func listen(host: String, port: Int) throws(ServerError) -> (Int32, Int) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        guard (0...65535).contains(port), inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw ServerError.invalidHost(host)
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError(errno: errno, operation: "socket", host: host, port: port) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, Glibc.listen(fd, 1024) == 0, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0 else {
            let code = errno
            close(fd)
            throw ServerError(errno: code, operation: "bind", host: host, port: port)
        }
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }

    /// Sends without blocking: the bytes taken (0 when the socket buffer is full), or nil
    /// when the connection is broken.
    static func sendNow(_ socket: Int32, _ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        let sent = send(socket, base, bytes.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
        if sent >= 0 { return sent }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : nil
    }

    /// Once, when a stream starts. A fixed 64 KiB send buffer (instead of growing to
    /// megabytes) keeps what a slow phone has not read in the stream's queue, which drops
    /// it past `maxPending`. A phone that vanished (out of Wi-Fi range, no goodbye) fails
    /// the writes once 60 s of them go unacknowledged, instead of after TCP's 15 minutes of
    /// retries; the heartbeat makes sure there are writes.
    static func prepareForDirectWrites(_ socket: Int32) {
        var buffer: Int32 = 64 * 1024
        var unacknowledged: UInt32 = 60_000
        let size = socklen_t(MemoryLayout<Int32>.size)
        _ = setsockopt(socket, SOL_SOCKET, SO_SNDBUF, &buffer, size)
        _ = setsockopt(socket, Int32(IPPROTO_TCP), TCP_USER_TIMEOUT, &unacknowledged, size)
    }

    /// On every park, after libmicrohttpd's last send (which may have corked the socket):
    /// direct writes are single events, each must leave at once.
    static func pushEveryWrite(_ socket: Int32) {
        var off: Int32 = 0
        var on: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        _ = setsockopt(socket, Int32(IPPROTO_TCP), TCP_CORK, &off, size)
        _ = setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &on, size)
    }

    /// The client's IPv4 address, or nil when it cannot be read.
    static func clientIPv4(_ connection: OpaquePointer) -> in_addr? {
        guard let address = shim_connection_info(connection, .CONNECTION_INFO_CLIENT_ADDRESS)?.pointee.client_addr,
              address.pointee.sa_family == sa_family_t(AF_INET) else { return nil }
        return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
    }
}
