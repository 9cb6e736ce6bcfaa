// swift-tools-version:6.1
import PackageDescription

// Benchmarks of Regulars, in their own package so that the library and the shipped `regulars` never
// depend on the benchmark harness. Run: `swift package --package-path Benchmarks benchmark` (README.md).
let package = Package(
    name: "RegularsBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Regulars", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // What several benchmarks share: the online-retail store, trained models, seeded requests.
        .target(
            name: "BenchmarkFixtures",
            dependencies: [
                .product(name: "RegularsData", package: "Regulars"),
                .product(name: "RegularsRecommend", package: "Regulars"),
                .product(name: "RegularsTestSupport", package: "Regulars"),
            ]
        ),
        benchmark(
            "Import",
            [
                .product(name: "RegularsTestSupport", package: "Regulars"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        benchmark("Train", ["BenchmarkFixtures", .product(name: "RegularsRecommend", package: "Regulars")]),
        benchmark("Recommend", ["BenchmarkFixtures", .product(name: "RegularsRecommend", package: "Regulars")]),
        benchmark(
            "Predict",
            [
                .product(name: "RegularsSegments", package: "Regulars"),
                .product(name: "RegularsTestSupport", package: "Regulars"),
            ]),
        benchmark(
            "HTTP",
            [
                "BenchmarkFixtures", .product(name: "RegularsServer", package: "Regulars"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
    ]
)

/// One benchmark executable under `Benchmarks/NAME/`, as the benchmark plugin expects.
func benchmark(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: dependencies + [.product(name: "Benchmark", package: "benchmark")],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
