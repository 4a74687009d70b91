import XCTest
@testable import ChronicleModel

/// Issue 18 in the model: text as a stranger's corpus has it (a BOM, CRLF, a
/// final newline, invalid UTF-8), on Tests/Fixtures/fidelity-corpus.
final class FidelityTests: XCTestCase {
    var family: Source { FidelityCorpus.corpus.source("family")! }

    // Item 5: a file ending with a line end has as many lines as `wc -l` counts.
    func testAFinalLineEndOpensNoPhantomLine() {
        for wide in [false, true] {
            XCTAssertEqual(LineIndex(Array("a\n".utf8), wide: wide).lineCount, 1)
            XCTAssertEqual(LineIndex(Array("a\r\n".utf8), wide: wide).lineCount, 1)
            XCTAssertEqual(LineIndex(Array("a\r".utf8), wide: wide).lineCount, 1)
            XCTAssertEqual(LineIndex(Array("\n".utf8), wide: wide).lineCount, 1)
            let blankLast = LineIndex(Array("a\n\n".utf8), wide: wide)
            XCTAssertEqual(blankLast.lineCount, 2)
            XCTAssertEqual(blankLast.contentRange(ofLine: 2), 2..<2)
            XCTAssertEqual(blankLast.line(containing: 3), 2)
        }
        let raw = family.raw
        let newlines = raw.filter { $0 == 0x0A }.count
        XCTAssertEqual(raw.suffix(2), [0x0D, 0x0A])
        XCTAssertEqual(family.lines.lineCount, newlines, "as wc -l counts")
        XCTAssertEqual(family.displayLine(family.lines.lineCount), "More news from the valley")
        XCTAssertEqual(family.lines.line(containing: raw.count), family.lines.lineCount)
    }

    func testALineRangePastTheEndSaysHowManyLinesTheFileHas() {
        let result = FidelityCorpus.load(manifest: { $0.replacingOccurrences(of: "body: [4-12]", with: "body: [4-17]") })
        let messages = result.diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.contains("lines 4-17 run past the end of the article, which has 16 lines") }, "\(messages)")
        // Line 16 is the last: the range that ends there loads.
        XCTAssertFalse(FidelityCorpus.load(manifest: { $0.replacingOccurrences(of: "body: [4-12]", with: "body: [4-16]") }).hasErrors)
    }

    /// A YAML reader error at the start of a line is on that line, not the one before.
    func testAYAMLReaderErrorAtALineStartNamesThatLine() {
        var files = FidelityCorpus.onDisk
        files["events.yaml"] = Array("events:\n  - id: x\n\u{01}date: 2022\n".utf8)
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(files))
        let reader = result.diagnostics.first { $0.message.contains("cannot read YAML") }
        XCTAssertEqual(reader?.location.line, 3, "\(result.diagnostics)")
    }

    // Item 4: a leading byte-order mark is not text, but offsets stay raw.
    func testALeadingByteOrderMarkIsHiddenFromDisplayAndMatching() {
        XCTAssertEqual(Array(family.raw.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(family.displayLine(1), "A family day in the park")
        XCTAssertEqual(family.display.rawOffset(0), 3)
        XCTAssertEqual(family.display.displayIndex(atOrAfterRaw: 0), 0)
        // A quote of the first words anchors at raw byte 3, after the mark.
        let whole = Source(id: "bom", file: "bom.txt", outlet: "O", title: nil, published: family.published, raw: family.raw)
        XCTAssertEqual(QuoteAnchor.resolve(exact: "A family day", in: whole), .resolved(range: 3..<15, line: 1, endLine: 1))
        XCTAssertEqual(QuoteAnchor.resolve(exact: "A family day", in: family), .notFound(elsewhere: [1], nearMiss: nil))
        // A mark elsewhere is text (a zero-width no-break space) and stays visible.
        let inside = DisplayProjection(raw: Array("a\u{FEFF}b".utf8))
        XCTAssertEqual(inside.bytes.count, 5)
    }
}
