import Foundation

/// A quantity a text states, normalised so that two wordings compare: money
/// (its currency and amount: "€41m" is "€41 million"), a count of a kind
/// ("145 people", "145 fatalities") or a duration ("14 months", "more than a
/// year", "two decades" is 20 years).
public struct Amount: Sendable, Hashable {
    public enum Measure: Sendable, Hashable {
        /// The currency as a symbol or code: "€", "$", "£", "RUB".
        case money(String)
        /// What is counted, normalised: "people" for fatalities and victims.
        case count(String)
        case duration
    }

    /// How the number bounds the value: "more than 140" is a lower bound.
    public enum Bound: Sendable, Hashable { case exact, moreThan, lessThan, nearly, about }

    public let measure: Measure
    /// In the measure's unit: currency units, things counted, days.
    public let value: Double
    public let bound: Bound
    /// As a reader compares it: "more than 140 people", "€41 million",
    /// "almost 20 years".
    public let reading: String
    /// UTF-8 range of the whole phrase, qualifier and unit included, in the
    /// text read (raw bytes of the article for a passage).
    public let range: Range<Int>

    /// What differing amounts of this measure are about: "people", "money
    /// (€)", "duration".
    public var subject: String {
        switch measure {
        case .money(let currency): return "money (\(currency))"
        case .count(let kind): return kind
        case .duration: return "duration"
        }
    }

    /// The same measure and value, bounded the same way: the same amount,
    /// perhaps in other words.
    public func isSame(as other: Amount) -> Bool {
        measure == other.measure && bound == other.bound && abs(value - other.value) <= 1e-9 * max(abs(value), 1)
    }

    /// The values the wording allows. "About" and "nearly" are read as
    /// within a tenth.
    var interval: ClosedRange<Double> {
        switch bound {
        case .exact: return value...value
        case .moreThan: return value...Double.greatestFiniteMagnitude
        case .lessThan: return 0...value
        case .nearly: return (value * 0.9)...value
        case .about: return (value * 0.9)...(value * 1.1)
        }
    }

    /// Whether one value could be both: "145" and "more than 140" (a
    /// difference of precision), not "145" and "137" (of value).
    public func isCompatible(with other: Amount) -> Bool {
        measure == other.measure && interval.overlaps(other.interval)
    }
}

/// Finds amounts in text. Deliberately simple and explainable: an optional
/// qualifier, a number (digits, with thousands separators, decimals or a
/// scale such as `m` or `bn`, or a number word), then what it measures (a
/// currency before or after it, a counted noun, a unit of time). A number
/// that measures nothing, and the day or year of a date, is no amount.
public enum AmountReader {
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]
    static let qualifiers: [(words: [String], bound: Amount.Bound)] = [
        (["more", "than"], .moreThan), (["at", "least"], .moreThan), (["over"], .moreThan),
        (["fewer", "than"], .lessThan), (["less", "than"], .lessThan), (["up", "to"], .lessThan), (["at", "most"], .lessThan),
        (["nearly"], .nearly), (["almost"], .nearly),
        (["about"], .about), (["around"], .about), (["some"], .about), (["roughly"], .about), (["approximately"], .about),
    ]
    static let scales: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12,
    ]
    /// Counted nouns and the kind they are compared as.
    static let counted: [String: String] = [
        "people": "people", "persons": "people", "person": "people", "fatalities": "people", "dead": "people",
        "deaths": "people", "victims": "people", "lives": "people", "casualties": "people", "civilians": "people",
        "killed": "people", "countries": "countries", "percent": "percent",
    ]
    /// Units of time: their length in days, and the unit a reading names
    /// with how many of it one is (a decade reads as 10 years).
    static let times: [String: (days: Double, unit: String, factor: Double)] = [
        "day": (1, "days", 1), "days": (1, "days", 1), "week": (7, "weeks", 1), "weeks": (7, "weeks", 1),
        "month": (30.4375, "months", 1), "months": (30.4375, "months", 1),
        "year": (365.25, "years", 1), "years": (365.25, "years", 1), "decade": (3652.5, "years", 10), "decades": (3652.5, "years", 10),
    ]
    /// Currencies named by a word or code after (or before) the number.
    static let currencyWords: [String: String] = [
        "euro": "€", "euros": "€", "eur": "€", "dollar": "$", "dollars": "$", "usd": "$", "pound": "£", "pounds": "£",
        "gbp": "£", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rub": "RUB", "yen": "¥",
    ]
    static let currencySymbols: [String: String] = ["€": "€", "$": "$", "£": "£", "¥": "¥", "₽": "RUB"]
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"]

    /// Amounts in a span of a source's raw text (a cited passage); ranges raw.
    public static func amounts(in range: Range<Int>, of source: Source) -> [Amount] {
        let display = source.display
        let from = display.displayIndex(atOrAfterRaw: range.lowerBound)
        let to = display.displayIndex(atOrAfterRaw: range.upperBound)
        guard from < to else { return [] }
        let tokens = SearchTokenizer.tokens(utf8: display.bytes, range: from..<to)
        return amounts(tokens, bytes: display.bytes).map {
            Amount(measure: $0.measure, value: $0.value, bound: $0.bound, reading: $0.reading, range: display.rawRange(of: $0.range))
        }
    }

    /// Amounts in plain text; ranges are UTF-8 offsets into it.
    public static func amounts(in text: String) -> [Amount] {
        amounts(SearchTokenizer.tokens(text), bytes: Array(text.utf8))
    }

    static func amounts(_ tokens: [SearchToken], bytes: [UInt8]) -> [Amount] {
        func between(_ a: Int, _ b: Int) -> String { String(decoding: bytes[tokens[a].end..<tokens[b].start], as: UTF8.self) }
        var found: [Amount] = []
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard let (number, scaledInToken, last) = number(at: i, tokens, between: between) else { continue }
            // "April 17", "17 April": a day of a date.
            if i > 0, months.contains(tokens[i - 1].term) { continue }
            var end = last, value = number
            if !scaledInToken, end + 1 < tokens.count, tokens[end + 1].term.count > 2, let scale = scales[tokens[end + 1].term] {
                value *= scale
                end += 1
            }
            let next = end + 1 < tokens.count ? tokens[end + 1].term : nil
            if let next, months.contains(next) { continue }
            var start = i, bound = Amount.Bound.exact, qualifier: String?
            for (words, b) in qualifiers where i >= words.count && tokens[(i - words.count)..<i].map(\.term) == words {
                (bound, qualifier, start) = (b, words.joined(separator: " "), i - words.count)
                break
            }
            let symbolLength = currencySymbolLength(before: tokens[i].start, bytes: bytes)
            let symbol = symbolLength > 0 ? currencySymbols[String(decoding: bytes[(tokens[i].start - symbolLength)..<tokens[i].start], as: UTF8.self)] : nil
            // A code before the number ("USD 5 million"), a word after ("5 million euros").
            let code = i > 0 && tokens[i - 1].term.count == 3 ? currencyWords[tokens[i - 1].term] : nil
            let measure: Amount.Measure, reading: String
            if let currency = symbol ?? code ?? next.flatMap({ currencyWords[$0] }) {
                if symbol == nil, code == nil { end += 1 }
                if symbol == nil, code != nil, start == i { start = i - 1 }
                measure = .money(currency)
                reading = currency + money(value)
            } else if let next, let kind = counted[next] {
                end += 1
                measure = .count(kind)
                reading = format(value) + " " + kind
            } else if let next, let time = times[next] {
                end += 1
                measure = .duration
                // "1 year", not "1 years".
                reading = format(value * time.factor) + " " + (value * time.factor == 1 ? String(time.unit.dropLast()) : time.unit)
                value *= time.days
            } else {
                continue
            }
            let lower = tokens[start].start - (start == i ? symbolLength : 0)
            found.append(Amount(measure: measure, value: value, bound: bound, reading: (qualifier.map { $0 + " " } ?? "") + reading,
                                range: lower..<tokens[end].end))
            i = end
        }
        return found
    }

    /// The number starting at token `i`: its value, whether a scale was
    /// written into it ("41m"), and the last token it spans ("1,200,000"
    /// and "2.5" are split by the tokenizer).
    static func number(at i: Int, _ tokens: [SearchToken], between: (Int, Int) -> String) -> (Double, Bool, Int)? {
        let term = tokens[i].term
        if let word = numberWords[term] { return (word, false, i) }
        if term == "a" || term == "an", i + 1 < tokens.count {
            if tokens[i + 1].term == "dozen" { return (12, false, i + 1) }
            return times[tokens[i + 1].term] != nil ? (1, false, i) : nil
        }
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        let digits = term.prefix(while: isDigit)
        guard !digits.isEmpty else { return nil }
        var text = String(digits), last = i
        var tail = term.dropFirst(digits.count)
        while tail.isEmpty, digits.count <= 3, last + 1 < tokens.count, between(last, last + 1) == "," {
            let group = tokens[last + 1].term.prefix(while: isDigit)
            guard group.count == 3 else { break }
            text += group
            last += 1
            tail = tokens[last].term.dropFirst(3)
        }
        if tail.isEmpty, last + 1 < tokens.count, between(last, last + 1) == "." {
            let fraction = tokens[last + 1].term.prefix(while: isDigit)
            if !fraction.isEmpty {
                text += "." + fraction
                last += 1
                tail = tokens[last].term.dropFirst(fraction.count)
            }
        }
        guard let value = Double(text) else { return nil }
        if tail.isEmpty { return (value, false, last) }
        guard let scale = scales[String(tail)] else { return nil }
        return (value * scale, true, last)
    }

    static func currencySymbolLength(before offset: Int, bytes: [UInt8]) -> Int {
        for length in [1, 2, 3] where offset - length >= 0 {
            if currencySymbols[String(decoding: bytes[(offset - length)..<offset], as: UTF8.self)] != nil { return length }
        }
        return 0
    }

    /// "41 million", "22 billion", "1.5 million", "250,000".
    static func money(_ value: Double) -> String {
        for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] where value >= scale {
            return format(value / scale) + " " + name
        }
        return format(value)
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.3g", value)
    }
}
