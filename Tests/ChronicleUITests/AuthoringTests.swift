import ChronicleDefaultCorpus
import ChronicleModel
import Foundation
import XCTest
@testable import ChronicleUI

/// Building a chronology through keys, on a copy of the built-in corpus on
/// disk: the reducer asks, a `CorpusSession` writes, as the shell does.
final class AuthoringTests: XCTestCase {
    struct Harness {
        var session: CorpusSession
        var state: AppState
        var effects: [Effect] = []

        mutating func type(_ script: String) {
            for word in script.split(separator: " ") {
                guard let key = Key(scriptWord: String(word)) else { fatalError("unknown key \(word)") }
                run(Reducer.handle(key, &state))
            }
        }

        mutating func text(_ text: String) {
            for character in text { run(Reducer.handle(.character(character), &state)) }
        }

        /// Performs effects as the shell does (the index built at once).
        mutating func run(_ new: [Effect]) {
            effects += new
            for effect in new {
                if effect == .buildIndex {
                    run(Reducer.reduce(&state, .indexReady(SearchIndex(state.corpus))))
                } else if let answer = session.perform(effect) {
                    run(Reducer.reduce(&state, answer))
                }
            }
        }
    }

    func corpus() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-authoring-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        for (path, bytes) in DefaultCorpus.files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
        return url
    }

    func harness(_ url: URL, size: Size = Size(width: 100, height: 30)) throws -> Harness {
        let editor = try CorpusEditor(directory: url.path)
        let session = CorpusSession(editor: editor, loaded: editor.load(), readOnlyReason: nil)
        var harness = Harness(session: session, state: session.initialState(size: size))
        harness.run(Reducer.start(&harness.state))
        _ = Reducer.reduce(&harness.state, .resize(size))
        return harness
    }

    func testSelectingASentenceAndMakingAnEventOfIt() throws {
        let url = try corpus()
        var h = try harness(url)
        // The Moscow Times from the list of articles, then a selection of its first body sentence.
        h.type("A Enter")
        XCTAssertEqual(h.state.screen, .article)
        h.type("v s")
        XCTAssertEqual(h.state.top, .selection)
        let selection = try XCTUnwrap(h.state.article?.selection)
        let source = try XCTUnwrap(h.state.corpus.source(h.state.article!.sourceID))
        XCTAssertTrue(source.displayText(selection.range).hasPrefix("Members of the Taliban delegation"), source.displayText(selection.range))
        XCTAssertTrue(source.displayText(selection.range).hasSuffix("Economic Forum."), "a sentence, past “St.”: \(source.displayText(selection.range))")
        XCTAssertTrue(Renderer.render(h.state).cells.contains { $0.role == .selection }, "the selection is drawn")
        h.type("e")
        XCTAssertEqual(h.state.top, .eventForm)
        XCTAssertEqual(h.state.eventForm?.texts[.date], "2024", "the year the caption prints (“the 2024 St. Petersburg … Forum”)")
        XCTAssertEqual(h.state.eventForm?.inferred, false, "printed in the quote, so not inferred")
        // A date that is not EDTF keeps the form open with the reason.
        h.type("S-Tab S-Tab S-Tab ^U")
        h.text("2024-13")
        XCTAssertEqual(h.state.eventForm?.dateCheck.ok, false)
        h.type("Enter")
        XCTAssertEqual(h.state.top, .eventForm)
        XCTAssertTrue(h.state.eventForm?.message?.hasPrefix("Date: ") ?? false)
        h.type("^U")
        h.text("2024")
        h.type("Tab Tab Tab")
        h.text("A Taliban delegation attends SPIEF")
        h.type("Tab Tab")
        h.text("Tali")
        h.type("Right")
        XCTAssertEqual(h.state.eventForm?.texts[.actors], "Taliban, ")
        h.text("Petersburg Forum (SPIEF)")
        h.type("Enter")
        XCTAssertNil(h.state.eventForm, "saved and closed")
        let event = try XCTUnwrap(h.state.corpus.event("a-taliban-delegation-attends-spief"))
        XCTAssertEqual(h.state.selectedEvent?.id, event.id, "the new event is selected")
        XCTAssertEqual(event.date.date.edtf, "2024")
        XCTAssertEqual(event.citations.map(\.passage.range), [selection.range])
        XCTAssertEqual(event.actors, ["taliban", "petersburg-forum"])
        XCTAssertEqual(h.state.corpus.actor("petersburg-forum")?.aliases, ["SPIEF"])
        XCTAssertTrue(h.state.notice?.contains("u undoes") ?? false, h.state.notice ?? "")
        XCTAssertNotNil(h.state.index, "the index is built again for the new corpus")
        // Undone and redone from the timeline.
        h.type("Esc Esc u")
        XCTAssertNil(h.state.corpus.event(event.id))
        XCTAssertEqual(try Data(contentsOf: url.appendingPathComponent("events.yaml")), Data(DefaultCorpus.files["events.yaml"]!))
        h.type("^R")
        XCTAssertNotNil(h.state.corpus.event(event.id))
    }

    func testASelectionGrowsByLinesAndStaysInTheBody() throws {
        let url = try corpus()
        var h = try harness(url, size: Size(width: 60, height: 20))
        h.type("A Enter v")
        let start = try XCTUnwrap(h.state.article?.selection)
        let source = try XCTUnwrap(h.state.corpus.source(h.state.article!.sourceID))
        h.type("j j")
        let grown = try XCTUnwrap(h.state.article?.selection)
        XCTAssertEqual(grown.anchor, start.anchor)
        XCTAssertGreaterThan(grown.range.count, start.range.count)
        XCTAssertTrue(source.quotableRanges.contains { $0.lowerBound <= grown.range.lowerBound && grown.range.upperBound <= $0.upperBound })
        h.type("k")
        XCTAssertLessThan(h.state.article!.selection!.range.count, grown.range.count)
        // Down as far as it goes: the selection stops at the end of its stretch of body text.
        for _ in 0..<200 { h.type("j") }
        let end = try XCTUnwrap(h.state.article?.selection)
        XCTAssertTrue(end.range.upperBound <= end.block.upperBound && end.block.upperBound <= source.quotableRanges.last!.upperBound)
        XCTAssertNotNil(QuoteChooser.citation(of: end.range, in: source), "what is selected can always be quoted")
    }

    func testCitingASecondPassageAndRemovingItAfterAYes() throws {
        let url = try corpus()
        var h = try harness(url)
        Fixtures.select(h.state.corpus.events.firstIndex { $0.id == "kazan-business-forum" }!, &h.state)
        let before = h.state.selectedEvent!.citations.count
        // From the event's own article: select, cite.
        h.type("Enter Enter v W W c")
        XCTAssertEqual(h.state.top, .article)
        XCTAssertEqual(h.state.corpus.event("kazan-business-forum")?.citations.count, before + 1)
        // Del on the new citation asks, n leaves it, y removes it.
        h.type("Esc")
        XCTAssertEqual(h.state.selectedEvent?.id, "kazan-business-forum")
        h.type("G Del")
        XCTAssertEqual(h.state.top, .confirm)
        h.type("n")
        XCTAssertEqual(h.state.corpus.event("kazan-business-forum")?.citations.count, before + 1)
        h.type("Del y")
        XCTAssertEqual(h.state.corpus.event("kazan-business-forum")?.citations.count, before)
        // The last citation cannot go: the event can, after a yes.
        while (h.state.selectedEvent?.citations.count ?? 0) > 1 { h.type("g Del y") }
        h.type("g Del")
        XCTAssertNotEqual(h.state.top, .confirm)
        XCTAssertTrue(h.state.notice?.contains("remove the event instead") ?? false, h.state.notice ?? "")
        h.type("Esc Del y")
        XCTAssertNil(h.state.corpus.event("kazan-business-forum"))
        XCTAssertEqual(h.state.corpus.events.count, 21)
    }

    func testEditingAnEventsFields() throws {
        let url = try corpus()
        var h = try harness(url)
        Fixtures.select(0, &h.state)
        let id = h.state.selectedEvent!.id
        h.type("e")
        XCTAssertEqual(h.state.eventForm?.texts[.title], h.state.selectedEvent?.title)
        h.type("^U")
        h.text("The invasion")
        h.type("Tab Tab Tab")
        h.text(", invasion")
        h.type("Enter")
        XCTAssertEqual(h.state.corpus.event(id)?.title, "The invasion")
        XCTAssertEqual(h.state.corpus.event(id)?.tags, ["war", "history", "invasion"])
        // Esc on a changed form asks first.
        h.type("e")
        h.text("!")
        h.type("Esc")
        XCTAssertEqual(h.state.top, .confirm)
        h.type("y")
        XCTAssertNil(h.state.eventForm)
        XCTAssertEqual(h.state.corpus.event(id)?.title, "The invasion")
    }

    func testAChangeOnDiskMeanwhileIsOfferedAReadAndARetry() throws {
        let url = try corpus()
        var h = try harness(url)
        let events = url.appendingPathComponent("events.yaml")
        let theirs = String(decoding: try Data(contentsOf: events), as: UTF8.self) + "# another program was here\n"
        try Data(theirs.utf8).write(to: events)
        h.type("e")
        h.text(" (edited)")
        h.type("Enter")
        XCTAssertEqual(h.state.top, .confirm, "asked whether to read the corpus again")
        XCTAssertTrue(h.state.eventForm?.message?.contains("changed by another program") ?? false, h.state.eventForm?.message ?? "")
        XCTAssertEqual(String(decoding: try Data(contentsOf: events), as: UTF8.self), theirs, "their file untouched")
        h.type("y")
        XCTAssertTrue(h.state.corpus.events[0].title.hasSuffix(" (edited)"))
        XCTAssertTrue(String(decoding: try Data(contentsOf: events), as: UTF8.self).hasSuffix("# another program was here\n"))
    }

    func testTheBuiltInCorpusSaysWhyItCannotBeChanged() throws {
        var state = Fixtures.state()
        state.authoring = Authoring(readOnlyReason: "The built-in corpus is read-only: chronicle init DIR starts one of your own")
        for script in ["e", "E", "Del", "u", "^R", "Enter Enter v c", "Enter Enter v e"] {
            var copy = state
            let effects = Fixtures.type(script, &copy)
            XCTAssertEqual(effects.last, .bell, script)
            XCTAssertTrue(copy.notice?.contains("read-only") ?? false, "\(script): \(copy.notice ?? "")")
            XCTAssertFalse(effects.contains { if case .edit = $0 { return true } else { return false } }, script)
        }
    }

    func testACorpusWithErrorsListsThemAndShowsThePlace() throws {
        let url = try corpus()
        let events = url.appendingPathComponent("events.yaml")
        var text = String(decoding: try Data(contentsOf: events), as: UTF8.self)
        text = text.replacingOccurrences(of: "quote: where it had been listed since 2003", with: "quote: where it had been listed since 2004")
        try Data(text.utf8).write(to: events)
        var h = try harness(url)
        XCTAssertEqual(h.state.authoring.errorCount, 1)
        XCTAssertEqual(h.state.corpus.events.count, 21, "the valid events are shown")
        XCTAssertTrue(Renderer.render(h.state).lines.last!.contains("1 error (!)"))
        h.type("!")
        XCTAssertEqual(h.state.screen, .errors)
        let screen = Renderer.render(h.state).text
        XCTAssertTrue(screen.contains("quote not found"), screen)
        XCTAssertTrue(screen.contains("where it had been listed since 2004"), "the file's line is shown: \(screen)")
        // Enter on a problem in an events file opens it in the editor, at its line.
        h.type("Enter")
        guard case .openInEditor(let path, let line) = h.effects.last else { return XCTFail("\(h.effects)") }
        XCTAssertEqual(path, events.path)
        XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].contains("since 2004"), true)
    }
}
