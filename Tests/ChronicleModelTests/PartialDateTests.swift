import XCTest
@testable import ChronicleModel

final class PartialDateTests: XCTestCase {
    func date(_ text: String) throws -> PartialDate { try PartialDate(parsing: text) }

    /// Dates are read byte by byte when well formed, and character by
    /// character (to explain errors) otherwise: on every string built from
    /// the pieces of dates, the two must give the same date or both refuse.
    func testTheFastReaderAgreesWithTheExplainingOne() {
        let pieces = ["2024", "198X", "19XX", "1XXX", "20X4", "0000", "9999", "-", "03", "12", "13", "00", "XX", "29", "30", "31",
                      "02", "/", "..", "?", "~", "%", " ", "1900", "2000", "2023", "-02-29", "a", "é"]
        // Seeded, so a failure repeats.
        struct SplitMix: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
        var generator = SplitMix(state: 2024)
        var strings = ["2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "../1985", "/2024-10", "2024/..", "/", "1979/1989",
                       "1989/1979", "2024-03-XX", "2024-XX-XX", "2024-XX-05", "198X-03", " 2024", "2024 ", "2024-3", "2024-03-5"]
        for _ in 0..<20_000 {
            strings.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        var accepted = 0
        for text in strings {
            let slow = try? PartialDate(parsingCharacters: text)
            if let fast = PartialDate.parseWellFormed(text) {
                XCTAssertEqual(fast, slow, text)
                accepted += 1
            } else if let slow {
                // Refused by the fast reader: only spaces around a valid date may then be accepted.
                XCTAssertNotEqual(slow.edtf, text, "\(text): a valid date the fast reader refused")
            }
        }
        XCTAssertGreaterThan(accepted, 1_000)
    }

    func testPrecisionOfEachForm() throws {
        XCTAssertEqual(try date("2003").precision, .year)
        XCTAssertEqual(try date("2024-03").precision, .month)
        XCTAssertEqual(try date("2024-07-04").precision, .day)
        XCTAssertEqual(try date("198X").precision, .decade)
        XCTAssertEqual(try date("19XX").precision, .century)
        XCTAssertEqual(try date("2024-XX").precision, .year)
        XCTAssertEqual(try date("2024-03-XX").precision, .month)
    }

    func testDisplayForms() throws {
        XCTAssertEqual(try date("2003").displayText, "2003")
        XCTAssertEqual(try date("2024-03").displayText, "Mar 2024")
        XCTAssertEqual(try date("2024-07-04").displayText, "4 Jul 2024")
        XCTAssertEqual(try date("198X").displayText, "1980s")
        XCTAssertEqual(try date("1979/1989").displayText, "1979–1989")
        XCTAssertEqual(try date("2024-03/2024-06").displayText, "Mar 2024 – Jun 2024")
        XCTAssertEqual(try date("/2024-10-04").displayText, "by 4 Oct 2024")
        XCTAssertEqual(try date("../1985").displayText, "until 1985")
        XCTAssertEqual(try date("1985/..").displayText, "from 1985 on")
        XCTAssertEqual(try date("2024?").displayText, "2024?")
        XCTAssertEqual(try date("2024~").displayText, "c. 2024")
        XCTAssertEqual(try date("2024-05%").displayText, "c. May 2024?")
        XCTAssertEqual(DatedValue(date: try date("2024-10-04"), inferred: true).displayText, "4 Oct 2024 (inferred)")
    }

    func testQualifiers() throws {
        let both = try date("2024-05%")
        XCTAssertEqual(both.start.point?.uncertain, true)
        XCTAssertEqual(both.start.point?.approximate, true)
        XCTAssertEqual(try date("2024?").start.point?.approximate, false)
    }

    /// A point is packed in six bytes; each field reads back as written, at
    /// the ends of the years supported, with every qualifier.
    func testPointsReadBackTheirFields() throws {
        struct Fields: Equatable { let year: Int, month: Int?, day: Int?, unspecified: Bool, uncertain: Bool, approximate: Bool }
        func fields(_ text: String) throws -> Fields {
            let point = try XCTUnwrap(date(text).start.point, text)
            return Fields(year: point.year, month: point.month, day: point.day, unspecified: point.monthUnspecified,
                          uncertain: point.uncertain, approximate: point.approximate)
        }
        XCTAssertEqual(try fields("0000"), Fields(year: 0, month: nil, day: nil, unspecified: false, uncertain: false, approximate: false))
        XCTAssertEqual(try fields("9999-12-31%"), Fields(year: 9999, month: 12, day: 31, unspecified: false, uncertain: true, approximate: true))
        XCTAssertEqual(try fields("2024-XX?"), Fields(year: 2024, month: nil, day: nil, unspecified: true, uncertain: true, approximate: false))
        XCTAssertEqual(try fields("2024-03-XX~"), Fields(year: 2024, month: 3, day: nil, unspecified: false, uncertain: false, approximate: true))
        XCTAssertEqual(try fields("19XX"), Fields(year: 1900, month: nil, day: nil, unspecified: false, uncertain: false, approximate: false))
        XCTAssertEqual(try date("9999-12-31").latestDay, try date("9999").latestDay)
        XCTAssertLessThanOrEqual(MemoryLayout<PartialDate.Point>.size, 8)
    }

    func testSpansOfPartialDates() throws {
        let feb2024 = try date("2024-02")
        XCTAssertEqual(feb2024.latestDay! - feb2024.earliestDay!, 28, "2024 is a leap year: 29 days")
        let decade = try date("198X")
        XCTAssertEqual(decade.earliestDay, try date("1980-01-01").earliestDay)
        XCTAssertEqual(decade.latestDay, try date("1989-12-31").latestDay)
        XCTAssertEqual(try date("1970-01-01").earliestDay, 0)
    }

    func testTimelineOrder() throws {
        let texts = ["2025-05-02", "2003", "2024-07-04", "198X", "2024-03", "1979", "2024", "/2024-10-04", "2024-10-04", "2025-04-17", "2025-05", "2021-08"]
        let sorted = try texts.map(date).sorted().map(\.edtf)
        XCTAssertEqual(sorted, ["1979", "198X", "2003", "2021-08", "2024", "2024-03", "2024-07-04", "/2024-10-04", "2024-10-04", "2025-04-17", "2025-05", "2025-05-02"])
    }

    func testCoarserBeforeFinerOnTheSameStart() throws {
        XCTAssertLessThan(try date("2024"), try date("2024-01"))
        XCTAssertLessThan(try date("2024-01"), try date("2024-01-01"))
        XCTAssertLessThan(try date("198X"), try date("1980"))
    }

    func testWithinAndOverlap() throws {
        XCTAssertTrue(try date("2024-03").isWithin(date("2024")))
        XCTAssertFalse(try date("2024").isWithin(date("2024-03")))
        XCTAssertTrue(try date("2024").overlaps(date("2024-03")))
        XCTAssertTrue(try date("1985").isWithin(date("198X")))
        XCTAssertFalse(try date("1979").isWithin(date("198X")))
        XCTAssertFalse(try date("/2024-10-04").isWithin(date("2024")), "an unknown start can be any time before")
        XCTAssertTrue(try date("2024-03-22").isWithin(date("2024-03/2024-06")))
    }

    func testRejectsImpossibleDates() {
        let cases: [(String, String)] = [
            ("2024-13-45", "no month 13"),
            ("2025-02-30", "February 2025 has no day 30"),
            ("2023-02-29", "February 2023 has no day 29"),
            ("1989/1979", "ends before it starts"),
            ("24", "four digits"),
            ("", "empty"),
            ("2024-3", "two digits"),
            ("1X8X", "last one or two digits"),
            ("198X-05", "cannot have a month"),
            ("2024-XX-05", "needs a known month"),
            ("/", "at least one known end"),
            ("2001/2002/2003", "exactly one"),
            ("March 2024", "four digits"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try PartialDate(parsing: text), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(text): \(error)")
            }
        }
        XCTAssertNoThrow(try PartialDate(parsing: "2024-02-29"))
        XCTAssertNoThrow(try PartialDate(parsing: "2000-02-29"))
        XCTAssertThrowsError(try PartialDate(parsing: "1900-02-29"))
    }
}
