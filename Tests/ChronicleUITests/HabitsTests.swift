import ChronicleModel
import XCTest
@testable import ChronicleUI

/// The terminal user's habits through key scripts: marks and the jump
/// list, stars and notes, the command palette, copying with the citation,
/// the mouse switch, history, and opening at a place.
final class HabitsTests: XCTestCase {
    func testMarksReturnToTheScreenEventArticleAndLine() throws {
        var state = Fixtures.state()
        let event = Fixtures.spine("2025-04-17")
        Fixtures.select(event, &state)
        // The event's passage in its first article, scrolled down a little.
        Fixtures.type("Enter Enter", &state)
        XCTAssertEqual(state.screen, .article)
        Fixtures.type("j j j", &state)
        let line = try XCTUnwrap(state.article?.topLine(text: ArticleScreen.text(state), state))
        let source = try XCTUnwrap(state.article?.sourceID)
        var effects = Fixtures.type("m a", &state)
        XCTAssertEqual(effects, [.saveReaderNotes(.mark("a", SavedPlace(screen: "article", eventID: state.corpus.events[event].id, sourceID: source, line: line)))])
        XCTAssertEqual(state.top, .article)
        // Away: the timeline's top.
        Fixtures.type("q Tab g", &state)
        XCTAssertEqual(state.screen, .timeline)
        XCTAssertEqual(state.timeline.selected, 0)
        effects = Fixtures.type("' a", &state)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(state.screen, .article)
        XCTAssertEqual(state.article?.sourceID, source)
        XCTAssertEqual(state.article?.topLine(text: ArticleScreen.text(state), state), line)
        XCTAssertEqual(state.timeline.selected, event)
        // A mark not set says so.
        XCTAssertEqual(Fixtures.type("' z", &state), [.bell])
        XCTAssertEqual(state.notice, "No mark ‘z’: m then z sets it")
        XCTAssertEqual(Fixtures.type("m 1", &state), [.bell])
        XCTAssertEqual(state.notice, "A mark is a letter, a–z or A–Z")
        // Esc leaves the prompt, and the screen as it was.
        Fixtures.type("m Esc", &state)
        XCTAssertEqual(state.top, .article)
    }

    func testCtrlOGoesBackThroughPlacesAcrossScreensAndCtrlNForward() {
        var state = Fixtures.state()
        Fixtures.type("j j", &state)           // steps are not jumps
        XCTAssertEqual(state.jumps.places, [])
        Fixtures.type("G", &state)             // a jump from event 2
        let last = state.corpus.events.count - 1
        XCTAssertEqual(state.timeline.selected, last)
        Fixtures.type("Enter Enter", &state)   // the article: a jump from the timeline
        XCTAssertEqual(state.screen, .article)
        Fixtures.type("^O", &state)
        XCTAssertEqual(state.screen, .timeline)
        XCTAssertEqual(state.timeline.selected, last)
        Fixtures.type("^O", &state)
        XCTAssertEqual(state.timeline.selected, 2)
        XCTAssertEqual(Fixtures.type("^O", &state), [.bell])
        XCTAssertEqual(state.notice, "No place before this one")
        Fixtures.type("^N", &state)
        XCTAssertEqual(state.timeline.selected, last)
        Fixtures.type("^N", &state)
        XCTAssertEqual(state.screen, .article)
        XCTAssertEqual(Fixtures.type("^N", &state), [.bell])
        // '' goes back, as in vim.
        Fixtures.type("' '", &state)
        XCTAssertEqual(state.screen, .timeline)
    }

    func testASearchLeavesWhereItStartedOnTheJumpList() {
        var state = Fixtures.state()
        Fixtures.type("j j j", &state)
        Fixtures.type("/", &state)
        for c in "Kabulov" { _ = Reducer.handle(.character(c), &state) }
        Fixtures.type("Enter", &state)
        XCTAssertNotEqual(state.timeline.selected, 3)
        XCTAssertEqual(state.jumps.places.last?.eventID, state.corpus.events[3].id)
        // Going back to an event the search hides clears the search.
        Fixtures.type("^O", &state)
        XCTAssertEqual(state.timeline.selected, 3)
        XCTAssertFalse(state.search.isActive)
        XCTAssertEqual(state.notice, "The search and filters were cleared to show the event")
    }

    func testStarsFilterAndShowInTheListAndPane() throws {
        var state = Fixtures.state()
        Fixtures.type("j", &state)
        let id = state.corpus.events[1].id
        XCTAssertEqual(Fixtures.type("*", &state), [.saveReaderNotes(.star(eventID: id, true))])
        XCTAssertEqual(state.reader.starred, [id])
        XCTAssertTrue(state.notice?.hasPrefix("Starred “") == true)
        let screen = Renderer.render(state).text
        XCTAssertTrue(screen.contains("◆\u{00A0}starred\u{00A0}by\u{00A0}you"), screen)
        // The list's row of the event (the pane beside it has the title too).
        let list = screen.split(separator: "\n").map { String($0.prefix(50)) }
        let row = try XCTUnwrap(list.first { $0.contains(state.corpus.events[1].title.prefix(12)) })
        XCTAssertTrue(row.contains("◆ " + state.corpus.events[1].title.prefix(12)), String(row))
        Fixtures.type("j j *", &state)
        Fixtures.type("S", &state)
        XCTAssertEqual(state.visibleEvents, [1, 3])
        XCTAssertTrue(Renderer.render(state).text.contains(" starred by you  "), Renderer.render(state).text)
        // Unstarring while filtered takes it from the list.
        Fixtures.type("*", &state)
        XCTAssertEqual(state.visibleEvents, [1])
        Fixtures.type("S", &state)
        XCTAssertEqual(state.visibleEvents.count, state.corpus.events.count)
        // With no star, S says how to star.
        var fresh = Fixtures.state()
        XCTAssertEqual(Fixtures.type("S", &fresh), [.bell])
        XCTAssertEqual(fresh.notice, "No starred events yet: * stars the event selected")
    }

    func testANoteIsTypedKeptShownAndRemoved() {
        var state = Fixtures.state()
        let id = state.corpus.events[0].id
        Fixtures.type("#", &state)
        XCTAssertEqual(state.top, .notePrompt)
        for c in "ask the desk" { _ = Reducer.handle(.character(c), &state) }
        XCTAssertEqual(Fixtures.type("Enter", &state), [.saveReaderNotes(.note(eventID: id, "ask the desk"))])
        XCTAssertEqual(state.reader.notes[id], "ask the desk")
        XCTAssertTrue(Renderer.render(state).text.contains("Your note: ask the desk"))
        // Opened again on the note; ^U and Enter remove it.
        Fixtures.type("#", &state)
        XCTAssertTrue(Renderer.render(state).text.contains("your note: ask the desk"))
        XCTAssertEqual(Fixtures.type("^U Enter", &state), [.saveReaderNotes(.note(eventID: id, ""))])
        XCTAssertNil(state.reader.notes[id])
        XCTAssertEqual(state.notice, "Note removed")
        // Esc changes nothing.
        Fixtures.type("#", &state)
        for c in "draft" { _ = Reducer.handle(.character(c), &state) }
        XCTAssertEqual(Fixtures.type("Esc", &state), [])
        XCTAssertNil(state.reader.notes[id])
    }

    func testThePaletteFiltersAndRunsACommand() {
        var state = Fixtures.state()
        Fixtures.type(":", &state)
        XCTAssertEqual(state.top, .palette)
        let all = PaletteScreen.matching("", on: .timeline, state)
        XCTAssertEqual(all.count, Set(Screens[.timeline].bindings.map(\.action)).count - 1)
        XCTAssertFalse(all.contains { $0.action == .openPalette })
        for c in "cover" { _ = Reducer.handle(.character(c), &state) }
        XCTAssertEqual(PaletteScreen.matching("cover", on: .timeline, state).map(\.action), [.showCoverage])
        XCTAssertTrue(Renderer.render(state).text.contains("Coverage: which source reports which event"))
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.screen, .coverage)
        XCTAssertFalse(state.isOpen(.palette))
        // By the action's name, too; no match runs nothing.
        Fixtures.type("q :", &state)
        for c in "toggle-star" { _ = Reducer.handle(.character(c), &state) }
        XCTAssertEqual(PaletteScreen.matching("toggle-star", on: .timeline, state).map(\.action), [.toggleStar])
        Fixtures.type(":", &state) // typed into the filter, not a second palette
        XCTAssertEqual(Fixtures.type("Enter", &state), [.bell])
        Fixtures.type("Esc", &state)
        XCTAssertEqual(state.top, .timeline)
    }

    func testCopyingTheEventThePassageTheLineAndTheSelection() throws {
        var state = Fixtures.state()
        let event = Fixtures.spine("2025-04-17")
        Fixtures.select(event, &state)
        guard case .copy(let eventText, _)? = Fixtures.type("y", &state).first else { return XCTFail("no copy") }
        let title = state.corpus.events[event].title
        XCTAssertTrue(eventText.hasPrefix("17 Apr 2025"), eventText)
        XCTAssertTrue(eventText.contains(title))
        XCTAssertTrue(eventText.contains("[1] “"))
        XCTAssertEqual(state.notice, "Copied “\(title)” with \(state.corpus.events[event].citations.count) passages")
        // The first passage in the event pane: its quote and citation.
        Fixtures.type("Enter", &state)
        guard case .copy(let passageText, _)? = Fixtures.type("y", &state).first else { return XCTFail("no copy") }
        let citation = state.corpus.events[event].citations[0]
        let source = try XCTUnwrap(state.corpus.source(citation.sourceID))
        XCTAssertEqual(passageText, "“" + source.displayText(citation.passage.range) + "” — " + CopiedText.citation(source) + "\n")
        XCTAssertTrue(passageText.contains(source.outlet))
        XCTAssertTrue(passageText.contains(source.published.displayText))
        // Y: the event as Markdown with a footnote per passage.
        guard case .copy(let markdown, _)? = Fixtures.type("Y", &state).first else { return XCTFail("no copy") }
        XCTAssertTrue(markdown.hasPrefix("### 17 Apr 2025"), markdown)
        XCTAssertTrue(markdown.contains("[^1]: “"), markdown)
        // The article at that passage; then the selection.
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.screen, .article)
        guard case .copy(let inArticle, let what)? = Fixtures.type("y", &state).first else { return XCTFail("no copy") }
        XCTAssertTrue(what.hasPrefix("passage "), what)
        XCTAssertTrue(inArticle.contains(CopiedText.citation(source)))
        Fixtures.type("v s", &state)
        let selected = try XCTUnwrap(state.article?.selection?.range)
        guard case .copy(let selection, let selectionWhat)? = Fixtures.type("y", &state).first else { return XCTFail("no copy") }
        XCTAssertTrue(selectionWhat.hasPrefix("the selection"), selectionWhat)
        XCTAssertTrue(selection.contains(source.displayText(selected).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Nothing the terminal would act on goes to the clipboard.
        for text in [eventText, passageText, markdown, selection] {
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
        }
    }

    func testTheMouseSwitchAsksTheTerminal() {
        var state = Fixtures.state()
        XCTAssertEqual(Fixtures.type("M", &state), [.setMouse(false)])
        XCTAssertFalse(state.mouseEnabled)
        XCTAssertEqual(state.notice, "Mouse off: the terminal selects text; M turns it on")
        XCTAssertEqual(Fixtures.type("M", &state), [.setMouse(true)])
        XCTAssertTrue(state.notice?.contains("Shift-drag") == true)
        XCTAssertTrue(HelpScreen.lines(for: .timeline, keys: state.keys).contains { $0.help == "Shift-drag selects text while the mouse is on; M turns it off" })
    }

    func testSearchesAndDatesAreRememberedAndRecalled() {
        var state = Fixtures.state()
        Fixtures.type("/", &state)
        for c in "Kabulov" { _ = Reducer.handle(.character(c), &state) }
        XCTAssertEqual(Fixtures.type("Enter", &state), [.remember("Kabulov", .search)])
        XCTAssertEqual(state.search.history, ["Kabulov"])
        Fixtures.type("Esc d", &state)
        for c in "2024" { _ = Reducer.handle(.character(c), &state) }
        XCTAssertEqual(Fixtures.type("Enter", &state), [.remember("2024", .date)])
        // As after a restart: the history from disk, recalled with ↑.
        var next = Fixtures.state()
        next.dateHistory = ["2003", "2024"]
        Fixtures.type("d Up", &next)
        XCTAssertEqual(next.datePrompt?.text, "2024")
        Fixtures.type("Up", &next)
        XCTAssertEqual(next.datePrompt?.text, "2003")
        XCTAssertEqual(Fixtures.type("Up", &next), [.bell])
        Fixtures.type("Down Down", &next)
        XCTAssertEqual(next.datePrompt?.text, "")
        // A refused date is not remembered.
        for c in "20x" { _ = Reducer.handle(.character(c), &next) }
        XCTAssertEqual(Fixtures.type("Enter", &next), [.bell])
    }

    func testOpeningAtAPlace() throws {
        let corpus = Fixtures.corpus
        let event = corpus.events[Fixtures.spine("2025-04-17")]
        var state = Fixtures.state()
        _ = Reducer.open(at: StartingPlace(eventID: event.id), &state)
        XCTAssertEqual(state.selectedEvent?.id, event.id)
        XCTAssertEqual(state.screen, .timeline)

        var article = Fixtures.state()
        let source = try XCTUnwrap(corpus.sources.max { $0.lines.lineCount < $1.lines.lineCount })
        _ = Reducer.open(at: StartingPlace(sourceID: source.id, line: 12), &article)
        XCTAssertEqual(article.screen, .article)
        XCTAssertEqual(article.article?.topLine(text: ArticleScreen.text(article), article), 12)

        var search = Fixtures.state()
        _ = Reducer.open(at: StartingPlace(search: "Kabulov"), &search)
        XCTAssertEqual(search.visibleEvents, Fixtures.kabulovEvents)

        XCTAssertEqual(StartingPlace(eventID: "russia-lists-taliban-as-terorist").problem(in: corpus),
                       "no event russia-lists-taliban-as-terorist in the corpus (did you mean russia-lists-taliban-as-terrorist?); chronicle list --format json shows every event's id")
        XCTAssertEqual(StartingPlace(line: 3).problem(in: corpus), "--line needs --source: the line is a line of an article")
        XCTAssertEqual(StartingPlace(sourceID: source.id, line: 100_000).problem(in: corpus), "\(source.id) has \(source.lines.lineCount) lines, so there is no line 100000")
        XCTAssertNil(StartingPlace(eventID: event.id, sourceID: source.id, line: 1).problem(in: corpus))
    }
}
