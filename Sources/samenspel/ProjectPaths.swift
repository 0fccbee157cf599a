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

/// Waits for SIGINT or SIGTERM. `install()` blocks both before the server starts any
/// thread, so every thread inherits the block and a signal that comes early stays
/// pending until `wait()` takes it: none is lost, none kills the process mid-write.
struct SignalWaiter {
    private var set = sigset_t()

    static func install() -> SignalWaiter {
        var waiter = SignalWaiter()
        sigemptyset(&waiter.set)
        sigaddset(&waiter.set, SIGINT)
        sigaddset(&waiter.set, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &waiter.set, nil)
        return waiter
    }

    /// Blocks until SIGINT or SIGTERM and returns its name.
    func wait() -> String {
        var set = self.set
        var number: Int32 = 0
        while sigwait(&set, &number) != 0 {}
        return number == SIGINT ? "interrupted" : "terminated"
    }
}
