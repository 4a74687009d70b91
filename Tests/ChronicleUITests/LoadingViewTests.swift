import ChronicleModel
import XCTest
@testable import ChronicleUI

/// The loading screen and the line on standard error: what, n of N, about
/// how long, a bar as full as the load is done, and a corpus's name that
/// cannot reach the terminal as an escape.
final class LoadingViewTests: XCTestCase {
    let reading = LoadProgress.Snapshot(stage: .readingArticles, done: 9_024, total: 20_000, fraction: 0.5, elapsed: 3, remaining: 3.2)

    func testTheWordsSayWhatHowManyAndAboutHowLong() {
        XCTAssertEqual(LoadingView.words(reading), "reading articles 9,024 of 20,000 · about 3 s left")
        XCTAssertEqual(LoadingView.words(.init(stage: .writingCache, fraction: 1, elapsed: 1)), "writing the cache",
                       "no count, no estimate where there is none")
        XCTAssertEqual(LoadingView.words(.init(stage: .anchoringQuotes, done: 1_000_000, total: 1_234_567, fraction: 0.9, elapsed: 1)),
                       "anchoring the quotes of events 1,000,000 of 1,234,567")
        XCTAssertEqual(LoadingView.timeLeft(0.4), "about 1 s left")
        XCTAssertEqual(LoadingView.timeLeft(44.6), "about 45 s left")
        XCTAssertEqual(LoadingView.timeLeft(600), "about 10 min left")
    }

    func testTheBarIsAsFullAsTheLoadIsDone() {
        XCTAssertEqual(LoadingView.bar(0, width: 17), "[>         ]   0%")
        XCTAssertEqual(LoadingView.bar(0.5, width: 17), "[=====>    ]  50%")
        XCTAssertEqual(LoadingView.bar(1, width: 17), "[==========] 100%")
        XCTAssertEqual(LoadingView.bar(7, width: 17), "[==========] 100%", "never past full")
        for width in 8...60 {
            XCTAssertEqual(LoadingView.bar(0.37, width: width).count, width, "width \(width)")
        }
    }

    func testTheLineFitsTheTerminal() {
        for width in [20, 40, 80, 200] {
            let line = LoadingView.line(reading, width: width)
            XCTAssertLessThan(line.count, width, "one column left free, so the cursor does not wrap: \(line)")
            XCTAssertTrue(line.hasPrefix("chronicle: ["), line)
        }
        XCTAssertTrue(LoadingView.line(reading, width: 120).hasSuffix("reading articles 9,024 of 20,000 · about 3 s left"))
    }

    func testTheScreenShowsTheLoadAndAHostileNameHarmlessly() {
        var snapshot = reading
        snapshot.reason = "articles/\u{1B}[31mred.txt changed"
        let grid = LoadingView.render(snapshot, corpusName: "/tmp/\u{1B}]0;owned\u{07}corpus", size: Size(width: 100, height: 30))
        let text = grid.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("Reading and checking the corpus"), text)
        XCTAssertTrue(text.contains("reading articles 9,024 of 20,000 · about 3 s left"), text)
        XCTAssertTrue(text.contains("] 50%") || text.contains("]  50%"), text)
        XCTAssertTrue(text.contains("from its files: articles/"), text)
        XCTAssertTrue(text.contains("q quit"), text)
        XCTAssertFalse(grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } },
                       "no control character reaches a cell:\n" + text)
        // Too small to say it all: a word, not a mangled screen.
        XCTAssertEqual(LoadingView.render(reading, corpusName: "c", size: Size(width: 12, height: 3)).lines.first?.hasPrefix("Loading"), true)
    }
}
