import ChronicleModel
import XCTest
@testable import ChronicleUI

/// Issue 18 in the browser, on Tests/Fixtures/fidelity-corpus.
final class FidelityUITests: XCTestCase {
    // Item 2: a match after invalid bytes is highlighted where it is, in the
    // hit list and in the reader.
    func testAMatchAfterInvalidBytesIsHighlightedInTheHitListAndTheReader() {
        var state = FidelityFixture.state()
        Fixtures.type("/", &state)
        FidelityFixture.typeText("end", &state)
        Fixtures.type("Enter", &state)
        var grid = Renderer.render(state)
        XCTAssertTrue(grid.text.contains("Bad bytes: \u{FFFD}\u{FFFD}\u{FFFD} end."), grid.text)
        XCTAssertEqual(FidelityFixture.cells(.searchMatch, in: grid), ["end"], grid.text)
        Fixtures.type("Tab Enter", &state)
        XCTAssertEqual(state.screen, .article)
        grid = Renderer.render(state)
        XCTAssertTrue(grid.text.contains("Bad bytes: \u{FFFD}\u{FFFD}\u{FFFD} end."), grid.text)
        XCTAssertEqual(FidelityFixture.cells(.searchMatch, in: grid), ["end"], grid.text)
    }

    func testGlyphOffsetsAfterInvalidBytesAreTheRawBytes() throws {
        let source = try XCTUnwrap(FidelityFixture.corpus.source("family"))
        let line = source.lines.contentRange(ofLine: 6)
        let glyphs = ArticleLayout.lineGlyphs(source: source, range: line, baseRole: .normal, passages: [], eventID: nil, focusedPassage: nil)
        let text = glyphs.map(\.glyph.text)
        let end = try XCTUnwrap(text.indices.first { text[$0...].starts(with: ["e", "n", "d"]) })
        XCTAssertEqual(Array(source.raw[glyphs[end].offset..<(glyphs[end].offset + 3)]), Array("end".utf8))
        // Each replacement character stands at its own invalid byte.
        let replacements = glyphs.filter { $0.glyph.text == "\u{FFFD}" }.map(\.offset)
        XCTAssertEqual(replacements.map { source.raw[$0] }, [0xFF, 0xFE, 0xFD])
    }

    // Item 1: a ZWJ family is drawn as the terminal draws its parts.
    func testAZWJFamilyIsItsThreeEmojiWithoutTheJoiners() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        let glyphs = Grid.glyphs(of: "a " + family + " b")
        XCTAssertEqual(glyphs.map(\.text), ["a", " ", "\u{1F468}", "\u{1F469}", "\u{1F467}", " ", "b"])
        XCTAssertEqual(glyphs.map(\.width), [1, 1, 2, 2, 2, 1, 1])
        XCTAssertEqual(glyphs.map(\.sourceBytes), [1, 1, 7, 7, 4, 1, 1], "each joiner is counted with the emoji before it")
        XCTAssertEqual(TextWidth.of(family), 6)
        // VS16 and skin tones: wcwidth's widths, scalar by scalar.
        XCTAssertEqual(Grid.glyphs(of: "\u{2764}\u{FE0F}").map(\.text), ["\u{2764}"])
        XCTAssertEqual(Grid.glyphs(of: "\u{1F44D}\u{1F3FD}").map(\.width), [2, 2])
        XCTAssertEqual(Grid.glyphs(of: "e\u{301}").map(\.text), ["e\u{301}"], "a mark stays on its letter")
    }

    /// Every cell of the reader, side by side and the timeline on the fixture
    /// holds text whose scalars, measured one by one as ncurses measures
    /// them, take the cell's columns: no cell can push the next aside.
    func testEveryCellTakesTheColumnsItsScalarsTake() {
        for (width, height) in [(100, 30), (60, 20), (47, 12), (30, 8)] {
            var state = FidelityFixture.state(width, height)
            var grids = [Renderer.render(state)]
            Fixtures.type("j Enter", &state)
            grids.append(Renderer.render(state))
            Fixtures.type("Enter", &state)
            grids.append(Renderer.render(state))
            Fixtures.type("s", &state)
            grids.append(Renderer.render(state))
            Fixtures.type("q q", &state)
            grids.append(Renderer.render(state))
            XCTAssertTrue(grids[2].text.contains("\u{1F468}\u{1F469}\u{1F467}"), grids[2].text)
            for grid in grids {
                for y in 0..<grid.height {
                    for x in 0..<grid.width where !grid[x, y].isContinuation {
                        let cell = grid[x, y]
                        let columns = cell.text.unicodeScalars.reduce(0) { $0 + TextWidth.of($1) }
                        XCTAssertEqual(columns, Int(cell.width), "\(cell.text.debugDescription) at \(x),\(y) in\n\(grid.text)")
                        XCTAssertFalse(cell.text.unicodeScalars.contains("\u{200D}"), "a joiner at \(x),\(y)")
                    }
                }
            }
        }
    }

    func testAGlyphTheCLibraryMeasuresOtherwiseIsPaddedOrReplaced() {
        // A stand-in for wcwidth: ❤ narrow, 🫨 unknown (glibc 2.36), 日 wide.
        func columns(_ scalar: Unicode.Scalar) -> Int {
            switch scalar.value {
            case 0x1FAE8: return -1
            case 0x65E5, 0x1F468: return 2
            case 0x301: return 0
            default: return 1
            }
        }
        func cell(_ text: String, _ width: UInt8) -> Cell { Cell(text: text, width: width, role: .normal) }
        XCTAssertEqual(CellPainting.pieces(for: cell("\u{1F468}", 2), columns: columns), ["\u{1F468}"])
        XCTAssertEqual(CellPainting.pieces(for: cell("e\u{301}", 1), columns: columns), ["e\u{301}"])
        XCTAssertEqual(CellPainting.pieces(for: cell("\u{2764}", 2), columns: columns), ["\u{2764}", " "], "narrow to the library: a space after it")
        XCTAssertEqual(CellPainting.pieces(for: cell("\u{1FAE8}", 2), columns: columns), ["\u{FFFD}", " "], "unknown to the library")
        XCTAssertEqual(CellPainting.pieces(for: cell("\u{65E5}", 1), columns: columns), ["\u{FFFD}"], "wider than its cell")
        XCTAssertEqual(CellPainting.pieces(for: cell("\u{1F468}\u{200D}\u{1F469}", 2), columns: columns), ["\u{FFFD}", " "])
        XCTAssertEqual(CellPainting.pieces(for: cell("\u{2764}", 2), columns: { $0 == "\u{FFFD}" ? -1 : 1 }), ["\u{2764}", " "])
        XCTAssertEqual(CellPainting.pieces(for: cell("\u{1FAE8}", 2), columns: { $0 == "\u{FFFD}" ? -1 : -1 }), ["?", " "],
                       "no replacement character in a locale without it")
    }
}

/// Item 3: a resize keeps the reading position in a 190 kB paragraph.
final class ReadingPositionTests: XCTestCase {
    /// The numbers of the sentences whose start is on the article's text rows.
    func sentences(_ grid: Grid) -> [Int] {
        let words = grid.text.components(separatedBy: "Sentence ").dropFirst()
        return words.compactMap { Int($0.prefix { $0.isNumber }) }
    }

    func testResizingKeepsTheTextAtTheTopInView() throws {
        var state = FidelityFixture.state(100, 30)
        Fixtures.type("/", &state)
        FidelityFixture.typeText("\"Sentence 1800 of\"", &state)
        Fixtures.type("Enter Tab Enter", &state)
        XCTAssertEqual(state.screen, .article)
        Fixtures.type("j j j", &state)
        let before = Renderer.render(state)
        let top = try XCTUnwrap(sentences(before).first, before.text)
        XCTAssertGreaterThan(top, 1700, before.text)
        XCTAssertLessThan(top, 1900, before.text)
        for (width, height) in [(30, 8), (200, 60), (100, 30)] {
            _ = Reducer.reduce(&state, .resize(Size(width: width, height: height)))
            let grid = Renderer.render(state)
            XCTAssertTrue(grid.text.contains("Sentence \(top) ") || grid.text.contains("\(top) of the long"), "at \(width)×\(height):\n\(grid.text)")
        }
        // Back at the first size, the same view.
        XCTAssertEqual(Renderer.render(state).text, before.text)
        // Side by side from there keeps the place in its narrower pane.
        Fixtures.type("s", &state)
        let compared = Renderer.render(state)
        XCTAssertTrue(compared.text.contains("\(top) of the long") || compared.text.contains("Sentence \(top)"), compared.text)
    }
}

/// Item 6: an event the timeline does not show is never focused or opened.
final class HiddenSelectionTests: XCTestCase {
    func testEnterWithASearchThatMatchesNoEventGoesToTheArticleHits() throws {
        var state = Fixtures.state()
        Fixtures.select(Fixtures.spine("2025-04-17"), &state)
        Fixtures.type("/", &state)
        FidelityFixture.typeText("Ukraine", &state)
        Fixtures.type("Enter", &state)
        XCTAssertTrue(state.visibleEvents.isEmpty)
        let hits = try XCTUnwrap(state.search.result?.articleHits)
        XCTAssertEqual(hits.count, 1)
        let hit = hits.computeHit(at: 0)
        XCTAssertEqual(Fixtures.corpus.source(hit.sourceID)?.outlet, "The Moscow Times")
        // Enter goes to the hit, not to the hidden event's passages.
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.timeline.focus, .hits)
        let status = Renderer.render(state).lines.last ?? ""
        XCTAssertFalse(status.contains("passage"), status)
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.screen, .article)
        XCTAssertEqual(state.article?.sourceID, hit.sourceID)
        XCTAssertNil(state.article?.eventID)
        // Nor does Tab (list, hits, then the event pane when one is shown),
        // side by side's event or the differences reach it.
        Fixtures.type("Esc", &state)
        state.timeline.focus = .list
        Fixtures.type("Tab", &state)
        XCTAssertEqual(state.timeline.focus, .hits)
        Fixtures.type("Tab", &state)
        XCTAssertEqual(state.timeline.focus, .list)
        Fixtures.type("D", &state)
        XCTAssertEqual(state.screen, .timeline)
        Fixtures.type("s", &state)
        XCTAssertNil(state.sideBySide?.eventID)
    }

    func testASearchThatHidesTheFocusedEventTakesTheFocusBackToTheList() {
        var state = Fixtures.state()
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.timeline.focus, .event)
        Fixtures.type("/", &state)
        FidelityFixture.typeText("Ukraine", &state)
        Fixtures.type("Enter", &state)
        XCTAssertEqual(state.timeline.focus, .list)
        XCTAssertFalse((Renderer.render(state).lines.last ?? "").contains("passage"))
    }
}

/// Item 7 in the browser: one problem is "1 problem".
final class PluralUITests: XCTestCase {
    func testOneProblemIsSaidInTheSingular() {
        var files: [String: [UInt8]] = [:]
        for name in ["manifest.yaml", "events.yaml", "articles/family.txt", "articles/wire.txt", "articles/early.txt"] {
            files[name] = FileManager.default.contents(atPath: FidelityFixture.root.appendingPathComponent(name).path).map(Array.init) ?? []
        }
        files["events.yaml"]! += Array("""

              - id: broken
                date: 2022-06-12
                title: A quote that is not there
                citations:
                  - source: wire
                    quote: words the wire never printed

            """.utf8)
        let loaded = CorpusLoader.load(from: InMemoryCorpusFiles(files))
        XCTAssertEqual(loaded.diagnostics.errors.count, 1, "\(loaded.diagnostics)")
        let session = CorpusSession(editor: nil, loaded: loaded, readOnlyReason: nil)
        let state = session.initialState(size: Size(width: 100, height: 30))
        XCTAssertEqual(state.notice?.hasPrefix("1 problem in the corpus"), true, state.notice ?? "")
        XCTAssertTrue(Renderer.render(state).text.contains(" 1 error (!)"), Renderer.render(state).text)
    }
}
