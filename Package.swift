// swift-tools-version:6.0
import CompilerPluginSupport
import PackageDescription

// Layers depend downward only (docs/architecture.md):
//   IAMSimCore (pure domain, no I/O)
//   ← IAMSimDatabase (GRDB: opening, migrations, stored dates, the simulated clocks)
//   ← IAMSimStore (the IAM actions and console sessions) and IAMSimDevices (the trainee's phone
//     and hardware tokens), side by side
//   ← IAMSimApp (use cases and AWS result shapes, for every front end)
//   ← IAMSimCLI (ArgumentParser commands and rendering) ← iamsim (thin executable)
//   ← IAMSimConsole (the web console's pages, routes for a Hummingbird router)
// Only the persistence targets (Database, Store, Devices) import GRDB. IAMSimQR (QR codes and
// PNG through system C libraries) stands apart; the application layer uses it. IAMSimMacros
// (compile time only: memberwise initializers, records' column mappings, fixtures' coding keys)
// is beneath Core.
let package = Package(
    name: "iamsim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "iamsim", targets: ["iamsim"]),
        // `iamsim serve` starts it; `swift build` builds it beside `iamsim` (docs/api.md).
        .executable(name: "iamsim-server", targets: ["iamsim-server"]),
        .library(name: "IAMSimCore", targets: ["IAMSimCore"]),
        .library(name: "IAMSimStore", targets: ["IAMSimStore"]),
        .library(name: "IAMSimApp", targets: ["IAMSimApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", "1.16.2"..<"2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", "1.8.0"..<"2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", "2.101.2"..<"3.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", "2.13.0"..<"3.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
    ],
    targets: [
        // MARK: System libraries (Debian: libqrencode-dev, libzbar-dev, libpng-dev)
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // Headers only: libzbar is opened at run time (see ZBarLibrary), not linked.
        .systemLibrary(name: "CZBar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),

        // MARK: Macros (expanded at compile time; nothing of them is linked into the binaries)
        .macro(
            name: "IAMSimMacroPlugin",
            dependencies: [
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
            ]
        ),
        .target(name: "IAMSimMacros", dependencies: ["IAMSimMacroPlugin"]),

        // MARK: Libraries
        .target(
            name: "IAMSimCore",
            dependencies: [
                "IAMSimMacros",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "IAMSimDatabase",
            dependencies: ["IAMSimCore", "IAMSimMacros", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "IAMSimStore",
            dependencies: [
                "IAMSimCore", "IAMSimDatabase", "IAMSimMacros", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "IAMSimDevices",
            dependencies: [
                "IAMSimCore", "IAMSimDatabase", "IAMSimMacros", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // QR codes in and out: libqrencode to draw them, libpng + zbar to read them, as a phone would.
        .target(name: "IAMSimQR", dependencies: ["CQRencode", "CZBar", "CPNG"]),
        .target(
            name: "IAMSimApp",
            dependencies: ["IAMSimCore", "IAMSimDatabase", "IAMSimStore", "IAMSimDevices", "IAMSimQR", "IAMSimMacros"]
        ),
        .target(
            name: "IAMSimCLI",
            dependencies: [
                "IAMSimCore", "IAMSimStore", "IAMSimDevices", "IAMSimApp", "IAMSimQR", "IAMSimDatabase", "IAMSimMacros",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The IAM and STS Query API (`iamsim serve`): Hummingbird over the application layer. Its
        // own executable, so that the CLI's start-up never loads NIO (docs/api.md, "Design").
        .target(
            name: "IAMSimServer",
            dependencies: [
                "IAMSimApp", "IAMSimCore", "IAMSimDatabase", "IAMSimStore", "IAMSimConsole",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "iamsim-server", dependencies: ["IAMSimServer"]),
        // The web console (`iamsim serve` mounts it under /console/): server-rendered pages from
        // Mustache templates compiled into the binary, over the application layer.
        .target(
            name: "IAMSimConsole",
            dependencies: [
                "IAMSimApp", "IAMSimCore", "IAMSimDatabase", "IAMSimStore", "IAMSimDevices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "iamsim",
            // Not iamsim-server: an executable target's dependency on another is linked into it,
            // and the CLI must not carry Hummingbird and NIO (docs/performance.md, "The server").
            dependencies: ["IAMSimCLI"],
            // A position-dependent release executable starts about 2 ms sooner: the loader has no
            // 97,000 relative relocations to apply, each page it would write a private copy of
            // (docs/performance.md, "The executable").
            linkerSettings: [
                .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // MARK: Test support, for test targets only
        // The in-memory simulator, fixed clock, seeded randomness and cheap password hash; a
        // scripted world; command lines run in process or through the built binary. It does not
        // import Swift Testing: `swift build --static-swift-stdlib` (scripts/benchmark.sh) builds
        // every target, and the toolchain has no static Testing module.
        .target(
            name: "IAMSimTestSupport",
            dependencies: [
                "IAMSimCore", "IAMSimDatabase", "IAMSimStore", "IAMSimDevices", "IAMSimApp", "IAMSimCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "IAMSimCoreTests", dependencies: ["IAMSimCore"]),
        .testTarget(
            name: "IAMSimMacroTests",
            dependencies: [
                "IAMSimMacroPlugin",
                .product(name: "SwiftSyntaxMacroExpansion", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacrosGenericTestSupport", package: "swift-syntax"),
            ]
        ),
        .testTarget(name: "IAMSimQRTests", dependencies: ["IAMSimQR", "CPNG"]),
        .testTarget(
            name: "IAMSimStoreTests",
            dependencies: [
                "IAMSimCore", "IAMSimDatabase", "IAMSimStore", "IAMSimDevices", "IAMSimTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "IAMSimAppTests",
            dependencies: [
                "IAMSimApp", "IAMSimCore", "IAMSimDatabase", "IAMSimStore", "IAMSimDevices", "IAMSimQR",
                "IAMSimTestSupport",
            ]
        ),
        .testTarget(
            name: "IAMSimConsoleTests",
            dependencies: [
                "IAMSimConsole", "IAMSimApp", "IAMSimCore", "IAMSimStore", "IAMSimDevices", "IAMSimQR",
                "IAMSimTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "IAMSimServerTests",
            dependencies: [
                "IAMSimServer", "IAMSimConsole", "IAMSimApp", "IAMSimCore", "IAMSimDatabase", "IAMSimStore", "IAMSimQR",
                "IAMSimTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "IAMSimCLITests",
            dependencies: ["IAMSimCLI", "IAMSimTestSupport", "iamsim", "iamsim-server"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
