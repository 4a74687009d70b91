// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Chronicle",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chronicle", targets: ["chronicle"]),
        .library(name: "ChronicleModel", targets: ["ChronicleModel"]),
        .library(name: "ChronicleUI", targets: ["ChronicleUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The model: sources, passages, events, dates, validation. No terminal code.
        .target(
            name: "ChronicleModel",
            dependencies: ["CModelSupport", .product(name: "Yams", package: "Yams")]
        ),
        // C for the model: SHA-256 with the CPU's SHA instructions where it
        // has them, libc's memmem and malloc_trim.
        .target(name: "CModelSupport"),
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
        // The browser as pure state: keys, actions, reducer, renderer into a cell grid.
        .target(
            name: "ChronicleUI",
            dependencies: ["ChronicleModel"]
        ),
        // Generated corpora and the benchmark (chronicle bench).
        .target(
            name: "ChronicleBench",
            dependencies: ["ChronicleModel", "ChronicleUI"]
        ),
        // ncursesw through pkg-config; the shim header re-exports what Swift cannot see.
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Signal and saved-termios state that must exist once per process.
        .target(name: "CTerminalSupport"),
        // The only module that imports ncurses.
        .target(
            name: "ChronicleTerminal",
            dependencies: ["CNCursesW", "CTerminalSupport", "ChronicleUI"]
        ),
        // The commands (swift-argument-parser); the browser's run loop.
        .executableTarget(
            name: "chronicle",
            dependencies: [
                "ChronicleUI",
                "ChronicleTerminal",
                "ChronicleBench",
                "ChronicleModel",
                "ChronicleDefaultCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/ChronicleCommands"
        ),
        .testTarget(
            name: "ChronicleModelTests",
            dependencies: ["ChronicleModel", "ChronicleDefaultCorpus", "ChronicleBench", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "ChronicleUITests",
            dependencies: ["ChronicleUI", "ChronicleModel", "ChronicleDefaultCorpus"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "ChronicleEndToEndTests",
            // The model and the browser too: a screen tmux shows is
            // compared with the grid the browser renders for the same keys.
            dependencies: ["chronicle", "ChronicleModel", "ChronicleUI"]
        ),
        .testTarget(
            name: "ChronicleCLITests",
            dependencies: ["ChronicleModel", "chronicle"]
        ),
    ]
)
