import Foundation
import ChronicleModel
import XCTest
@testable import ChronicleUI

final class ReducerTests: XCTestCase {
    func testMovingClampsAtBothEnds() {
        var state = Fixtures.state()
        Fixtures.type("k k", &state)
        XCTAssertEqual(state.timeline.selected, 0)
        Fixtures.type("G", &state)
        XCTAssertEqual(state.timeline.selected, Fixtures.corpus.events.count - 1)
        Fixtures.type("j", &state)
        XCTAssertEqual(state.timeline.selected, Fixtures.corpus.events.count - 1)
        Fixtures.type("g j", &state)
        XCTAssertEqual(state.timeline.selected, 1)
    }

    func testSelectionStaysVisibleWhileScrolling() {
        var state = Fixtures.state(40, 12)
        let list = ScreenLayout(state.size).timeline.list
        for step in 0..<Fixtures.corpus.events.count {
            let row = Fixtures.data.timelineRows.row(ofEvent: state.timeline.selected)!
            XCTAssertTrue(row >= state.timeline.listScroll && row < state.timeline.listScroll + list.height, "step \(step)")
            Fixtures.type("j", &state)
        }
        // A page is a few rows at this size: paging up enough times reaches the top.
        let before = state.timeline.selected
        Fixtures.type("PgUp", &state)
        XCTAssertLessThan(state.timeline.selected, before)
        for _ in 0..<Fixtures.corpus.events.count { Fixtures.type("PgUp", &state) }
        XCTAssertEqual(state.timeline.selected, 0)
        XCTAssertEqual(state.timeline.listScroll, 0)
    }

    func testEnterFocusesThePassagesThenOpensTheArticleAtThePassage() throws {
        var state = Fixtures.state()
        let delisting = Fixtures.spine("2025-04-17")
        Fixtures.select(delisting, &state)
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.timeline.focus, .event)
        XCTAssertEqual(state.timeline.passage, 0)
        Fixtures.type("j", &state)
        XCTAssertEqual(state.timeline.passage, 1)
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.screen, .article)
        let event = Fixtures.corpus.events[delisting]
        let citation = event.citations[1]
        let reader = try XCTUnwrap(state.article)
        XCTAssertEqual(reader.sourceID, citation.sourceID)
        XCTAssertEqual(reader.eventID, event.id)
        let passage = try XCTUnwrap(reader.passage)
        XCTAssertEqual(Fixtures.data.citedPassages(of: citation.sourceID)[passage].range, citation.passage.range)
        // The passage's rows are on screen.
        let text = ScreenLayout.articleText(in: ScreenLayout(state.size).body)
        let source = try XCTUnwrap(Fixtures.corpus.source(citation.sourceID))
        let layout = ArticleLayout(source: source, data: Fixtures.data, width: text.width, showFurniture: false, eventID: event.id, focusedPassage: passage)
        let rows = try XCTUnwrap(layout.passageRows[passage])
        XCTAssertGreaterThanOrEqual(rows.lowerBound, reader.scroll)
        XCTAssertLessThanOrEqual(rows.upperBound, reader.scroll + text.height)
    }

    func testTabWalksThePassagesOfTheArticleAndWraps() throws {
        var state = Fixtures.state()
        Fixtures.select(Fixtures.spine("2024-03"), &state)
        Fixtures.type("Enter Enter", &state)
        let sourceID = try XCTUnwrap(state.article?.sourceID)
        let count = Fixtures.data.citedPassageCount(of: sourceID)
        let first = try XCTUnwrap(state.article?.passage)
        var seen: [Int] = []
        for _ in 0..<count {
            Fixtures.type("Tab", &state)
            seen.append(try XCTUnwrap(state.article?.passage))
        }
        XCTAssertEqual(Set(seen).count, count, "Tab visits every cited passage")
        XCTAssertEqual(seen.last, first, "and comes back round")
        Fixtures.type("S-Tab", &state)
        XCTAssertEqual(state.article?.passage, (first + count - 1) % count)
    }

    func testEscAndQGoBackAndQQuitsOnlyAtTheTop() {
        var state = Fixtures.state()
        Fixtures.type("Enter Enter", &state)
        XCTAssertEqual(state.screen, .article)
        XCTAssertEqual(Fixtures.type("Esc", &state), [])
        XCTAssertEqual(state.screen, .timeline)
        XCTAssertEqual(state.timeline.focus, .event)
        XCTAssertEqual(Fixtures.type("q", &state), [], "q first leaves the event pane")
        XCTAssertEqual(state.timeline.focus, .list)
        XCTAssertEqual(Fixtures.type("q", &state), [.quit])
        var deep = Fixtures.state()
        Fixtures.type("s", &deep)
        XCTAssertEqual(Fixtures.type("Q", &deep), [.quit], "Q quits from anywhere")
    }

    func testSideBySideShowsTwoOutletsOfTheAttackAtTheirPassages() throws {
        var state = Fixtures.state()
        let attack = Fixtures.spine("2024-03")
        Fixtures.select(attack, &state)
        Fixtures.type("s", &state)
        XCTAssertEqual(state.screen, .sideBySide)
        let compare = try XCTUnwrap(state.sideBySide)
        let event = Fixtures.corpus.events[attack]
        XCTAssertEqual(compare.panes.map(\.sourceID), Array(event.sourceIDs.prefix(2)))
        XCTAssertNotEqual(compare.panes[0].sourceID, compare.panes[1].sourceID)
        for pane in compare.panes {
            let passage = try XCTUnwrap(pane.passage)
            XCTAssertTrue(Fixtures.data.citedPassages(of: pane.sourceID)[passage].eventIDs.contains(event.id))
        }
        // Focus moves, and the focused pane scrolls on its own.
        Fixtures.type("l", &state)
        XCTAssertEqual(state.sideBySide?.focus, 1)
        let leftScroll = state.sideBySide!.panes[0].scroll
        Fixtures.type("g", &state)
        XCTAssertEqual(state.sideBySide?.panes[1].scroll, 0)
        XCTAssertEqual(state.sideBySide?.panes[0].scroll, leftScroll)
        // ] shows the next source citing the event in the focused pane.
        Fixtures.type("]", &state)
        let third = try XCTUnwrap(state.sideBySide?.panes[1].sourceID)
        XCTAssertEqual(third, event.sourceIDs[2])
        Fixtures.type("[", &state)
        XCTAssertEqual(state.sideBySide?.panes[1].sourceID, event.sourceIDs[1])
        Fixtures.type("Esc", &state)
        XCTAssertEqual(state.screen, .timeline)
        XCTAssertNil(state.sideBySide)
    }

    func testResizeClampsEveryScroll() {
        var state = Fixtures.state()
        Fixtures.type("G", &state)
        Fixtures.type("Enter Enter End", &state)
        _ = Reducer.reduce(&state, .resize(Size(width: 40, height: 12)))
        _ = Reducer.reduce(&state, .resize(Size(width: 1, height: 1)))
        _ = Reducer.reduce(&state, .resize(Size(width: 0, height: 0)))
        _ = Reducer.reduce(&state, .resize(Size(width: 100, height: 30)))
        XCTAssertEqual(state.screen, .article)
        XCTAssertGreaterThanOrEqual(state.article!.scroll, 0)
        _ = Renderer.render(state)
    }

    func testHelpTogglesAndSwallowsMovement() {
        var state = Fixtures.state()
        Fixtures.type("?", &state)
        XCTAssertTrue((state.top == .help))
        Fixtures.type("j j", &state)
        XCTAssertEqual(state.timeline.selected, 0, "keys under the overlay do not move the timeline")
        Fixtures.type("Esc", &state)
        XCTAssertFalse((state.top == .help))
        XCTAssertEqual(state.screen, .timeline)
    }

    func testMouseClickSelectsAndWheelScrolls() {
        var state = Fixtures.state()
        let list = ScreenLayout(state.size).timeline.list
        let target = 3
        let row = Fixtures.data.timelineRows.row(ofEvent: target)! - state.timeline.listScroll
        _ = Reducer.reduce(&state, .mouse(MouseEvent(.click, x: list.x + 5, y: list.y + row)))
        XCTAssertEqual(state.timeline.selected, target)
        Fixtures.type("Enter Enter", &state)
        let before = state.article!.scroll
        _ = Reducer.reduce(&state, .mouse(MouseEvent(.wheelUp, x: 10, y: 10)))
        XCTAssertEqual(state.article!.scroll, max(0, before - 3))
    }

    func testEveryKeyIsBoundOncePerScreenAndHelpListsEveryBinding() {
        for screen in Screens.all {
            let keys = screen.bindings.flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "a key bound twice on \(screen.kind)")
            // The help of a screen lists its keys, then those of the inputs it opens.
            let help = HelpScreen.lines(for: screen.kind).filter { !$0.isHeading }
            let expected = ([screen] + screen.inputs.map { Screens[$0] }).flatMap(\.keyRows)
            // And, where the mouse can be switched off, how to select text while it is on.
            let mouse = screen.bindings.contains { $0.action == .toggleMouse } ? 1 : 0
            XCTAssertEqual(help.count, expected.count + mouse, "\(screen.kind)")
            for row in expected {
                XCTAssertTrue(help.contains { $0.keys == row.keys && $0.help == row.help }, "\(screen.kind): \(row.keys) \(row.help)")
            }
            for binding in screen.bindings {
                XCTAssertTrue(help.contains { $0.keys.hasPrefix(binding.keys[0].label) && $0.help == binding.help }, "\(binding.action)")
            }
        }
        // A screen whose keys cannot open the help is listed in the help of a screen that opens it.
        for screen in Screens.all where !screen.bindings.contains(where: { $0.action == .toggleHelp }) {
            XCTAssertTrue(Screens.all.contains { $0.inputs.contains(screen.kind) }, "the keys of \(screen.kind) are in no help")
        }
    }
}

final class KeysDocumentationTests: XCTestCase {
    func testDocsKeysListsEveryBindingOfEveryScreen() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keys.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        // Each screen's section is headed by its title ("## Side by side").
        for screen in Screens.all {
            let heading = "## " + screen.title
            let start = try XCTUnwrap(text.range(of: heading + "\n"), "docs/keys.md has no section `\(heading)`")
            let section = text[start.upperBound...].components(separatedBy: "\n## ").first ?? ""
            for row in screen.keyRows {
                let line = "| \(row.keys) | \(row.help) |"
                XCTAssertTrue(section.contains(line), "docs/keys.md, \(heading): missing `\(line)`")
            }
        }
    }
}
