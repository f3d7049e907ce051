// swift-tools-version:6.1
// A package that uses chiso as a library, as another project would: CI builds and runs it to
// check that chiso can be depended on and that its public API is enough. By default it depends on
// the checkout by path; with CHISO_GIT_URL set (a git repository with a version tag) it depends on
// chiso by version, where SwiftPM refuses a dependency that declares unsafe flags.
import PackageDescription

let chiso: Package.Dependency = Context.environment["CHISO_GIT_URL"].map { .package(url: $0, from: "0.1.0") }
    ?? .package(name: "chiso", path: "../..")

let package = Package(
    name: "ChisoConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [chiso],
    targets: [
        .executableTarget(
            name: "ChisoConsumer",
            dependencies: [
                .product(name: "ChisoNumerics", package: "chiso"),
                .product(name: "ChisoCore", package: "chiso"),
                .product(name: "ChisoIO", package: "chiso"),
                .product(name: "ChisoAnalysis", package: "chiso"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
