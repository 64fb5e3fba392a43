// swift-tools-version: 6.2
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "trialpipe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "trialpipe", targets: ["trialpipe"]),
        .library(name: "TrialpipeKit", targets: ["TrialpipeErrors", "Pipeline", "PipelineRuntime", "BuiltinPlugins", "TrialModel", "TrialpipeCLI"]),
        // The readers of untrusted documents and inotify buffers, for the fuzz targets in Fuzz/.
        .library(
            name: "TrialpipeReaders", targets: ["Extraction", "Enrichment", "XMLSupport", "Watch", "TrialModel", "TrialpipeErrors"]),
        .library(name: "PipelineTesting", targets: ["PipelineTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // sqlite3_config, which is variadic, wrapped for Swift.
        .systemLibrary(name: "CSQLiteSettings"),
        // The process's allocator: jemalloc (Debian's libjemalloc-dev) with its settings, on Linux.
        .target(
            name: "CAllocator",
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // The error model every module's errors adopt: stable codes, messages that say how to fix, causes.
        .target(name: "TrialpipeErrors", swiftSettings: upcoming),
        .target(name: "XMLSupport", dependencies: ["CLibXML2", "TrialpipeErrors"], swiftSettings: upcoming),
        .target(
            name: "TrialModel", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcoming),
        .target(
            name: "Extraction",
            dependencies: ["TrialModel", "XMLSupport"],
            resources: [.copy("Resources")],
            swiftSettings: upcoming
        ),
        .target(
            name: "Enrichment",
            dependencies: ["TrialModel"],
            resources: [.copy("Resources")],
            swiftSettings: upcoming
        ),
        // The plugin core: what a stage or sink is written against. Neither GRDB nor Yams.
        .target(
            name: "Pipeline",
            dependencies: ["TrialpipeErrors", "TrialModel", .product(name: "Logging", package: "swift-log")],
            swiftSettings: upcoming
        ),
        // Running pipelines: pipeline files, the runner's loop, the ledger and corpus index, the inbox's files.
        .target(
            name: "PipelineRuntime",
            dependencies: [
                "Pipeline", "TrialModel", "Watch",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "Sinks",
            dependencies: ["Pipeline", "TrialModel", "XMLSupport"],
            resources: [.copy("Resources")],
            swiftSettings: upcoming
        ),
        .target(
            name: "RelationalSinks",
            dependencies: [
                "Pipeline", "TrialModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: upcoming
        ),
        .target(name: "Watch", dependencies: ["TrialpipeErrors"], swiftSettings: upcoming),
        .target(
            name: "BuiltinPlugins",
            dependencies: [
                "Pipeline", "Extraction", "Enrichment", "Sinks", "RelationalSinks", "TrialModel",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "Operations",
            dependencies: [
                "Pipeline",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "TrialpipeCLI",
            dependencies: [
                "Pipeline", "PipelineRuntime", "BuiltinPlugins", "Watch", "TrialModel", "Extraction", "Sinks", "XMLSupport",
                "Operations", "PipelineTesting", "CSQLiteSettings", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "PipelineTesting",
            dependencies: ["Pipeline", "TrialModel", .product(name: "Logging", package: "swift-log")],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "trialpipe", dependencies: ["TrialpipeCLI"], swiftSettings: upcoming,
            // lld with packed relative relocations (DT_RELR, glibc 2.36+): 44,000 dynamic relocations take 12 KB
            // instead of 1.3 MB, which the loader read into every process's resident memory at start-up.
            linkerSettings: [
                .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux]))
            ]),

        .testTarget(name: "TrialModelTests", dependencies: ["TrialModel", "PipelineTesting"], swiftSettings: upcoming),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport", "TrialpipeErrors"], swiftSettings: upcoming),
        .testTarget(
            name: "ExtractionTests", dependencies: ["Extraction", "PipelineTesting", "TrialModel"],
            exclude: ["Fixtures"], swiftSettings: upcoming),
        .testTarget(name: "EnrichmentTests", dependencies: ["Enrichment", "TrialModel"], swiftSettings: upcoming),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "PipelineTesting", .product(name: "Logging", package: "swift-log")],
            swiftSettings: upcoming),
        .testTarget(
            name: "PipelineRuntimeTests", dependencies: ["PipelineRuntime", "Pipeline", "PipelineTesting", "TrialModel", "Watch"],
            swiftSettings: upcoming),
        .testTarget(
            name: "SinksTests",
            dependencies: ["Sinks", "Pipeline", "PipelineTesting", "TrialModel", "XMLSupport"],
            swiftSettings: upcoming
        ),
        .testTarget(name: "WatchTests", dependencies: ["Watch", "TrialpipeErrors"], swiftSettings: upcoming),
        .testTarget(
            name: "RelationalSinksTests",
            dependencies: [
                "RelationalSinks", "Pipeline", "PipelineTesting", "TrialModel", "BuiltinPlugins",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "OperationsTests", dependencies: ["Operations", "Pipeline", "PipelineTesting"],
            swiftSettings: upcoming),
        .testTarget(
            name: "TrialpipeCLITests",
            dependencies: [
                "TrialpipeCLI", "Pipeline", "PipelineRuntime", "PipelineTesting", "BuiltinPlugins", "TrialModel", "Sinks", "XMLSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Golden"],
            swiftSettings: upcoming
        ),
    ]
)
