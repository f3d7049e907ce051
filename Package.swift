// swift-tools-version:6.1
// Modules by responsibility; each may import only the modules listed as its dependencies here
// (docs/architecture.md explains the cut):
//   CLapack → ChisoNumerics → ChisoCore → ChisoSpreadsheets → ChisoIO → ChisoOutput → ChisoDossiers → ChisoAnalysis → chiso
import PackageDescription

let package = Package(
    name: "chiso",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chiso", targets: ["chiso"]),
        .library(name: "ChisoNumerics", targets: ["ChisoNumerics"]),
        .library(name: "ChisoCore", targets: ["ChisoCore"]),
        .library(name: "ChisoSpreadsheets", targets: ["ChisoSpreadsheets"]),
        .library(name: "ChisoIO", targets: ["ChisoIO"]),
        .library(name: "ChisoOutput", targets: ["ChisoOutput"]),
        .library(name: "ChisoDossiers", targets: ["ChisoDossiers"]),
        .library(name: "ChisoAnalysis", targets: ["ChisoAnalysis"]),
        .library(name: "ChisoReport", targets: ["ChisoReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "ChisoNumerics", dependencies: ["CLapack"]),
        .target(name: "ChisoCore", dependencies: ["ChisoNumerics"]),
        .target(name: "ChisoSpreadsheets", dependencies: ["ChisoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ChisoIO", dependencies: ["ChisoCore", "ChisoNumerics", "ChisoSpreadsheets"]),
        .target(name: "ChisoOutput", dependencies: ["ChisoCore", "ChisoSpreadsheets", "CXLSXWriter"]),
        .target(name: "ChisoDossiers", dependencies: ["ChisoNumerics", "ChisoCore", "ChisoSpreadsheets", "ChisoIO", "ChisoOutput"]),
        .target(name: "ChisoAnalysis", dependencies: ["ChisoNumerics", "ChisoCore", "ChisoIO", "ChisoOutput", "ChisoDossiers"]),
        .target(
            name: "ChisoReport",
            dependencies: ["ChisoNumerics", "ChisoCore", "ChisoSpreadsheets", "ChisoIO", "ChisoOutput", "ChisoDossiers", "ChisoAnalysis",
                           .product(name: "Mustache", package: "swift-mustache")]),
        .executableTarget(
            name: "chiso",
            dependencies: [
                "ChisoNumerics", "ChisoCore", "ChisoSpreadsheets", "ChisoIO", "ChisoOutput", "ChisoDossiers", "ChisoAnalysis", "ChisoReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "ChisoTestSupport",
            dependencies: ["ChisoCore", "ChisoIO"],
            path: "Tests/ChisoTestSupport"
        ),
        // Relative-tolerance comparisons (swift-numerics), for the test targets that compare floating-point results.
        .target(
            name: "ChisoApproximation",
            dependencies: [.product(name: "Numerics", package: "swift-numerics")],
            path: "Tests/ChisoApproximation"
        ),
        .testTarget(name: "ChisoNumericsTests", dependencies: ["ChisoNumerics", "ChisoTestSupport", "ChisoApproximation"]),
        .testTarget(name: "ChisoCoreTests", dependencies: ["ChisoCore", "ChisoTestSupport"]),
        .testTarget(name: "ChisoSpreadsheetsTests", dependencies: ["ChisoSpreadsheets", "ChisoTestSupport"]),
        .testTarget(
            name: "ChisoIOTests",
            dependencies: ["ChisoIO", "ChisoTestSupport", "ChisoApproximation", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "ChisoOutputTests", dependencies: ["ChisoOutput", "ChisoSpreadsheets", "ChisoTestSupport"]),
        .testTarget(name: "ChisoDossiersTests", dependencies: ["ChisoDossiers", "ChisoTestSupport"]),
        .testTarget(name: "ChisoAnalysisTests", dependencies: ["ChisoAnalysis", "ChisoTestSupport", "ChisoApproximation"]),
        .testTarget(name: "ChisoReportTests", dependencies: ["ChisoReport", "ChisoCore", "ChisoIO", "ChisoDossiers", "ChisoAnalysis", "ChisoSpreadsheets", "ChisoTestSupport"]),
        .testTarget(name: "ChisoCLITests", dependencies: ["chiso", "ChisoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
