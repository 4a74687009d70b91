/// The article's own date as relative expressions count from it: its year,
/// month and day where the manifest gives them, whether it is inferred, and
/// how a resolution sentence names it ("an article of Friday 2 May 2025").
struct ArticleAnchor: Sendable {
    let year: Int?
    let month: Int?
    let day: Int?
    let inferred: Bool
    /// The date's own qualifiers ("~", "?"), carried to what is counted from it.
    let qualifiers: String
    let display: String

    init(_ published: DatedValue) {
        let date = published.date
        inferred = published.inferred
        display = date.displayText
        guard !date.isInterval, let point = date.start.point, point.precision >= .year, point.subYear == nil else {
            year = nil
            month = nil
            day = nil
            qualifiers = ""
            return
        }
        year = point.year
        month = point.month
        day = point.month == nil ? nil : point.day
        qualifiers = TemporalCalendar.qualifiers(point)
    }

    var dayValue: TemporalCalendar.Day? {
        guard let year, let month, let day else { return nil }
        return TemporalCalendar.Day(year: year, month: month, day: day)
    }

    var monthValue: TemporalCalendar.Month? {
        guard let year, let month else { return nil }
        return TemporalCalendar.Month(year: year, month: month)
    }

    /// "an article of 2 May 2025", with the weekday when asked and known, and
    /// saying so when the date itself is inferred.
    func phrase(weekday: Bool = false) -> String {
        var text = "an article of "
        if weekday, let day = dayValue { text += TemporalCalendar.weekdayNames[day.weekday] + " " }
        text += display
        if inferred { text += ", a date itself inferred" }
        return text
    }

    /// Why a relative expression cannot be counted from this date.
    func lacks(_ what: String) -> String {
        "the article's date (\(display)) gives no \(what) to count from"
    }
}
