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
        XCTAssertEqual(half.basis, "“first half of 2024” in the sentence of the quote (Outlet, line 2)")
        for text in ["summer 2024", "the summer of 2024", "Fall 2023", "mid-2024", "late 2024", "the fourth quarter of 2024", "H2 2024"] {
            XCTAssertNotNil(DateOffer.partOfYear(in: text), text)
        }
        XCTAssertEqual(DateOffer.partOfYear(in: "in the fall of 2023, and in Q1 2024")?.0, "2023-23", "the first named")
        XCTAssertNil(DateOffer.partOfYear(in: "the late 1990s"))
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
        // "This spring" only when the article lies within a spring.
        XCTAssertEqual(try offer("the envoys returned", published: "2024-04-10").edtf, "2024-21")
        XCTAssertEqual(try offer("the envoys returned", published: "2024-07-04").edtf, "2024-07-04")
    }
}
