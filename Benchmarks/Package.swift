// swift-tools-version: 6.1
// The benchmark package: runs the reference workload W of ../../shared/bench through Rapport's public
// API. A sibling package so that `swift test` in the main package never builds it.
import PackageDescription

let package = Package(
    name: "RapportBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Rapport", path: "..")],
    targets: [
        .executableTarget(
            name: "rapport-bench",
            dependencies: [
                .product(name: "Rapport", package: "Rapport"),
                .product(name: "RapportCSV", package: "Rapport"),
                .product(name: "CMalloc", package: "Rapport"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
