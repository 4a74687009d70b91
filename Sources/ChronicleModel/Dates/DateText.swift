extension PartialDate {
    /// The form a reader sees: "2003", "Mar 2024", "4 Jul 2024", "spring
    /// 2024", "1980s", "1900–1999", "1000 BCE", "1979–1989", "by 4 Oct
    /// 2024", "c. 2024?", "4 Jul 2024 16:05 UTC".
    public var displayText: String {
        guard isInterval else {
            guard let point = start.point else { return edtf }
            guard let time else { return DateText.point(point) }
            return DateText.point(point) + " " + time.clockText + DateText.zone(time)
        }
        switch (start, end) {
        case let (.point(s), .point(e)):
            let first = DateText.point(s), last = DateText.point(e)
            // "1979–1989", but "Mar 2024 – Jun 2024" and "1900–1999 – 2000–2099".
            let plain = { (text: String) in !text.contains(" ") && !text.contains("–") }
            return first + (plain(first) && plain(last) ? "–" : " – ") + last
        case let (.unknown, .point(e)): return "by " + DateText.point(e)
        case let (.open, .point(e)): return "until " + DateText.point(e)
        case let (.point(s), .unknown): return "from " + DateText.point(s)
        case let (.point(s), .open): return "from " + DateText.point(s) + " on"
        case (.unknown, .unknown): return "date unknown"
        case (.open, .open): return "open at both ends"
        case (.open, .unknown): return "until a date not known"
        case (.unknown, .open): return "from a date not known, on"
        }
    }

    /// The heading the timeline puts the date under: its year ("2024",
    /// "1000 BCE"), its decade ("1980s") or century ("1900–1999") when that
    /// is all that is known, or "Date unknown".
    public var yearHeading: String {
        guard let point = start.point ?? end.point else { return "Date unknown" }
        switch point.precision {
        case .unknownYear, .millennium, .century, .decade: return DateText.years(of: point)
        default: return DateText.year(point.year)
        }
    }
}

enum DateText {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// A year as a reader expects it: four digits as EDTF writes them
    /// (0007, 2024), more after Y (170000002); year 0 and those before it
    /// as BCE, year 0 being 1 BCE (-0999 is 1000 BCE).
    static func year(_ year: Int) -> String {
        guard year > 0 else { return "\(1 - year) BCE" }
        let digits = String(year)
        return digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
    }

    /// First to last year: "1900–1999", "200–101 BCE", "1 BCE–0009".
    static func yearRange(_ first: Int, _ last: Int) -> String {
        if last <= 0 { return "\(1 - first)–\(1 - last) BCE" }
        return year(first) + "–" + year(last)
    }

    /// The years a point with unspecified year digits can be in, without
    /// its qualifiers: "1980s" (exact: 1980–1989), "1900–1999" (not "20th
    /// century", which runs 1901–2000), "year unknown".
    static func years(of p: PartialDate.Point) -> String {
        switch p.precision {
        case .unknownYear: return p.isNegative ? "year unknown (BCE)" : "year unknown"
        case .decade where p.earliestYear > 0: return year(p.year) + "s"
        default: return yearRange(p.earliestYear, p.latestYear)
        }
    }

    static func point(_ p: PartialDate.Point) -> String {
        var text: String
        let monthName = p.month.map { monthNames[$0 - 1].prefix(3) } ?? ""
        switch p.precision {
        case .unknownYear, .millennium, .century, .decade: text = years(of: p)
        case .year: text = year(p.year)
        case .sixMonths, .fourMonths, .threeMonths: text = (p.subYear?.label ?? "") + " " + year(p.year)
        case .month: text = "\(monthName) \(year(p.year))"
        case .day, .time: text = "\(p.day ?? 1) \(monthName) \(year(p.year))"
        }
        if p.approximate { text = "c. " + text }
        if p.uncertain { text += "?" }
        return text
    }

    /// A time's zone as written, after a space; Z as "UTC".
    static func zone(_ time: TimeOfDay) -> String {
        switch time.zone {
        case .unstated: return ""
        case .utc: return " UTC"
        case .offset: return " " + time.zoneText
        }
    }
}
