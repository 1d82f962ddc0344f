// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Rapport", targets: ["Rapport"]),
        .library(name: "RapportCSV", targets: ["RapportCSV"]),
        .library(name: "RapportStore", targets: ["RapportStore"]),
        .library(name: "RapportGraphviz", targets: ["RapportGraphviz"]),
        .library(name: "RapportReport", targets: ["RapportReport"]),
        .library(name: "RapportUseCases", targets: ["RapportUseCases"]),
        .library(name: "RapportServer", targets: ["RapportServer"]),
        // The allocator setting `rapport` runs with, for the benchmark to run W under it too.
        .library(name: "CMalloc", targets: ["CMalloc"]),
        .executable(name: "rapport", targets: ["rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Core: model, graph snapshot, strength, reach, paths, suggestions. Pure Swift, no file I/O
        // (the snapshot's bytes are encoded here and kept in a file by RapportStore).
        // Mustache renders the follow-through drafts from templates held as strings (no I/O).
        // CProcessor: processor instructions Swift cannot emit: SSE 4.2 CRC32 for the snapshot file's checksum, and a
        // prefetch hint for Dijkstra.
        .target(
            name: "Rapport", dependencies: ["CProcessor", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "CProcessor"),
        // CMalloc: glibc's `mallopt`, which Swift's Glibc module does not export (the executable's
        // allocator setting, see `RapportCommand.main`).
        .target(name: "CMalloc"),
        // Import/export: the CSV reader, format detection, vCard, identity resolution, and the
        // evidence readers (LinkedIn archive through ZIPFoundation, calendar, mailbox).
        .target(
            name: "RapportCSV",
            dependencies: ["Rapport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // libgvc/libcgraph from Debian's libgraphviz-dev.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // DOT writer, views, rendering through an isolated worker process.
        .target(name: "RapportGraphviz", dependencies: ["Rapport", "CGraphviz"]),
        // One render per process: DOT on stdin, the picture on stdout (see RenderWorker).
        .executableTarget(name: "rapport-render-worker", dependencies: ["RapportGraphviz"]),
        // The HTML report: one self-contained page built with Plot (escapes by default), inline SVG.
        .target(
            name: "RapportReport",
            dependencies: ["Rapport", "RapportGraphviz", .product(name: "Plot", package: "Plot")]
        ),
        // The SQLite workspace.
        .target(
            name: "RapportStore",
            dependencies: [
                "Rapport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // What each command does — open, import, analyze, suggest, render, report, export,
        // follow-through — and the JSON/CSV output contracts: shared by the CLI and the web app.
        .target(
            name: "RapportUseCases",
            dependencies: ["Rapport", "RapportCSV", "RapportStore", "RapportGraphviz", "RapportReport", "RapportSamples"]
        ),
        // Samples/ as SwiftPM resources, so that `rapport demo` needs nothing but the build.
        .target(
            name: "RapportSamples",
            path: "Samples",
            exclude: ["README.md", "calendar_mail.py", "demo.sh", "evidence.py", "evidence_check.py", "generate.py"],
            sources: ["RapportSamples.swift"],
            resources: [
                .copy("LinkedInDataExport"), .copy("people.csv"), .copy("ties.csv"), .copy("interactions.csv"),
                .copy("introductions.csv"), .copy("calendar.ics"), .copy("mail.mbox"),
            ]
        ),
        // `rapport serve`: the private local web app over the use cases (FlyingFox: async sockets, no
        // NIO, an 18 s cold build against Hummingbird's 139 s). Pages are Plot, escaped by construction.
        .target(
            name: "RapportServer",
            dependencies: [
                "Rapport", "RapportCSV", "RapportStore", "RapportGraphviz", "RapportReport", "RapportUseCases",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "Plot", package: "Plot"),
            ]
        ),
        // The command-line tool: parsing, printing, exit codes.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "CMalloc", "Rapport", "RapportCSV", "RapportStore", "RapportGraphviz", "RapportReport", "RapportUseCases",
                "RapportServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared by the test targets: the seeded random generator.
        .target(name: "RapportTestSupport", path: "Tests/RapportTestSupport"),
        .testTarget(
            name: "RapportTests",
            dependencies: [
                "Rapport", "RapportTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Paths/Fixtures"]
        ),
        .testTarget(
            name: "RapportCSVTests", dependencies: ["RapportCSV", "RapportTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RapportGraphvizTests", dependencies: ["RapportGraphviz", "rapport-render-worker"]),
        .testTarget(name: "RapportStoreTests", dependencies: ["Rapport", "RapportCSV", "RapportStore", "RapportTestSupport"]),
        .testTarget(name: "RapportReportTests", dependencies: ["RapportReport", "rapport-render-worker"]),
        .testTarget(name: "RapportCLITests", dependencies: ["CMalloc", "Rapport", "RapportStore", "RapportTestSupport"]),
        .testTarget(name: "RapportUseCasesTests", dependencies: ["RapportUseCases", "RapportTestSupport"]),
        .testTarget(
            name: "RapportServerTests",
            dependencies: ["RapportServer", "RapportUseCases", "RapportTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
