// swift-tools-version:6.1
// libFuzzer targets, one per reader of untrusted input. Built and run by fuzz/run.sh (see
// fuzz/README.md); not part of CI's time budget.
import PackageDescription

let chiso: [Target.Dependency] = [
    .product(name: "ChisoCore", package: "chiso"),
    .product(name: "ChisoIO", package: "chiso"),
    .product(name: "ChisoSpreadsheets", package: "chiso"),
    .product(name: "ChisoDossiers", package: "chiso"),
    .product(name: "ChisoAnalysis", package: "chiso"),
]

let package = Package(
    name: "ChisoFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "chiso", path: "..")],
    targets: [
        // libFuzzer's driver, declared for Swift: SwiftPM links an executable's entry point as
        // <Target>_main, which each target defines to hand control to libFuzzer.
        .target(name: "FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: chiso + ["FuzzDriver"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"] + chiso),
        .executableTarget(name: "FuzzNumbers", dependencies: ["FuzzSupport"] + chiso),
        .executableTarget(name: "FuzzPanel", dependencies: ["FuzzSupport"] + chiso),
        .executableTarget(name: "FuzzScan", dependencies: ["FuzzSupport"] + chiso),
        .executableTarget(name: "FuzzXLSXSheet", dependencies: ["FuzzSupport"] + chiso),
        .executableTarget(name: "FuzzXLS", dependencies: ["FuzzSupport"] + chiso),
        .executableTarget(name: "FuzzExtract", dependencies: ["FuzzSupport"] + chiso),
        .executableTarget(name: "FuzzRecords", dependencies: ["FuzzSupport"] + chiso),
    ],
    swiftLanguageModes: [.v6]
)
