extension PartialDate: Comparable {
    /// The timeline's total order: earliest possible day (an interval with
    /// no known start sorts at its end's first day), then coarser before
    /// finer (a date known to the day before its times), then times of
    /// day by their instant, then the earlier possible end, then the text
    /// itself so equal dates are stable. A time is placed on the day it is
    /// written with, so the days shown never run backwards; on that day,
    /// times are ordered by the instant they name in UTC (a time without a
    /// zone is read as UTC).
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        a.sortKey < b.sortKey
    }

    /// What the timeline sorts by; computed once per event when sorting
    /// many (a comparison that builds two keys was most of a large sort).
    var sortKey: SortKey {
        guard let anchor = start.point ?? end.point else {
            return SortKey(day: .min, rank: 0, latest: .max, text: edtf)
        }
        var rank = precision.rawValue << 48
        if let time {
            // Up to 14 hours before the day begins (+14:00) and 12 after it
            // ends (-12:00): shifted to count from 0, under 2^48 ns.
            rank |= time.utcNanosecondsIntoDay + 14 * 3_600 * 1_000_000_000
        }
        return SortKey(day: anchor.earliestDay, rank: rank, latest: latestDay ?? .max, text: edtf)
    }

    struct SortKey: Comparable {
        /// The precision's rank in the high bits; for a time, its instant
        /// below them.
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
