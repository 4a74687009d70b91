import XCTest
@testable import ChronicleModel

final class PartialDateTests: XCTestCase {
    func date(_ text: String) throws -> PartialDate { try PartialDate(parsing: text) }

    func testPrecisionOfEachForm() throws {
        let cases: [(String, PartialDate.Precision)] = [
            ("2003", .year), ("2024-03", .month), ("2024-07-04", .day), ("198X", .decade), ("19XX", .century),
            ("1XXX", .millennium), ("XXXX", .unknownYear), ("XXXX-XX-XX", .unknownYear), ("2024-XX", .year),
            ("2024-XX-XX", .year), ("2024-03-XX", .month), ("2024-21", .threeMonths), ("2024-33", .threeMonths),
            ("2024-37", .fourMonths), ("2024-41", .sixMonths), ("2024-07-04T16:05", .time), ("-0999", .year),
            ("Y170000002", .year), ("/2024-10", .month), ("/", .unknownYear),
        ]
        for (text, precision) in cases { XCTAssertEqual(try date(text).precision, precision, text) }
    }

    func testDisplayForms() throws {
        let cases: [(String, String)] = [
            ("2003", "2003"), ("2024-03", "Mar 2024"), ("2024-07-04", "4 Jul 2024"),
            // A decade is its years' name; a century its years, as 19XX is 1900–1999, not the 20th century.
            ("198X", "1980s"), ("190X", "1900s"), ("19XX", "1900–1999"), ("16XX~", "c. 1600–1699"), ("1XXX", "1000–1999"),
            ("XXXX", "year unknown"), ("XXXX-XX", "year unknown"),
            ("1979/1989", "1979–1989"), ("2024-03/2024-06", "Mar 2024 – Jun 2024"), ("19XX/20XX", "1900–1999 – 2000–2099"),
            ("/2024-10-04", "by 4 Oct 2024"), ("../1985", "until 1985"), ("1985/..", "from 1985 on"), ("1985/", "from 1985"),
            ("/", "date unknown"), ("../..", "open at both ends"),
            ("2024?", "2024?"), ("2024~", "c. 2024"), ("2024-05%", "c. May 2024?"),
            // Seasons name no months and no hemisphere; the other parts of a year.
            ("2024-21", "spring 2024"), ("2024-24~", "c. winter 2024"), ("2024-26", "northern summer 2024"),
            ("2024-30", "southern summer 2024"), ("2024-33", "Q1 2024"), ("2024-37", "early 2024"), ("2024-38", "mid 2024"),
            ("2024-39", "late 2024"), ("2024-40", "H1 2024"), ("2024-41", "H2 2024"),
            // Years as written, four digits; year 0 and before as BCE.
            ("0007", "0007"), ("0070-03", "Mar 0070"), ("0000", "1 BCE"), ("0000-01", "Jan 1 BCE"), ("-0001", "2 BCE"),
            ("-0999", "1000 BCE"), ("-01XX", "200–101 BCE"), ("-198X", "1990–1981 BCE"), ("000X", "1 BCE–0009"),
            ("Y170000002", "170000002"), ("Y-170000002", "170000003 BCE"),
            // Times as written, Z as UTC.
            ("2001-02-03T09:30:01", "3 Feb 2001 09:30:01"), ("2004-01-01T10:10:10Z", "1 Jan 2004 10:10:10 UTC"),
            ("2004-01-01T10:10:10+05:00", "1 Jan 2004 10:10:10 +05:00"), ("2016-05-02T16:54:59.042-0015", "2 May 2016 16:54:59.042 -0015"),
            ("2014-12-08T11:46−02:00", "8 Dec 2014 11:46 −02:00"),
        ]
        for (text, shown) in cases { XCTAssertEqual(try date(text).displayText, shown, text) }
        XCTAssertEqual(DatedValue(date: try date("2024-10-04"), inferred: true).displayText, "4 Oct 2024 (inferred)")
    }

    func testYearHeadings() throws {
        let cases: [(String, String)] = [
            ("2024-07-04", "2024"), ("2024-24", "2024"), ("198X~", "1980s"), ("19XX", "1900–1999"), ("-0999", "1000 BCE"),
            ("0007", "0007"), ("/2024-10", "2024"), ("../1960", "1960"), ("/", "Date unknown"), ("XXXX", "year unknown"),
            ("2025-01-01T01:00+05:00", "2025"),
        ]
        for (text, heading) in cases { XCTAssertEqual(try date(text).yearHeading, heading, text) }
    }

    func testQualifiers() throws {
        let both = try date("2024-05%")
        XCTAssertEqual(both.start.point?.uncertain, true)
        XCTAssertEqual(both.start.point?.approximate, true)
        XCTAssertEqual(try date("2024?").start.point?.approximate, false)
        XCTAssertEqual(try date("2024-21?").start.point?.uncertain, true)
    }

    /// A point is packed in eight bytes and a date in 32 (every event holds
    /// one); each field reads back as written, at the ends of the years
    /// held, with every qualifier.
    func testPointsReadBackTheirFields() throws {
        struct Fields: Equatable {
            let year: Int, month: Int?, day: Int?, part: PartialDate.SubYear?, unspecified: Bool, dayUnspecified: Bool,
                uncertain: Bool, approximate: Bool, negative: Bool
        }
        func fields(_ text: String) throws -> Fields {
            let p = try XCTUnwrap(date(text).start.point, text)
            return Fields(year: p.year, month: p.month, day: p.day, part: p.subYear, unspecified: p.monthUnspecified,
                          dayUnspecified: p.dayUnspecified, uncertain: p.uncertain, approximate: p.approximate, negative: p.isNegative)
        }
        func expect(_ year: Int, month: Int? = nil, day: Int? = nil, part: PartialDate.SubYear? = nil, unspecified: Bool = false,
                    dayUnspecified: Bool = false, uncertain: Bool = false, approximate: Bool = false, negative: Bool = false) -> Fields {
            Fields(year: year, month: month, day: day, part: part, unspecified: unspecified, dayUnspecified: dayUnspecified,
                   uncertain: uncertain, approximate: approximate, negative: negative)
        }
        XCTAssertEqual(try fields("0000"), expect(0))
        XCTAssertEqual(try fields("9999-12-31%"), expect(9999, month: 12, day: 31, uncertain: true, approximate: true))
        XCTAssertEqual(try fields("2024-XX?"), expect(2024, unspecified: true, uncertain: true))
        XCTAssertEqual(try fields("2024-03-XX~"), expect(2024, month: 3, dayUnspecified: true, approximate: true))
        XCTAssertEqual(try fields("19XX"), expect(1900))
        XCTAssertEqual(try fields("-00XX"), expect(0, negative: true))
        XCTAssertEqual(try fields("-9999-01-01"), expect(-9999, month: 1, day: 1, negative: true))
        XCTAssertEqual(try fields("Y999999999"), expect(999_999_999))
        XCTAssertEqual(try fields("Y-999999999~"), expect(-999_999_999, approximate: true, negative: true))
        XCTAssertEqual(try fields("2024-41"), expect(2024, part: .secondHalf))
        XCTAssertEqual(try fields("2024-07-04T16:05Z"), expect(2024, month: 7, day: 4))
        XCTAssertEqual(try date("9999-12-31").latestDay, try date("9999").latestDay)
        XCTAssertLessThanOrEqual(MemoryLayout<PartialDate.Point>.size, 8)
        XCTAssertLessThanOrEqual(MemoryLayout<PartialDate>.size, 32)
    }

    func testTimesReadBackAsWritten() throws {
        let time = try XCTUnwrap(date("2016-05-02T16:54:59.042123+02:30").time)
        XCTAssertEqual(time, TimeOfDay(hour: 16, minute: 54, second: 59, nanoseconds: 42_123_000, zone: .offset(minutes: 150),
                                       clockText: "16:54:59.042123", zoneText: "+02:30"))
        XCTAssertEqual(try date("2014-12-08T11:46").time?.second, nil)
        XCTAssertEqual(try date("2014-12-08T11:46Z").time?.zone, .utc)
        XCTAssertEqual(try date("2014-12-08T11:46:42−02:00").time?.zone, .offset(minutes: -120))
        XCTAssertEqual(try date("2016-05-02T16:54:59-12").time?.zone, .offset(minutes: -720))
        XCTAssertNil(try date("2016-05-02").time)
    }

    func testSpansOfPartialDates() throws {
        func span(_ text: String) throws -> [Int?] { let d = try date(text); return [d.earliestDay, d.latestDay] }
        func day(_ text: String) throws -> Int? { try date(text).earliestDay }
        let feb2024 = try date("2024-02")
        XCTAssertEqual(feb2024.latestDay! - feb2024.earliestDay!, 28, "2024 is a leap year: 29 days")
        XCTAssertEqual(try span("198X"), [try day("1980-01-01"), try day("1989-12-31")])
        XCTAssertEqual(try date("1970-01-01").earliestDay, 0)
        // Seasons are the meteorological ones of the north, each hemisphere's with 25–32.
        XCTAssertEqual(try span("2024-21"), [try day("2024-03-01"), try day("2024-05-31")])
        XCTAssertEqual(try span("2024-24"), [try day("2024-12-01"), try day("2025-02-28")])
        XCTAssertEqual(try span("2023-24"), [try day("2023-12-01"), try day("2024-02-29")])
        XCTAssertEqual(try span("2024-29"), [try day("2024-09-01"), try day("2024-11-30")])
        XCTAssertEqual(try span("2024-30"), [try day("2024-12-01"), try day("2025-02-28")])
        XCTAssertEqual(try span("2024-34"), [try day("2024-04-01"), try day("2024-06-30")])
        XCTAssertEqual(try span("2024-38"), [try day("2024-05-01"), try day("2024-08-31")])
        XCTAssertEqual(try span("2024-41"), [try day("2024-07-01"), try day("2024-12-31")])
        // Negative years count back from 0000 (1 BCE); their X digits open downwards.
        XCTAssertEqual(try span("-01XX"), [try day("-0199-01-01"), try day("-0100-12-31")])
        XCTAssertEqual(try span("-00XX"), [try day("-0099-01-01"), try day("0000-12-31")])
        XCTAssertEqual(try span("XXXX"), [try day("0000-01-01"), try day("9999-12-31")])
        XCTAssertEqual(try day("0000-03-01")! - (try day("0000-02-01"))!, 29, "year 0 is a leap year")
        XCTAssertEqual(try span("2024-07-04T23:59:59-12:00"), try span("2024-07-04"), "a time lies within the day written")
        XCTAssertLessThan(try day("Y-170000002")!, try day("-9999")!)
        XCTAssertGreaterThan(try date("Y170000002").latestDay!, try date("9999").latestDay!)
    }

    func testTimelineOrder() throws {
        let texts = ["2025-05-02", "2003", "2024-07-04", "198X", "2024-03", "1979", "2024", "/2024-10-04", "2024-10-04", "2025-04-17", "2025-05", "2021-08"]
        let sorted = try texts.map(date).sorted().map(\.edtf)
        XCTAssertEqual(sorted, ["1979", "198X", "2003", "2021-08", "2024", "2024-03", "2024-07-04", "/2024-10-04", "2024-10-04", "2025-04-17", "2025-05", "2025-05-02"])
    }

    func testCoarserBeforeFinerOnTheSameStart() throws {
        let texts = ["2024-01-01", "2024-33", "2024-01", "2024-40", "2024", "2024-37", "202X", "20XX", "2XXX", "2024-01-01T00:00Z"]
        XCTAssertEqual(try texts.map(date).sorted().map(\.edtf),
                       ["2XXX", "20XX", "202X", "2024", "2024-40", "2024-37", "2024-33", "2024-01", "2024-01-01", "2024-01-01T00:00Z"])
        // An interval with no known start sorts at its end, as coarse as that end.
        XCTAssertLessThan(try date("196X"), try date("../1960"))
        XCTAssertLessThan(try date("196X"), try date("/1960"))
        XCTAssertLessThan(try date("/1960"), try date("1960-01"))
        XCTAssertLessThan(try date("/"), try date("-9999"), "no known day at all: first")
        XCTAssertLessThan(try date("1979/1989"), try date("1979/1995"), "then the earlier end")
        XCTAssertLessThan(try date("-0001"), try date("XXXX"))
        XCTAssertLessThan(try date("XXXX"), try date("0000"), "a year not known starts with 0000")
    }

    func testSeasonsAndPartsOfAYearInOrder() throws {
        let texts = ["2024-24", "2024-06", "2024-23", "2024-22", "2024-21", "2024-02", "2025-01", "2024-36", "2024-12"]
        XCTAssertEqual(try texts.map(date).sorted().map(\.edtf),
                       ["2024-02", "2024-21", "2024-22", "2024-06", "2024-23", "2024-36", "2024-24", "2024-12", "2025-01"])
    }

    /// Times are ordered by the instant they name on the day written; a
    /// date known only to that day comes before all of them.
    func testTimesAreOrderedByTheirInstantAfterTheirDay() throws {
        let texts = ["2004-01-01T10:10:10Z", "2004-01-01T10:10:10+05:00", "2004-01-01", "2004-01-01T06:00-05:00",
                     "2004-01-01T09:00", "2004-01-01T10:10:10.5Z", "2004-01-01T10:10:10.25Z", "2004-01-02", "2003-12-31T23:00-12:00",
                     "2004-01-01T24:00Z", "2004-01-01T23:59:59Z"]
        XCTAssertEqual(try texts.map(date).sorted().map(\.edtf),
                       ["2003-12-31T23:00-12:00", "2004-01-01", "2004-01-01T10:10:10+05:00", "2004-01-01T09:00", "2004-01-01T10:10:10Z",
                        "2004-01-01T10:10:10.25Z", "2004-01-01T10:10:10.5Z", "2004-01-01T06:00-05:00", "2004-01-01T23:59:59Z",
                        "2004-01-01T24:00Z", "2004-01-02"])
    }

    func testWithinAndOverlap() throws {
        XCTAssertTrue(try date("2024-03").isWithin(date("2024")))
        XCTAssertFalse(try date("2024").isWithin(date("2024-03")))
        XCTAssertTrue(try date("2024").overlaps(date("2024-03")))
        XCTAssertTrue(try date("1985").isWithin(date("198X")))
        XCTAssertFalse(try date("1979").isWithin(date("198X")))
        XCTAssertFalse(try date("/2024-10-04").isWithin(date("2024")), "an unknown start can be any time before")
        XCTAssertTrue(try date("2024-03-22").isWithin(date("2024-03/2024-06")))
        XCTAssertTrue(try date("2024-21").isWithin(date("2024")))
        XCTAssertFalse(try date("2024-24").isWithin(date("2024")), "winter runs into the next year")
        XCTAssertTrue(try date("2025-01-15").isWithin(date("2024-24")))
        XCTAssertTrue(try date("2024-07-04T16:05Z").isWithin(date("2024-07-04")))
        XCTAssertTrue(try date("-0150").isWithin(date("-01XX")))
        XCTAssertFalse(try date("-0250").isWithin(date("-01XX")))
        XCTAssertTrue(try date("2024-05").overlaps(date("2024-38")))
        XCTAssertFalse(try date("2024-05").overlaps(date("2024-37")))
        XCTAssertTrue(try date("/").overlaps(date("2024")))
        XCTAssertFalse(try date("/").isWithin(date("XXXX")))
    }

    /// Each refusal says what is wrong; a form of EDTF that Chronicle does
    /// not read is named as such, never refused by a rule that is false.
    func testRejectsImpossibleDates() {
        let cases: [(String, String)] = [
            ("2024-13-45", "no month 13"),
            ("2025-02-30", "February 2025 has no day 30"),
            ("2023-02-29", "February 2023 has no day 29"),
            ("-0001-02-29", "February 2 BCE has no day 29"),
            ("1989/1979", "ends before it starts"),
            ("24", "four digits"),
            ("", "empty"),
            ("2024-3", "two digits"),
            ("2024-03-5", "two digits"),
            ("1X8X", "X among a year's known digits"),
            ("198X-05", "level 2"),
            ("2024-XX-05", "level 2"),
            ("198x", "capital X"),
            ("2001/2002/2003", "exactly one"),
            ("March 2024", "not in words"),
            ("spring 2024", "not in words"),
            ("2024/March", "not in words"),
            ("2024-03-29T10:00:00.123456789012345x", "\"x\" cannot follow \"….123456789012345\""),
            ("2024–2025", "not a dash"),
            (" 1863-03-29", "space before or after"),
            ("1863-03-29 ", "space before or after"),
            ("1863-03-29\n", "space before or after"),
            ("1863- 03-29", "no spaces"),
            ("2004-06-15/2004-06", "its end, 2004-06, contains its start, 2004-06-15"),
            ("2004/2004-03", "its start, 2004, contains its end, 2004-03"),
            ("198X/1985", "contains its end"),
            ("2004/2004", "the same span"),
            ("2004?/2004~", "the same span"),
            ("2004-01-01T10:00/2004-02", "without a time of day"),
            ("2004-01-01T10:00Z?", "not times of day"),
            ("2004-01T10:00", "whole date"),
            ("2004T10:00", "whole date"),
            ("2004-01-XXT10:00", "known day"),
            ("2004-01-01T10", "hh:mm"),
            ("2004-01-01T1000", "hh:mm"),
            ("2004-01-01T25:00", "no hour 25"),
            ("2004-01-01T10:00:00.", "digits after the point"),
            ("2004-01-01T10:00+05:75", "no offset minute 75"),
            ("2004-01-01T10:00+5", "time zone is Z or an offset"),
            ("2004-01-01T10:00z", "cannot follow"),
            ("2024-20", "no month 20"),
            ("2024-42", "no month or season 42"),
            ("2024-21-01", "has no day"),
            ("20XX-21", "level 2"),
            ("2012-21/2012-22", "cannot be an end of an interval"),
            ("Y1234", "more than four digits"),
            ("Y012345", "does not begin with 0"),
            ("Y1234567890", "nine digits"),
            ("Y12345-01", "stands alone"),
            ("12345", "Y12345"),
            ("-0000", "no year -0000"),
            ("?", "follow a date"),
            ("..", "open end of an interval"),
            ("2004-06-~11", "level 2"),
            ("[1667, 1668]", "level 2"),
            ("Y17E7", "level 2"),
            ("193", "level 2"),
            ("2024\u{0}", "control character"),
            ("2024é", "cannot follow \"2024\""),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try PartialDate(parsing: text), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(text): \(error)")
            }
        }
        for valid in ["2024-02-29", "2000-02-29", "0000-02-29", "-0004-02-29", "/", "../..", "2004-06/2004-07", "2004-06-30/2004-07"] {
            XCTAssertNoThrow(try PartialDate(parsing: valid), valid)
        }
        XCTAssertThrowsError(try PartialDate(parsing: "1900-02-29"))
    }

    /// Random strings from the pieces of dates: the parser never traps,
    /// and whatever it accepts reads back the same from its own text and
    /// has a span that runs forwards.
    func testAnyStringOfDatePiecesIsReadOrRefusedWhole() {
        let pieces = ["2024", "198X", "19XX", "1XXX", "XXXX", "20X4", "0000", "9999", "-", "−", "03", "12", "13", "00", "XX", "21",
                      "24", "41", "29", "30", "31", "02", "/", "..", "?", "~", "%", " ", "T", "10:00", ":30", ".5", "Z", "+05:00",
                      "-12", "Y", "12345", "1900", "2000", "-02-29", "a", "é", "E", "S", "[", "{"]
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
        var accepted = 0
        for _ in 0..<40_000 {
            let text = (0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            guard let parsed = try? PartialDate(parsing: text) else { continue }
            accepted += 1
            XCTAssertEqual(parsed.edtf, text)
            XCTAssertEqual(try? PartialDate(parsing: parsed.edtf), parsed, text)
            if let lo = parsed.earliestDay, let hi = parsed.latestDay { XCTAssertLessThanOrEqual(lo, hi, text) }
            XCTAssertFalse(parsed.displayText.isEmpty, text)
        }
        XCTAssertGreaterThan(accepted, 1_000)
    }

    /// What drafting makes of an article's "last summer": the season as a date.
    func testLastSeasonBeforeAnArticlesDate() throws {
        func last(_ word: String, before published: String) throws -> String {
            let part = try XCTUnwrap(PartialDate.SubYear.season(named: word))
            let day = try XCTUnwrap(date(published).earliestDay)
            return try PartialDate(year: part.yearOfLatest(endedBefore: day), part).edtf
        }
        XCTAssertEqual(try last("summer", before: "2024-07-04"), "2023-22", "summer 2024 is not over")
        XCTAssertEqual(try last("Summer", before: "2024-10-01"), "2024-22")
        XCTAssertEqual(try last("winter", before: "2024-03-01"), "2023-24", "December 2023 to February 2024")
        XCTAssertEqual(try last("winter", before: "2024-02-29"), "2022-24")
        XCTAssertEqual(try last("fall", before: "2025-01-15"), "2024-23")
        XCTAssertEqual(try PartialDate(year: 7, .spring, uncertain: true).displayText, "spring 0007?")
        XCTAssertEqual(try PartialDate(year: -44, .firstThird, approximate: true).edtf, "-0044-37~")
        XCTAssertThrowsError(try PartialDate(year: 12_345, .summer))
        XCTAssertNil(PartialDate.SubYear.season(named: "monsoon"))
    }
}
