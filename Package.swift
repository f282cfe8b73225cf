// swift-tools-version:6.0
import PackageDescription

// Layers depend downward only:
//   IAMSimCore (pure domain) ← IAMSimStore (GRDB) ← IAMSimAuthenticator (the trainee's phone)
//   ← IAMSimCLI (commands, rendering) ← iamsim (thin executable)
let package = Package(
    name: "iamsim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "iamsim", targets: ["iamsim"]),
        .library(name: "IAMSimCore", targets: ["IAMSimCore"]),
        .library(name: "IAMSimStore", targets: ["IAMSimStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(
            name: "IAMSimCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "IAMSimStore",
            dependencies: ["IAMSimCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "IAMSimAuthenticator",
            dependencies: ["IAMSimCore", "IAMSimStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "IAMSimCLI",
            dependencies: [
                "IAMSimCore", "IAMSimStore", "IAMSimAuthenticator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "iamsim", dependencies: ["IAMSimCLI"]),
        .testTarget(name: "IAMSimCoreTests", dependencies: ["IAMSimCore"]),
        .testTarget(
            name: "IAMSimStoreTests",
            dependencies: ["IAMSimCore", "IAMSimStore", "IAMSimAuthenticator", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "IAMSimCLITests",
            dependencies: ["IAMSimCLI", "iamsim", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
