import Foundation

/// The addresses this machine can be reached on.
public enum HostAddresses {
    /// Every IPv4 address of an interface that is up, loopback excluded, in interface order.
    public static func ipv4() -> [String] {
        ipv4Interfaces().map(\.address)
    }

    /// Every IPv4 address of an interface that is up, loopback excluded, with its interface's name.
    public static func ipv4Interfaces() -> [(interface: String, address: String)] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var result: [(interface: String, address: String)] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                var inAddress = $0.pointee.sin_addr
                _ = inet_ntop(AF_INET, &inAddress, &text, socklen_t(text.count))
            }
            let value = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let name = String(cString: entry.pointee.ifa_name)
            if !result.contains(where: { $0.address == value }) { result.append((name, value)) }
        }
        return result
    }
}
