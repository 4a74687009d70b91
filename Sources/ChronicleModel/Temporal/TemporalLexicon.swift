/// The words English news writes times with, as the finder's rules read
/// them (lower case). Kept to the language, not to any one corpus.
enum TemporalLexicon {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]
    /// Short forms, read only before a day or a year ("Jan 5", "Sept. 2024"):
    /// alone, "mar" and "jan" are other words.
    static let monthAbbreviations: [String: Int] = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                                                     "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Words before a weekday that make it a holiday or a name, not a day of
    /// the week the article counts from ("Good Friday", "Black Friday").
    static let weekdayNames: Set<String> = ["good", "black", "holy", "ash", "super", "cyber", "maundy", "shrove", "bloody", "easter",
                                            "palm", "giving", "small"]

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    ]
    /// "a few years", "several months": a number the words leave open.
    static let unspecifiedCounts: Set<String> = ["few", "several", "many", "some", "numerous", "countless"]

    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    ]

    static let decadeWords: [String: Int] = ["twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                                             "seventies": 70, "eighties": 80, "nineties": 90]

    /// A unit of time, singular or plural. Hours and minutes are lengths
    /// only: no date is counted in them.
    enum Unit: String, Sendable {
        case minute, hour, day, week, month, year, decade, century

        var letter: String {
            switch self {
            case .minute: return "M"
            case .hour: return "H"
            case .day: return "D"
            case .week: return "W"
            case .month: return "M"
            case .year, .decade, .century: return "Y"
            }
        }

        /// How many of the letter's units one is (a decade: 10 years).
        var size: Int {
            switch self {
            case .decade: return 10
            case .century: return 100
            default: return 1
            }
        }

        var word: String { rawValue }
        var plural: String { self == .century ? "centuries" : rawValue + "s" }

        /// A duration of `count` (nil: not given) in ISO 8601, as TimeML writes it: P20Y, PXM.
        func iso(_ count: Int?) -> String {
            let prefix = self == .minute || self == .hour ? "PT" : "P"
            guard let count else { return prefix + "X" + letter }
            return prefix + "\(count * size)\(letter)"
        }
    }

    static func unit(_ word: String) -> (unit: Unit, plural: Bool)? {
        switch word {
        case "minute": return (.minute, false)
        case "minutes": return (.minute, true)
        case "hour": return (.hour, false)
        case "hours": return (.hour, true)
        case "day": return (.day, false)
        case "days": return (.day, true)
        case "week": return (.week, false)
        case "weeks": return (.week, true)
        case "month": return (.month, false)
        case "months": return (.month, true)
        case "year": return (.year, false)
        case "years": return (.year, true)
        case "decade": return (.decade, false)
        case "decades": return (.decade, true)
        case "century": return (.century, false)
        case "centuries": return (.century, true)
        default: return nil
        }
    }

    /// Words before a count that make it approximate ("nearly two decades").
    static let approximators: Set<String> = ["nearly", "almost", "about", "around", "roughly", "approximately", "some",
                                             "over", "under", "circa", "nigh"]
    /// Two-word approximators ("more than 20 years").
    static let approximatorPairs: Set<String> = ["more than", "less than", "at least", "up to", "just over", "just under",
                                                 "close to", "well over", "fewer than", "upwards of"]

    /// Prepositions and modifiers after which a bare month name or a
    /// number is a time ("in May", "since 1999").
    static let timePrepositions: Set<String> = ["in", "on", "since", "by", "until", "till", "from", "through", "throughout",
                                                "during", "of", "before", "after", "around", "circa", "between",
                                                "early", "mid", "late", "last", "next", "this", "that", "as", "end",
                                                "beginning", "start", "middle", "year", "ending", "starting"]

    /// Nouns that a number counts rather than dates ("2000 troops").
    static let countedNouns: Set<String> = [
        "people", "persons", "troops", "soldiers", "men", "women", "children", "fighters", "civilians", "families",
        "refugees", "migrants", "votes", "voters", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet",
        "tonnes", "tons", "dollars", "euros", "pounds", "rubles", "roubles", "yuan", "barrels", "cases", "deaths",
        "casualties", "members", "workers", "jobs", "homes", "houses", "units", "vehicles", "aircraft", "tanks",
        "missiles", "rockets", "drones", "prisoners", "hostages", "students", "residents", "copies", "times", "hectares",
        "acres", "words", "pages", "employees", "staff", "officers", "police", "personnel", "delegates", "seats",
        "signatures", "protesters", "supporters", "followers", "users", "visitors", "incidents", "arrests",
        "patients", "doctors", "teachers", "schools", "villages", "buildings", "points", "percent", "per", "mw", "kg",
        "rifles", "guns", "weapons", "shells", "bombs", "ships", "boats", "planes", "cars", "trucks", "lorries", "animals",
        "sq", "square", "cubic", "litres", "liters", "gallons", "bn", "m", "million", "billion", "trillion", "thousand",
    ]

    /// Words that place what follows in the future ("will meet on Friday").
    static let futureMarkers: Set<String> = ["will", "ll", "shall", "would", "due", "scheduled", "expected", "planned",
                                             "plans", "plan", "upcoming", "set", "going", "intends", "aims", "hopes", "may", "might"]
    /// Verbs that report what was said: "diplomats said, possibly in
    /// September" dates the talks, not the saying.
    static let reportingVerbs: Set<String> = ["said", "says", "told", "added", "noted", "stated", "announced", "warned", "wrote"]

    /// Words that place it in the past ("voted in December").
    static let pastMarkers: Set<String> = ["said", "told", "was", "were", "had", "did", "met", "made", "took", "gave",
                                           "came", "went", "began", "saw", "held", "won", "lost", "left", "fell",
                                           "rose", "spoke", "wrote", "sent", "signed", "killed", "ago", "been", "has", "have"]

    /// Nouns a number names rather than dates ("Resolution 2231", "Flight 2024").
    static let numberedNouns: Set<String> = ["resolution", "flight", "article", "chapter", "section", "route", "number", "no",
                                             "room", "page", "model", "item", "rule", "bus", "platform", "gate", "unit", "code",
                                             "highway", "road", "paragraph", "clause", "version", "series", "batch", "case"]

    /// Vague words: a time with no value (TimeML's PRESENT_REF, PAST_REF,
    /// FUTURE_REF).
    static let vagueWords: Set<String> = ["now", "currently", "recently", "nowadays", "presently", "lately", "soon",
                                          "recent", "current", "future"]
}
