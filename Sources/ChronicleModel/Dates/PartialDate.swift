/// A date known only as precisely as the sources give it: the subset of EDTF
/// (ISO 8601-2) a chronology needs. Level 0: `2003`, `2024-03`, `2024-07-04`,
/// intervals `1979/1989`. Level 1: unspecified digits (`198X`, `19XX`,
/// `2024-XX`, `2024-03-XX`), uncertain `?`, approximate `~`, both `%`, and
/// intervals with an unknown (`/2024-10`) or open (`../1985`) end.
/// Years are 0000–9999; seasons, negative and long years are not supported.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    /// How fine a single date is.
    public enum Precision: Int, Comparable, Sendable {
        case century, decade, year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// One calendar date at some precision, with its EDTF qualifiers, in
    /// six bytes: every event holds two (40 bytes each as Ints and
    /// optionals, 8 MB at 100,000 events).
    public struct Point: Hashable, Sendable {
        private let storedYear: Int16
        /// 0 when not given.
        private let storedMonth: UInt8, storedDay: UInt8
        public let precision: Precision
        private let flags: UInt8

        /// The year with unspecified digits at their lowest (`198X` → 1980).
        public var year: Int { Int(storedYear) }
        public var month: Int? { storedMonth == 0 ? nil : Int(storedMonth) }
        public var day: Int? { storedDay == 0 ? nil : Int(storedDay) }
        /// `2024-XX`: the month exists but is not known; shown like a year.
        public var monthUnspecified: Bool { flags & 1 != 0 }
        public var uncertain: Bool { flags & 2 != 0 }
        public var approximate: Bool { flags & 4 != 0 }

        /// Years are 0000–9999, months 1–12 and days 1–31, as parsed.
        init(year: Int, month: Int?, day: Int?, precision: Precision,
             monthUnspecified: Bool, uncertain: Bool, approximate: Bool) {
            storedYear = Int16(clamping: year)
            storedMonth = UInt8(clamping: month ?? 0)
            storedDay = UInt8(clamping: day ?? 0)
            self.precision = precision
            flags = (monthUnspecified ? 1 : 0) | (uncertain ? 2 : 0) | (approximate ? 4 : 0)
        }

        /// The first and last day the point can denote, as days since 1970-01-01.
        public var earliestDay: Int {
            DayNumber.from(year: year, month: month ?? 1, day: day ?? 1)
        }
        public var latestDay: Int {
            switch precision {
            case .century: return DayNumber.from(year: year + 99, month: 12, day: 31)
            case .decade: return DayNumber.from(year: year + 9, month: 12, day: 31)
            case .year: return DayNumber.from(year: year, month: 12, day: 31)
            case .month: return DayNumber.from(year: year, month: month!, day: DayNumber.daysIn(month: month!, year: year))
            case .day: return DayNumber.from(year: year, month: month!, day: day!)
            }
        }
    }

    /// One end of an interval.
    public enum Bound: Hashable, Sendable {
        case point(Point)
        /// `..`: the interval runs on without limit.
        case open
        /// Empty: the interval has an end, but it is not known.
        case unknown

        public var point: Point? { if case .point(let p) = self { return p } else { return nil } }
    }

    /// The text the date was written as, kept for round trips.
    public let edtf: String
    public let start: Bound
    public let end: Bound
    public let isInterval: Bool

    public var description: String { edtf }

    /// The earliest day the date can mean, if it has a known start.
    public var earliestDay: Int? { start.point?.earliestDay }
    /// The latest day the date can mean, if it has a known end.
    public var latestDay: Int? { end.point?.latestDay }

    /// The finest precision among the known ends.
    public var precision: Precision {
        switch (start.point?.precision, end.point?.precision) {
        case let (a?, b?): return max(a, b)
        case let (a?, nil), let (nil, a?): return a
        case (nil, nil): return .century
        }
    }
}

// MARK: - Parsing

extension PartialDate {
    public struct ParseError: Error, Sendable, CustomStringConvertible, Equatable {
        public let text: String
        public let problem: String
        public var description: String {
            "\"\(text)\" is not a date Chronicle understands: \(problem). "
                + "Write an EDTF date such as 2003, 2024-03, 2024-07-04, 198X, 1979/1989 or /2024-10-04."
        }
    }

    public init(parsing text: String) throws(ParseError) {
        // Well-formed ASCII dates (all of a large corpus's, nearly) are read
        // byte by byte; anything else takes the path that explains errors.
        if let date = Self.parseWellFormed(text) {
            self = date
        } else {
            try self.init(parsingCharacters: text)
        }
    }

    /// The parser that says what is wrong with a date.
    init(parsingCharacters text: String) throws(ParseError) {
        let trimmed = text.trimmingSpaces()
        func fail(_ problem: String) -> ParseError { ParseError(text: text, problem: problem) }
        guard !trimmed.isEmpty else { throw fail("it is empty") }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            let point = try Self.parsePoint(Substring(trimmed), whole: text)
            self.init(edtf: trimmed, start: .point(point), end: .point(point), isInterval: false)
        case 2:
            let start = try Self.parseBound(parts[0], whole: text)
            let end = try Self.parseBound(parts[1], whole: text)
            if start.point == nil && end.point == nil {
                throw fail("an interval needs at least one known end")
            }
            if let s = start.point, let e = end.point, s.earliestDay > e.latestDay {
                throw fail("the interval ends before it starts; put the earlier date first")
            }
            self.init(edtf: trimmed, start: start, end: end, isInterval: true)
        default:
            throw fail("an interval has exactly one \"/\"")
        }
    }

    /// The date, if `text` is a valid EDTF date in ASCII with no spaces
    /// around it; nil for anything else, which `init(parsing:)` then reads
    /// character by character to say what is wrong. Both must agree on
    /// every valid date (tested).
    static func parseWellFormed(_ text: String) -> PartialDate? {
        var text = text
        return text.withUTF8 { bytes -> PartialDate? in
            guard !bytes.isEmpty, bytes.count <= 32, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x80 }) else { return nil }
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
                guard let point = point(bytes[...]) else { return nil }
                return PartialDate(edtf: String(decoding: bytes, as: UTF8.self), start: .point(point), end: .point(point), isInterval: false)
            }
            let first = bytes[..<slash], second = bytes[(slash + 1)...]
            guard !second.contains(UInt8(ascii: "/")) else { return nil }
            func bound(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Bound? {
                if part.isEmpty { return .unknown }
                if part.elementsEqual("..".utf8) { return .open }
                return point(part).map(Bound.point)
            }
            guard let start = bound(first), let end = bound(second), start.point != nil || end.point != nil else { return nil }
            if let s = start.point, let e = end.point, s.earliestDay > e.latestDay { return nil }
            return PartialDate(edtf: String(decoding: bytes, as: UTF8.self), start: start, end: end, isInterval: true)
        }

        func point(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Point? {
            var body = text
            var uncertain = false, approximate = false
            switch body.last {
            case UInt8(ascii: "?"): uncertain = true; body = body.dropLast()
            case UInt8(ascii: "~"): approximate = true; body = body.dropLast()
            case UInt8(ascii: "%"): uncertain = true; approximate = true; body = body.dropLast()
            default: break
            }
            let fields = body.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            guard (1...3).contains(fields.count), fields[0].count == 4 else { return nil }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            func twoDigits(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
                guard field.count == 2, isDigit(field.first!), isDigit(field.last!) else { return nil }
                return Int(field.first! - 0x30) * 10 + Int(field.last! - 0x30)
            }
            func unspecified(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Bool { field.elementsEqual("XX".utf8) }
            let yearText = fields[0]
            let digits = yearText.prefix(while: isDigit).count
            guard digits >= 2, yearText.dropFirst(digits).allSatisfy({ $0 == UInt8(ascii: "X") }) else { return nil }
            let year = yearText.reduce(0) { $0 * 10 + (isDigit($1) ? Int($1 - 0x30) : 0) }
            var precision: Precision = digits == 4 ? .year : (digits == 3 ? .decade : .century)
            var month: Int?, day: Int?, monthUnspecified = false
            if fields.count >= 2 {
                guard precision == .year else { return nil }
                if unspecified(fields[1]) {
                    monthUnspecified = true
                } else {
                    guard let value = twoDigits(fields[1]), (1...12).contains(value) else { return nil }
                    month = value
                    precision = .month
                }
            }
            if fields.count == 3 && !unspecified(fields[2]) {
                guard let month, let value = twoDigits(fields[2]), (1...DayNumber.daysIn(month: month, year: year)).contains(value) else { return nil }
                day = value
                precision = .day
            }
            return Point(year: year, month: month, day: day, precision: precision,
                         monthUnspecified: monthUnspecified, uncertain: uncertain, approximate: approximate)
        }
    }

    private static func parseBound(_ text: Substring, whole: String) throws(ParseError) -> Bound {
        if text.isEmpty { return .unknown }
        if text == ".." { return .open }
        return .point(try parsePoint(text, whole: whole))
    }

    private static func parsePoint(_ text: Substring, whole: String) throws(ParseError) -> Point {
        func fail(_ problem: String) -> ParseError { ParseError(text: whole, problem: problem) }
        var body = text
        var uncertain = false, approximate = false
        switch body.last {
        case "?": uncertain = true; body = body.dropLast()
        case "~": approximate = true; body = body.dropLast()
        case "%": uncertain = true; approximate = true; body = body.dropLast()
        default: break
        }
        let fields = body.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count) else { throw fail("use YYYY, YYYY-MM or YYYY-MM-DD") }
        let yearText = fields[0]
        guard yearText.count == 4, yearText.allSatisfy({ $0.isASCIIDigit || $0 == "X" }) else {
            throw fail("the year must have four digits (X for an unknown digit: 198X)")
        }
        // Unspecified digits may only trail: 198X, 19XX. Not 1X8X, not XXXX.
        let digitCount = yearText.prefix(while: { $0.isASCIIDigit }).count
        guard yearText.dropFirst(digitCount).allSatisfy({ $0 == "X" }), digitCount >= 2 else {
            throw fail("only the last one or two digits of a year can be X (198X, 19XX)")
        }
        let year = Int(String(yearText.map { $0 == "X" ? "0" : $0 }))!
        var precision: Precision = digitCount == 4 ? .year : (digitCount == 3 ? .decade : .century)
        var month: Int?, day: Int?
        var monthUnspecified = false
        if fields.count >= 2 {
            guard precision == .year else { throw fail("a year with X digits cannot have a month") }
            let m = fields[1]
            if m == "XX" {
                monthUnspecified = true
            } else {
                guard m.count == 2, let value = Int(m), m.allSatisfy(\.isASCIIDigit) else {
                    throw fail("the month must be two digits, 01 to 12")
                }
                guard (1...12).contains(value) else { throw fail("there is no month \(m)") }
                month = value
                precision = .month
            }
        }
        if fields.count == 3 {
            let d = fields[2]
            if d == "XX" {
                // 2024-03-XX: the day is unknown, so the month is as fine as it gets.
            } else {
                guard let month else { throw fail("a day needs a known month") }
                guard d.count == 2, let value = Int(d), d.allSatisfy(\.isASCIIDigit) else {
                    throw fail("the day must be two digits")
                }
                let last = DayNumber.daysIn(month: month, year: year)
                guard (1...last).contains(value) else {
                    throw fail("\(DateText.monthNames[month - 1]) \(year) has no day \(d) (it has \(last) days)")
                }
                day = value
                precision = .day
            }
        }
        return Point(year: year, month: month, day: day, precision: precision,
                     monthUnspecified: monthUnspecified, uncertain: uncertain, approximate: approximate)
    }
}

// MARK: - Order

extension PartialDate: Comparable {
    /// The timeline's total order: earliest possible start (an interval with no
    /// known start sorts at its end), then coarser before finer, then the
    /// earlier possible end, then the text itself so equal dates are stable.
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        a.sortKey < b.sortKey
    }

    /// What the timeline sorts by; computed once per event when sorting
    /// many (a comparison that builds two keys was most of a large sort).
    var sortKey: SortKey {
        let anchorDay = earliestDay ?? end.point?.earliestDay ?? Int.min
        let rank = start.point == nil ? -1 : precision.rawValue
        return SortKey(day: anchorDay, rank: rank, latest: latestDay ?? Int.max, text: edtf)
    }

    struct SortKey: Comparable {
        let day: Int, rank: Int, latest: Int, text: String
        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.day, a.rank, a.latest, a.text) < (b.day, b.rank, b.latest, b.text)
        }
    }

    /// Whether every day this date can mean lies within `other`
    /// ("2024" contains "Mar 2024"). Unknown or open ends never fit inside.
    public func isWithin(_ other: PartialDate) -> Bool {
        guard let lo = earliestDay, let hi = latestDay else { return false }
        let otherLo = other.earliestDay ?? Int.min, otherHi = other.latestDay ?? Int.max
        return otherLo <= lo && hi <= otherHi
    }

    /// Whether this date and `other` can mean a common day.
    public func overlaps(_ other: PartialDate) -> Bool {
        let lo = earliestDay ?? Int.min, hi = latestDay ?? Int.max
        let otherLo = other.earliestDay ?? Int.min, otherHi = other.latestDay ?? Int.max
        return lo <= otherHi && otherLo <= hi
    }
}

// MARK: - Display

extension PartialDate {
    /// The form a reader sees: "2003", "Mar 2024", "4 Jul 2024", "1980s",
    /// "1979–1989", "by 4 Oct 2024", "c. 2024?".
    public var displayText: String {
        guard isInterval else { return DateText.point(start.point!) }
        switch (start, end) {
        case let (.point(s), .point(e)):
            let separator = s.precision >= .month || e.precision >= .month ? " – " : "–"
            return DateText.point(s) + separator + DateText.point(e)
        case let (.unknown, .point(e)): return "by " + DateText.point(e)
        case let (.open, .point(e)): return "until " + DateText.point(e)
        case let (.point(s), .unknown): return "from " + DateText.point(s)
        case let (.point(s), .open): return "from " + DateText.point(s) + " on"
        default: return edtf
        }
    }
}

enum DateText {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    static func point(_ p: PartialDate.Point) -> String {
        var text: String
        switch p.precision {
        case .century: text = "\(p.year)s"
        case .decade: text = "\(p.year)s"
        case .year: text = "\(p.year)"
        case .month: text = "\(monthNames[p.month! - 1].prefix(3)) \(p.year)"
        case .day: text = "\(p.day!) \(monthNames[p.month! - 1].prefix(3)) \(p.year)"
        }
        if p.approximate { text = "c. " + text }
        if p.uncertain { text += "?" }
        return text
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar
/// (H. Hinnant's days_from_civil), so spans compare as integers.
enum DayNumber {
    static func from(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

/// A date as the corpus states it: the partial date, whether it is inferred
/// rather than printed in a source, and how it is known.
public struct DatedValue: Hashable, Sendable {
    public let date: PartialDate
    public let inferred: Bool
    public let basis: String?

    public init(date: PartialDate, inferred: Bool = false, basis: String? = nil) {
        self.date = date
        self.inferred = inferred
        self.basis = basis
    }

    /// "4 Oct 2024 (inferred)": an inferred date always says so.
    public var displayText: String { date.displayText + (inferred ? " (inferred)" : "") }
}
