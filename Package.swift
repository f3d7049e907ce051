// swift-tools-version:6.1
// The package mirrors the architecture: CLapack → ChisoNumerics → ChisoData → ChisoAnalysis → chiso.
import PackageDescription

let package = Package(
    name: "chiso",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chiso", targets: ["chiso"]),
        .library(name: "ChisoNumerics", targets: ["ChisoNumerics"]),
        .library(name: "ChisoData", targets: ["ChisoData"]),
        .library(name: "ChisoAnalysis", targets: ["ChisoAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // Numerical code is compiled optimised even in debug builds: the tests fit thousands of
        // models (rolling-origin backtests on real panels) and -Onone makes them 6× slower.
        .target(name: "ChisoNumerics", dependencies: ["CLapack"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "ChisoData", dependencies: ["ChisoNumerics", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ChisoAnalysis", dependencies: ["ChisoNumerics", "ChisoData"]),
        .executableTarget(
            name: "chiso",
            dependencies: [
                "ChisoAnalysis", "ChisoData", "ChisoNumerics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "ChisoTestSupport",
            dependencies: [
                "ChisoData",
                .product(name: "Numerics", package: "swift-numerics"),
            ],
            path: "Tests/ChisoTestSupport"
        ),
        .testTarget(name: "ChisoNumericsTests", dependencies: ["ChisoNumerics", "ChisoTestSupport"]),
        .testTarget(name: "ChisoDataTests", dependencies: ["ChisoData", "ChisoTestSupport"]),
        .testTarget(name: "ChisoAnalysisTests", dependencies: ["ChisoAnalysis", "ChisoTestSupport"]),
        .testTarget(name: "ChisoCLITests", dependencies: ["chiso", "ChisoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
