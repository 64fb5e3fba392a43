// swift-tools-version: 6.2
// The fuzz targets: one libFuzzer executable per reader of untrusted bytes. Built and run by Scripts/fuzz
// (release, -sanitize=fuzzer,address, -parse-as-library, -enable-testing), never by the main package's build.
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The fuzz targets: product name (`fuzz-NAME`, the name Scripts/fuzz takes) and target folder.
/// `usesPlugins`: the target reads pipeline files or exec answers, so it needs the plugin layer (TrialpipeKit).
let fuzzers: [(name: String, target: String, usesPlugins: Bool)] = [
    ("extract", "ExtractFuzzer", false),
    ("text-layouts", "TextLayoutsFuzzer", false),
    ("html", "HTMLFuzzer", false),
    ("ctgov-xml", "CTGovXMLFuzzer", false),
    ("ctgov-json", "CTGovJSONFuzzer", false),
    ("pipeline-file", "PipelineFileFuzzer", true),
    ("matchers", "MatchersFuzzer", false),
    ("inotify-events", "InotifyEventsFuzzer", false),
    ("exec-answers", "ExecAnswersFuzzer", true),
    ("record-json", "RecordJSONFuzzer", false),
]

let readers: Target.Dependency = .product(name: "TrialpipeReaders", package: "trialpipe")
let plugins: Target.Dependency = .product(name: "TrialpipeKit", package: "trialpipe")

let package = Package(
    name: "trialpipe-fuzz",
    platforms: [.macOS(.v15)],
    products: fuzzers.map { .executable(name: "fuzz-\($0.name)", targets: [$0.target]) },
    dependencies: [.package(name: "trialpipe", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver", readers],
            swiftSettings: upcoming
        ),
    ]
        + fuzzers.map {
            .executableTarget(
                name: $0.target,
                dependencies: ["FuzzSupport", readers] + ($0.usesPlugins ? [plugins] : []),
                swiftSettings: upcoming
            )
        }
)
