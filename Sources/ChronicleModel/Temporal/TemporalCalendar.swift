/// The calendar arithmetic relative dates need (days, weekdays, months
/// across year ends, leap years) and the EDTF text of what it works out,
/// always through `PartialDate(parsing:)`, so a value the finder gives is
/// one the corpus format reads.
enum TemporalCalendar {
    /// A calendar day.
    struct Day: Hashable, Sendable {
        let year: Int, month: Int, day: Int

        var number: Int { DayNumber.from(year: year, month: month, day: day) }

        init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// The day `number` days after 1970-01-01 (Hinnant's civil_from_days).
        init(number: Int) {
            let z = number + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
            month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        }

        func adding(days: Int) -> Day { Day(number: number + days) }

        /// 0 Monday … 6 Sunday (ISO 8601's order; 1970-01-01 was a Thursday).
        var weekday: Int { ((number + 3) % 7 + 7) % 7 }

        var edtf: String { TemporalCalendar.yearText(year) + "-" + two(month) + "-" + two(day) }
    }

    /// A calendar month, counted on across year ends.
    struct Month: Hashable, Sendable {
        let year: Int, month: Int

        func adding(months: Int) -> Month {
            let index = year * 12 + (month - 1) + months
            let y = index >= 0 ? index / 12 : (index - 11) / 12
            return Month(year: y, month: index - y * 12 + 1)
        }

        var edtf: String { TemporalCalendar.yearText(year) + "-" + two(month) }
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// A year as EDTF writes it: four digits, a minus sign before year 0's
    /// predecessors (`-0299` is 300 BCE).
    static func yearText(_ year: Int) -> String {
        let digits = String(abs(year))
        return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= DayNumber.daysIn(month: month, year: year)
    }

    /// The date an EDTF text names, or nil when it names none (never a trap).
    static func date(_ edtf: String) -> PartialDate? { try? PartialDate(parsing: edtf) }

    /// The EDTF text of one point as an interval's end: a part of a year
    /// becomes its first or last month, which EDTF allows there.
    static func boundText(_ point: PartialDate.Point, atStart: Bool) -> String {
        if let part = point.subYear {
            let months = part.months
            let month = Month(year: point.year, month: 1).adding(months: (atStart ? months.lowerBound : months.upperBound) - 1)
            return month.edtf + qualifiers(point)
        }
        return pointText(point)
    }

    /// The EDTF text of a point: `2024`, `2024-03`, `2024-03-22`, `198X`,
    /// `18XX`, `2024-22`, with its qualifiers.
    static func pointText(_ p: PartialDate.Point) -> String {
        var text: String
        switch p.precision {
        case .unknownYear: text = "XXXX"
        case .millennium: text = String(yearText(p.year).prefix(1 + (p.isNegative ? 1 : 0))) + "XXX"
        case .century: text = String(yearText(p.year).prefix(2 + (p.isNegative ? 1 : 0))) + "XX"
        case .decade: text = String(yearText(p.year).prefix(3 + (p.isNegative ? 1 : 0))) + "X"
        case .year: text = yearText(p.year)
        case .sixMonths, .fourMonths, .threeMonths: text = yearText(p.year) + "-" + String(p.subYear?.rawValue ?? 0)
        case .month: text = yearText(p.year) + "-" + two(p.month ?? 1)
        case .day, .time: text = yearText(p.year) + "-" + two(p.month ?? 1) + "-" + two(p.day ?? 1)
        }
        return text + qualifiers(p)
    }

    static func qualifiers(_ p: PartialDate.Point) -> String {
        p.uncertain && p.approximate ? "%" : p.uncertain ? "?" : p.approximate ? "~" : ""
    }

    /// A point moved by whole years, at year precision (or the point's own
    /// when coarser): where a duration of years starts or ends.
    static func yearsFrom(_ p: PartialDate.Point, _ years: Int, approximate: Bool) -> String {
        let precision = min(p.precision, .year)
        var text: String
        switch precision {
        case .decade where years % 10 == 0: text = String(yearText(p.year + years).prefix(3)) + "X"
        case .century where years % 100 == 0: text = String(yearText(p.year + years).prefix(2)) + "XX"
        default: text = yearText((precision == .decade || precision == .century ? p.earliestYear : p.year) + years)
        }
        return text + (approximate ? "~" : "")
    }

    /// A point moved by whole months, at month precision.
    static func monthsFrom(_ p: PartialDate.Point, _ months: Int, approximate: Bool) -> String? {
        guard let month = p.month else { return nil }
        return Month(year: p.year, month: month).adding(months: months).edtf + (approximate ? "~" : "")
    }
}

private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
