// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Chronicle",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chronicle", targets: ["chronicle"]),
        .library(name: "ChronicleModel", targets: ["ChronicleModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The model: sources, passages, events, dates, validation. No terminal code.
        .target(
            name: "ChronicleModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The default corpus (seeds/), compiled into the binary by the plugin below.
        .target(
            name: "ChronicleDefaultCorpus",
            plugins: [.plugin(name: "EmbedCorpusPlugin")]
        ),
        .executableTarget(name: "EmbedCorpusTool"),
        .plugin(
            name: "EmbedCorpusPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedCorpusTool"]
        ),
        .executableTarget(
            name: "chronicle",
            dependencies: [
                "ChronicleModel",
                "ChronicleDefaultCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ChronicleModelTests",
            dependencies: ["ChronicleModel", "ChronicleDefaultCorpus"]
        ),
        .testTarget(
            name: "ChronicleCLITests",
            dependencies: ["ChronicleModel"]
        ),
    ]
)
