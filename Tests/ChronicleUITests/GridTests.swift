import XCTest
@testable import ChronicleUI

final class GridTests: XCTestCase {
    func testWidthsOfWideCombiningAndEmojiText() {
        XCTAssertEqual(TextWidth.of("abc"), 3)
        XCTAssertEqual(TextWidth.of("日本語"), 6)
        XCTAssertEqual(TextWidth.of("e\u{301}"), 1, "a combining acute takes no column")
        XCTAssertEqual(TextWidth.of("🔗"), 2)
        XCTAssertEqual(TextWidth.of("👩‍👩‍👧"), 6, "a ZWJ family is drawn as its three emoji, joiners dropped")
        XCTAssertEqual(TextWidth.of("🇦🇫"), 2, "a flag is one glyph")
        XCTAssertEqual(TextWidth.of("☺\u{FE0F}"), 1, "VS16 widens nothing: terminals disagree on it")
        XCTAssertEqual(TextWidth.of("👍🏽"), 4, "a skin tone is a wide glyph of its own, as wcwidth has it")
        XCTAssertEqual(TextWidth.of("Türkiye paylaşın"), 16)
        XCTAssertEqual(TextWidth.of("–—‘’“”"), 6)
    }

    func testPutNeverSplitsAWideGlyphAndEndsCutTextWithAnEllipsis() {
        var grid = Grid(width: 6, height: 2)
        grid.put("日本語です", x: 0, y: 0, role: .normal)
        XCTAssertEqual(grid.lines[0], "日本 …", "the third glyph would cross the edge: a space, then the ellipsis")
        XCTAssertTrue(grid[1, 0].isContinuation)
        grid.put("abcdef", x: 0, y: 1, maxWidth: 6, role: .normal)
        XCTAssertEqual(grid.lines[1], "abcdef", "text that fits exactly is not cut")
        var narrow = Grid(width: 3, height: 1)
        narrow.put("日本", x: 0, y: 0, role: .normal, ellipsis: false)
        XCTAssertEqual(narrow.lines[0], "日 ")
    }

    func testControlsArePlaceholdersNeverCells() {
        var grid = Grid(width: 30, height: 1)
        grid.put("a\u{1B}[2Jb\u{202E}c\u{7}\u{8}\u{7F}\u{0}", x: 0, y: 0, role: .quote)
        XCTAssertEqual(grid.text, "a^[[2Jb<U+202E>c^G^H^?^@")
        for x in 0..<grid.width { XCTAssertFalse(grid[x, 0].text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E }) }
        // Caret notation and names, which every font can draw, in a role of
        // their own: never mistaken for the text's own "^[" or "<U+202E>".
        let roles = (0..<24).map { grid[$0, 0].role }
        let marker: [Int] = [1, 2] + Array(7...14) + Array(16...23)
        for x in 0..<24 { XCTAssertEqual(roles[x], marker.contains(x) ? .controlMarker : .quote, "column \(x): \(grid.lines[0])") }
        var literal = Grid(width: 10, height: 1)
        literal.put("^[<U+202E>", x: 0, y: 0, role: .normal)
        XCTAssertEqual(Set((0..<10).map { literal[$0, 0].role }), [.normal], "the article's own text is text")
        // A tab is a space, not a marker.
        var tab = Grid(width: 3, height: 1)
        tab.put("a\tb", x: 0, y: 0, role: .normal)
        XCTAssertEqual(tab.text, "a b")
        XCTAssertEqual(tab[1, 0].role, .normal)
    }

    func testGlyphsMapBackToSourceBytes() {
        let glyphs = Grid.glyphs(of: "é\u{1B}x🔗")
        XCTAssertEqual(glyphs.map(\.text), ["é", "^", "[", "x", "🔗"])
        XCTAssertEqual(glyphs.map(\.sourceBytes), [2, 1, 0, 1, 4])
        let bidi = Grid.glyphs(of: "\u{202E}")
        XCTAssertEqual(bidi.map(\.text).joined(), "<U+202E>")
        XCTAssertEqual(bidi.map(\.sourceBytes).reduce(0, +), 3)
    }

    /// Printable ASCII takes a shortcut past grapheme breaking, unless the
    /// next byte may start a mark that joins it: the glyphs must be those of
    /// reading the text one Character at a time.
    func testTheASCIIShortcutGivesTheSameGlyphs() {
        func slow(_ text: String) -> [Grid.Glyph] {
            text.map { Grid.glyphs(of: "\u{2060}" + String($0)) }.flatMap { $0.dropFirst("<U+2060>".count) }
        }
        for text in ["plain words, 1-2; (ok)", "e\u{301}x", "ae\u{301}\u{302}", "a\r\nb", "tab\there", "x\u{1B}[31my",
                     "Ł ü Kılıç", "👍🏽 ok", "🇫🇷!", "a\u{200B}b", "日本語abc", "end ", "", "z\u{7F}", "a\u{0301}", "key 1\u{FE0F}\u{20E3}!"] {
            XCTAssertEqual(Grid.glyphs(of: text), slow(text), text.debugDescription)
            XCTAssertEqual(Grid.glyphs(of: text[...]), Grid.glyphs(of: text), "a substring too")
        }
        XCTAssertEqual(Grid.glyphs(of: "e\u{301}x").map(\.sourceBytes), [3, 1], "the e and its accent are one glyph")
        XCTAssertEqual(Grid.glyphs(of: "1\u{FE0F}\u{20E3}").map(\.width), [1], "a keycap is the 1 and its enclosing mark, without VS16")
    }

    /// The table of widths worked out once says what the scalars' properties
    /// say, for every scalar it holds and past it.
    func testTheTableOfWidthsIsTheComputedOne() {
        var checked = 0
        for v in UInt32(0)..<0x4000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(TextWidth.of(scalar), TextWidth.computed(v, scalar), "U+\(String(v, radix: 16))")
            checked += 1
        }
        XCTAssertEqual(checked, 0x4000)
        XCTAssertEqual(TextWidth.of(Unicode.Scalar(0x2019)!), 1, "’")
        XCTAssertEqual(TextWidth.of(Unicode.Scalar(0x200B)!), 0, "zero width space")
        XCTAssertEqual(TextWidth.of(Unicode.Scalar(0x0301)!), 0, "combining acute")
        XCTAssertEqual(TextWidth.of(Unicode.Scalar(0x1100)!), 2, "Hangul choseong")
        XCTAssertEqual(TextWidth.of(Unicode.Scalar(0x1F600)!), 2, "emoji, past the table")
    }

    /// A text's width takes the same ASCII shortcut: it must be the sum of
    /// its characters' widths, on the same texts and on substrings of them.
    func testTheASCIIShortcutGivesTheSameWidth() {
        let texts = ["plain words, 1-2; (ok)", "e\u{301}x", "ae\u{301}\u{302}", "a\r\nb", "a\r\n\u{301}", "tab\there", "x\u{1B}[31my",
                     "Ł ü Kılıç", "👍🏽 ok", "🇫🇷!", "a\u{200B}b", "日本語abc", "end ", "", "z\u{7F}", "a\u{0301}", "key 1\u{FE0F}\u{20E3}!",
                     "Zamir Kabulov, Putin’s envoy — “at the highest level”"]
        for text in texts {
            XCTAssertEqual(TextWidth.of(text), text.reduce(0) { $0 + TextWidth.of($1) }, text.debugDescription)
            let tail = text.dropFirst(min(2, text.count))
            XCTAssertEqual(TextWidth.of(tail), tail.reduce(0) { $0 + TextWidth.of($1) }, "substring of \(text.debugDescription)")
        }
        XCTAssertEqual(TextWidth.of("e\u{301}x"), 2)
        XCTAssertEqual(TextWidth.of("日本語abc"), 9)
        XCTAssertEqual(TextWidth.of("a\u{7F}\u{1B}b"), 2)
    }

    func testWrapBreaksAtSpacesByDisplayWidth() {
        let rows = TextLayout.wrap(TextLayout.styled("one two three 日本語 four", .normal), width: 9)
        XCTAssertEqual(rows.map { $0.map(\.glyph.text).joined() }, ["one two", "three", "日本語", "four"])
        let long = TextLayout.wrap(TextLayout.styled("abcdefghij", .normal), width: 4)
        XCTAssertEqual(long.map { $0.map(\.glyph.text).joined() }, ["abcd", "efgh", "ij"])
        XCTAssertEqual(TextLayout.wrap([], width: 5).count, 1, "an empty line keeps its row")
        for row in TextLayout.wrap(TextLayout.styled("日本語 日本語日本語", .normal), width: 5) {
            XCTAssertLessThanOrEqual(TextLayout.width(row), 5)
        }
    }

    func testMonochromeThemeKeepsMeaningInAttributes() {
        for role in Role.allCases {
            let look = Theme.dark.appearance(role, palette: .monochrome)
            XCTAssertNil(look.foreground)
            XCTAssertNil(look.background)
        }
        XCTAssertTrue(Theme.dark.appearance(.selection, palette: .monochrome).reverse)
        XCTAssertTrue(Theme.dark.appearance(.quote, palette: .monochrome).underline)
        XCTAssertTrue(Theme.dark.appearance(.quoteCurrent, palette: .monochrome).reverse)
        XCTAssertNotEqual(Theme.dark.appearance(.quote, palette: .monochrome), Theme.dark.appearance(.citedPassage, palette: .monochrome))
    }

    func testDrawEndsCutStyledTextWithAnEllipsisLikePut() {
        var grid = Grid(width: 10, height: 1)
        grid.draw(TextLayout.styled("ab", .normal) + TextLayout.styled("界界界", .searchMatch), x: 0, y: 0, maxWidth: 6)
        // Five columns before the ellipsis: "ab界" takes four, the next wide
        // glyph would split, so a blank pads it, as `put` does; then "…".
        XCTAssertEqual(grid.text.split(separator: "\n").first.map(String.init), "ab界 …")
        XCTAssertEqual(grid.styleRuns.last.map { $0.contains("searchMatch") }, true, "the ellipsis takes the cut text's role")
        var fits = Grid(width: 10, height: 1)
        fits.draw(TextLayout.styled("abc", .normal), x: 0, y: 0, maxWidth: 3)
        XCTAssertEqual(fits.text.split(separator: "\n").first.map(String.init), "abc", "no ellipsis when it fits")
    }
}

