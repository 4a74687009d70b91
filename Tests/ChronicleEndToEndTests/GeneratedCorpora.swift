import Foundation
import XCTest

/// Corpora the end-to-end tests open, made by the real binary's
/// `bench generate` and removed when the test ends.
enum GeneratedCorpora {
    /// `chronicle bench generate` of `articles` articles (five events each), seed 3.
    static func generated(articles: Int = 400, for test: XCTestCase) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-e2e-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let generate = Process()
        generate.executableURL = Tmux.binary
        generate.arguments = ["bench", "generate", "--articles", String(articles), "--seed", "3", "--out", directory.path]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        XCTAssertEqual(generate.terminationStatus, 0)
        return directory
    }

    /// A generated corpus plus one source whose article is not there yet,
    /// cited (by `quote`) by the last event of the timeline: started with
    /// `heldBack` in its environment, a load from the files waits for that
    /// article (CHRONICLE_TEST_HOLD) until `release` writes it, while the
    /// first events, which do not cite it, make the browser's preview.
    static func heldBack(articles: Int, quote: String = "held back until now", for test: XCTestCase) throws -> (directory: URL, article: URL) {
        let directory = try generated(articles: articles, for: test)
        let manifestURL = directory.appendingPathComponent("manifest.yaml")
        var manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        manifest = manifest.replacingOccurrences(of: "\nactors:\n", with: """

              - id: late
                file: articles/late.txt
                outlet: Late Outlet
                published: "2999"
            actors:

            """)
        manifest += "  - events-late.yaml\n"
        try manifest.write(to: manifestURL, atomically: true, encoding: .utf8)
        try """
            events:
              - id: the-last
                date: "2999"
                title: The last event
                citations:
                  - source: late
                    quote: \(quote)

            """.write(to: directory.appendingPathComponent("events-late.yaml"), atomically: true, encoding: .utf8)
        return (directory, directory.appendingPathComponent("articles/late.txt"))
    }

    /// The environment that holds the load back until `release`.
    static let heldBackEnvironment = Tmux.colourTerminal + " CHRONICLE_TEST_HOLD=articles/late.txt"

    /// Writes the held-back article (the load is waiting for it), whole at
    /// once: written beside it and renamed.
    static func release(_ article: URL) throws {
        try Data("The text was held back until now.\n".utf8).write(to: article, options: .atomic)
    }
}
