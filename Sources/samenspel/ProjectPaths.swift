import Foundation

/// Finds the bundled folders whether the command runs from the repository or elsewhere.
enum ProjectPaths {
    /// `path` as given when it exists; otherwise the same path in the nearest folder
    /// above the executable that has it (`.build/…/debug/samenspel` → the repository).
    static func locate(_ path: String) -> String {
        if path.hasPrefix("/") || FileManager.default.fileExists(atPath: path) { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return path
    }
}

enum ProcessLimits {
    /// Many phones and boards hold a connection each: allow as many files as the system lets us.
    static func raiseOpenFiles() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}

enum SignalWaiter {
    /// Blocks until SIGINT or SIGTERM and returns its name.
    static func waitForTermination() -> String {
        let semaphore = DispatchSemaphore(value: 0)
        let received = Received()
        var sources: [DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "interrupted"), (SIGTERM, "terminated")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                received.set(name)
                semaphore.signal()
            }
            source.resume()
            sources.append(source)
        }
        semaphore.wait()
        sources.forEach { $0.cancel() }
        return received.name
    }

    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var value = ""
        func set(_ name: String) { lock.withLock { value = name } }
        var name: String { lock.withLock { value } }
    }
}
