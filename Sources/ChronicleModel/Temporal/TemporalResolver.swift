/// Works out the value of each match of one paragraph, left to right: dates
/// printed as such, dates counted from the article's date, dates counted
/// from the paragraph's last date before them, then the durations their
/// sentence places, and "since X" as from X on.
struct TemporalResolver {
    typealias Unit = TemporalLexicon.Unit
    typealias Match = TemporalRules.Match

    struct Outcome {
        var kind: TemporalExpression.Kind
        var value: String?
        var duration: String?
        var basis: TemporalExpression.Basis
        var inferred: Bool
        var resolution: String
    }

    /// A date of the paragraph later expressions count from.
    struct Reference {
        let text: String
        let point: PartialDate.Point
        let inferred: Bool
    }

    let t: TemporalTokens
    let anchor: ArticleAnchor

    func resolve(_ matches: [Match]) -> [Outcome] {
        var outcomes: [Outcome] = []
        var reference: Reference?
        for match in matches {
            let text = t.text(match.first, match.last)
            var outcome = resolve(match, text: text, reference: reference)
            if let since = sinceBefore(match), outcome.kind == .date || outcome.kind == .relative,
               let date = outcome.value.flatMap(TemporalCalendar.date), let start = date.start.point {
                outcome.kind = .anchor
                outcome.value = TemporalCalendar.boundText(start, atStart: true) + "/.."
                outcome.resolution = "“\(t.text(since, match.last))”: from \(date.displayText) on"
                    + (outcome.basis == .printed ? "" : "; " + outcome.resolution)
            }
            if [.date, .relative, .anchor].contains(outcome.kind), let date = outcome.value.flatMap(TemporalCalendar.date),
               let point = date.start.point, date.end == date.start || outcome.kind == .anchor {
                reference = Reference(text: text, point: point, inferred: outcome.inferred)
            }
            outcomes.append(outcome)
        }
        for (index, match) in matches.enumerated() {
            guard case .duration(let unit, let count, let approximate, let form) = match.meaning else { continue }
            outcomes[index] = placeDuration(index, unit: unit, count: count, approximate: approximate, form: form, matches, outcomes)
        }
        return outcomes
    }

    /// "since" (or "ever since") just before a date: its first token.
    func sinceBefore(_ match: Match) -> Int? {
        guard t.isWord(match.first - 1, "since") else { return nil }
        return t.isWord(match.first - 2, "ever") ? match.first - 2 : match.first - 1
    }

    // MARK: One expression

    func outcome(_ kind: TemporalExpression.Kind, _ value: String?, basis: TemporalExpression.Basis, inferred: Bool,
                 _ resolution: String, duration: String? = nil) -> Outcome {
        // A value EDTF would not read is no value: said, never shown as a date.
        if let value, TemporalCalendar.date(value) == nil {
            return Outcome(kind: kind, value: nil, duration: duration, basis: .none, inferred: false,
                           resolution: resolution + " (no date Chronicle can write: \(value))")
        }
        return Outcome(kind: kind, value: value, duration: duration, basis: value == nil ? .none : basis,
                       inferred: value == nil ? false : inferred, resolution: resolution)
    }

    func unresolved(_ kind: TemporalExpression.Kind, _ text: String, _ why: String, duration: String? = nil) -> Outcome {
        outcome(kind, nil, basis: .none, inferred: false, "“\(text)” cannot be resolved: \(why)", duration: duration)
    }

    /// From the article's date: carries its qualifiers and its inference.
    func fromArticle(_ kind: TemporalExpression.Kind, _ value: String, _ text: String, weekday: Bool = false, _ clause: String? = nil,
                     duration: String? = nil) -> Outcome {
        let sentence = "“\(text)” in \(anchor.phrase(weekday: weekday))" + (clause.map { ": " + $0 } ?? "")
        return outcome(kind, qualified(value), basis: .articleDate, inferred: anchor.inferred, sentence, duration: duration)
    }

    /// The article date's qualifiers on a value counted from it (each end of an interval).
    func qualified(_ value: String) -> String {
        guard !anchor.qualifiers.isEmpty else { return value }
        return value.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.isEmpty || part == ".." || part.hasSuffix("~") || part.hasSuffix("?") || part.hasSuffix("%") ? String(part) : part + anchor.qualifiers
        }.joined(separator: "/")
    }

    func resolve(_ match: Match, text: String, reference: Reference?) -> Outcome {
        let kind = match.kind
        switch match.meaning {
        case .printed(let edtf):
            return outcome(kind, edtf, basis: .printed, inferred: false, "“\(text)” as printed")
        case .unresolvable(let why):
            return unresolved(kind, text, why)
        case .vague(let duration):
            return outcome(.vague, nil, basis: .none, inferred: false, "“\(text)” names no date", duration: duration)
        case .monthDay(let month, let day):
            return monthDay(month, day, text, tense: tense(of: match))
        case .weekday(let weekday, let modifier):
            return self.weekday(weekday, modifier, text, future: isFuture(match))
        case .month(let month, let modifier):
            return self.month(month, modifier, text, future: isFuture(match))
        case .season(let season, let modifier):
            return self.season(season, modifier, text, future: isFuture(match))
        case .unitOffset(let unit, let offset, let part):
            return unitOffset(unit, offset, part: part, text)
        case .ago(let unit, let count, let approximate):
            return ago(unit, count, approximate: approximate, text)
        case .coming(let unit):
            guard let start = anchorText(at: unit) else { return unresolved(kind, text, anchor.lacks(unit == .month ? "month" : "day")) }
            return fromArticle(kind, start + "/", text, "from then on", duration: unit.iso(nil))
        case .pastSpan(let unit, let count):
            guard let count else { return outcome(.duration, nil, basis: .none, inferred: false, "“\(text)”: a length of time up to the article's date, its number not given", duration: unit.iso(nil)) }
            guard let start = shifted(unit, -count), let end = anchorText(at: unit) else { return unresolved(.duration, text, anchor.lacks("month or day"), duration: unit.iso(count)) }
            return fromArticle(.duration, start + "/" + end, text, "up to it", duration: unit.iso(count))
        case .nextSpan(let unit, let count):
            guard let start = anchorText(at: unit), let end = shifted(unit, count) else { return unresolved(.duration, text, anchor.lacks("month or day"), duration: unit.iso(count)) }
            return fromArticle(.duration, start + "/" + end, text, "from it", duration: unit.iso(count))
        case .following(let unit):
            guard let reference else { return unresolved(kind, text, "no earlier date in its paragraph to count from", duration: unit.iso(nil)) }
            let start = step(reference.point, unit, 1) ?? TemporalCalendar.boundText(reference.point, atStart: true)
            return outcome(kind, start + "/", basis: .context, inferred: reference.inferred,
                           "“\(text)” counted from “\(reference.text)” before it in the paragraph", duration: unit.iso(nil))
        case .fromReference(let unit, let steps):
            guard let reference else { return unresolved(kind, text, "no earlier date in its paragraph to count from") }
            guard let value = step(reference.point, unit, steps) else {
                return unresolved(kind, text, "“\(reference.text)” before it gives no \(unit == .week ? "day" : unit.word) to count from")
            }
            return outcome(kind, value, basis: .context, inferred: reference.inferred, "“\(text)” counted from “\(reference.text)” before it in the paragraph")
        case .sameAsReference(let unit):
            guard let reference else { return unitOffset(unit, 0, part: nil, text) }
            guard let value = step(reference.point, unit, 0) else {
                return unresolved(kind, text, "“\(reference.text)” before it gives no \(unit.word) to count from")
            }
            return outcome(kind, value, basis: .context, inferred: reference.inferred, "“\(text)”: the \(unit.word) of “\(reference.text)” before it in the paragraph")
        case .duration(let unit, let count, _, _):
            // Placed by its sentence afterwards.
            return outcome(.duration, nil, basis: .none, inferred: false, "“\(text)”: a length of time", duration: unit.iso(count))
        }
    }

    // MARK: Counting from the article's date

    func monthDay(_ month: Int, _ day: Int, _ text: String, tense future: Bool?) -> Outcome {
        let name = "\(day) \(TemporalLexicon.months[month - 1].capitalized)"
        guard let year = anchor.year else { return unresolved(.date, text, anchor.lacks("year")) }
        guard let today = anchor.dayValue ?? anchor.monthValue.map({ TemporalCalendar.Day(year: $0.year, month: $0.month, day: 15) }) else {
            guard TemporalCalendar.isValid(year: year, month: month, day: day) else { return unresolved(.date, text, "\(year) has no \(name)") }
            return fromArticle(.date, TemporalCalendar.Day(year: year, month: month, day: day).edtf, text, "in the article's year")
        }
        // Said of the past, the latest such day on or before the article's; of
        // what is to come, the next; else the nearest: news rarely reaches half a year away.
        let candidates = [year - 1, year, year + 1].filter { TemporalCalendar.isValid(year: $0, month: month, day: day) }
            .map { TemporalCalendar.Day(year: $0, month: month, day: day) }
        let chosen: TemporalCalendar.Day?, clause: String
        switch future {
        case true?:
            chosen = candidates.first { $0.number >= today.number }
            clause = "the next \(name) on or after it (said of what is to come)"
        case false?:
            chosen = candidates.last { $0.number <= today.number }
            clause = "the latest \(name) on or before it"
        case nil:
            chosen = candidates.min { abs($0.number - today.number) < abs($1.number - today.number) }
            clause = "the nearest \(name) to it"
        }
        guard let chosen else { return unresolved(.date, text, "no year near the article's has \(name)") }
        return fromArticle(.date, chosen.edtf, text, clause)
    }

    func weekday(_ weekday: Int, _ modifier: TemporalRules.Modifier, _ text: String, future: Bool) -> Outcome {
        guard let today = anchor.dayValue else { return unresolved(.relative, text, anchor.lacks("day")) }
        let name = TemporalCalendar.weekdayNames[weekday]
        let back = (today.weekday - weekday + 7) % 7, ahead = (weekday - today.weekday + 7) % 7
        let shift: Int, clause: String
        switch modifier {
        case .bare where future: shift = ahead; clause = "the \(name) on or after it (said of what is to come)"
        case .bare: shift = -back; clause = "the \(name) on or before it"
        case .last: shift = -(back == 0 ? 7 : back); clause = "the \(name) before it"
        case .next: shift = ahead == 0 ? 7 : ahead; clause = "the \(name) after it"
        case .this: shift = weekday - today.weekday; clause = "the \(name) of its week (Monday to Sunday)"
        }
        return fromArticle(.relative, today.adding(days: shift).edtf, text, weekday: true, clause)
    }

    func month(_ month: Int, _ modifier: TemporalRules.Modifier, _ text: String, future: Bool) -> Outcome {
        let name = TemporalLexicon.months[month - 1].capitalized
        guard let year = anchor.year else { return unresolved(.relative, text, anchor.lacks("year")) }
        func value(_ y: Int) -> String { TemporalCalendar.Month(year: y, month: month).edtf }
        switch modifier {
        case .last: return fromArticle(.relative, value(year - 1), text, "\(name) of the year before")
        case .this: return fromArticle(.relative, value(year), text, "\(name) of its year")
        case .next:
            guard let current = anchor.month else { return fromArticle(.relative, value(year + 1), text, "\(name) of the year after") }
            return fromArticle(.relative, value(month > current ? year : year + 1), text, "the next \(name) after it")
        case .bare:
            guard let current = anchor.month else { return unresolved(.relative, text, anchor.lacks("month")) }
            if month == current { return fromArticle(.relative, value(year), text, "its own month") }
            if future { return fromArticle(.relative, value(month > current ? year : year + 1), text, "the next \(name) after it (said of what is to come)") }
            return fromArticle(.relative, value(month < current ? year : year - 1), text, "the latest \(name) before it")
        }
    }

    func season(_ season: PartialDate.SubYear, _ modifier: TemporalRules.Modifier, _ text: String, future: Bool) -> Outcome {
        guard let year = anchor.year, let today = anchor.dayValue ?? anchor.monthValue.map({ TemporalCalendar.Day(year: $0.year, month: $0.month, day: 15) }),
              anchor.month != nil || modifier == .this && season != .winter else {
            guard let year = anchor.year, modifier == .this, let date = try? PartialDate(year: year, season) else {
                return unresolved(.relative, text, anchor.lacks("month"))
            }
            return fromArticle(.relative, date.edtf, text, "the \(season.label) of its year")
        }
        func starts(_ y: Int) -> Int { DayNumber.from(year: y, monthCounted: season.months.lowerBound, day: 1) }
        let chosen: Int, clause: String
        switch modifier {
        case .last:
            chosen = season.yearOfLatest(endedBefore: today.number)
            clause = ""
        case .this:
            chosen = season == .winter && today.month <= 2 ? year - 1 : year
            clause = ""
        case .next:
            chosen = (year - 1...year + 1).first { starts($0) > today.number } ?? year + 1
            clause = ""
        case .bare where future:
            // "will work through the summer" in July: the summer under way.
            chosen = (year - 1...year + 1).first { DayNumber.lastDay(year: $0, monthCounted: season.months.upperBound) >= today.number } ?? year + 1
            clause = "the next \(season.label) not over by then"
        case .bare:
            chosen = (year - 2...year).last { starts($0) <= today.number } ?? year - 1
            clause = "the latest \(season.label) begun by then"
        }
        guard let date = try? PartialDate(year: chosen, season) else { return unresolved(.relative, text, "EDTF gives no seasons to that year") }
        return fromArticle(.relative, date.edtf, text, clause.isEmpty ? nil : clause)
    }

    func unitOffset(_ unit: Unit, _ offset: Int, part: PartialDate.SubYear?, _ text: String) -> Outcome {
        switch unit {
        case .minute, .hour:
            return outcome(.vague, nil, basis: .none, inferred: false, "“\(text)”: a time of day, which Chronicle does not read")
        case .day:
            guard let today = anchor.dayValue else { return unresolved(.relative, text, anchor.lacks("day")) }
            return fromArticle(.relative, today.adding(days: offset).edtf, text)
        case .week:
            guard let today = anchor.dayValue else { return unresolved(.relative, text, anchor.lacks("day")) }
            let monday = today.adding(days: -today.weekday + 7 * offset)
            return fromArticle(.relative, monday.edtf + "/" + monday.adding(days: 6).edtf, text, "Monday to Sunday")
        case .month:
            guard let current = anchor.monthValue else { return unresolved(.relative, text, anchor.lacks("month")) }
            return fromArticle(.relative, current.adding(months: offset).edtf, text)
        default:
            guard let year = anchor.year else { return unresolved(.relative, text, anchor.lacks("year")) }
            if let part, let date = try? PartialDate(year: year + offset, part) { return fromArticle(.relative, date.edtf, text) }
            return fromArticle(.relative, TemporalCalendar.yearText(year + offset), text)
        }
    }

    func ago(_ unit: Unit, _ count: Int, approximate: Bool, _ text: String) -> Outcome {
        let mark = approximate ? "~" : ""
        switch unit {
        case .minute, .hour:
            return outcome(.vague, nil, basis: .none, inferred: false, "“\(text)”: hours before the article, which gives no time of day")
        case .day, .week:
            guard let today = anchor.dayValue else { return unresolved(.relative, text, anchor.lacks("day")) }
            return fromArticle(.relative, today.adding(days: -count * (unit == .week ? 7 : 1)).edtf + mark, text)
        case .month:
            guard let current = anchor.monthValue else { return unresolved(.relative, text, anchor.lacks("month")) }
            return fromArticle(.relative, current.adding(months: -count).edtf + mark, text)
        default:
            guard let year = anchor.year else { return unresolved(.relative, text, anchor.lacks("year")) }
            return fromArticle(.relative, TemporalCalendar.yearText(year - count * unit.size) + mark, text)
        }
    }

    /// The article's date at a unit's precision ("2025-05" for months).
    func anchorText(at unit: Unit) -> String? {
        switch unit {
        case .minute, .hour, .day, .week: return anchor.dayValue?.edtf
        case .month: return anchor.monthValue?.edtf
        default: return anchor.year.map(TemporalCalendar.yearText)
        }
    }

    /// The article's date moved by whole units, at the unit's precision.
    func shifted(_ unit: Unit, _ count: Int) -> String? {
        switch unit {
        // "the past 24 hours": the days they reach into.
        case .hour: return anchor.dayValue?.adding(days: count < 0 ? -((-count + 23) / 24) : (count + 23) / 24).edtf
        case .minute: return anchor.dayValue?.adding(days: count < 0 ? -1 : 1).edtf
        case .day, .week: return anchor.dayValue?.adding(days: count * (unit == .week ? 7 : 1)).edtf
        case .month: return anchor.monthValue?.adding(months: count).edtf
        default: return anchor.year.map { TemporalCalendar.yearText($0 + count * unit.size) }
        }
    }

    /// A date of the text moved by whole units, at the unit's precision;
    /// nil when the date is coarser than the unit ("the next day" after "March 2024").
    func step(_ point: PartialDate.Point, _ unit: Unit, _ count: Int) -> String? {
        switch unit {
        case .minute, .hour: return nil
        case .day, .week:
            guard point.precision >= .day, let month = point.month, let day = point.day else { return nil }
            return TemporalCalendar.Day(year: point.year, month: month, day: day).adding(days: count * (unit == .week ? 7 : 1)).edtf
        case .month:
            guard point.precision >= .month, let month = point.month else { return nil }
            return TemporalCalendar.Month(year: point.year, month: month).adding(months: count).edtf
        case .year, .decade, .century:
            guard point.precision >= .year else { return nil }
            return TemporalCalendar.yearText(point.year + count * unit.size)
        }
    }

    /// Whether the words around a match speak of what is to come ("will
    /// meet on Friday"): the nearest tense marker before it in its sentence,
    /// else the nearest after it.
    func isFuture(_ match: Match) -> Bool { tense(of: match) ?? false }

    /// True when the nearest tense marker speaks of the future, false of
    /// the past, nil when the sentence has none.
    func tense(of match: Match) -> Bool? {
        let start = t.sentenceStart(of: match.first), end = t.sentenceEnd(of: match.last)
        for i in stride(from: match.first - 1, through: start, by: -1) {
            if let marked = tense(i) { return marked }
        }
        for i in (match.last + 1)..<max(match.last + 1, end) {
            if let marked = tense(i) { return marked }
        }
        return nil
    }

    /// The tense token `i` marks; a participle after "be" ("will be held")
    /// leaves it to the words before.
    func tense(_ i: Int) -> Bool? {
        guard let marked = marker(i) else { return nil }
        if !marked, t.isWord(i - 1, ["be", "being"]) { return nil }
        // "X said, possibly in September": the saying's tense is not the time's.
        if !marked, t.isWord(i, TemporalLexicon.reportingVerbs), t.isMark(i + 1, ",") { return nil }
        return marked
    }

    func marker(_ i: Int) -> Bool? {
        guard let token = t[i], token.kind == .word else { return nil }
        // A capital inside a sentence is a name or a month ("from March to May"), not "may".
        if token.capitalized, !token.startsSentence { return nil }
        if TemporalLexicon.futureMarkers.contains(token.lower) { return true }
        if TemporalLexicon.pastMarkers.contains(token.lower) { return false }
        if token.lower.count > 4, token.lower.hasSuffix("ed"), !token.capitalized { return false }
        return nil
    }
}
