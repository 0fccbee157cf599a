import Foundation
@testable import SamenspelApp
import Testing

/// The QR code must carry the address phones in the room reach: Wi-Fi or Ethernet, not a
/// Docker bridge, a VPN or a virtual machine's adapter that happens to come first.
@Suite struct JoinAddressTests {
    @Test func wifiAndEthernetComeBeforeVirtualAdapters() {
        let interfaces: [(interface: String, address: String)] = [
            ("docker0", "172.17.0.1"), ("tun0", "10.8.0.2"), ("enp3s0", "192.168.1.20"),
            ("virbr0", "192.168.122.1"), ("wlp2s0", "192.168.178.33"), ("eth1", "169.254.10.2"),
        ]
        #expect(JoinAddresses.ranked(interfaces) == [
            "192.168.178.33", "192.168.1.20", "172.17.0.1", "10.8.0.2", "192.168.122.1", "169.254.10.2",
        ])
    }

    @Test func aChosenJoinURLIsMadeWholeOrRefused() {
        #expect(ServeOptions.joinURL("192.168.1.20:8080") == "http://192.168.1.20:8080/")
        #expect(ServeOptions.joinURL("http://laptop.local:8080/") == "http://laptop.local:8080/")
        #expect(ServeOptions.joinURL("ftp://x") == nil)
        #expect(ServeOptions.joinURL("http://") == nil)
    }

    @Test func aChosenJoinURLGoesIntoTheQRCodeAndTheBannerListsTheOthers() throws {
        let app = try TestApp { $0.joinURL = "http://10.42.0.1:8080/" }
        defer { app.stop() }
        #expect(try app.request("GET", "/api/session").json["joinUrl"] as? String == "http://10.42.0.1:8080/")
        #expect(app.server.joinURLs.first == "http://10.42.0.1:8080/")
        #expect(try app.server.banner(qrInTerminal: false).contains("Join (phones): http://10.42.0.1:8080/"))
    }

    @Test func theTrainerChoosesAmongTheLaptopsAddresses() throws {
        let app = try TestApp { $0.joinURL = "http://10.42.0.1:8080/" }
        defer { app.stop() }
        let local = "http://localhost:\(app.port)/"
        let choices = try app.request("GET", "/api/trainer/overview", token: app.trainerToken).json["joinUrls"] as? [String]
        #expect(choices == ["http://10.42.0.1:8080/", local])
        let chosen = try app.request("POST", "/api/trainer/join-url", token: app.trainerToken, json: ["url": local])
        #expect(chosen.json["joinUrl"] as? String == local)
        #expect(try app.request("GET", "/api/session").json["joinUrl"] as? String == local)
        #expect(try app.server.database.setting("joinURL") == local)  // a restart without --join-url keeps it
        let refused = try app.request("POST", "/api/trainer/join-url", token: app.trainerToken, json: ["url": "http://192.0.2.1/"])
        #expect(refused.status == 422)
        #expect(try app.request("GET", "/api/session").json["joinUrl"] as? String == local)
    }
}
