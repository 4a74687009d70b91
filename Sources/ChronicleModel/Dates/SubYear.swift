extension PartialDate {
    /// The parts of a year EDTF writes in place of a month: the seasons
    /// (21–24, level 1) and, from level 2, the seasons of each hemisphere
    /// (25–32), quarters (33–36), thirds (37–39, "early", "mid", "late")
    /// and halves (40, 41).
    public enum SubYear: Int, CaseIterable, Sendable {
        case spring = 21, summer, autumn, winter
        case northernSpring, northernSummer, northernAutumn, northernWinter
        case southernSpring, southernSummer, southernAutumn, southernWinter
        case firstQuarter, secondQuarter, thirdQuarter, fourthQuarter
        case firstThird, secondThird, thirdThird
        case firstHalf, secondHalf

        /// The months it spans, counted on past December for a winter of
        /// the north (December to February: 12...14). A season that names
        /// no hemisphere is ordered and compared as the north's, the
        /// meteorological seasons, and shown without months.
        public var months: ClosedRange<Int> {
            switch self {
            case .spring, .northernSpring, .southernAutumn: return 3...5
            case .summer, .northernSummer, .southernWinter: return 6...8
            case .autumn, .northernAutumn, .southernSpring: return 9...11
            case .winter, .northernWinter, .southernSummer: return 12...14
            case .firstQuarter: return 1...3
            case .secondQuarter: return 4...6
            case .thirdQuarter: return 7...9
            case .fourthQuarter: return 10...12
            case .firstThird: return 1...4
            case .secondThird: return 5...8
            case .thirdThird: return 9...12
            case .firstHalf: return 1...6
            case .secondHalf: return 7...12
            }
        }

        public var precision: Precision {
            switch months.count {
            case 6: return .sixMonths
            case 4: return .fourMonths
            default: return .threeMonths
            }
        }

        /// Whether EDTF puts it in level 1 (the seasons that name no hemisphere).
        public var isLevel1: Bool { rawValue <= 24 }

        /// How a reader sees it before the year: "spring", "Q1", "early", "H1".
        public var label: String {
            switch self {
            case .spring: return "spring"
            case .summer: return "summer"
            case .autumn: return "autumn"
            case .winter: return "winter"
            case .northernSpring: return "northern spring"
            case .northernSummer: return "northern summer"
            case .northernAutumn: return "northern autumn"
            case .northernWinter: return "northern winter"
            case .southernSpring: return "southern spring"
            case .southernSummer: return "southern summer"
            case .southernAutumn: return "southern autumn"
            case .southernWinter: return "southern winter"
            case .firstQuarter: return "Q1"
            case .secondQuarter: return "Q2"
            case .thirdQuarter: return "Q3"
            case .fourthQuarter: return "Q4"
            case .firstThird: return "early"
            case .secondThird: return "mid"
            case .thirdThird: return "late"
            case .firstHalf: return "H1"
            case .secondHalf: return "H2"
            }
        }

        /// The season an article's word names ("spring", "summer",
        /// "autumn" or "fall", "winter", any case), with no hemisphere.
        public static func season(named word: some StringProtocol) -> SubYear? {
            switch word.lowercased() {
            case "spring": return .spring
            case "summer": return .summer
            case "autumn", "fall": return .autumn
            case "winter": return .winter
            default: return nil
            }
        }

        /// The year of the latest such part that was over before `day`
        /// (days since 1970-01-01): what a news article dated that day means
        /// by "last summer" (in July 2024, summer 2023; in October, 2024).
        public func yearOfLatest(endedBefore day: Int) -> Int {
            var year = DayNumber.year(ofDay: day)
            while DayNumber.lastDay(year: year, monthCounted: months.upperBound) >= day { year -= 1 }
            return year
        }
    }

    /// A part of a year as a date (`2024-22`, summer 2024): what drafting
    /// makes of "last summer" once it knows the year. Throws for a year of
    /// more than four digits, which EDTF gives no parts.
    public init(year: Int, _ part: SubYear, uncertain: Bool = false, approximate: Bool = false) throws(ParseError) {
        let qualifier = uncertain && approximate ? "%" : uncertain ? "?" : approximate ? "~" : ""
        let digits = String(abs(year))
        let yearText = (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        try self.init(parsing: yearText + "-\(part.rawValue)" + qualifier)
    }
}

extension DayNumber {
    /// The year a day (since 1970-01-01) falls in.
    static func year(ofDay day: Int) -> Int {
        // Hinnant's civil_from_days, the year only.
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0)
    }
}
