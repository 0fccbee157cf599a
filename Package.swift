// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Samenspel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "samenspel", targets: ["samenspel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shims: one system library each, no Swift.
        .systemLibrary(
            name: "CMicroHTTPD", pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(
            name: "CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),

        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(
            name: "CHunspell", pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]),

        // Transport: libmicrohttpd behind a small Swift layer.
        .target(
            name: "MicroHTTP",
            dependencies: ["CMicroHTTPD", .product(name: "Logging", package: "swift-log")]),

        // Pure domain: workshops, sessions, groups, notes. No I/O.
        .target(
            name: "SamenspelCore",
            dependencies: [.product(name: "Yams", package: "Yams")]),

        // Pure text: cross-group themes from short notes. No HTTP, no database.
        .target(
            name: "SamenspelText",
            dependencies: ["CStemmer", "CHunspell"]),

        // The app: routes, database, services.
        .target(
            name: "SamenspelApp",
            dependencies: [
                "MicroHTTP", "SamenspelCore", "SamenspelText", "CQRencode", "CPangoCairo",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .executableTarget(
            name: "samenspel",
            dependencies: [
                "SamenspelApp", "SamenspelCore", "SamenspelText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MicroHTTPTests", dependencies: ["MicroHTTP", "TestSupport"]),
        .testTarget(name: "SamenspelCoreTests", dependencies: ["SamenspelCore"]),
        .testTarget(name: "SamenspelTextTests", dependencies: ["SamenspelText"]),
        .testTarget(
            name: "SamenspelAppTests",
            dependencies: ["SamenspelApp", "SamenspelText", "MicroHTTP", "TestSupport", .product(name: "Logging", package: "swift-log"),
                           .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
