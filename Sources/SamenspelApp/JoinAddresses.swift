import Foundation

/// Orders the laptop's addresses for the join URL: the Wi-Fi or Ethernet address that
/// phones in the room can reach first, virtual adapters (Docker, VPN, virtual machines) last.
enum JoinAddresses {
    /// Interface name prefixes of adapters that phones cannot reach.
    static let virtualPrefixes = ["docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "tun", "tap", "wg", "tailscale",
                                  "zt", "utun", "lxc", "lxd", "cni", "flannel", "kube", "podman", "ppp", "ipsec", "nordlynx"]

    /// The addresses, best first; the order among equals is the system's.
    static func ranked(_ interfaces: [(interface: String, address: String)]) -> [String] {
        interfaces.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element.address)
    }

    /// 0 Wi-Fi, 1 Ethernet, 2 another adapter, 3 virtual or link-local.
    static func rank(_ entry: (interface: String, address: String)) -> Int {
        let name = entry.interface.lowercased()
        if entry.address.hasPrefix("169.254.") || virtualPrefixes.contains(where: name.hasPrefix) { return 3 }
        if name.hasPrefix("wl") || name.hasPrefix("wifi") || name.hasPrefix("ath") { return 0 }
        if name.hasPrefix("en") || name.hasPrefix("eth") || name.hasPrefix("em") { return 1 }
        return 2
    }
}
