/// Dates relative to the article's date ("yesterday", "last month", "on
/// Friday", "in December", "two years ago") or to an earlier date of the
/// paragraph ("the months that followed", "a year later").
extension TemporalRules {
    func modifier(_ word: String?) -> Modifier? {
        switch word {
        case "last": return .last
        case "this": return .this
        case "next": return .next
        default: return nil
        }
    }

    /// "today", "tonight", "yesterday", "tomorrow morning", "this evening",
    /// "last night", "the day before yesterday".
    func dayWords(at i: Int) -> Match? {
        guard let word = t.lower(i) else { return nil }
        let partOfDay: Set<String> = ["morning", "afternoon", "evening", "night"]
        switch word {
        case "today", "tonight": return Match(first: i, last: i, kind: .relative, meaning: .unitOffset(.day, 0, part: nil))
        case "yesterday", "tomorrow":
            let last = t.isWord(i + 1, partOfDay) ? i + 1 : i
            return Match(first: i, last: last, kind: .relative, meaning: .unitOffset(.day, word == "yesterday" ? -1 : 1, part: nil))
        case "this":
            guard t.isWord(i + 1, ["morning", "afternoon", "evening"]) else { return nil }
            return Match(first: i, last: i + 1, kind: .relative, meaning: .unitOffset(.day, 0, part: nil))
        case "last":
            guard t.isWord(i + 1, "night") else { return nil }
            return Match(first: i, last: i + 1, kind: .relative, meaning: .unitOffset(.day, -1, part: nil))
        case "the":
            guard t.isWord(i + 1, "day"), let dir = t.lower(i + 2), dir == "before" || dir == "after",
                  t.isWord(i + 3, dir == "before" ? "yesterday" : "tomorrow") else { return nil }
            return Match(first: i, last: i + 3, kind: .relative, meaning: .unitOffset(.day, dir == "before" ? -2 : 2, part: nil))
        default: return nil
        }
    }

    /// "last month", "this year", "next week", "earlier this year", "later
    /// this month", "early next year", "late last year".
    func unitRelative(at i: Int) -> Match? {
        // "the end of the month", "the start of next year", "the middle of this week".
        if t.isWord(i, "the"), let edge = t.lower(i + 1), ["end", "beginning", "start", "middle", "close"].contains(edge), t.isWord(i + 2, "of"),
           let mod = t.isWord(i + 3, "the") ? Modifier.this : modifier(t.lower(i + 3)),
           let (unit, plural) = t.lower(i + 4).flatMap(TemporalLexicon.unit), !plural, [.week, .month, .year].contains(unit) {
            let offset = mod == .last ? -1 : mod == .next ? 1 : 0
            let part: SubYear = edge == "middle" ? .secondThird : (edge == "end" || edge == "close") ? .thirdThird : .firstThird
            return Match(first: i, last: i + 4, kind: .relative, meaning: .unitOffset(unit, offset, part: unit == .year ? part : nil))
        }
        // "later in the year", "earlier in the month": the year of the paragraph's
        // last date ("In 2010 he left; later in the year he returned"), else the article's.
        if let word = t.lower(i), word == "earlier" || word == "later", t.isWord(i + 1, "in"), t.isWord(i + 2, "the"),
           let (unit, plural) = t.lower(i + 3).flatMap(TemporalLexicon.unit), !plural, [.week, .month, .year].contains(unit) {
            return Match(first: i, last: i + 3, kind: .relative, meaning: .sameAsReference(unit))
        }
        var j = i
        var part: SubYear?
        if let word = t.lower(i), ["earlier", "later", "early", "late", "mid"].contains(word) {
            j = t.isMark(i + 1, "-") && t.joined(i + 1) ? i + 2 : i + 1
            part = word == "early" ? .firstThird : word == "mid" ? .secondThird : word == "late" ? .thirdThird : nil
        }
        guard let mod = modifier(t.lower(j)), let (unit, plural) = t.lower(j + 1).flatMap(TemporalLexicon.unit), !plural,
              [.week, .month, .year].contains(unit) else { return nil }
        let offset = mod == .last ? -1 : mod == .next ? 1 : 0
        return Match(first: i, last: j + 1, kind: .relative, meaning: .unitOffset(unit, offset, part: unit == .year ? part : nil))
    }

    /// "Friday", "last Friday", "next Tuesday", "Friday morning": not "Good
    /// Friday", and not a weekday before a date ("Friday, May 2": a date).
    func weekday(at i: Int) -> Match? {
        var j = i
        var mod = Modifier.bare
        if let m = modifier(t.lower(i)) {
            mod = m
            j = i + 1
            if m == .this, t.isWord(j, "coming") { mod = .next; j += 1 }
        }
        guard let token = t[j], token.kind == .word, let index = TemporalLexicon.weekdays.firstIndex(of: token.lower) else { return nil }
        if mod == .bare, let before = t[j - 1], before.kind == .word, before.capitalized, TemporalLexicon.weekdayNames.contains(before.lower) { return nil }
        let last = t.isWord(j + 1, ["morning", "afternoon", "evening", "night"]) ? j + 1 : j
        return Match(first: i, last: last, kind: .relative, meaning: .weekday(index, mod))
    }

    /// A month by name alone: "in December", "last March", "next May",
    /// "the March attack". Alone, a capitalised month name can be a name
    /// ("April Ryan") and "May" a verb, so a time word must come before it.
    func monthName(at i: Int) -> Match? {
        var j = i
        var mod = Modifier.bare
        if let m = modifier(t.lower(i)) {
            mod = m
            j = i + 1
        }
        guard let (m, last) = month(at: j, allowShort: false), day(at: last + 1) == nil, yearNumber(at: last + 1) == nil else { return nil }
        if mod == .bare {
            let before = t.lower(i - 1)
            // "from March to May", "in April and June": a month joined to a month
            // before it ("Tom and June" is a name); "planned for November".
            let joined = t.isWord(i - 1, ["to", "and", "or"]) && month(at: i - 2, allowShort: false)?.last == i - 2
            let trigger = isTimeWord(i - 1) || t.isWord(i - 1, "for") || joined
            let article = before == "the" && m != 5 && premodifies(after: last)
            guard trigger || article else { return nil }
            if m == 5, !joined, !["in", "since", "by", "until", "till", "from", "through", "during", "of", "before", "after", "early", "for",
                                  "late", "mid", "end", "beginning"].contains(before ?? "") { return nil }
            // A capitalised word after it makes it a name ("in April Ryan's show"), as
            // a possessive does "May" ("the start of May's term").
            if let next = t[last + 1], next.kind == .word, next.capitalized, !next.startsSentence { return nil }
            if m == 5, t.isMark(last + 1, "'"), t.joined(last + 1) { return nil }
        }
        return Match(first: i, last: last, kind: .relative, meaning: .month(m, mod))
    }

    /// "last summer", "this spring", "next winter"; "in the summer", "during
    /// the winter".
    func season(at i: Int) -> Match? {
        if let mod = modifier(t.lower(i)), let season = t.lower(i + 1).flatMap(SubYear.season(named:)) {
            return Match(first: i, last: i + 1, kind: .relative, meaning: .season(season, mod))
        }
        let j = t.isWord(i, "the") ? i + 1 : i
        guard let season = t.lower(j).flatMap(SubYear.season(named:)),
              t.isWord(i - 1, ["in", "during", "over", "through", "since", "by", "until", "till", "before", "after", "from", "into", "for"]),
              !t.isWord(j + 1, "of"), yearNumber(at: j + 1) == nil else { return nil }
        return Match(first: i, last: j, kind: .relative, meaning: .season(season, .bare))
    }

    /// "two years ago", "a month ago", "about a decade ago"; "years ago",
    /// with no number, is vague.
    func ago(at i: Int) -> Match? {
        guard let counted = countedUnit(at: i), t.isWord(counted.unitAt + 1, "ago") else { return nil }
        guard let count = counted.count else { return Match(first: i, last: counted.unitAt + 1, kind: .vague, meaning: .vague(duration: nil)) }
        let unit = counted.unit
        let approximate = counted.approximate || unit == .week || unit == .decade || unit == .century
        return Match(first: i, last: counted.unitAt + 1, kind: .relative, meaning: .ago(unit, count, approximate: approximate))
    }

    /// A count and a unit starting at `i` ("two years", "a decade",
    /// "nearly two decades", "more than 20 years", "years"): the count (nil
    /// when the words leave it open), the unit and where it is, and whether
    /// an approximator came first.
    func countedUnit(at i: Int) -> (count: Int?, unit: Unit, plural: Bool, unitAt: Int, approximate: Bool)? {
        var countAt = i
        if let a = t.lower(i), let b = t.lower(i + 1), TemporalLexicon.approximatorPairs.contains(a + " " + b) {
            countAt = i + 2
        } else if t.isWord(i, TemporalLexicon.approximators), count(at: i + 1) != nil {
            countAt = i + 1
        }
        if countAt == i, let (unit, plural) = t.lower(i).flatMap(TemporalLexicon.unit), t[i]?.kind == .word {
            return plural ? (nil, unit, true, i, false) : nil
        }
        guard let (count, last) = count(at: countAt), let (unit, plural) = t.lower(last + 1).flatMap(TemporalLexicon.unit),
              t[last + 1]?.kind == .word else { return nil }
        // "one year", "two years": not "two year" (a premodifier: "a two year plan" reads as the adjective).
        if let count, count > 1, !plural { return nil }
        return (count, unit, plural, last + 1, countAt != i)
    }

    /// Counted from the paragraph's last date: "the months that followed",
    /// "the following year", "the next day", "that year", "the same day",
    /// "later that month", "two years later", "a day earlier".
    func reference(at i: Int) -> Match? {
        guard let word = t.lower(i) else { return nil }
        if word == "the" {
            // "the months that followed", "the following months", "the subsequent years".
            if let (unit, plural) = t.lower(i + 1).flatMap(TemporalLexicon.unit), plural, t.isWord(i + 2, "that"),
               t.isWord(i + 3, ["followed", "follow"]) {
                return Match(first: i, last: i + 3, kind: .relative, meaning: .following(unit))
            }
            if t.isWord(i + 1, ["following", "subsequent", "ensuing"]), let (unit, plural) = t.lower(i + 2).flatMap(TemporalLexicon.unit) {
                return Match(first: i, last: i + 2, kind: .relative, meaning: plural ? .following(unit) : .fromReference(unit, 1))
            }
            // "the following three years": from the next year after the paragraph's last date on.
            if t.isWord(i + 1, ["following", "subsequent", "ensuing"]), let counted = countedUnit(at: i + 2), counted.plural {
                return Match(first: i, last: counted.unitAt, kind: .relative, meaning: .following(counted.unit))
            }
            // "the day before", "the year after", said alone.
            if let (unit, plural) = t.lower(i + 1).flatMap(TemporalLexicon.unit), !plural, let direction = t.lower(i + 2),
               direction == "before" || direction == "after", t[i + 3] == nil || t[i + 3]?.kind == .mark {
                return Match(first: i, last: i + 2, kind: .relative, meaning: .fromReference(unit, direction == "after" ? 1 : -1))
            }
            // "over the next decade": from the article's date, as "next decade" is.
            if t.isWord(i + 1, "next"), let (unit, plural) = t.lower(i + 2).flatMap(TemporalLexicon.unit), !plural, unit == .decade || unit == .century {
                return Match(first: i, last: i + 2, kind: .duration, meaning: .nextSpan(unit, 1))
            }
            if t.isWord(i + 1, ["next", "previous", "preceding", "same"]), let (unit, plural) = t.lower(i + 2).flatMap(TemporalLexicon.unit), !plural {
                let step = t.lower(i + 1) == "next" ? 1 : t.lower(i + 1) == "same" ? 0 : -1
                return Match(first: i, last: i + 2, kind: .relative, meaning: .fromReference(unit, step))
            }
            return nil
        }
        if word == "later" || word == "earlier", t.isWord(i + 1, "that"), let (unit, plural) = t.lower(i + 2).flatMap(TemporalLexicon.unit), !plural {
            return Match(first: i, last: i + 2, kind: .relative, meaning: .fromReference(unit, 0))
        }
        if word == "that", let (unit, plural) = t.lower(i + 1).flatMap(TemporalLexicon.unit), !plural, unit != .century,
           !t.isWord(i - 1, ["so", "such"]) {
            return Match(first: i, last: i + 1, kind: .relative, meaning: .fromReference(unit, 0))
        }
        guard let counted = countedUnit(at: i), let direction = t.lower(counted.unitAt + 1),
              direction == "later" || direction == "earlier" else { return nil }
        let last = counted.unitAt + 1
        guard let count = counted.count else { return Match(first: i, last: last, kind: .vague, meaning: .vague(duration: nil)) }
        return Match(first: i, last: last, kind: .relative, meaning: .fromReference(counted.unit, direction == "later" ? count : -count))
    }
}
