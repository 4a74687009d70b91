/// Lengths of time ("20 years", "decade-long", "for years"), spans up to or
/// from the article's date ("the past two years", "the coming months"), and
/// vague words ("now", "recent years", "the near future").
extension TemporalRules {
    /// "the past two years", "the last decade", "the coming months", "the
    /// next few weeks", "recent years", "the near future", "the past".
    func spanWords(at i: Int) -> Match? {
        guard let word = t.lower(i) else { return nil }
        if word == "recent", let (unit, plural) = t.lower(i + 1).flatMap(TemporalLexicon.unit), plural {
            return Match(first: i, last: i + 1, kind: .vague, meaning: .vague(duration: unit.iso(nil)))
        }
        if word == "these", t.isWord(i + 1, "days") { return Match(first: i, last: i + 1, kind: .vague, meaning: .vague(duration: nil)) }
        if word == "present", t.isWord(i - 1, "at") { return Match(first: i, last: i, kind: .vague, meaning: .vague(duration: nil)) }
        guard word == "the", let next = t.lower(i + 1) else { return nil }
        switch next {
        case "past", "last", "previous":
            if let counted = countedUnit(at: i + 2), counted.count != nil || counted.plural {
                return Match(first: i, last: counted.unitAt, kind: .duration, meaning: .pastSpan(counted.unit, counted.count))
            }
            if let (unit, plural) = t.lower(i + 2).flatMap(TemporalLexicon.unit), !plural {
                return Match(first: i, last: i + 2, kind: .duration, meaning: .pastSpan(unit, 1))
            }
            if t.isWord(i + 2, "few"), let (unit, plural) = t.lower(i + 3).flatMap(TemporalLexicon.unit), plural {
                return Match(first: i, last: i + 3, kind: .duration, meaning: .pastSpan(unit, nil))
            }
            guard next == "past", !premodifies(after: i + 1) else { return nil }
            return Match(first: i, last: i + 1, kind: .vague, meaning: .vague(duration: nil))
        case "coming", "next", "upcoming":
            if next == "next", let (unit, plural) = t.lower(i + 2).flatMap(TemporalLexicon.unit), !plural, unit == .decade || unit == .century {
                return Match(first: i, last: i + 2, kind: .duration, meaning: .nextSpan(unit, 1))
            }
            var j = i + 2
            if t.isWord(j, "few") { j += 1 }
            if next == "next", let counted = countedUnit(at: i + 2), let count = counted.count, count > 1 {
                return Match(first: i, last: counted.unitAt, kind: .duration, meaning: .nextSpan(counted.unit, count))
            }
            guard let (unit, plural) = t.lower(j).flatMap(TemporalLexicon.unit), plural else { return nil }
            return Match(first: i, last: j, kind: .relative, meaning: .coming(unit))
        case "near", "distant", "foreseeable", "immediate":
            guard t.isWord(i + 2, "future") else { return nil }
            return Match(first: i, last: i + 2, kind: .vague, meaning: .vague(duration: nil))
        case "future":
            guard !premodifies(after: i + 1) else { return nil }
            return Match(first: i, last: i + 1, kind: .vague, meaning: .vague(duration: nil))
        default: return nil
        }
    }

    /// "20 years", "nearly two decades", "a decade", "14 months", "20 years
    /// old" (an age); "decade-long", "a 20-year war", "two-year-long",
    /// "months-long"; "for years" (a number not given).
    func duration(at i: Int) -> Match? {
        if let adjective = durationAdjective(at: i) { return adjective }
        if let counted = countedUnit(at: i) {
            // "years" alone only after a preposition ("for years", "in years") or
            // before "of" or "before" ("decades of conflict", "weeks before the vote").
            if counted.count == nil, counted.unitAt == i,
               !t.isWord(i - 1, ["for", "in", "after", "over", "within", "during", "spanning"]),
               !t.isWord(i + 1, ["of", "before", "after"]) { return nil }
            // "twice a year", "$5m a year", "120 litres a day", "150 million euros a
            // week": a rate, not a length.
            if counted.count == 1, t.isWord(i, ["a", "an", "per"]),
               t.isWord(i - 1, ["once", "twice", "thrice", "times"]) || t[i - 1]?.kind == .number || t[i - 1]?.kind == .alphanumeric
                || t[i - 1]?.kind == .word && (t[i - 2]?.kind == .number || t.isWord(i - 2, Self.largeNumbers)) { return nil }
            if t.isMark(counted.unitAt + 1, "-"), t.joined(counted.unitAt + 1) { return nil }
            let age = t.isWord(counted.unitAt + 1, "old")
            return Match(first: i, last: age ? counted.unitAt + 1 : counted.unitAt, kind: .duration,
                         meaning: .duration(counted.unit, counted.count, approximate: counted.approximate, form: age ? .age : .plain))
        }
        return nil
    }

    static let largeNumbers: Set<String> = ["hundred", "thousand", "million", "billion", "trillion", "m", "bn"]

    /// "20-year", "two-year-long", "20-year-old", "decade-long", "months-long", "decades-old".
    func durationAdjective(at i: Int) -> Match? {
        var count: Int?
        var unitAt = i
        if t.lower(i).flatMap(TemporalLexicon.unit) == nil {
            guard let (n, last) = self.count(at: i), let n, t[i]?.kind != .word || TemporalLexicon.numberWords[t.lower(i) ?? ""] != nil,
                  t.isMark(last + 1, "-"), t.joined(last + 1), t.joined(last + 2) else { return nil }
            count = n
            unitAt = last + 2
        }
        guard let (unit, plural) = t.lower(unitAt).flatMap(TemporalLexicon.unit), t[unitAt]?.kind == .word else { return nil }
        if count != nil && plural { return nil }
        var last = unitAt
        var form = DurationForm.adjective
        if t.isMark(unitAt + 1, "-"), t.joined(unitAt + 1), t.joined(unitAt + 2), let tail = t.lower(unitAt + 2), tail == "long" || tail == "old" {
            last = unitAt + 2
            form = tail == "old" ? .age : .adjective
        } else if count == nil {
            return nil
        }
        return Match(first: i, last: last, kind: .duration,
                     meaning: .duration(unit, plural ? nil : (count ?? 1), approximate: false, form: form))
    }

    /// "now", "currently", "recently", "soon", "recent", "current", "future".
    func vague(at i: Int) -> Match? {
        guard let word = t.lower(i), t[i]?.kind == .word, TemporalLexicon.vagueWords.contains(word) else { return nil }
        if word == "soon", t.isWord(i - 1, "as") || t.isWord(i + 1, ["as", "after"]) { return nil }
        if word == "future", t.isWord(i - 1, "in") { return Match(first: i, last: i, kind: .vague, meaning: .vague(duration: nil)) }
        if word == "current" || word == "recent" || word == "future" {
            // Adjectives: before the noun they place ("the current government").
            guard let next = t[i + 1], next.kind == .word, next.spaceBefore, !Self.functionWords.contains(next.lower) else { return nil }
        }
        return Match(first: i, last: i, kind: .vague, meaning: .vague(duration: nil))
    }
}
