import ChronicleModel
@testable import ChronicleUI
import XCTest

/// The timeline's headings and date column for the forms of date a news
/// chronology meets beyond plain days: centuries and decades, seasons,
/// times of day, years before the common era and early years.
final class DateRowsTests: XCTestCase {
    func testHeadingsAndListDatesOfEveryForm() throws {
        let article = "Title\nThe group was listed.\n"
        let manifest = """
            sources:
              - id: a
                file: a.txt
                outlet: Outlet A
                published: 2025-05-01
            """
        let dates = ["2024-07-04T16:05Z", "190X", "-0999", "2024-21", "19XX", "2024-07-04", "0007", "2024-07-04T10:00+05:00",
                     "../1900", "1905~", "2024-24", "2024-06"]
        let events = "events:\n" + dates.enumerated().map { index, date in
            "  - {id: e\(index), date: \"\(date)\", title: E\(index), citations: [{source: a, quote: The group was listed.}]}\n"
        }.joined()
        let files = InMemoryCorpusFiles(["manifest.yaml": Array(manifest.utf8), "events.yaml": Array(events.utf8), "a.txt": Array(article.utf8)])
        let result = CorpusLoader.load(from: files)
        XCTAssertFalse(result.hasErrors, result.diagnostics.map(\.description).joined(separator: "\n"))
        let data = BrowserData(corpus: result.corpus)
        let rows = data.timelineRows.map { row -> String in
            switch row {
            case .heading(let text): return "# " + text
            case .event(let index): return BrowserData.listDate(data.corpus.events[index])
            }
        }
        XCTAssertEqual(rows, [
            "# 1000 BCE", "1000 BCE",
            "# 0007", "0007",
            // The century first, being the coarser; then its first decade; then the year 1900 and the interval ending in it.
            "# 1900–1999", "1900–1999",
            "# 1900s", "1900s",
            "# 1900", "until 1900",
            "# 1905", "c. 1905",
            "# 2024", "spring 2024", "Jun 2024", "4 Jul 2024", "4 Jul 2024 10:00 +05:00", "4 Jul 2024 16:05 UTC", "winter 2024",
        ])
        XCTAssertEqual(data.listDateWidth, TextWidth.of("4 Jul 2024 10:00 +05:00"))
    }
}
