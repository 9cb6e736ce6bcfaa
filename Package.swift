// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Regulars",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "regulars", targets: ["RegularsCLI"]),
        .library(name: "RegularsData", targets: ["RegularsData"]),
        .library(name: "RegularsSegments", targets: ["RegularsSegments"]),
        .library(name: "RegularsRecommend", targets: ["RegularsRecommend"]),
        .library(name: "RegularsMeasure", targets: ["RegularsMeasure"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "RegularsData",
            dependencies: [
                "CZlib", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "RegularsSegments", dependencies: ["RegularsData"], swiftSettings: swiftSettings),
        .target(name: "RegularsRecommend", dependencies: ["RegularsData"], swiftSettings: swiftSettings),
        .target(
            name: "RegularsMeasure",
            dependencies: ["RegularsData", "RegularsRecommend"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RegularsCLI",
            dependencies: [
                "RegularsData", "RegularsSegments", "RegularsRecommend", "RegularsMeasure",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RegularsTestSupport",
            dependencies: ["RegularsData"],
            path: "Tests/RegularsTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsDataTests",
            dependencies: ["RegularsData", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsSegmentsTests",
            dependencies: ["RegularsSegments", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsRecommendTests",
            dependencies: ["RegularsRecommend", "RegularsMeasure", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegularsCLITests",
            dependencies: ["RegularsCLI", "RegularsTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
