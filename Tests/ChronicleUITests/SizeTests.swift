import ChronicleModel
import XCTest
@testable import ChronicleUI

/// Every screen at every size from 1×1 to 400×120: a frame of exactly that
/// size whose cells are consistent, and scroll state in range.
final class SizeTests: XCTestCase {
    /// States worth resizing: each screen and overlay, reached by keys.
    static let scripts = ["", "j j Enter j", "Enter Enter", "s", "s l ] PgDn", "?", "Enter Enter ?", "a", "d", "/", "t", "c"]
    static let widths = [1, 2, 5, 23, 24, 25, 40, 59, 60, 79, 80, 81, 120, 400]
    static let heights = [1, 2, 3, 6, 7, 8, 12, 20, 30, 120]

    func testEveryScreenAtEverySize() {
        for script in Self.scripts {
            var state = Fixtures.state()
            Fixtures.type(script, &state)
            if script == "/" { for c in "Kabulov" { _ = Reducer.handle(.character(c), &state) } }
            for width in Self.widths {
                for height in Self.heights {
                    let at = "\(script) at \(width)×\(height)"
                    _ = Reducer.reduce(&state, .resize(Size(width: width, height: height)))
                    let grid = Renderer.render(state)
                    XCTAssertEqual(grid.width, width)
                    XCTAssertEqual(grid.height, height)
                    assertCellsConsistent(grid, at)
                    assertScrollsInRange(state, at)
                    if width < ScreenLayout.minimum.width || height < ScreenLayout.minimum.height {
                        XCTAssertTrue(grid.lines[0].hasPrefix(width >= 30 ? "Chronicle needs at least 24×7" : (width == 1 ? "…" : "C")), at)
                    } else {
                        // The title bar names the program, the status bar is not empty.
                        XCTAssertTrue(grid.lines[0].hasPrefix(" Chron"), at)
                        XCTAssertFalse(grid.lines[height - 1].trimmingCharacters(in: .whitespaces).isEmpty, at)
                    }
                    // Keys still work at this size.
                    _ = Reducer.handle(.down, &state)
                    _ = Reducer.handle(.up, &state)
                }
            }
            // And back to a usable size, with the same screen.
            let screen = state.screen
            _ = Reducer.reduce(&state, .resize(Size(width: 100, height: 30)))
            XCTAssertEqual(state.screen, screen, script)
            XCTAssertFalse(Renderer.render(state).text.contains("needs at least"), script)
        }
    }

    /// A wide glyph's second cell is a continuation, a continuation follows
    /// a wide glyph, and the cells of a row add up to the grid's width.
    func assertCellsConsistent(_ grid: Grid, _ at: String, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<grid.height {
            var columns = 0
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation {
                    XCTAssertTrue(x > 0 && grid[x - 1, y].width == 2, "\(at): a continuation at (\(x), \(y)) after no wide glyph", file: file, line: line)
                } else {
                    columns += Int(cell.width)
                    if cell.width == 2 {
                        XCTAssertTrue(x + 1 < grid.width && grid[x + 1, y].isContinuation, "\(at): a wide glyph at (\(x), \(y)) without its continuation", file: file, line: line)
                    }
                }
            }
            XCTAssertEqual(columns, grid.width, "\(at): row \(y)", file: file, line: line)
        }
    }

    /// Each scroll no further than its content allows, and the selection in
    /// view while the list has the focus.
    func assertScrollsInRange(_ state: AppState, _ at: String, file: StaticString = #filePath, line: UInt = #line) {
        let list = state.listAreas.events
        XCTAssertTrue((0...max(0, state.rows.count - list.height)).contains(state.timeline.listScroll), "\(at): list scroll \(state.timeline.listScroll)", file: file, line: line)
        if !ScreenLayout(state.size).isTooSmall, state.screen == .timeline, state.timeline.focus == .list, list.height > 0, let row = state.rows.row(ofEvent: state.timeline.selected) {
            XCTAssertTrue((state.timeline.listScroll..<state.timeline.listScroll + list.height).contains(row), "\(at): the selection is out of view", file: file, line: line)
        }
        if let article = state.article {
            let text = ScreenLayout.articleText(in: ScreenLayout(state.size).body)
            let rows = article.layout(width: text.width, state)?.rows.count ?? 0
            XCTAssertTrue((0...max(0, rows - text.height)).contains(article.scroll), "\(at): article scroll \(article.scroll) of \(rows)", file: file, line: line)
        }
        for (pane, text) in zip(state.sideBySide?.panes ?? [], SideBySideScreen.texts(state)) {
            let rows = pane.layout(width: text.width, state)?.rows.count ?? 0
            XCTAssertTrue((0...max(0, rows - text.height)).contains(pane.scroll), "\(at): pane scroll \(pane.scroll) of \(rows)", file: file, line: line)
        }
        if let coverage = state.coverage {
            XCTAssertTrue(state.corpus.events.indices.contains(coverage.row), "\(at): coverage row", file: file, line: line)
            XCTAssertTrue(coverage.rowScroll >= 0 && coverage.rowScroll <= max(0, state.corpus.events.count - 1), "\(at): coverage scroll", file: file, line: line)
        }
    }
}
