import XCTest
@testable import ChronicleModel

/// Tests/Fixtures/edtf-suites.txt: the strings of two public EDTF parser
/// test suites (python-edtf, edtf.js), each with its verdict, level and
/// origin (the file's header says how they were collected and classed).
final class EDTFSuitesTests: XCTestCase {
    struct Line {
        let valid: Bool, level: String, text: String, origin: String, number: Int
    }

    static func lines() throws -> [Line] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/edtf-suites.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines: [Line] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            // An empty string is one of the cases: empty fields are kept.
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 4, "line \(index + 1): \(line)")
            guard fields.count == 4 else { continue }
            XCTAssertTrue(["valid", "invalid"].contains(fields[0]), "line \(index + 1)")
            lines.append(Line(valid: fields[0] == "valid", level: String(fields[1]), text: String(fields[2]),
                              origin: String(fields[3]), number: index + 1))
        }
        return lines
    }

    /// Every valid string of levels 0 and 1 is accepted and every invalid
    /// one refused; a level 2 string refused is refused by name.
    func testEveryLevel0And1StringIsReadAndEveryInvalidOneRefused() throws {
        let lines = try Self.lines()
        var counts: [String: (accepted: Int, refused: Int)] = [:]
        for line in lines {
            let key = line.valid ? "valid, level \(line.level)" : "invalid"
            let date: PartialDate?
            var problem = ""
            do { date = try PartialDate(parsing: line.text) } catch { date = nil; problem = error.problem }
            counts[key, default: (0, 0)].accepted += date == nil ? 0 : 1
            counts[key, default: (0, 0)].refused += date == nil ? 1 : 0
            let place = "line \(line.number): \"\(line.text)\" (\(line.origin))"
            switch (line.valid, line.level) {
            case (true, "0"), (true, "1"):
                XCTAssertNotNil(date, "\(place) refused: \(problem)")
            case (true, _):
                // Level 2 need not be read; when it is not, the message says which feature it is.
                if date == nil {
                    XCTAssertTrue(problem.contains("level 2") || problem.contains("not EDTF"), "\(place): \(problem)")
                }
            default:
                XCTAssertNil(date, "\(place) accepted as \(date?.displayText ?? "")")
            }
            if let date { assertCoherent(date, place) }
        }
        XCTAssertEqual(lines.count, 425, "the fixture's data lines")
        for key in counts.keys.sorted() {
            print("edtf-suites: \(key): \(counts[key]!.accepted) accepted, \(counts[key]!.refused) refused")
        }
        XCTAssertEqual(counts["valid, level 0"]?.refused, 0)
        XCTAssertEqual(counts["valid, level 1"]?.refused, 0)
        XCTAssertEqual(counts["invalid"]?.accepted, 0)
    }

    /// What an accepted date must hold whatever its form: a span that runs
    /// forwards, a display with no EDTF left in it, a year heading.
    func assertCoherent(_ date: PartialDate, _ place: String) {
        if let lo = date.earliestDay, let hi = date.latestDay { XCTAssertLessThanOrEqual(lo, hi, place) }
        XCTAssertEqual(date.edtf, date.description, place)
        let shown = date.displayText
        XCTAssertFalse(shown.isEmpty, place)
        XCTAssertFalse(shown.contains("X") || shown.contains("/") || shown.replacingOccurrences(of: "UTC", with: "").contains("T") || shown.contains(".."), "\(place): \(shown)")
        XCTAssertFalse(date.yearHeading.isEmpty, place)
        XCTAssertFalse(date < date, place)
    }
}
