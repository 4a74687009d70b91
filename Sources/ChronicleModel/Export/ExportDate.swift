/// What the exports say about a date, worked out in one place from
/// `PartialDate`'s public values, so the formats never read EDTF text
/// themselves and carry no more precision than the corpus gives.
struct ExportDate {
    /// A calendar date at the precision known: the year always, the month
    /// and day when given (TimelineJS's date object).
    struct Parts: Equatable {
        let year: Int
        let month: Int?
        let day: Int?
    }

    let edtf: String
    /// "4 Oct 2024 (inferred)": precision, qualifiers and inference kept.
    let display: String
    let inferred: Bool
    /// "day", "month", "year", "decade" or "century".
    let precision: String
    /// The first and last day the date can mean, as YYYY-MM-DD; nil for an
    /// unknown or open end.
    let earliestDay: String?
    let latestDay: String?
    /// Where a timeline places the date: from its known start (or its end,
    /// when the start is unknown) to its known end.
    let start: Parts?
    let end: Parts?
    /// A single day, stated, without qualifiers: nothing to add to it.
    let isPlainDay: Bool
    let yearHeading: String

    init(_ value: DatedValue) {
        let date = value.date
        edtf = date.edtf
        display = value.displayText
        inferred = value.inferred
        precision = Self.name(date.precision)
        earliestDay = date.earliestDay.map(CivilDay.iso)
        latestDay = date.latestDay.map(CivilDay.iso)
        yearHeading = date.yearHeading
        let first = date.start.point, last = date.end.point
        func parts(_ point: PartialDate.Point) -> Parts {
            switch point.precision {
            case .day, .time: return Parts(year: point.year, month: point.month, day: point.day)
            case .month: return Parts(year: point.year, month: point.month, day: nil)
            case .sixMonths, .fourMonths, .threeMonths:
                // A season or a part of a year: from its first month.
                let first = CivilDay.civil(point.earliestDay)
                return Parts(year: first.year, month: first.month, day: nil)
            case .year, .decade, .century, .millennium, .unknownYear: return Parts(year: point.year, month: nil, day: nil)
            }
        }
        /// A decade or century ends with its last year, a part of a year with its last month.
        func lastParts(_ point: PartialDate.Point) -> Parts {
            switch point.precision {
            case .sixMonths, .fourMonths, .threeMonths:
                let last = CivilDay.civil(point.latestDay)
                return Parts(year: last.year, month: last.month, day: nil)
            default:
                return point.precision < .year ? Parts(year: CivilDay.year(of: point.latestDay), month: nil, day: nil) : parts(point)
            }
        }
        switch (first, last) {
        case let (first?, last?):
            start = parts(first)
            let closing = lastParts(last)
            end = closing == start ? nil : closing
        case let (nil, last?):
            start = parts(last)
            end = nil
        case let (first?, nil):
            start = parts(first)
            end = nil
        case (nil, nil):
            start = nil
            end = nil
        }
        let qualified = [first, last].contains { $0.map { $0.approximate || $0.uncertain } ?? false }
        isPlainDay = !date.isInterval && (date.precision == .day || date.precision == .time) && !qualified && !value.inferred
    }

    static func name(_ precision: PartialDate.Precision) -> String {
        switch precision {
        case .unknownYear: return "unknown"
        case .millennium: return "millennium"
        case .century: return "century"
        case .decade: return "decade"
        case .year: return "year"
        case .sixMonths, .fourMonths, .threeMonths: return "part of a year"
        case .month: return "month"
        case .day: return "day"
        case .time: return "time"
        }
    }
}

/// Days since 1970-01-01 back to calendar dates (proleptic Gregorian,
/// H. Hinnant's civil_from_days, the inverse of `DayNumber.from`).
enum CivilDay {
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func year(of days: Int) -> Int { civil(days).year }

    /// "2024-03-01"; a year outside 0–9999 keeps its sign and digits.
    static func iso(_ days: Int) -> String {
        let (year, month, day) = civil(days)
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(abs(n))
            return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
