import ChronicleModel
import XCTest
@testable import ChronicleUI

/// Each screen rendered at 100×30, 60×20 and 40×12, compared with
/// Snapshots/*.txt; plus the styles that carry meaning.
final class RenderTests: XCTestCase {
    static let sizes = [(100, 30), (60, 20), (40, 12)]

    func snapshots(_ name: String, _ script: (inout AppState) -> Void, file: StaticString = #filePath, line: UInt = #line) {
        for (width, height) in Self.sizes {
            var state = Fixtures.state(width, height)
            script(&state)
            assertSnapshot(Renderer.render(state), named: "\(name)-\(width)x\(height)", file: file, line: line)
        }
    }

    func testTimeline() {
        snapshots("timeline") { state in Fixtures.select(Fixtures.spine("2024-03"), &state) }
    }

    func testEventPassages() {
        snapshots("event-passages") { state in
            Fixtures.select(Fixtures.spine("2025-04-17"), &state)
            Fixtures.type("Enter j", &state)
        }
    }

    func testReaderAtPassage() {
        snapshots("reader") { state in
            Fixtures.select(Fixtures.spine("2025-04-17"), &state)
            Fixtures.type("Enter j j Enter", &state)
        }
    }

    func testSideBySide() {
        snapshots("side-by-side") { state in
            Fixtures.select(Fixtures.spine("2024-03"), &state)
            Fixtures.type("s", &state)
        }
    }

    func testHelp() {
        snapshots("help") { state in Fixtures.type("?", &state) }
    }

    func testCoverage() {
        snapshots("coverage") { state in
            Fixtures.select(Fixtures.spine("2024-03"), &state)
            Fixtures.type("c l", &state)
        }
    }

    func testSearchHits() {
        snapshots("search-hits") { state in
            Fixtures.type("/", &state)
            for character in "Kabulov" { _ = Reducer.handle(.character(character), &state) }
            Fixtures.type("Enter Tab j", &state)
        }
    }

    func testPicker() {
        snapshots("picker") { state in Fixtures.type("a j", &state) }
    }

    func testTooSmallSaysWhatItNeeds() {
        let message = "Chronicle needs at least 24×7"
        for (width, height) in [(1, 1), (10, 3), (23, 30), (100, 6)] {
            let grid = Renderer.render(Fixtures.state(width, height))
            // The message, cut with an ellipsis where it does not fit, and nothing else.
            let expected = message.count <= width ? message : String(message.prefix(width - 1)) + "…"
            XCTAssertEqual(grid.text, ([expected] + Array(repeating: "", count: height - 1)).joined(separator: "\n"), "\(width)×\(height)")
        }
        XCTAssertEqual(Renderer.render(Fixtures.state(0, 0)).cells.count, 0)
    }

    func testSelectionAndQuotesAreStyled() throws {
        var state = Fixtures.state()
        Fixtures.select(Fixtures.spine("2024-07-04"), &state)
        var grid = Renderer.render(state)
        let row = Fixtures.data.timelineRows.row(ofEvent: state.timeline.selected)! - state.timeline.listScroll + 1
        XCTAssertEqual(grid[2, row].role, .selection)
        Fixtures.type("Enter Enter", &state)
        grid = Renderer.render(state)
        let roles = Set(grid.cells.map(\.role))
        XCTAssertTrue(roles.contains(.quoteCurrent), "the passage opened is highlighted")
        // The highlighted cells spell the quote.
        let reader = try XCTUnwrap(state.article)
        let source = try XCTUnwrap(Fixtures.corpus.source(reader.sourceID))
        let passage = Fixtures.data.citedPassages(of: reader.sourceID)[reader.passage!]
        let highlighted = grid.cells.filter { $0.role == .quoteCurrent }.map(\.text).joined()
        let expected = source.displayText(passage.range).filter { $0 != " " }
        XCTAssertEqual(highlighted.filter { $0 != " " }, expected)
    }

    func testUntitledAndInferredAreShownNotInvented() throws {
        var state = Fixtures.state()
        let index = try XCTUnwrap(Fixtures.corpus.events.firstIndex { $0.sourceIDs == ["defence-talks-2024-10-04"] && $0.date.inferred })
        Fixtures.select(index, &state)
        var text = Renderer.render(state).text
        XCTAssertTrue(text.contains("(inferred)"), text)
        Fixtures.type("Enter Enter", &state)
        text = Renderer.render(state).text
        XCTAssertTrue(text.contains("Defence Talks"), text)
        Fixtures.type("g", &state)
        text = Renderer.render(state).text
        XCTAssertTrue(text.contains("(untitled: the article prints no headline)"), text)
        XCTAssertTrue(text.contains("4 Oct 2024 (inferred)"), text)
    }
}
