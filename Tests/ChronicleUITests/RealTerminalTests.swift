import ChronicleModel
import XCTest
@testable import ChronicleUI

/// What a person sees in a real terminal beyond the characters: one style
/// on a status line holding a notice, whole titles, a pane that takes the
/// whole width.
final class RealTerminalTests: XCTestCase {
    func testANoticeKeepsTheWholeStatusLineInOneStyle() {
        var state = Fixtures.state(100, 30)
        Fixtures.select(Fixtures.spine("2024-03"), &state)
        Fixtures.type("s", &state)
        state.notice = "Only one source cites this event; the second pane shows another article"
        let grid = Renderer.render(state)
        let roles = Set((0..<grid.width).map { grid[$0, grid.height - 1].role })
        XCTAssertEqual(roles, [.statusKey], "the status line: \(grid.lines[grid.height - 1])")
        // Without a notice the hints and the position keep their two styles.
        state.notice = nil
        let plain = Renderer.render(state)
        XCTAssertEqual(Set((0..<plain.width).map { plain[$0, plain.height - 1].role }), [.statusBar, .statusKey])
    }

    func testTheListTakesTheRoomItsTitlesWantAndLeavesTheEventPaneItsLeast() {
        for width in [100, 110, 140, 200] {
            let state = Fixtures.state(width, 30)
            let panes = state.timelinePanes
            XCTAssertGreaterThanOrEqual(panes.list.width, width * 11 / 20, "\(width)")
            XCTAssertGreaterThanOrEqual(panes.detail.width + 2, max(30, width * 3 / 10), "\(width)")
            XCTAssertLessThanOrEqual(panes.list.width, max(width * 11 / 20, state.data.listRowWidth), "\(width)")
        }
        // At 110 columns the list is wider than half the screen.
        var state = Fixtures.state(110, 32)
        XCTAssertGreaterThan(state.timelinePanes.list.width, 110 * 11 / 20)
        // Wide enough, every title is whole.
        state = Fixtures.state(200, 32)
        let text = Renderer.render(state).text
        for event in state.corpus.events.prefix(20) { XCTAssertTrue(text.contains(event.title), event.title) }
    }

    func testOGivesTheFocusedPaneTheWholeWidthAndBackAndIsKept() {
        var state = Fixtures.state(110, 32)
        Fixtures.select(Fixtures.spine("2003"), &state)
        let title = state.selectedEvent!.title
        XCTAssertFalse(Renderer.render(state).text.contains(title), "cut before O")
        Fixtures.type("O", &state)
        var text = Renderer.render(state).text
        XCTAssertTrue(text.contains(title), text)
        XCTAssertEqual(state.timelinePanes.list.width, 110)
        XCTAssertFalse(text.contains("│"), "no divider while one pane has the width")
        // Tab: the event pane alone, its summary at the whole width.
        Fixtures.type("Tab", &state)
        XCTAssertEqual(state.timelinePanes.list.width, 0)
        XCTAssertEqual(state.timelinePanes.detail.width, 108)
        text = Renderer.render(state).text
        XCTAssertFalse(text.contains("── 2003 ──"), "the list is hidden")
        // Kept while browsing: side by side opens with one pane, and back.
        Fixtures.type("S-Tab s", &state)
        XCTAssertEqual(SideBySideScreen.panes(state).first.width, 110)
        XCTAssertTrue(SideBySideScreen.panes(state).second.isEmpty)
        Fixtures.type("l", &state)
        XCTAssertEqual(SideBySideScreen.panes(state).second.width, 110)
        Fixtures.type("O", &state)
        XCTAssertFalse(SideBySideScreen.panes(state).first.isEmpty)
        XCTAssertFalse(SideBySideScreen.panes(state).second.isEmpty)
        Fixtures.type("Esc", &state)
        XCTAssertFalse(state.maximized)
        XCTAssertLessThan(state.timelinePanes.list.width, 110)
    }
}
