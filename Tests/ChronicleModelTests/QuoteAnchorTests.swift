import XCTest
@testable import ChronicleModel

final class QuoteAnchorTests: XCTestCase {
    let source = Source(
        id: "s", file: "s.txt", outlet: "Outlet", title: nil,
        published: DatedValue(date: try! PartialDate(parsing: "2025")),
        raw: Array("Title line\nPutin <u>referred</u> to the Taliban as an ally. The Taliban said no.\nThe Taliban said no.\nExplore: The Taliban said yes.\n".utf8),
        body: [2...3], furniture: [.init(lines: 4...4, label: "Explore list")])

    func testUniqueQuoteResolvesToRawOffsetsAndLine() {
        guard case let .resolved(range, line, endLine) = QuoteAnchor.resolve(exact: "Putin referred to the Taliban", in: source) else {
            return XCTFail("not resolved")
        }
        XCTAssertEqual(source.rawText(range), "Putin <u>referred</u> to the Taliban")
        XCTAssertEqual(source.displayText(range), "Putin referred to the Taliban")
        XCTAssertEqual(line, 2)
        XCTAssertEqual(endLine, 2)
        XCTAssertEqual(range.lowerBound, 11)
    }

    func testAmbiguousQuoteNamesEveryLine() {
        XCTAssertEqual(QuoteAnchor.resolve(exact: "The Taliban said no.", in: source), .ambiguous(lines: [2, 3]))
    }

    func testPrefixOrSuffixDisambiguates() {
        guard case let .resolved(_, line, _) = QuoteAnchor.resolve(exact: "The Taliban said no.", prefix: "ally. ", in: source) else {
            return XCTFail("prefix did not pick one")
        }
        XCTAssertEqual(line, 2)
        guard case let .resolved(range, line3, _) = QuoteAnchor.resolve(exact: "The Taliban said", suffix: " no.\nThe", in: source) else {
            return XCTFail("suffix did not pick one")
        }
        XCTAssertEqual(line3, 2)
        XCTAssertEqual(source.rawText(range), "The Taliban said")
    }

    func testMissingQuoteReportsFurnitureAndNearMisses() {
        XCTAssertEqual(QuoteAnchor.resolve(exact: "The Taliban said yes.", in: source), .notFound(elsewhere: [4], nearMiss: nil))
        XCTAssertEqual(QuoteAnchor.resolve(exact: "Title line", in: source), .notFound(elsewhere: [1], nearMiss: nil))
        XCTAssertEqual(QuoteAnchor.resolve(exact: "putin referred to the taliban", in: source), .notFound(elsewhere: [], nearMiss: 2))
        XCTAssertEqual(QuoteAnchor.resolve(exact: "nowhere at all", in: source), .notFound(elsewhere: [], nearMiss: nil))
        XCTAssertEqual(QuoteAnchor.resolve(exact: "", in: source), .empty)
    }

    func testTypographicNearMiss() {
        let typographic = Source(id: "t", file: "t.txt", outlet: "O", title: nil,
                                 published: DatedValue(date: try! PartialDate(parsing: "2025")),
                                 raw: Array("Moscow’s “common enemy” – he said".utf8))
        XCTAssertEqual(QuoteAnchor.resolve(exact: "Moscow's \"common enemy\" - he said", in: typographic), .notFound(elsewhere: [], nearMiss: 1))
    }

    func testSentenceAroundAQuote() {
        guard case let .resolved(r2, _, _) = QuoteAnchor.resolve(exact: "referred to the Taliban", in: source) else { return XCTFail() }
        XCTAssertEqual(source.displayText(source.sentenceRange(around: r2)), "Putin referred to the Taliban as an ally.")
        let us = Source(id: "u", file: "u.txt", outlet: "O", title: nil, published: DatedValue(date: try! PartialDate(parsing: "2025")),
                        raw: Array("Before. After the withdrawal of U.S. forces from Afghanistan, it said. Next one.".utf8))
        guard case let .resolved(r3, _, _) = QuoteAnchor.resolve(exact: "forces from", in: us) else { return XCTFail() }
        XCTAssertEqual(us.rawText(us.sentenceRange(around: r3)), "After the withdrawal of U.S. forces from Afghanistan, it said.")
    }
}

final class QuoteAnchorRegressionTests: XCTestCase {
    /// Found by scripts/fuzz.sh: a near-miss search of a quote of NULs in an
    /// article of invalid UTF-8 trapped in Foundation's String.contains.
    func testAQuoteOfNULsInInvalidUTF8IsNotFoundWithoutATrap() throws {
        let article: [UInt8] = [84, 105, 116, 130, 101, 10, 251, 254, 192, 128, 32, 101, 116, 120, 225, 225, 225, 225, 255, 1, 226, 128]
        let quote = String(decoding: [226, 128] + [UInt8](repeating: 0, count: 50), as: UTF8.self)
        let source = Source(id: "s", file: "s.txt", outlet: "S", title: nil, published: DatedValue(date: try PartialDate(parsing: "2024")),
                            raw: article, body: nil, furniture: [])
        XCTAssertEqual(QuoteAnchor.resolve(exact: quote, in: source), .notFound(elsewhere: [], nearMiss: nil))
        // The fold still finds a real near miss.
        let plain = Source(id: "p", file: "p.txt", outlet: "P", title: nil, published: DatedValue(date: try PartialDate(parsing: "2024")),
                           raw: Array("Title\nThe “common enemy” of both.\n".utf8), body: nil, furniture: [])
        XCTAssertEqual(QuoteAnchor.resolve(exact: "the \"common  enemy\"", in: plain), .notFound(elsewhere: [], nearMiss: 2))
    }
}
