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
        XCTAssertEqual(state.screen, .reader)
        let event = Fixtures.corpus.events[delisting]
        let citation = event.citations[1]
        let reader = try XCTUnwrap(state.reader)
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
        let sourceID = try XCTUnwrap(state.reader?.sourceID)
        let count = Fixtures.data.citedPassageCount(of: sourceID)
        let first = try XCTUnwrap(state.reader?.passage)
        var seen: [Int] = []
        for _ in 0..<count {
            Fixtures.type("Tab", &state)
            seen.append(try XCTUnwrap(state.reader?.passage))
        }
        XCTAssertEqual(Set(seen).count, count, "Tab visits every cited passage")
        XCTAssertEqual(seen.last, first, "and comes back round")
        Fixtures.type("S-Tab", &state)
        XCTAssertEqual(state.reader?.passage, (first + count - 1) % count)
    }

    func testEscAndQGoBackAndQQuitsOnlyAtTheTop() {
        var state = Fixtures.state()
        Fixtures.type("Enter Enter", &state)
        XCTAssertEqual(state.screen, .reader)
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
        XCTAssertEqual(state.screen, .compare)
        let compare = try XCTUnwrap(state.compare)
        let event = Fixtures.corpus.events[attack]
        XCTAssertEqual(compare.panes.map(\.sourceID), Array(event.sourceIDs.prefix(2)))
        XCTAssertNotEqual(compare.panes[0].sourceID, compare.panes[1].sourceID)
        for pane in compare.panes {
            let passage = try XCTUnwrap(pane.passage)
            XCTAssertTrue(Fixtures.data.citedPassages(of: pane.sourceID)[passage].eventIDs.contains(event.id))
        }
        // Focus moves, and the focused pane scrolls on its own.
        Fixtures.type("l", &state)
        XCTAssertEqual(state.compare?.focus, 1)
        let leftScroll = state.compare!.panes[0].scroll
        Fixtures.type("g", &state)
        XCTAssertEqual(state.compare?.panes[1].scroll, 0)
        XCTAssertEqual(state.compare?.panes[0].scroll, leftScroll)
        // ] shows the next source citing the event in the focused pane.
        Fixtures.type("]", &state)
        let third = try XCTUnwrap(state.compare?.panes[1].sourceID)
        XCTAssertEqual(third, event.sourceIDs[2])
        Fixtures.type("[", &state)
        XCTAssertEqual(state.compare?.panes[1].sourceID, event.sourceIDs[1])
        Fixtures.type("Esc", &state)
        XCTAssertEqual(state.screen, .timeline)
        XCTAssertNil(state.compare)
    }

    func testResizeClampsEveryScroll() {
        var state = Fixtures.state()
        Fixtures.type("G", &state)
        Fixtures.type("Enter Enter End", &state)
        _ = Reducer.reduce(&state, .resize(Size(width: 40, height: 12)))
        _ = Reducer.reduce(&state, .resize(Size(width: 1, height: 1)))
        _ = Reducer.reduce(&state, .resize(Size(width: 0, height: 0)))
        _ = Reducer.reduce(&state, .resize(Size(width: 100, height: 30)))
        XCTAssertEqual(state.screen, .reader)
        XCTAssertGreaterThanOrEqual(state.reader!.scroll, 0)
        _ = Renderer.render(state)
    }

    func testHelpTogglesAndSwallowsMovement() {
        var state = Fixtures.state()
        Fixtures.type("?", &state)
        XCTAssertTrue(state.helpVisible)
        Fixtures.type("j j", &state)
        XCTAssertEqual(state.timeline.selected, 0, "keys under the overlay do not move the timeline")
        Fixtures.type("Esc", &state)
        XCTAssertFalse(state.helpVisible)
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
        let before = state.reader!.scroll
        _ = Reducer.reduce(&state, .mouse(MouseEvent(.wheelUp, x: 10, y: 10)))
        XCTAssertEqual(state.reader!.scroll, max(0, before - 3))
    }

    func testEveryKeyIsBoundOncePerScreenAndHelpListsEveryBinding() {
        for screen in ScreenKind.allCases {
            let keys = Keymap.bindings(for: screen).flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "a key bound twice on \(screen)")
            let help = HelpOverlay.lines(for: screen).filter { !$0.isHeading }
            XCTAssertEqual(help.count, Keymap.bindings(for: screen).count)
            for binding in Keymap.bindings(for: screen) {
                XCTAssertTrue(help.contains { $0.help == binding.action.help && $0.keys.contains(binding.keys[0].label) }, "\(binding.action)")
            }
        }
    }
}

final class KeysDocumentationTests: XCTestCase {
    func testDocsKeysListsEveryBindingOfEveryScreen() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keys.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let headings: [ScreenKind: String] = [.timeline: "## Timeline", .reader: "## Article", .compare: "## Side by side",
                                             .coverage: "## Coverage", .help: "## Help overlay"]
        for screen in ScreenKind.allCases {
            let start = try XCTUnwrap(text.range(of: headings[screen]!), "\(screen)")
            let section = text[start.upperBound...].components(separatedBy: "\n## ").first ?? ""
            for binding in Keymap.bindings(for: screen) {
                let row = "| \(binding.keys.map(\.label).joined(separator: " ")) | \(binding.action.help) |"
                XCTAssertTrue(section.contains(row), "docs/keys.md, \(headings[screen]!): missing `\(row)`")
            }
        }
    }
}
