/// The finder's rules: at each token, every rule that can start there is
/// tried and the longest match is kept (the extents of the gold set:
/// prepositions out, modifiers in). A match says what it means; what that
/// is as a date is worked out afterwards (`TemporalResolver`), when the
/// article's date and the dates around it are known.
struct TemporalRules {
    typealias Unit = TemporalLexicon.Unit
    typealias SubYear = PartialDate.SubYear

    /// last / this / next before a weekday, a month, a season or a unit.
    enum Modifier: Sendable, Equatable { case bare, last, this, next }

    enum DurationForm: Sendable, Equatable {
        /// "20 years", "nearly two decades": placed by a date of its sentence.
        case plain
        /// "decade-long", "a 20-year war": lies within (or starts at) a date of its sentence.
        case adjective
        /// "20 years old": an age, never a date.
        case age
    }

    /// What a match means, before it is resolved.
    enum Meaning: Sendable, Equatable {
        /// A date printed in full: its EDTF text.
        case printed(String)
        /// Found, but the words cannot give a value (why).
        case unresolvable(String)
        /// "April 17": a day of a year the article's date gives.
        case monthDay(month: Int, day: Int)
        /// 0 Monday … 6 Sunday.
        case weekday(Int, Modifier)
        case month(Int, Modifier)
        case season(SubYear, Modifier)
        /// "last month" (-1), "this year" (0), "yesterday" (day, -1); with a
        /// part of a year ("early this year") or of the unit ("later this month").
        case unitOffset(Unit, Int, part: SubYear?)
        /// "two years ago"; approximate for weeks and decades.
        case ago(Unit, Int, approximate: Bool)
        /// "the months that followed": from the next unit after the
        /// paragraph's last date, to an end not given.
        case following(Unit)
        /// "the following year" (+1), "that year" (0), "a year later" (+1),
        /// "the previous day" (-1): counted from the paragraph's last date.
        case fromReference(Unit, Int)
        /// "later in the year": the unit of the paragraph's last date, else the article's.
        case sameAsReference(Unit)
        /// "the coming months": from the article's date on.
        case coming(Unit)
        /// "the past two years": a length up to the article's date.
        case pastSpan(Unit, Int?)
        /// "the next two years": a length from the article's date.
        case nextSpan(Unit, Int)
        case duration(Unit, Int?, approximate: Bool, form: DurationForm)
        /// No value; for "recent years" a duration (PXY).
        case vague(duration: String?)
    }

    struct Match: Sendable {
        /// First and last token, inclusive.
        var first: Int, last: Int
        var kind: TemporalExpression.Kind
        var meaning: Meaning
    }

    let t: TemporalTokens

    /// Every expression of the tokens, left to right, none overlapping.
    func matches() -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < t.count {
            if let match = longest(at: i) {
                // "every two years", "each March", "every Friday": a set, which Chronicle does not read.
                if !t.isWord(match.first - 1, ["every", "each", "per"]) { found.append(match) }
                i = match.last + 1
            } else {
                i += 1
            }
        }
        return found
    }

    func longest(at i: Int) -> Match? {
        let candidates = [fullDate(at: i), numericDate(at: i), monthAndYear(at: i), partOfYear(at: i), decade(at: i), century(at: i),
                          yearRange(at: i), year(at: i), dayWords(at: i), unitRelative(at: i), weekday(at: i), monthName(at: i),
                          season(at: i), ago(at: i), reference(at: i), spanWords(at: i), duration(at: i), vague(at: i)]
        var best: Match?
        for case let candidate? in candidates where best.map({ candidate.last > $0.last }) ?? true { best = candidate }
        return best
    }

    // MARK: Pieces

    /// A month name or its short form ("Sept."), and its last token.
    func month(at i: Int, allowShort: Bool) -> (month: Int, last: Int)? {
        guard let token = t[i], token.kind == .word else { return nil }
        if let index = TemporalLexicon.months.firstIndex(of: token.lower) {
            guard token.capitalized else { return nil }
            return (index + 1, i)
        }
        guard allowShort, token.capitalized, let month = TemporalLexicon.monthAbbreviations[token.lower] else { return nil }
        return (month, t.isMark(i + 1, ".") && t.joined(i + 1) ? i + 1 : i)
    }

    /// A day of a month: "17", "02", "17th".
    func day(at i: Int) -> (day: Int, last: Int)? {
        guard let token = t[i] else { return nil }
        if token.kind == .number, let n = token.number, token.digits <= 2, (1...31).contains(n) { return (n, i) }
        if token.kind == .alphanumeric {
            for suffix in ["st", "nd", "rd", "th"] where token.lower.hasSuffix(suffix) {
                if let n = Int(token.lower.dropLast(2)), (1...31).contains(n) { return (n, i) }
            }
        }
        return nil
    }

    /// A four-digit year of the common era (1000–2999).
    func yearNumber(at i: Int) -> Int? {
        guard let token = t[i], token.kind == .number, token.digits == 4, let n = token.number, (1000...2999).contains(n) else { return nil }
        return n
    }

    /// A count: digits, a number word ("twenty-one"), "a"/"an", or words
    /// that leave it open ("several", "a few": nil). Returns where it ends.
    func count(at i: Int) -> (count: Int?, last: Int)? {
        guard let token = t[i] else { return nil }
        if token.kind == .number {
            guard let n = token.number, token.digits <= 4, n > 0 else { return nil }
            return (n, i)
        }
        guard token.kind == .word else { return nil }
        if let n = TemporalLexicon.numberWords[token.lower] {
            // "twenty-one"
            if n >= 20, t.isMark(i + 1, "-"), t.joined(i + 1), t.joined(i + 2), let ones = t.lower(i + 2).flatMap({ TemporalLexicon.numberWords[$0] }), ones < 10 {
                return (n + ones, i + 2)
            }
            return (n, i)
        }
        switch token.lower {
        case "a", "an":
            if t.isWord(i + 1, "few") { return (nil, i + 1) }
            if t.isWord(i + 1, "couple"), t.isWord(i + 2, "of") { return (2, i + 2) }
            if t.isWord(i + 1, "dozen") { return (12, i + 1) }
            return (1, i)
        case "several", "many", "numerous", "few": return (nil, i)
        case "dozens", "hundreds": return t.isWord(i + 1, "of") ? (nil, i + 1) : nil
        default: return nil
        }
    }

    /// An approximator before a count ("nearly", "more than"): its first token.
    func approximator(before i: Int) -> Int? {
        if i >= 2, let a = t.lower(i - 2), let b = t.lower(i - 1), TemporalLexicon.approximatorPairs.contains(a + " " + b) { return i - 2 }
        if i >= 1, t.isWord(i - 1, TemporalLexicon.approximators) { return i - 1 }
        return nil
    }

    /// A weekday before a date, with its comma ("Friday, May 2"): its first token.
    func leadingWeekday(before i: Int) -> Int? {
        var j = i - 1
        if t.isMark(j, ",") { j -= 1 }
        guard let token = t[j], token.kind == .word, TemporalLexicon.weekdays.contains(token.lower) else { return nil }
        return j
    }

    /// A word that is a time preposition or modifier.
    func isTimeWord(_ i: Int) -> Bool { t.isWord(i, TemporalLexicon.timePrepositions) }
}
