// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]
/// The models' numeric loops (tree growing, Cholesky, co-occurrence counts) run 20-50× slower unoptimized: a debug
/// `swift run regulars demo` trained for a minute. These targets are optimized in debug builds too.
let numericSettings: [SwiftSetting] = swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "Regulars",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "regulars", targets: ["RegularsCLI"]),
        .library(name: "RegularsData", targets: ["RegularsData"]),
        .library(name: "RegularsSegments", targets: ["RegularsSegments"]),
        .library(name: "RegularsRecommend", targets: ["RegularsRecommend"]),
        .library(name: "RegularsMeasure", targets: ["RegularsMeasure"]),
        .library(name: "RegularsServer", targets: ["RegularsServer"]),
        .library(name: "RegularsContent", targets: ["RegularsContent"]),
        .library(name: "RegularsShop", targets: ["RegularsShop"]),
        // Fixtures and the synthetic orders file, for the benchmark package (Benchmarks/, its own package).
        .library(name: "RegularsTestSupport", targets: ["RegularsTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "RegularsData",
            dependencies: [
                "CZlib", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The PostgreSQL store (`--store postgres://…`): the same `Store` as SQLite's, for installs outgrowing a file.
        .target(
            name: "RegularsPostgres",
            dependencies: [
                "RegularsData", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // The demo home-goods shop (`regulars demo`, tests): generated orders with planted patterns.
        .target(name: "RegularsDemo", dependencies: ["RegularsData"], swiftSettings: swiftSettings),
        .target(name: "RegularsSegments", dependencies: ["RegularsData"], swiftSettings: swiftSettings),
        .target(name: "RegularsRecommend", dependencies: ["RegularsData"], swiftSettings: numericSettings),
        .target(
            name: "RegularsMeasure",
            dependencies: ["RegularsData", "RegularsRecommend"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RegularsServer",
            dependencies: [
                "RegularsData", "RegularsSegments", "RegularsRecommend", "RegularsMeasure", "RegularsContent",
                "RegularsShop",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            // openapi.yaml is the one description of the HTTP API: the plugin generates the server from it
            // and the server serves it, converted to JSON, at GET /openapi.json.
            resources: [.copy("openapi.yaml")],
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "RegularsContent",
            dependencies: [
                "RegularsData", "RegularsRecommend", "RegularsSegments",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        // The use cases over one shop (as-of, train, recommend, campaigns, erasure); the CLI and the server call it.
        .target(
            name: "RegularsShop",
            dependencies: [
                "RegularsData", "RegularsSegments", "RegularsRecommend", "RegularsContent", "RegularsMeasure",
                "RegularsPostgres",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RegularsCLI",
            dependencies: [
                "RegularsData", "RegularsSegments", "RegularsRecommend", "RegularsMeasure", "RegularsServer",
                "RegularsContent", "RegularsShop", "RegularsDemo", "RegularsPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RegularsTestSupport",
            dependencies: ["RegularsData", "RegularsPostgres"],
            path: "Tests/RegularsTestSupport",
            swiftSettings: swiftSettings
        ),
        // Writes the synthetic orders file for scripts/import-vs-sqlite.sh; not part of the shipped `regulars`.
        .executableTarget(
            name: "RegularsSyntheticOrders",
            dependencies: ["RegularsTestSupport"],
            path: "Tests/RegularsSyntheticOrders",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsDataTests",
            dependencies: [
                "RegularsData", "RegularsPostgres", "RegularsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsDemoTests",
            dependencies: ["RegularsDemo", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsSegmentsTests",
            dependencies: ["RegularsSegments", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsRecommendTests",
            dependencies: ["RegularsRecommend", "RegularsDemo", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsMeasureTests",
            dependencies: ["RegularsMeasure", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsServerTests",
            dependencies: [
                "RegularsServer", "RegularsShop", "RegularsTestSupport", "RegularsPostgres",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"), .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsContentTests",
            dependencies: [
                "RegularsContent", "RegularsDemo", "RegularsTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsShopTests",
            dependencies: ["RegularsShop", "RegularsMeasure", "RegularsDemo", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsCLITests",
            dependencies: ["RegularsCLI", "RegularsDemo", "RegularsShop", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
