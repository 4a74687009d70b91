/// A duration given a value only when a date in its sentence fixes one end:
/// "after 20 years of war" ends at the August 2021 the sentence names (2001
/// to August 2021), "after a decade" of a 1979 invasion starts there (1979
/// to 1989), "for almost two decades" runs up to the March of the attack,
/// and "a decade-long war" in the 1980s lies within them.
extension TemporalResolver {
    enum Placement { case endsAt, startsAt, within }

    func placeDuration(_ index: Int, unit: Unit, count: Int?, approximate: Bool, form: TemporalRules.DurationForm,
                       _ matches: [Match], _ outcomes: [Outcome]) -> Outcome {
        let match = matches[index]
        let text = t.text(match.first, match.last)
        let iso = unit.iso(count)
        func none(_ why: String) -> Outcome { outcome(.duration, nil, basis: .none, inferred: false, "“\(text)”: \(why)", duration: iso) }
        if form == .age { return none("an age, not a date") }
        guard let count else { return none("a length of time, its number not given") }
        let first = t.sentenceStart(of: match.first), end = t.sentenceEnd(of: match.last)
        let dated = matches.indices.filter { j in
            j != index && matches[j].first >= first && matches[j].last < end && [.date, .relative, .anchor].contains(outcomes[j].kind)
                && outcomes[j].value != nil
        }
        func distance(_ j: Int) -> Int { matches[j].last < match.first ? match.first - matches[j].last : matches[j].first - match.last }
        guard let j = dated.min(by: { distance($0) < distance($1) }), let date = outcomes[j].value.flatMap(TemporalCalendar.date) else {
            return none("a length of time; no date in its sentence fixes either end")
        }
        let dateText = t.text(matches[j].first, matches[j].last)
        let dateComesFirst = matches[j].last < match.first
        let placement: Placement
        switch form {
        case .adjective:
            let span = (date.latestDay ?? Int.max) - (date.earliestDay ?? Int.min)
            // "returned on Tuesday after a 12-day strike": the strike ends at the date.
            let after = t.isWord(match.first - 1, "after") || t.isWord(match.first - 1, ["a", "an"]) && t.isWord(match.first - 2, "after")
            placement = span >= Self.days(unit, count) * 95 / 100 ? .within : after ? .endsAt : .startsAt
        case .plain, .age:
            let before = t.lower(match.first - 1)
            if before == "after" {
                // "after 20 years of war": the war runs up to the sentence's date;
                // "after a decade": a decade on from it.
                placement = t.isWord(match.last + 1, "of") || !dateComesFirst ? .endsAt : .startsAt
            } else if before == "for" {
                // "the deadliest attack for two decades" after the attack's date; a
                // date after it ("for four months, and a vote next week") is another clause's.
                let opening = t.isWord(matches[j].first - 1, ["from", "since", "starting", "beginning"])
                guard dateComesFirst || opening else {
                    return none("a length of time; no date before it in its sentence fixes either end")
                }
                placement = opening ? .startsAt : .endsAt
            } else {
                return none("a length of time; no word says how “\(dateText)” in its sentence bounds it")
            }
        }
        let value: String?
        switch placement {
        case .within:
            value = date.edtf
        case .endsAt:
            guard let point = date.end.point ?? date.start.point else { return none("“\(dateText)” has no end to count back from") }
            value = move(point, unit, -count, approximate: approximate).map { $0 + "/" + TemporalCalendar.boundText(point, atStart: false) }
        case .startsAt:
            guard let point = date.start.point else { return none("“\(dateText)” has no start to count on from") }
            value = move(point, unit, count, approximate: approximate).map { TemporalCalendar.boundText(point, atStart: true) + "/" + $0 }
        }
        guard let value else { return none("“\(dateText)” in its sentence is too coarse to count \(unit.plural) from") }
        let how = placement == .within ? "within" : placement == .endsAt ? "ending at" : "from"
        return outcome(.duration, value, basis: .context, inferred: outcomes[j].inferred,
                       "“\(text)” \(how) “\(dateText)” in its sentence", duration: iso)
    }

    /// A point moved by a duration, at the duration's precision.
    func move(_ point: PartialDate.Point, _ unit: Unit, _ count: Int, approximate: Bool) -> String? {
        switch unit {
        case .minute, .hour: return nil
        case .year, .decade, .century: return TemporalCalendar.yearsFrom(point, count * unit.size, approximate: approximate)
        case .month: return TemporalCalendar.monthsFrom(point, count, approximate: approximate)
        case .day, .week:
            guard point.precision >= .day, let month = point.month, let day = point.day else { return nil }
            let moved = TemporalCalendar.Day(year: point.year, month: month, day: day).adding(days: count * (unit == .week ? 7 : 1))
            return moved.edtf + (approximate ? "~" : "")
        }
    }

    /// About how many days a duration is, to tell whether a date's span holds it.
    static func days(_ unit: Unit, _ count: Int) -> Int {
        switch unit {
        case .minute: return count / 1440
        case .hour: return count / 24
        case .day: return count
        case .week: return 7 * count
        case .month: return 30 * count
        case .year: return 365 * count
        case .decade: return 3652 * count
        case .century: return 36_524 * count
        }
    }
}
