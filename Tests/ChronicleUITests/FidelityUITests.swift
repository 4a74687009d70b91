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
}
