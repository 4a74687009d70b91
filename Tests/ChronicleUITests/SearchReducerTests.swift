import ChronicleModel
import XCTest
@testable import ChronicleUI

/// The search line and n / N, through keys as a person types them.
final class SearchReducerTests: XCTestCase {
    func typeText(_ text: String, _ state: inout AppState) {
        for character in text { _ = Reducer.handle(.character(character), &state) }
    }

    /// Rows are worked out from positions, not stored: they must read as the
    /// list built row by row would, for every subset a search can leave.
    func testTimelineRowsReadAsTheListBuiltRowByRow() {
        let corpus = Fixtures.corpus
        let subsets = [Array(corpus.events.indices), [], [0], [corpus.events.count - 1],
                       corpus.events.indices.filter { $0 % 2 == 1 }, corpus.events.indices.filter { $0 % 5 != 2 }]
        for events in subsets {
            var expected: [BrowserData.TimelineRow] = []
            var last: String?
            for event in events {
                let heading = BrowserData.heading(for: corpus.events[event].date.date)
                if heading != last { expected.append(.heading(heading)); last = heading }
                expected.append(.event(event))
            }
            let rows = Fixtures.data.rows(for: events)
            XCTAssertEqual(Array(rows), expected, "\(events)")
            for event in corpus.events.indices {
                let row = rows.row(ofEvent: event)
                XCTAssertEqual(row, expected.firstIndex(of: .event(event)), "row of \(event) in \(events)")
                XCTAssertEqual(rows.position(ofEvent: event), events.firstIndex(of: event))
            }
        }
        XCTAssertGreaterThan(Set(corpus.events.map { BrowserData.heading(for: $0.date.date) }).count, 3, "the fixture has several years")
    }

    func testTypingNarrowsTheTimelineOnEveryKeystroke() {
        var state = Fixtures.state()
        Fixtures.type("/", &state)
        XCTAssertTrue(state.isOpen(.searchLine))
        typeText("Kab", &state)
        let afterPrefix = state.visibleEvents
        typeText("ulov", &state)
        let kabulovEvents = Fixtures.kabulovEvents
        XCTAssertGreaterThan(kabulovEvents.count, Fixtures.corpus.events.filter { $0.actors.contains("kabulov") }.count, "one quotes him without naming him as an actor")
        XCTAssertEqual(state.visibleEvents, kabulovEvents)
        XCTAssertTrue(Set(state.visibleEvents).isSubset(of: Set(afterPrefix)))
        XCTAssertTrue(state.visibleEvents.contains(state.timeline.selected), "the selection moves into what is shown")
        XCTAssertFalse(state.search.result?.articleHits.isEmpty ?? true, "Kabulov is also named outside cited passages")
        // Typing j is text, not movement, while the line is open.
        typeText("j", &state)
        XCTAssertEqual(state.search.query, "Kabulovj")
        Fixtures.type("Bksp Enter", &state)
        XCTAssertFalse(state.isOpen(.searchLine))
        XCTAssertEqual(state.search.history, ["Kabulov"])
        // Movement now stays among the matches.
        Fixtures.type("G", &state)
        XCTAssertEqual(state.timeline.selected, kabulovEvents.last)
    }

    func testNAndShiftNWalkTheMatchingEventsAndWrap() {
        var state = Fixtures.state()
        Fixtures.type("/", &state)
        typeText("Daesh", &state)
        Fixtures.type("Enter", &state)
        let matches = state.visibleEvents
        XCTAssertEqual(matches.count, 2)
        XCTAssertEqual(state.timeline.selected, matches[0])
        Fixtures.type("n", &state)
        XCTAssertEqual(state.timeline.selected, matches[1])
        Fixtures.type("n", &state)
        XCTAssertEqual(state.timeline.selected, matches[0], "wraps")
        Fixtures.type("N", &state)
        XCTAssertEqual(state.timeline.selected, matches[1])
    }

    func testEscClearsAndUpRecallsEarlierSearches() {
        var state = Fixtures.state()
        Fixtures.type("/", &state); typeText("Putin", &state); Fixtures.type("Enter", &state)
        Fixtures.type("/", &state); typeText("Lavrov", &state); Fixtures.type("Esc", &state)
        XCTAssertNil(state.search.result)
        XCTAssertEqual(state.visibleEvents.count, Fixtures.corpus.events.count)
        XCTAssertEqual(state.rows, Fixtures.data.timelineRows)
        Fixtures.type("/ Up", &state)
        XCTAssertEqual(state.search.query, "Putin")
        XCTAssertEqual(state.visibleEvents, Fixtures.index.search(SearchQuery("Putin")).matchingEvents)
        Fixtures.type("Down", &state)
        XCTAssertEqual(state.search.query, "")
        Fixtures.type("Esc", &state)
        // n without a search says how to search.
        XCTAssertEqual(Fixtures.type("n", &state), [.bell])
        XCTAssertNotNil(state.notice)
    }

    func testNothingMatchingShowsAnEmptyTimelineAndSaysSo() {
        var state = Fixtures.state()
        Fixtures.type("/", &state)
        typeText("zzzz", &state)
        XCTAssertTrue(state.visibleEvents.isEmpty)
        let screen = Renderer.render(state).text
        XCTAssertTrue(screen.contains("No event matches"), screen)
        XCTAssertTrue(screen.contains("0 events, 0 in text"), screen)
        // Shrunk to one cell, the empty search still draws: the message cut to "…".
        _ = Reducer.reduce(&state, .resize(Size(width: 1, height: 1)))
        XCTAssertEqual(Renderer.render(state).text, "…")
    }

    func testArticleHitOpensTheReaderAtTheMatchAndNWalksMatches() throws {
        var state = Fixtures.state()
        Fixtures.type("/", &state)
        typeText("Kabulov", &state)
        Fixtures.type("Enter Tab", &state)
        XCTAssertEqual(state.timeline.focus, .hits)
        Fixtures.type("j Enter", &state)
        XCTAssertEqual(state.screen, .article)
        let hit = try XCTUnwrap(state.search.result?.articleHits.computeHit(at: 1))
        let reader = try XCTUnwrap(state.article)
        XCTAssertEqual(reader.sourceID, hit.sourceID)
        let source = try XCTUnwrap(Fixtures.corpus.source(hit.sourceID))
        let text = ScreenLayout.articleText(in: ScreenLayout(state.size).body)
        let layout = ArticleLayout(source: source, data: Fixtures.data, width: text.width, showFurniture: false, eventID: nil,
                                   focusedPassage: nil, matches: state.search.result?.computeHighlights(inSource: source.id) ?? [])
        let row = try XCTUnwrap(layout.rowOfOffset(hit.ranges[0].lowerBound))
        XCTAssertTrue(row >= reader.scroll && row < reader.scroll + text.height, "the hit is on screen")
        // The match is drawn in the search-match role.
        XCTAssertTrue(layout.rows[row].contains { $0.role == .searchMatch })
        Fixtures.type("n", &state)
        XCTAssertNotNil(state.article?.matchRow)
        XCTAssertTrue(state.notice?.hasPrefix("match ") ?? false, state.notice ?? "")
    }

    func testPickerFiltersByActorAndCombinesWithDateAndSearchThenClearsOneByOne() throws {
        var state = Fixtures.state()
        Fixtures.type("a", &state)
        let picker = try XCTUnwrap(state.picker)
        XCTAssertEqual(picker.kind, .actor)
        XCTAssertEqual(picker.items.map(\.count), picker.items.map(\.count).sorted(by: >), "most events first")
        let kabulov = try XCTUnwrap(picker.items.firstIndex { $0.value == "kabulov" })
        for _ in 0..<kabulov { Fixtures.type("j", &state) }
        Fixtures.type("Enter", &state)
        XCTAssertNil(state.picker)
        let kabulovEvents = Fixtures.corpus.events.indices.filter { Fixtures.corpus.events[$0].actors.contains("kabulov") }
        XCTAssertEqual(state.visibleEvents, kabulovEvents)
        XCTAssertEqual(picker.items[kabulov].count, kabulovEvents.count, "the count is what the filter keeps")
        // A date filter typed as EDTF: "2024" keeps October 2024, not 2025.
        Fixtures.type("d", &state)
        typeText("2024-13", &state)
        XCTAssertEqual(Fixtures.type("Enter", &state), [.bell])
        XCTAssertNotNil(state.datePrompt?.error, "a bad date is refused with the reason")
        Fixtures.type("^U", &state)
        typeText("2024", &state)
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.visibleEvents.map { Fixtures.corpus.events[$0].id }, ["foreign-ministry-highest-level"])
        XCTAssertEqual(state.filters.order, [.actor, .date])
        let status = Renderer.render(state).text
        XCTAssertTrue(status.contains("actor: Zamir Kabulov · date: 2024"), status)
        // Search within the filtered events.
        Fixtures.type("/", &state)
        typeText("Lavrov", &state)
        XCTAssertTrue(state.visibleEvents.isEmpty, "Lavrov's meeting has no Kabulov")
        Fixtures.type("Esc", &state)
        // x clears the latest filter first.
        Fixtures.type("x", &state)
        XCTAssertEqual(state.filters.order, [.actor])
        XCTAssertEqual(state.visibleEvents, kabulovEvents)
        Fixtures.type("x", &state)
        XCTAssertEqual(state.visibleEvents.count, Fixtures.corpus.events.count)
        XCTAssertNil(state.search.result)
        XCTAssertEqual(Fixtures.type("x", &state), [.bell])
        // Outlets and tags have pickers too; choosing the one in force takes it off.
        Fixtures.type("o Enter", &state)
        XCTAssertEqual(state.filters.order, [.source])
        Fixtures.type("o Enter", &state)
        XCTAssertTrue(state.filters.isEmpty)
        Fixtures.type("t", &state)
        XCTAssertEqual(state.picker?.kind, .tag)
        Fixtures.type("Esc", &state)
        XCTAssertNil(state.picker)
    }
}

/// Coverage, differences side by side and related passages, through keys.
final class CorroborationReducerTests: XCTestCase {
    func testCoverageMovesBothWaysAndOpensTheSourceAtThePassageOrTheTop() throws {
        var state = Fixtures.state()
        let attack = Fixtures.spine("2024-03")
        Fixtures.select(attack, &state)
        Fixtures.type("c", &state)
        XCTAssertEqual(state.screen, .coverage)
        XCTAssertEqual(state.coverage?.row, attack, "the matrix opens on the selected event")
        Fixtures.type("l l", &state)
        XCTAssertEqual(state.coverage?.column, 2)
        // Anadolu (column 3) does not cite the attack: its article opens at the top.
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.article?.sourceID, "aa-2025-05-02")
        XCTAssertEqual(state.article?.scroll, 0)
        Fixtures.type("Esc l", &state)
        // TRT World cites it: the article opens at that passage.
        Fixtures.type("Enter", &state)
        let reader = try XCTUnwrap(state.article)
        XCTAssertEqual(reader.sourceID, "trt-world-2024-07-04")
        XCTAssertNotNil(reader.passage)
        Fixtures.type("Esc G l l l l l l", &state)
        XCTAssertEqual(state.coverage?.row, Fixtures.corpus.events.count - 1)
        XCTAssertEqual(state.coverage?.column, Fixtures.corpus.sources.count - 1, "clamped at the last column")
        let screen = Renderer.render(state).text
        XCTAssertTrue(screen.contains("Defence Talks · 4 Oct 2024 (inferred) — published before it happened"), screen)
        Fixtures.type("Esc", &state)
        XCTAssertEqual(state.screen, .timeline)
    }

    func testCoverageMouseClickFocusesACellAndTheWheelScrolls() throws {
        var state = Fixtures.state()
        Fixtures.type("c", &state)
        let matrix = CoverageLayout(state.size, Fixtures.corpus.sources.count)
        // The third event's row, the fourth source's column.
        let x = matrix.rows.x + matrix.labelWidth + 1 + 3 * CoverageLayout.cellWidth + 1
        _ = Reducer.reduce(&state, .mouse(MouseEvent(.click, x: x, y: matrix.rows.y + 2)))
        XCTAssertEqual(state.coverage?.row, 2)
        XCTAssertEqual(state.coverage?.column, 3)
        _ = Reducer.reduce(&state, .mouse(MouseEvent(.wheelDown, x: x, y: matrix.rows.y)))
        XCTAssertEqual(state.coverage?.row, 5)
    }

    func testDOpensTheDifferingPassagesSideBySide() throws {
        var state = Fixtures.state()
        Fixtures.select(Fixtures.spine("2024-03"), &state)
        let screen = Renderer.render(state).text
        XCTAssertTrue(screen.contains("≠\u{00A0}sources\u{00A0}differ"), screen)
        Fixtures.type("D", &state)
        XCTAssertEqual(state.screen, .sideBySide)
        let panes = try XCTUnwrap(state.sideBySide?.panes)
        XCTAssertNotEqual(panes[0].sourceID, panes[1].sourceID)
        XCTAssertNotNil(panes[0].passage)
        XCTAssertNotNil(panes[1].passage)
        XCTAssertTrue(state.notice?.hasPrefix("place: ") ?? false, state.notice ?? "")
        // An event whose sources agree says so.
        Fixtures.type("Esc", &state)
        Fixtures.select(Fixtures.spine("2003"), &state)
        XCTAssertEqual(Fixtures.type("D", &state), [.bell])
        XCTAssertEqual(state.screen, .timeline)
    }

    func testRelatedPassagesFollowTheCitationsAndOpenTheArticleThere() throws {
        var state = Fixtures.state()
        let attack = Fixtures.spine("2024-03")
        Fixtures.select(attack, &state)
        Fixtures.type("r", &state)
        let citations = Fixtures.corpus.events[attack].citations.count
        XCTAssertEqual(state.eventPassageCount, citations + 5)
        Fixtures.type("Enter G", &state)
        XCTAssertEqual(state.timeline.passage, citations + 4)
        let suggestion = state.relatedPassages[4]
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.article?.sourceID, suggestion.sourceID)
        Fixtures.type("Esc r", &state)
        XCTAssertEqual(state.eventPassageCount, citations)
        XCTAssertLessThan(state.timeline.passage, citations)
    }
}

final class BackgroundIndexTests: XCTestCase {
    func testASearchTypedBeforeTheIndexIsReadyRunsWhenItIs() {
        let data = BrowserData(corpus: Fixtures.corpus)
        var state = AppState(data: data, size: Size(width: 100, height: 30))
        Fixtures.type("/", &state)
        for character in "Kabulov" { _ = Reducer.handle(.character(character), &state) }
        XCTAssertNil(state.search.result)
        XCTAssertEqual(state.visibleEvents.count, Fixtures.corpus.events.count, "the timeline stays whole meanwhile")
        XCTAssertTrue(state.notice?.contains("Indexing") ?? false)
        XCTAssertTrue(Renderer.render(state).lines.last!.contains("indexing…"), "the search line says why nothing is found yet")
        XCTAssertEqual(Reducer.start(&state), [.buildIndex], "the shell is asked to build the index")
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(Fixtures.corpus)))
        XCTAssertEqual(state.visibleEvents, Fixtures.kabulovEvents)
    }

    func testTheSearchLineSaysWhetherTheIndexIsReadOrBuiltAndHowFar() {
        var state = AppState(data: BrowserData(corpus: Fixtures.corpus), size: Size(width: 100, height: 30))
        _ = Reducer.reduce(&state, .indexProgress(.reading))
        Fixtures.type("/", &state)
        for character in "Kabulov" { _ = Reducer.handle(.character(character), &state) }
        XCTAssertEqual(state.notice, "Reading the search index… the search runs when it is ready")
        XCTAssertTrue(Renderer.render(state).lines.last!.contains("reading the index…"), "a read from the cache is not called indexing")
        // The cache held none: it is built, and the line counts the articles.
        _ = Reducer.reduce(&state, .indexProgress(.building(articles: 1200, of: 20000)))
        XCTAssertEqual(state.notice, "Indexing the corpus… the search runs when it is ready", "the notice follows what is being done")
        XCTAssertTrue(Renderer.render(state).lines.last!.contains("indexing 1,200 of 20,000…"))
        XCTAssertEqual(state.search.query, "Kabulov", "progress leaves what is typed alone")
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(Fixtures.corpus)))
        XCTAssertNil(state.notice)
        XCTAssertEqual(state.visibleEvents, Fixtures.kabulovEvents)
    }
}

