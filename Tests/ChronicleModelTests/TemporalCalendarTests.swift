@testable import ChronicleModel
import XCTest

/// The arithmetic relative dates rest on: weekdays and months across year
/// ends, leap years, and an article dated on the weekday it names.
final class TemporalCalendarTests: XCTestCase {
    func value(_ text: String, _ published: String) throws -> String? {
        let found = try TemporalFinder(published: DatedValue(date: PartialDate(parsing: published))).find(in: text)
        XCTAssertEqual(found.count, 1, "\(text) in \(published): \(found.map(\.text))")
        return found.first?.value?.edtf
    }

    func testDaysAndWeekdaysAgainstKnownDates() {
        typealias Day = TemporalCalendar.Day
        // 1970-01-01 was a Thursday; 2000-02-29 a Tuesday; 1900-03-01 a Thursday.
        XCTAssertEqual(Day(year: 1970, month: 1, day: 1).weekday, 3)
        XCTAssertEqual(Day(year: 2000, month: 2, day: 29).weekday, 1)
        XCTAssertEqual(Day(year: 1900, month: 3, day: 1).weekday, 3)
        XCTAssertEqual(Day(year: 1969, month: 12, day: 31).weekday, 2, "before the epoch")
        for number in [-800_000, -1, 0, 59, 11_016, 20_000, 2_932_896] {
            let day = Day(number: number)
            XCTAssertEqual(day.number, number, "\(day)")
        }
        XCTAssertEqual(Day(year: 2024, month: 3, day: 1).adding(days: -1), Day(year: 2024, month: 2, day: 29))
        XCTAssertEqual(Day(year: 2023, month: 3, day: 1).adding(days: -1), Day(year: 2023, month: 2, day: 28))
        XCTAssertEqual(Day(year: 2100, month: 3, day: 1).adding(days: -1), Day(year: 2100, month: 2, day: 28), "2100 is not a leap year")
        XCTAssertEqual(TemporalCalendar.Month(year: 2025, month: 1).adding(months: -1), TemporalCalendar.Month(year: 2024, month: 12))
        XCTAssertEqual(TemporalCalendar.Month(year: 2024, month: 11).adding(months: 14), TemporalCalendar.Month(year: 2026, month: 1))
        XCTAssertEqual(TemporalCalendar.Month(year: 1, month: 2).adding(months: -3), TemporalCalendar.Month(year: 0, month: 11))
    }

    func testAcrossTheYearsEnd() throws {
        // Thursday 2 January 2025.
        XCTAssertEqual(try value("They met on Friday.", "2025-01-02"), "2024-12-27")
        XCTAssertEqual(try value("They met on Monday.", "2025-01-02"), "2024-12-30")
        XCTAssertEqual(try value("They met yesterday.", "2025-01-01"), "2024-12-31")
        XCTAssertEqual(try value("They will meet tomorrow.", "2024-12-31"), "2025-01-01")
        XCTAssertEqual(try value("They met last month.", "2025-01-02"), "2024-12")
        XCTAssertEqual(try value("They will meet next month.", "2024-12-30"), "2025-01")
        XCTAssertEqual(try value("They met in December.", "2025-01-02"), "2024-12")
        XCTAssertEqual(try value("They met in November.", "2025-01-02"), "2024-11")
        XCTAssertEqual(try value("They will meet in January.", "2024-12-15"), "2025-01")
        XCTAssertEqual(try value("They met three months ago.", "2025-02-10"), "2024-11")
        XCTAssertEqual(try value("They met last week.", "2025-01-02"), "2024-12-23/2024-12-29")
        XCTAssertEqual(try value("They met on December 30.", "2025-01-02"), "2024-12-30", "the nearest 30 December")
        XCTAssertEqual(try value("They will meet on January 3.", "2024-12-28"), "2025-01-03")
        XCTAssertEqual(try value("It snowed last winter.", "2025-03-10"), "2024-24", "December 2024 to February 2025")
        XCTAssertEqual(try value("It snows this winter.", "2025-01-20"), "2024-24")
    }

    func testLeapYears() throws {
        // Friday 1 March 2024, after a 29 February.
        XCTAssertEqual(try value("They met yesterday.", "2024-03-01"), "2024-02-29")
        XCTAssertEqual(try value("They met on Thursday.", "2024-03-01"), "2024-02-29")
        XCTAssertEqual(try value("They met 10 days ago.", "2024-03-05"), "2024-02-24")
        XCTAssertEqual(try value("They met yesterday.", "2023-03-01"), "2023-02-28")
        XCTAssertEqual(try value("They met yesterday.", "2100-03-01"), "2100-02-28")
        XCTAssertEqual(try value("They met yesterday.", "2000-03-01"), "2000-02-29", "2000 is a leap year")
        // "February 29" is the nearest year that has one.
        XCTAssertEqual(try value("They met on February 29.", "2024-03-10"), "2024-02-29")
        XCTAssertEqual(try value("They met on February 29.", "2025-03-10"), "2024-02-29")
    }

    func testAnArticleDatedOnTheWeekdayItNames() throws {
        // Friday 2 May 2025: "on Friday" is that day; "last Friday" the one before; "next Friday" the one after.
        XCTAssertEqual(try value("Kabulov spoke on Friday.", "2025-05-02"), "2025-05-02")
        XCTAssertEqual(try value("Kabulov spoke last Friday.", "2025-05-02"), "2025-04-25")
        XCTAssertEqual(try value("Kabulov speaks next Friday.", "2025-05-02"), "2025-05-09")
        XCTAssertEqual(try value("Kabulov will speak on Friday.", "2025-05-02"), "2025-05-02")
        // Thursday 4 July 2024.
        XCTAssertEqual(try value("Putin said in Astana on Thursday.", "2024-07-04"), "2024-07-04")
        XCTAssertEqual(try value("Putin said on Wednesday.", "2024-07-04"), "2024-07-03")
        XCTAssertEqual(try value("Putin said on Friday.", "2024-07-04"), "2024-06-28")
        // Sunday ends the week: "this Monday" in a Sunday article is six days before.
        XCTAssertEqual(try value("They met this Monday.", "2025-05-04"), "2025-04-28")
    }
}
