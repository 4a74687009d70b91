/// Dates printed as such: days in words and in figures, months, parts of a
/// year, decades, centuries, year ranges and years.
extension TemporalRules {
    /// "May 02, 2025", "17 April 2025", "Friday, May 2", "April 17", "the
    /// 17th of April": a day, its year printed or given by the article.
    func fullDate(at i: Int) -> Match? {
        var start = i
        if let token = t[i], token.kind == .word, TemporalLexicon.weekdays.contains(token.lower) {
            start = t.isMark(i + 1, ",") ? i + 2 : i + 1
            guard let match = fullDate(at: start) else { return nil }
            return Match(first: i, last: match.last, kind: match.kind, meaning: match.meaning)
        }
        // Month first: "May 02, 2025", "Sept. 5".
        if let (m, a) = month(at: start, allowShort: true), let (d, b) = day(at: a + 1), !isTimeOfDay(after: b) {
            if t.isMark(b + 1, ","), let y = yearNumber(at: b + 2) { return day(y, m, d, i, b + 2) }
            if let y = yearNumber(at: b + 1) { return day(y, m, d, i, b + 1) }
            return Match(first: i, last: b, kind: .date, meaning: .monthDay(month: m, day: d))
        }
        // Day first: "17 April 2025", "the 17th of April".
        var j = start
        if t.isWord(j, "the"), t[j + 1]?.kind == .alphanumeric { j += 1 }
        if let (d, a) = day(at: j) {
            var k = a + 1
            if t.isWord(k, "of") { k += 1 }
            guard let (m, b) = month(at: k, allowShort: true) else { return nil }
            if t.isMark(b + 1, ","), let y = yearNumber(at: b + 2) { return day(y, m, d, i, b + 2) }
            if let y = yearNumber(at: b + 1) { return day(y, m, d, i, b + 1) }
            return Match(first: i, last: b, kind: .date, meaning: .monthDay(month: m, day: d))
        }
        return nil
    }

    /// "17:30" or "17.30" after a day number is a time, not "April 17".
    func isTimeOfDay(after i: Int) -> Bool {
        (t.isMark(i + 1, ":") && t.joined(i + 1)) || (t[i + 1]?.kind == .word && ["am", "pm"].contains(t.lower(i + 1) ?? ""))
    }

    private func day(_ y: Int, _ m: Int, _ d: Int, _ first: Int, _ last: Int) -> Match {
        guard TemporalCalendar.isValid(year: y, month: m, day: d) else {
            return Match(first: first, last: last, kind: .date,
                         meaning: .unresolvable("\(TemporalLexicon.months[m - 1].capitalized) \(y) has no day \(d)"))
        }
        return Match(first: first, last: last, kind: .date, meaning: .printed(TemporalCalendar.Day(year: y, month: m, day: d).edtf))
    }

    /// "2025-05-02", "02.05.2025" (day first), "02/05/2025" (day or month
    /// first: resolved only when one of them is over 12).
    func numericDate(at i: Int) -> Match? {
        guard let a = t[i], a.kind == .number, let first = a.number, let separator = t.lower(i + 1),
              ["-", ".", "/"].contains(separator), t.joined(i + 1), t.joined(i + 2), let b = t[i + 2]?.number,
              t.lower(i + 3) == separator, t.joined(i + 3), t.joined(i + 4), let c = t[i + 4], c.kind == .number, let third = c.number else { return nil }
        if a.digits == 4, t[i + 2]?.digits == 2, c.digits == 2, separator != "." {
            return day(first, b, third, i, i + 4)
        }
        guard a.digits <= 2, (t[i + 2]?.digits ?? 0) <= 2, c.digits == 4 else { return nil }
        switch separator {
        case ".", "-": return day(third, b, first, i, i + 4)
        default:
            if first > 12 && b <= 12 { return day(third, b, first, i, i + 4) }
            if b > 12 && first <= 12 { return day(third, first, b, i, i + 4) }
            if first == b { return day(third, b, first, i, i + 4) }
            let text = t.text(i, i + 4)
            return Match(first: i, last: i + 4, kind: .date,
                         meaning: .unresolvable("“\(text)” could be day first or month first; the words do not say which"))
        }
    }

    /// "March 2024", "March of 2024", "early March 2024"; "mid-March" and
    /// "late March" (no year) as months.
    func monthAndYear(at i: Int) -> Match? {
        var j = i
        var part: String?
        if let word = t.lower(i), ["early", "mid", "late"].contains(word) {
            part = word
            j = t.isMark(i + 1, "-") && t.joined(i + 1) ? i + 2 : i + 1
        } else if t.isWord(i, "the"), let word = t.lower(i + 1), ["end", "beginning", "start", "middle"].contains(word), t.isWord(i + 2, "of") {
            // "the end of May": the month (EDTF has no part of one); "the end of May's term" a name.
            part = word
            j = i + 3
            if t.isMark(j + 1, "'"), t.joined(j + 1) { return nil }
        }
        guard let (m, a) = month(at: j, allowShort: part == nil) else { return nil }
        if t.isWord(a + 1, "of"), let y = yearNumber(at: a + 2) { return month(y, m, i, a + 2) }
        if let y = yearNumber(at: a + 1) { return month(y, m, i, a + 1) }
        guard part != nil, day(at: a + 1) == nil else { return nil }
        return Match(first: i, last: a, kind: .relative, meaning: .month(m, .bare))
    }

    private func month(_ y: Int, _ m: Int, _ first: Int, _ last: Int) -> Match {
        Match(first: first, last: last, kind: .date, meaning: .printed(TemporalCalendar.Month(year: y, month: m).edtf))
    }

    /// "early 2024", "mid-2021", "the end of 2024", "the first quarter of
    /// 2024", "Q3 2023", "the second half of 2024", "H1 2024", "summer
    /// 2024", "the summer of 2024": EDTF's parts of a year.
    func partOfYear(at i: Int) -> Match? {
        let start = i
        var j = t.isWord(i, "the") ? i + 1 : i
        guard let word = t.lower(j) else { return nil }
        var part: SubYear?
        switch word {
        case "early", "mid", "late":
            guard j == i else { return nil }
            part = word == "early" ? .firstThird : word == "mid" ? .secondThird : .thirdThird
            j += t.isMark(j + 1, "-") && t.joined(j + 1) ? 2 : 1
        case "beginning", "start", "end", "close", "middle":
            guard j > i, t.isWord(j + 1, "of") else { return nil }
            part = word == "middle" ? .secondThird : (word == "end" || word == "close") ? .thirdThird : .firstThird
            j += 2
        case "first", "second", "third", "fourth":
            if t.isWord(j + 1, "quarter"), t.isWord(j + 2, "of") {
                part = [SubYear.firstQuarter, .secondQuarter, .thirdQuarter, .fourthQuarter][["first", "second", "third", "fourth"].firstIndex(of: word) ?? 0]
                j += 3
            } else if t.isWord(j + 1, "half"), t.isWord(j + 2, "of"), word == "first" || word == "second" {
                part = word == "first" ? .firstHalf : .secondHalf
                j += 3
            }
        case "q1", "q2", "q3", "q4":
            guard j == i else { return nil }
            part = [SubYear.firstQuarter, .secondQuarter, .thirdQuarter, .fourthQuarter][Int(word.dropFirst()).map { $0 - 1 } ?? 0]
            j += 1
        case "h1", "h2":
            guard j == i else { return nil }
            part = word == "h1" ? .firstHalf : .secondHalf
            j += 1
        default:
            if let season = SubYear.season(named: word) {
                part = season
                j += t.isWord(j + 1, "of") ? 2 : 1
            }
        }
        guard let part, let y = yearNumber(at: j), let date = try? PartialDate(year: y, part) else { return nil }
        return Match(first: start, last: j, kind: .date, meaning: .printed(date.edtf))
    }

    /// "the 1980s", "1990s", "the '80s", "the eighties", "the early 2000s"
    /// (a decade: EDTF has no early part of one); "the 1900s" is the
    /// century, as it is read.
    func decade(at i: Int) -> Match? {
        var j = i
        let hasThe = t.isWord(j, "the")
        if hasThe { j += 1 }
        if let word = t.lower(j), ["early", "mid", "late"].contains(word) {
            j += t.isMark(j + 1, "-") && t.joined(j + 1) ? 2 : 1
        }
        // "the '80s"
        if hasThe, t.isMark(j, "'"), t[j + 1]?.kind == .alphanumeric, t.joined(j + 1) { j += 1 }
        guard let token = t[j] else { return nil }
        var century: Int?, decade: Int?
        if token.kind == .alphanumeric, token.lower.hasSuffix("s") {
            let digits = token.lower.dropLast()
            if digits.count == 4, let n = Int(digits), n % 10 == 0, (1000...2990).contains(n) {
                century = n / 100
                decade = n % 100 / 10
            } else if digits.count == 2, let n = Int(digits), n % 10 == 0, hasThe || (t.isMark(j - 1, "'") && t.joined(j)) {
                century = 19
                decade = n / 10
            }
        } else if token.kind == .number, token.digits == 4, let n = token.number, n % 10 == 0, t.isMark(j + 1, "'"), t.joined(j + 1),
                  t.isWord(j + 2, "s"), t.joined(j + 2) {
            century = n / 100
            decade = n % 100 / 10
            j += 2
        } else if token.kind == .word, hasThe, let n = TemporalLexicon.decadeWords[token.lower] {
            century = 19
            decade = n / 10
        }
        guard let century, let decade else { return nil }
        let first = hasThe && !premodifies(after: j) ? i : (hasThe ? i + 1 : i)
        guard first <= j else { return nil }
        let yearText = TemporalCalendar.yearText(century * 100 + decade * 10)
        let edtf = decade == 0 && century != 20 ? String(yearText.prefix(2)) + "XX" : String(yearText.prefix(3)) + "X"
        return Match(first: first, last: j, kind: .date, meaning: .printed(edtf))
    }

    /// Whether the word after token `j` is a noun the expression modifies
    /// ("the 1980s war"), so "the" belongs to that noun, not to the time.
    func premodifies(after j: Int) -> Bool {
        guard let next = t[j + 1], next.kind == .word, next.spaceBefore, !next.capitalized else { return false }
        return !Self.functionWords.contains(next.lower)
    }

    /// Words before a number that make it a year premodifying a noun ("the 2024 elections").
    static let yearDeterminers: Set<String> = ["the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these",
                                               "those", "whose", "a", "an"]

    /// Time words that as often come before a count ("of 2000 protesters",
    /// "by 2000 votes", "around 1500 families").
    static let countingPrepositions: Set<String> = ["of", "by", "from", "around", "circa", "between", "as"]

    static let functionWords: Set<String> = ["and", "or", "but", "when", "as", "to", "with", "in", "on", "at", "for", "by", "from",
                                             "of", "until", "since", "that", "which", "who", "before", "after", "was", "were",
                                             "is", "are", "had", "has", "have", "saw", "the", "a", "an", "into", "than", "while",
                                             "through", "during", "under", "over", "against", "between", "amid", "because", "so",
                                             "it", "he", "she", "they", "we", "you", "i", "his", "her", "its", "their", "our",
                                             "there", "then", "also", "where", "became", "brought", "onward", "onwards", "only",
                                             "alone", "too", "again", "already", "still", "nor", "yet", "if", "whose", "will",
                                             "would", "did", "could", "should", "may", "might", "be", "been", "about", "around"]

    /// "the 19th century", "the twentieth century", "the early 21st
    /// century": its hundred years, first to last.
    func century(at i: Int) -> Match? {
        var j = t.isWord(i, "the") ? i + 1 : i
        if let word = t.lower(j), ["early", "mid", "late"].contains(word) { j += t.isMark(j + 1, "-") && t.joined(j + 1) ? 2 : 1 }
        var n: Int?
        if let token = t[j], token.kind == .alphanumeric, ["st", "nd", "rd", "th"].contains(String(token.lower.suffix(2))) {
            n = Int(token.lower.dropLast(2))
        } else if let word = t.lower(j) {
            n = TemporalLexicon.ordinalWords[word]
            if word == "twenty", t.isMark(j + 1, "-"), t.isWord(j + 2, "first") { n = 21; j += 2 }
        }
        guard let n, (1...30).contains(n) else { return nil }
        var k = j + 1
        if t.isMark(k, "-") && t.joined(k) { k += 1 }
        guard t.isWord(k, "century") else { return nil }
        let edtf = TemporalCalendar.yearText((n - 1) * 100 + 1) + "/" + TemporalCalendar.yearText(n * 100)
        return Match(first: i, last: k, kind: .date, meaning: .printed(edtf))
    }

    /// "2001-2021", "1979–89", "2024-25", "the 2022/23 season": the years from one to the other.
    func yearRange(at i: Int) -> Match? {
        guard let from = yearNumber(at: i), t.isMark(i + 1, "-") || t.isMark(i + 1, "/"), t.joined(i + 1), t.joined(i + 2), let end = t[i + 2],
              end.kind == .number, let n = end.number, !t.isMark(i + 3, "-") else { return nil }
        let to = end.digits == 4 ? n : end.digits == 2 ? from / 100 * 100 + n : -1
        guard to > from, to - from < 200 else { return nil }
        return Match(first: i, last: i + 2, kind: .date,
                     meaning: .printed(TemporalCalendar.yearText(from) + "/" + TemporalCalendar.yearText(to)))
    }

    /// A year: "2003", "in 1848", "300 BC", "AD 800". A number counts
    /// rather than dates when a noun it counts follows ("2000 troops"), when
    /// it is money or a share, or, outside 1900–2099, when no time word
    /// comes before it.
    func year(at i: Int) -> Match? {
        guard let token = t[i] else { return nil }
        if token.kind == .number, let n = token.number, token.digits <= 4, n > 0 {
            if let era = t.lower(i + 1), ["bc", "bce"].contains(era) {
                return Match(first: i, last: i + 1, kind: .date, meaning: .printed(TemporalCalendar.yearText(1 - n)))
            }
            if let era = t.lower(i + 1), ["ad", "ce"].contains(era), t[i + 1]?.capitalized == true {
                return Match(first: i, last: i + 1, kind: .date, meaning: .printed(TemporalCalendar.yearText(n)))
            }
        }
        if token.kind == .word, token.lower == "ad", token.capitalized, let next = t[i + 1], next.kind == .number, let n = next.number, n > 0, next.digits <= 4 {
            return Match(first: i, last: i + 1, kind: .date, meaning: .printed(TemporalCalendar.yearText(n)))
        }
        guard let y = yearNumber(at: i) else { return nil }
        // Money, shares, numbers in a run of figures.
        if let before = t[i - 1], !token.spaceBefore, before.kind == .mark, ["$", "€", "£", "¥", "#", "+", "-", "/", ":", "."].contains(before.lower) { return nil }
        if let after = t[i + 1], !after.spaceBefore, after.kind == .mark, ["%", "/", ":", "-"].contains(after.lower) { return nil }
        if let after = t[i + 1], after.kind == .word, !after.capitalized, TemporalLexicon.countedNouns.contains(after.lower) { return nil }
        // "2000 demonstrators", "some 1500 fighters": a plural noun counted, unless
        // a determiner, a name or a time word that does not also count ("in 2019
        // protests erupted", not "a crowd of 2000 protesters") makes the number its year.
        if let after = t[i + 1], after.kind == .word, !after.capitalized, after.lower.count > 3, after.lower.hasSuffix("s"),
           !after.lower.hasSuffix("ss"), !t.isWord(i - 1, Self.yearDeterminers), !(t.isWord(i - 1, "s") && t.isMark(i - 2, "'")),
           !isTimeWord(i - 1) || t.isWord(i - 1, Self.countingPrepositions),
           t[i - 1].map({ $0.kind != .word || !$0.capitalized || $0.startsSentence }) ?? true { return nil }
        if let after = t[i + 1], after.kind == .word, TemporalLexicon.unit(after.lower) != nil { return nil }
        if t.isWord(i - 1, TemporalLexicon.numberedNouns), t[i - 1]?.capitalized == true || t.isWord(i - 1, "no") { return nil }
        // "between 1200 and 1300": the second year is one as the first is.
        let secondOfTwo = t.isWord(i - 1, ["and", "to"]) && yearNumber(at: i - 2) != nil && isTimeWord(i - 3)
        guard (1900...2099).contains(y) || isTimeWord(i - 1) || secondOfTwo else { return nil }
        return Match(first: i, last: i, kind: .date, meaning: .printed(TemporalCalendar.yearText(y)))
    }
}
