/// A date known only as precisely as the sources give it: EDTF (ISO
/// 8601-2) levels 0 and 1 in full, and of level 2 the parts of a year
/// (codes 25–41) and intervals whose ends have unspecified digits.
/// docs/corpus-format.md lists exactly what is read and how it is shown.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    /// How fine a single date is, coarsest first.
    public enum Precision: Int, Comparable, Sendable {
        /// `XXXX`: some year, not known.
        case unknownYear
        case millennium, century, decade, year
        /// A part of a year (`SubYear`) of six, four or three months.
        case sixMonths, fourMonths, threeMonths
        case month, day
        /// A day and a time of day (`2024-07-04T16:05Z`).
        case time
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// One calendar date at some precision, with its EDTF qualifiers, in
    /// eight bytes: every event holds two. Its time of day, if any, is read
    /// from the date's text when asked (`PartialDate.time`).
    public struct Point: Hashable, Sendable {
        private let storedYear: Int32
        /// A month 1–12, a `SubYear` code 21–41, or 0 when not given.
        private let storedMonth: UInt8
        /// 0 when not given.
        private let storedDay: UInt8
        public let precision: Precision
        private let flags: UInt8

        /// The year with unspecified digits as 0 (`198X` → 1980, `-01XX` → -100).
        public var year: Int { Int(storedYear) }
        public var month: Int? { (1...12).contains(storedMonth) ? Int(storedMonth) : nil }
        /// `2024-21`: a season or another part of the year instead of a month.
        public var subYear: SubYear? { SubYear(rawValue: Int(storedMonth)) }
        public var day: Int? { storedDay == 0 ? nil : Int(storedDay) }
        /// `2024-XX`: the month exists but is not known; shown like a year.
        public var monthUnspecified: Bool { flags & 1 != 0 }
        public var uncertain: Bool { flags & 2 != 0 }
        public var approximate: Bool { flags & 4 != 0 }
        /// `2024-03-XX`: the day exists but is not known; shown like a month.
        public var dayUnspecified: Bool { flags & 8 != 0 }
        /// Written with a minus sign: before year 0 (1 BCE), or among the
        /// negative years when digits are unspecified (`-00XX`: -99 to 0).
        public var isNegative: Bool { flags & 16 != 0 }

        init(year: Int, month: Int?, day: Int?, precision: Precision, monthUnspecified: Bool = false,
             dayUnspecified: Bool = false, uncertain: Bool, approximate: Bool, negative: Bool = false) {
            storedYear = Int32(clamping: year)
            storedMonth = UInt8(clamping: month ?? 0)
            storedDay = UInt8(clamping: day ?? 0)
            self.precision = precision
            flags = (monthUnspecified ? 1 : 0) | (uncertain ? 2 : 0) | (approximate ? 4 : 0)
                | (dayUnspecified ? 8 : 0) | (negative ? 16 : 0)
        }

        /// How many years the unspecified digits leave open (`19XX`: 100).
        var yearsOpen: Int {
            switch precision {
            case .unknownYear: return 10_000
            case .millennium: return 1_000
            case .century: return 100
            case .decade: return 10
            default: return 1
            }
        }

        /// The first and last year the point can be in: `19XX` 1900 and
        /// 1999, `-01XX` -199 and -100. Year 0 is 1 BCE, -1 is 2 BCE.
        public var earliestYear: Int { isNegative ? year - (yearsOpen - 1) : year }
        public var latestYear: Int { isNegative ? year : year + yearsOpen - 1 }

        /// The first and last day the point can denote, as days since 1970-01-01.
        public var earliestDay: Int {
            if let part = subYear { return DayNumber.from(year: year, monthCounted: part.months.lowerBound, day: 1) }
            return DayNumber.from(year: earliestYear, month: month ?? 1, day: day ?? 1)
        }
        public var latestDay: Int {
            if let part = subYear { return DayNumber.lastDay(year: year, monthCounted: part.months.upperBound) }
            guard let month else { return DayNumber.from(year: latestYear, month: 12, day: 31) }
            guard let day else { return DayNumber.lastDay(year: year, monthCounted: month) }
            return DayNumber.from(year: year, month: month, day: day)
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

    /// A single date: both ends are the same point.
    init(edtf: String, point: Point) {
        self.edtf = edtf
        start = .point(point)
        end = .point(point)
    }

    /// An interval; the parser refuses one whose ends are the same.
    init(edtf: String, start: Bound, end: Bound) {
        self.edtf = edtf
        self.start = start
        self.end = end
    }

    /// Whether the date is an interval (`1979/1989`, `/2024`, `/`). Worked
    /// out rather than stored, to keep a date in 32 bytes: a single date's
    /// ends are one point, and no interval has two equal known ends.
    public var isInterval: Bool { start != end || start.point == nil }

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
        case (nil, nil): return .unknownYear
        }
    }

    /// The time of day of a date-time (`2024-07-04T16:05:00+02:00`), read
    /// from its text, which the parser has checked.
    public var time: TimeOfDay? {
        guard precision == .time else { return nil }
        var text = edtf
        return text.withUTF8 { bytes in
            guard let t = bytes.firstIndex(of: UInt8(ascii: "T")) else { return nil }
            return try? DateParser(bytes: bytes, text: edtf).time(from: t + 1)
        }
    }
}

/// A time of day as written after a date's `T`.
public struct TimeOfDay: Hashable, Sendable {
    public enum Zone: Hashable, Sendable {
        /// No zone written: the source's local time.
        case unstated
        /// `Z`
        case utc
        /// `+05:30`, `-0800`, `+14`: minutes ahead of UTC.
        case offset(minutes: Int)
    }

    public let hour: Int, minute: Int
    public let second: Int?
    /// The fraction of a second, to nine digits.
    public let nanoseconds: Int
    public let zone: Zone
    /// The clock as written (`16:54:59.042`), and the zone as written
    /// (`Z`, `+0230`), empty when unstated.
    public let clockText: String, zoneText: String

    /// Nanoseconds from the start of its day to this time in UTC, a time
    /// with no zone read as UTC: below 0 or past a day when the offset
    /// takes the instant across midnight.
    public var utcNanosecondsIntoDay: Int {
        let local = ((hour * 60 + minute) * 60 + (second ?? 0)) * 1_000_000_000 + nanoseconds
        guard case .offset(let minutes) = zone else { return local }
        return local - minutes * 60 * 1_000_000_000
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

    /// A month counted on past December (13 is January of the next year),
    /// as a winter's months are.
    static func from(year: Int, monthCounted month: Int, day: Int) -> Int {
        from(year: year + (month - 1) / 12, month: (month - 1) % 12 + 1, day: day)
    }

    static func lastDay(year: Int, monthCounted month: Int) -> Int {
        let y = year + (month - 1) / 12, m = (month - 1) % 12 + 1
        return from(year: y, month: m, day: daysIn(month: m, year: y))
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
