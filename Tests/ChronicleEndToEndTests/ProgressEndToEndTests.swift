import Foundation
import XCTest

/// A load without a valid cache shows how far it has come: the browser's
/// first screen until the corpus is ready, a command's line on a terminal's
/// standard error, and nothing into a pipe. Each load is held back on one
/// article (CHRONICLE_TEST_HOLD) so the progress is on screen to be seen.
final class ProgressEndToEndTests: XCTestCase {
    /// Six sources, the sixth's article absent until `release` and cited by
    /// the last of 26 events: the browser's preview (every event is among the
    /// first) and a command's whole load wait for it.
    func corpusHeldBack() throws -> (directory: URL, article: URL) { try GeneratedCorpora.heldBack(articles: 5, for: self) }

    static let heldBack = GeneratedCorpora.heldBackEnvironment

    func release(_ article: URL) throws { try GeneratedCorpora.release(article) }

    func testTheBrowsersFirstScreenShowsTheLoadAndKeepsTheKeysTyped() throws {
        let (directory, article) = try corpusHeldBack()
        let tmux = try Tmux(test: self)
        try tmux.start(["--corpus", directory.path], environment: Self.heldBack)
        var screen = try tmux.waitFor("the progress bar") { $0.contains("reading the first events' articles") }
        XCTAssertTrue(screen.contains("Reading and checking the corpus"), screen)
        XCTAssertTrue(screen.contains("from its files: there was no cache yet"), screen)
        XCTAssertNotNil(screen.range(of: #"\[[=> ]+\] +\d+%"#, options: .regularExpression), "a bar and its percentage:\n" + screen)
        XCTAssertTrue(screen.contains(directory.path), "the corpus is named:\n" + screen)
        // Keys typed while it loads wait for the corpus.
        try tmux.keys("j")
        try tmux.resize(80, 24)
        screen = try tmux.waitFor("the bar at the new size") { screen in
            // Centred again: 72 columns of it, 4 on either side.
            screen.contains("reading the first events' articles") && screen.contains("\n    Reading and checking the corpus\n")
        }
        XCTAssertTrue(screen.split(separator: "\n").allSatisfy { $0.count <= 80 }, screen)
        try release(article)
        screen = try tmux.waitFor("the timeline, the key applied") { $0.contains("2/26") }
        XCTAssertFalse(screen.contains("Reading and checking"), screen)
        try tmux.keys("q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        XCTAssertEqual(tmux.contents(of: "stty-after"), tmux.contents(of: "stty-before"), "the terminal as it was")
    }

    func testQuittingWhileItLoadsGivesTheTerminalBack() throws {
        let (directory, _) = try corpusHeldBack()
        let tmux = try Tmux(test: self)
        try tmux.start(["--corpus", directory.path], environment: Self.heldBack)
        try tmux.waitFor("the progress bar") { $0.contains("reading the first events' articles") }
        try tmux.keys("q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        XCTAssertEqual(tmux.contents(of: "stty-after"), tmux.contents(of: "stty-before"), "the terminal as it was")
    }

    func testACommandDrawsItsBarOnATerminalAndWipesIt() throws {
        let (directory, article) = try corpusHeldBack()
        let tmux = try Tmux(test: self)
        try tmux.start(["validate", "--corpus", directory.path], environment: Self.heldBack)
        let screen = try tmux.waitFor("the bar on standard error") { $0.contains("reading articles 0 of 6") }
        XCTAssertTrue(screen.contains("chronicle: ["), screen)
        try release(article)
        let after = try tmux.waitFor("the command's output") { $0.contains("CHRONICLE-DONE") }
        XCTAssertFalse(after.contains("reading articles"), "the bar is wiped before the output:\n" + after)
        XCTAssertTrue(after.contains("26 valid events"), after)
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
    }

    func testACommandWritesNoBarIntoAPipe() throws {
        let (directory, article) = try corpusHeldBack()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-e2e-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: work) }
        // The article comes a second after the load starts waiting for it;
        // standard error goes through a pipe to a file.
        let line = "cd \(work.path) && (sleep 1; printf 'The text was held back until now.\\n' > \(article.path).new && mv \(article.path).new \(article.path)) & "
            + "HOME=\(work.path) XDG_CACHE_HOME=\(work.path)/cache CHRONICLE_TEST_HOLD=articles/late.txt "
            + "\(Tmux.binary.path) validate --corpus \(directory.path) 2>&1 >\(work.path)/out | cat >\(work.path)/err; wait"
        XCTAssertEqual(try Tmux.shell(line), 0)
        let err = try String(contentsOf: work.appendingPathComponent("err"), encoding: .utf8)
        XCTAssertFalse(err.contains("reading articles") || err.contains("\r") || err.contains("\u{1B}"), "no bar into a pipe: \(err.debugDescription)")
        let out = try String(contentsOf: work.appendingPathComponent("out"), encoding: .utf8)
        XCTAssertTrue(out.contains("26 valid events"), out)
    }
}
