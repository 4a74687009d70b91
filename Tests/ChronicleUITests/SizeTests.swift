import ChronicleModel
import XCTest
@testable import ChronicleUI

/// Every screen at every size from 1×1 to 400×120: a frame of exactly that
/// size, nothing drawn outside it, and scroll state that stays in range.
final class SizeTests: XCTestCase {
    /// States worth resizing: each screen and overlay, reached by keys.
    static let scripts = ["", "j j Enter j", "Enter Enter", "s", "s l ] PgDn", "?", "Enter Enter ?", "a", "d", "/", "t"]
    static let widths = [1, 2, 5, 23, 24, 25, 40, 59, 60, 79, 80, 81, 120, 400]
    static let heights = [1, 2, 3, 6, 7, 8, 12, 20, 30, 120]

    func testEveryScreenAtEverySize() {
        for script in Self.scripts {
            var state = Fixtures.state()
            Fixtures.type(script, &state)
            if script == "/" { for c in "Kabulov" { _ = Reducer.handle(.character(c), &state) } }
            for width in Self.widths {
                for height in Self.heights {
                    _ = Reducer.reduce(&state, .resize(Size(width: width, height: height)))
                    let grid = Renderer.render(state)
                    XCTAssertEqual(grid.width, width)
                    XCTAssertEqual(grid.height, height)
                    let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false)
                    XCTAssertLessThanOrEqual(rows.count, height + 1, "\(script) at \(width)×\(height)")
                    for row in rows { XCTAssertLessThanOrEqual(TextWidth.of(String(row)), width, "\(script) at \(width)×\(height)") }
                    XCTAssertGreaterThanOrEqual(state.timeline.listScroll, 0)
                    XCTAssertGreaterThanOrEqual(state.reader?.scroll ?? 0, 0)
                    if width < ScreenLayout.minimum.width || height < ScreenLayout.minimum.height {
                        // The one-line message, cut with an ellipsis when even that does not fit.
                        let first = String(rows[0])
                        XCTAssertTrue(width >= 30 ? first.hasPrefix("Chronicle needs at least 24×7") : first.hasPrefix(width == 1 ? "…" : "C"), "\(width)×\(height): \(first)")
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
}
