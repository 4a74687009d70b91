import ChronicleDefaultCorpus
import ChronicleModel
import Foundation
import XCTest
@testable import ChronicleUI

/// The drafts view: the dated sentences no event cites, at their dates
/// among the events, read in their articles and made events with one key.
final class DraftsViewTests: XCTestCase {
    /// The built-in corpus without its Kazan forum event, whose sentence
    /// ("later this month") is then the one dated sentence no event cites.
    static let eventsWithoutKazan: String = {
        let text = String(decoding: DefaultCorpus.files["events.yaml"]!, as: UTF8.self)
        return String(text[..<text.range(of: "\n  - id: kazan-business-forum")!.lowerBound]) + "\n"
    }()

    func corpus() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-drafts-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        for (path, bytes) in DefaultCorpus.files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path == "events.yaml" ? Array(Self.eventsWithoutKazan.utf8) : bytes).write(to: file)
        }
        return url
    }

    func harness(_ url: URL, size: Size = Size(width: 100, height: 30)) throws -> AuthoringTests.Harness {
        let editor = try CorpusEditor(directory: url.path)
        let session = CorpusSession(editor: editor, loaded: editor.load(), readOnlyReason: nil)
        var harness = AuthoringTests.Harness(session: session, state: session.initialState(size: size))
        harness.run(Reducer.start(&harness.state))
        _ = Reducer.reduce(&harness.state, .resize(size))
        return harness
    }

    func testADraftIsPlacedAtItsDateReadInItsArticleAndAcceptedAsAnEvent() throws {
        let url = try corpus()
        var h = try harness(url)
        h.type("+")
        XCTAssertEqual(h.state.screen, .drafts)
        let view = try XCTUnwrap(h.state.draftsView)
        XCTAssertEqual(view.drafts.map(\.expression.text), ["later this month"])
        // Among the events, at May 2025: after 17 April's, before 2 May's.
        let row = try XCTUnwrap(view.row(ofDraft: 0))
        guard case .event(let before) = view.rows[row - 1], case .event(let after) = view.rows[row + 1] else {
            return XCTFail("the draft is not between two events: \(view.rows[(row - 1)...(row + 1)])")
        }
        XCTAssertEqual(h.state.corpus.events[before].date.date.edtf, "2025-04-17")
        XCTAssertEqual(h.state.corpus.events[after].date.date.edtf, "2025-05-02")
        // Marked as a draft, never as a cited event.
        let screen = Renderer.render(h.state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("May 2025*      ◇ draft G “Kabulov said joint econom"), screen)
        XCTAssertTrue(screen.contains("◇ Draft: no event cites this sentence"), screen)
        XCTAssertTrue(screen.contains("“later this month” in an article of 2 May"), screen)
        XCTAssertTrue(screen.contains("draft 1/1"), screen)

        // Enter reads the sentence in its article, its date's words highlighted.
        h.type("Enter")
        XCTAssertEqual(h.state.screen, .article)
        let article = try XCTUnwrap(h.state.article)
        XCTAssertEqual(article.sourceID, "trt-global-2025-05-02")
        XCTAssertEqual(article.matches, [view.drafts[0].expression.range])
        let grid = Renderer.render(h.state)
        XCTAssertTrue(grid.lines.joined(separator: "\n").contains("Kabulov said joint economic projects"), grid.lines.joined(separator: "\n"))
        XCTAssertEqual(grid.cells.filter { $0.role == .searchMatch }.map(\.text).joined().replacingOccurrences(of: " ", with: ""), "laterthismonth", "the date's words stand out")
        h.type("Esc")
        XCTAssertEqual(h.state.screen, .drafts)

        // e: the form with the date, the quote and the source filled in.
        h.type("e")
        let form = try XCTUnwrap(h.state.eventForm)
        XCTAssertEqual(form.texts[.date], "2025-05")
        XCTAssertTrue(form.inferred, "worked out from the article's date")
        XCTAssertEqual(form.texts[.basis], "“later this month” in an article of 2 May 2025 (TRT Global, line 28)")
        guard case .create(let citation, let from) = form.purpose else { return XCTFail("not a new event: \(form.purpose)") }
        XCTAssertEqual(citation.sourceID, "trt-global-2025-05-02")
        XCTAssertTrue(citation.exact.hasPrefix("Kabulov said joint economic projects") && citation.exact.hasSuffix("areas of cooperation."), citation.exact)
        XCTAssertEqual(from, "TRT Global, line 28")
        h.text("Kazan business forum planned")
        h.type("Enter")
        XCTAssertNil(h.state.eventForm, "saved: \(String(describing: h.state.notice))")
        let made = try XCTUnwrap(h.state.corpus.events.first { $0.title == "Kazan business forum planned" })
        XCTAssertEqual([made.date.date.edtf, String(made.date.inferred)], ["2025-05", "true"])
        XCTAssertEqual(made.citations.map(\.sourceID), ["trt-global-2025-05-02"])
        // The drafts again: the sentence is cited now; the new event stands in its place.
        XCTAssertEqual(h.state.screen, .drafts)
        XCTAssertEqual(h.state.draftsView?.drafts.count, 0)
        XCTAssertTrue(h.state.draftsView?.rows.contains(.event(try XCTUnwrap(h.state.corpus.eventPosition(made.id)))) ?? false)
        let written = try String(contentsOf: url.appendingPathComponent("events.yaml"), encoding: .utf8)
        XCTAssertTrue(written.contains("title: Kazan business forum planned"), written)
        // Undone, the draft is back.
        h.type("u")
        XCTAssertEqual(h.state.draftsView?.drafts.map(\.expression.text), ["later this month"])
    }

    func testTheBuiltInCorpusHasNoDraftsAndCannotTakeOne() {
        var state = Fixtures.state()
        Fixtures.type("+", &state)
        XCTAssertEqual(state.screen, .drafts)
        XCTAssertEqual(state.draftsView?.drafts.count, 0)
        XCTAssertEqual(state.notice, "Every dated sentence of the articles is cited by an event")
        let effects = Fixtures.type("e", &state)
        XCTAssertEqual(effects, [.bell])
        XCTAssertNil(state.eventForm)
        Fixtures.type("q", &state)
        XCTAssertEqual(state.screen, .timeline)
    }

    /// The event pane says where the date came from when a passage states it.
    func testTheEventPaneSaysWhereTheDateCameFrom() throws {
        func pane(_ id: String) throws -> String {
            let event = try XCTUnwrap(Fixtures.corpus.event(id))
            let detail = EventDetail(event: event, corpus: Fixtures.corpus, width: 400, focusedPassage: nil)
            return detail.rows.map { $0.map(\.glyph.text).joined() }.joined(separator: "\n")
        }
        let attack = try pane("moscow-concert-hall-attack")
        XCTAssertTrue(attack.contains("Stated  “March 2024” in The Moscow Times [1]; “last March” in TRT Global, 2 May 2025 [3]; "
                                      + "“March” in TRT World, 4 Jul 2024 [4]; “March” in Defence Talks, 4 Oct 2024 (inferred) [5]"), attack)
        XCTAssertTrue(try pane("trade-ties-with-kabul").contains("Stated  “last month” in TRT Global, 2 May 2025 [1]"))
        // A date no passage states has no such line.
        XCTAssertFalse(try pane("china-uae-accept-taliban-ambassadors").contains("Stated"))
    }

    /// The view at each size, on the corpus with its one draft.
    func testSnapshots() throws {
        var files = DefaultCorpus.files
        files["events.yaml"] = Array(Self.eventsWithoutKazan.utf8)
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(files))
        XCTAssertFalse(result.hasErrors)
        let data = BrowserData(corpus: result.corpus)
        for (width, height) in RenderTests.sizes {
            var state = AppState(data: data, size: Size(width: width, height: height))
            _ = Reducer.reduce(&state, .resize(Size(width: width, height: height)))
            Fixtures.type("+", &state)
            assertSnapshot(Renderer.render(state), named: "drafts-\(width)x\(height)")
        }
    }
}
