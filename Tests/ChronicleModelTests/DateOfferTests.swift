import XCTest
@testable import ChronicleModel

/// The date the event form offers from a passage, for the forms of date a
/// news article writes in words: parts of a year, and seasons named
/// against the article's own date.
final class DateOfferTests: XCTestCase {
    let article = "Title\nThe talks began last summer in Doha. Officials met again in the first half of 2024. "
        + "Trade grew in Q3 2023. Exports fell in early 2022. This spring the envoys returned.\n"

    func offer(_ quote: String, published: String) throws -> DateOffer {
        let source = Source(id: "s", file: "s.txt", outlet: "Outlet", title: nil, published: DatedValue(date: try PartialDate(parsing: published)),
                            raw: Array(article.utf8), body: nil, furniture: [])
        let start = try XCTUnwrap(article.range(of: quote)).lowerBound
        let offset = article.utf8.distance(from: article.startIndex, to: start)
        return DateOffer(for: offset..<(offset + quote.utf8.count), in: source)
    }

    func testPartsOfAYearAreOfferedAsPrinted() throws {
        let quarter = try offer("Trade grew in Q3 2023", published: "2024-07-04")
        XCTAssertEqual([quarter.edtf, String(quarter.inferred)], ["2023-35", "false"])
        let early = try offer("Exports fell in early 2022", published: "2024-07-04")
        XCTAssertEqual(early.edtf, "2022-37")
        // Printed in the quote's sentence, not the quote: offered as inferred, saying where.
        let half = try offer("Officials met again", published: "2024-07-04")
        XCTAssertEqual([half.edtf, String(half.inferred)], ["2024-40", "true"])
        XCTAssertEqual(half.basis, "“the first half of 2024” in the sentence of the quote (Outlet, line 2)")
        let finder = TemporalFinder(published: DatedValue(date: try PartialDate(parsing: "2024-07-04")))
        for (text, edtf) in [("summer 2024", "2024-22"), ("the summer of 2024", "2024-22"), ("Fall 2023", "2023-23"), ("mid-2024", "2024-38"),
                             ("late 2024", "2024-39"), ("the fourth quarter of 2024", "2024-36"), ("H2 2024", "2024-41")] {
            XCTAssertEqual(finder.find(in: text).map { $0.value?.edtf }, [edtf], text)
        }
        XCTAssertEqual(finder.find(in: "in the fall of 2023, and in Q1 2024").first?.value?.edtf, "2023-23", "the first named")
        XCTAssertEqual(finder.find(in: "the late 1990s").map { $0.value?.edtf }, ["199X"], "a decade, not a part of a year")
    }

    /// "Last summer" is the latest summer over before the article's date,
    /// and offered as inferred with the words and the article's date.
    func testLastSummerIsASeasonInferredFromTheArticlesDate() throws {
        let july = try offer("The talks began last summer", published: "2024-07-04")
        XCTAssertEqual([july.edtf, String(july.inferred)], ["2023-22", "true"])
        XCTAssertEqual(july.basis, "“last summer” in an article of 4 Jul 2024 (Outlet, line 2)")
        XCTAssertEqual(try offer("The talks began last summer", published: "2024-10-01").edtf, "2024-22")
        XCTAssertEqual(try PartialDate(parsing: july.edtf).displayText, "summer 2023")
        // An article known only to the year cannot say which summer: its own date is offered.
        XCTAssertEqual(try offer("The talks began last summer", published: "2024").edtf, "2024")
        // "This spring" is the spring of the article's year, in it or after it.
        XCTAssertEqual(try offer("the envoys returned", published: "2024-04-10").edtf, "2024-21")
        let spring = try offer("the envoys returned", published: "2024-07-04")
        XCTAssertEqual([spring.edtf, String(spring.inferred)], ["2024-21", "true"])
        XCTAssertEqual(spring.basis, "“This spring” in the sentence of the quote: “This spring” in an article of 4 Jul 2024 (Outlet, line 2)")
        // No date in the passage or its sentence: the article's own, inferred.
        let undated = try offer("Title", published: "2024-07-04")
        XCTAssertEqual([undated.edtf, String(undated.inferred)], ["2024-07-04", "true"])
    }

    /// The passage's own expression wins over another of its sentence, and
    /// a day the article's date works out is offered inferred, saying how.
    func testTheQuotesOwnExpressionIsOffered() throws {
        let friday = try offer("Officials met again", published: "2024-07-04")
        XCTAssertEqual(friday.edtf, "2024-40")
        let source = Source(id: "s", file: "s.txt", outlet: "Outlet", title: nil, published: DatedValue(date: try PartialDate(parsing: "2025-05-02")),
                            raw: Array("Title\nIn 2003 it was listed, and on Friday it was removed.\n".utf8), body: [2...2], furniture: [])
        let text = source.rawText(0..<source.raw.count)
        let start = text.utf8.distance(from: text.startIndex, to: try XCTUnwrap(text.range(of: "on Friday it was removed")).lowerBound)
        let offer = DateOffer(for: start..<(start + 24), in: source)
        XCTAssertEqual([offer.edtf, String(offer.inferred)], ["2025-05-02", "true"])
        XCTAssertEqual(offer.basis, "“Friday” in an article of Friday 2 May 2025: the Friday on or before it (Outlet, line 2)")
        let printed = DateOffer(for: 6..<20, in: source)
        XCTAssertEqual([printed.edtf, String(printed.inferred)], ["2003", "false"])
        XCTAssertNil(printed.basis)
    }
}
