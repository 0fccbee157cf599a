import Foundation
import Logging
import MicroHTTP
import SamenspelApp
import Testing

@Suite struct StartupErrorTests {
    @Test func aBrokenDatabaseGivesOneClearError() throws {
        let folder = NSTemporaryDirectory() + "samenspel-broken-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: folder + "/samenspel.sqlite"))
        #expect {
            _ = try SamenspelServer(options: TestApp.options(workshop: "Workshops/werkalliantie-vaktherapie.yaml", dataDirectory: folder),
                                    logger: Logger(label: "test"))
        } throws: { error in
            "\(error)".contains("samenspel.sqlite")
        }
    }

    @Test func aMissingWorkshopFileIsNamed() throws {
        #expect {
            _ = try SamenspelServer(options: TestApp.options(workshop: "Workshops/missing.yaml", dataDirectory: NSTemporaryDirectory() + UUID().uuidString),
                                    logger: Logger(label: "test"))
        } throws: { error in
            "\(error)".contains("missing.yaml") && "\(error)".contains("no such file")
        }
    }

    @Test func aPortInUseIsRefusedClearly() throws {
        let first = try TestApp()
        defer { first.stop() }
        var options = TestApp.options(workshop: "Workshops/werkalliantie-vaktherapie.yaml", dataDirectory: NSTemporaryDirectory() + UUID().uuidString)
        options.port = first.port
        let second = try SamenspelServer(options: options, logger: Logger(label: "test"))
        #expect(throws: ServerError.addressInUse(host: "127.0.0.1", port: first.port)) { try second.start() }
    }
}
