import XCTest
@testable import ChronicleModel

/// The line index and the display projection as the cache keeps them: read
/// back they equal a scan of the same bytes, and what does not fit the
/// bytes is refused rather than taken for an index.
final class CachedTextTablesTests: XCTestCase {
    private let texts: [String] = [
        "", "a", "\n", "\r", "\r\n", "\n\n", "a\nb", "a\nb\n", "a\r\nb\r\n", "a\rb", "a\r\rb\r", "\r\n\r\n\n", "end\r",
        "<b>bold</b> and <u>under</u>\nnext <a href=\"x\">link</a>\n", "\u{FEFF}<i>x</i>", "<b>", "a < b > c <q>not</q>",
    ]

    private func lengths(_ lines: LineIndex) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        lines.forEachLineLength { out.append(($0, $1)) }
        return out
    }

    private func rebuilt(_ bytes: [UInt8], _ lengths: [(Int, Int)], lineCount: Int? = nil) -> LineIndex? {
        var next = 0
        return LineIndex(bytes, lineCount: lineCount ?? lengths.count) { () -> (content: Int, terminator: Int) in
            defer { next += 1 }
            return next < lengths.count ? lengths[next] : (0, 0)
        }
    }

    func testLinesReadBackAreTheScansOwn() {
        for text in texts {
            let bytes = Array(text.utf8), scanned = LineIndex(bytes)
            XCTAssertEqual(rebuilt(bytes, lengths(scanned)), scanned, "\(text.debugDescription)")
        }
    }

    func testLinesThatDoNotFitTheBytesAreRefused() {
        let bytes = Array("one\r\ntwo\nthree".utf8)
        let good = lengths(LineIndex(bytes))
        XCTAssertNotNil(rebuilt(bytes, good))
        var cases: [[(Int, Int)]] = []
        cases.append([(3, 2), (3, 1), (4, 0)])          // the last line one byte short
        cases.append([(3, 1), (4, 1), (5, 0)])          // "\r\n" taken for a lone CR
        cases.append([(3, 2), (3, 2), (5, 0)])          // "\n" taken for "\r\n"
        cases.append([(3, 2), (3, 1), (5, 1)])          // a terminator past the end
        cases.append([(3, 2), (3, 0), (5, 0)])          // a line ended early without one
        cases.append([(3, 2), (3, 1), (5, 3)])          // no such terminator
        cases.append([(-1, 2), (3, 1), (5, 0)])
        cases.append([(3, 2), (3, 1), (5, 0), (0, 0)])  // an empty line after the end
        for lengths in cases { XCTAssertNil(rebuilt(bytes, lengths), "\(lengths)") }
        XCTAssertNil(rebuilt(bytes, good, lineCount: 0))
        XCTAssertNil(rebuilt(bytes, good, lineCount: bytes.count + 2))
        // A file that ends with its terminator has no empty line after it.
        let closed = Array("a\n".utf8)
        XCTAssertNil(rebuilt(closed, [(1, 1), (0, 0)]))
        XCTAssertEqual(rebuilt(closed, [(1, 1)]), LineIndex(closed))
    }

    func testHiddenMarkupReadBackIsTheScansOwn() {
        for text in texts {
            let bytes = Array(text.utf8), scanned = DisplayProjection(raw: bytes)
            let read = DisplayProjection(raw: bytes, hidden: scanned.hiddenRanges)
            XCTAssertEqual(read?.bytes, scanned.bytes, "\(text.debugDescription)")
            XCTAssertEqual(read?.hiddenRanges, scanned.hiddenRanges)
            for offset in 0...bytes.count {
                XCTAssertEqual(read?.displayIndex(atOrAfterRaw: offset), scanned.displayIndex(atOrAfterRaw: offset))
            }
        }
    }

    func testHiddenMarkupThatIsNotMarkupIsRefused() {
        let bytes = Array("<b>bold</b> text <q>x</q>".utf8)
        XCTAssertEqual(DisplayProjection(raw: bytes).hiddenRanges, [0..<3, 7..<11])
        XCTAssertNotNil(DisplayProjection(raw: bytes, hidden: [0..<3, 7..<11]))
        XCTAssertNil(DisplayProjection(raw: bytes, hidden: [0..<4]), "past the tag's end")
        XCTAssertNil(DisplayProjection(raw: bytes, hidden: [3..<7]), "text, not a tag")
        XCTAssertNil(DisplayProjection(raw: bytes, hidden: [17..<20]), "a tag that is not hidden")
        XCTAssertNil(DisplayProjection(raw: bytes, hidden: [7..<11, 0..<3]), "out of order")
        XCTAssertNil(DisplayProjection(raw: bytes, hidden: [0..<3, 0..<3]), "twice")
        XCTAssertNil(DisplayProjection(raw: bytes, hidden: [20..<40]), "past the end")
        XCTAssertNil(DisplayProjection(raw: Array("abc".utf8), hidden: [0..<3]), "no byte-order mark")
    }

    /// A source as its entry keeps it: read back it has the scan's tables;
    /// written with another article's tables, it is damage, not a source.
    func testASourceReadFromItsEntryHasTheTablesOfItsBytesOrIsDamage() throws {
        func source(_ raw: [UInt8], lines: LineIndex? = nil, display: DisplayProjection? = nil) -> Source {
            Source(id: "s", file: "s.md", outlet: "O", title: nil, byline: nil, dateline: nil, agency: nil, url: nil, language: nil,
                   published: DatedValue(date: try! PartialDate(parsing: "2024")), raw: raw, sha256: nil, lines: lines, display: display,
                   body: nil, furniture: [])
        }
        func read(_ written: Source, as raw: [UInt8]) throws -> Source {
            var out = CacheWriter()
            out.sourceFields(written)
            return try out.bytes.withUnsafeBytes { bytes in
                var input = CacheReader(bytes)
                return try input.source(raw: raw)
            }
        }
        let raw = Array("<b>One</b>\r\ntwo\n".utf8)
        let good = try read(source(raw), as: raw)
        XCTAssertEqual(good.lines, LineIndex(raw))
        XCTAssertEqual(good.display.bytes, DisplayProjection(raw: raw).bytes)
        XCTAssertEqual(good.quotableRanges, source(raw).quotableRanges)
        let other = Array("<b>One</b>\ntwo\r\n".utf8)
        XCTAssertThrowsError(try read(source(raw, lines: LineIndex(other)), as: raw)) { error in
            XCTAssertEqual((error as? CacheDamage)?.reason, "an article's lines do not fit its bytes")
        }
        let shifted = Array("x<b>One</b>\ntwo\r\n".utf8)
        XCTAssertThrowsError(try read(source(raw, display: DisplayProjection(raw: shifted)), as: raw)) { error in
            XCTAssertEqual((error as? CacheDamage)?.reason, "an article's hidden markup does not fit its bytes")
        }
    }
}
