/// A number a passage states about something countable: "145 people",
/// "more than 140 people", "nearly two decades".
public struct Quantity: Sendable, Hashable {
    public let value: Int
    /// "more than", "nearly", "some", …; nil for a plain number.
    public let qualifier: String?
    /// What is counted, folded as written: "people", "fatalities".
    public let noun: String
    /// What is counted, normalised so outlets can be compared: "people" for
    /// fatalities and victims, "years" for decades (counted in years).
    public let kind: String
    /// The value in the kind's unit (two decades: 20 years).
    public let amount: Int
    /// Raw byte range of the whole phrase in its source.
    public let range: Range<Int>

    /// "more than 140", "145", "nearly 20": how the amount is compared.
    public var reading: String { (qualifier.map { $0 + " " } ?? "") + String(amount) }
}

/// Finds quantities in text. Deliberately simple and explainable: a number
/// (digits, or a number word), an optional qualifier just before it, and the
/// word after it as what is counted. Years and days of dates are skipped.
public enum QuantityExtractor {
    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]
    static let qualifiers: [[String]] = [
        ["more", "than"], ["fewer", "than"], ["less", "than"], ["at", "least"], ["up", "to"], ["over"], ["nearly"],
        ["almost"], ["about"], ["around"], ["some"], ["roughly"], ["approximately"], ["at", "most"],
    ]
    /// Counted nouns and the kind they are compared as, with a unit factor.
    static let kinds: [String: (kind: String, factor: Int)] = [
        "people": ("people", 1), "persons": ("people", 1), "person": ("people", 1), "fatalities": ("people", 1),
        "dead": ("people", 1), "deaths": ("people", 1), "victims": ("people", 1), "lives": ("people", 1),
        "casualties": ("people", 1), "civilians": ("people", 1), "killed": ("people", 1),
        "years": ("years", 1), "year": ("years", 1), "decades": ("years", 10), "decade": ("years", 10),
        "months": ("months", 1), "month": ("months", 1), "days": ("days", 1), "day": ("days", 1),
        "countries": ("countries", 1), "million": ("million", 1), "percent": ("percent", 1),
    ]
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"]

    /// Quantities in a span of a source's raw text (a cited passage).
    public static func quantities(in range: Range<Int>, of source: Source) -> [Quantity] {
        let display = source.display
        let from = display.displayIndex(atOrAfterRaw: range.lowerBound)
        let to = display.displayIndex(atOrAfterRaw: range.upperBound)
        guard from < to else { return [] }
        let tokens = SearchTokenizer.tokens(utf8: display.bytes, range: from..<to)
        return quantities(tokens).map { found in
            let raw = display.rawRange(of: found.range)
            return Quantity(value: found.value, qualifier: found.qualifier, noun: found.noun, kind: found.kind,
                            amount: found.amount, range: raw)
        }
    }

    /// Quantities in plain text; ranges are UTF-8 offsets into it.
    public static func quantities(in text: String) -> [Quantity] {
        quantities(SearchTokenizer.tokens(text)).map {
            Quantity(value: $0.value, qualifier: $0.qualifier, noun: $0.noun, kind: $0.kind, amount: $0.amount, range: $0.range)
        }
    }

    static func quantities(_ tokens: [SearchToken]) -> [(value: Int, qualifier: String?, noun: String, kind: String, amount: Int, range: Range<Int>)] {
        var found: [(value: Int, qualifier: String?, noun: String, kind: String, amount: Int, range: Range<Int>)] = []
        for (i, token) in tokens.enumerated() {
            guard let value = Int(token.term) ?? numberWords[token.term], i + 1 < tokens.count else { continue }
            // "April 17", "17 April": a day of a date, not a count.
            if i > 0, months.contains(tokens[i - 1].term) { continue }
            if months.contains(tokens[i + 1].term) { continue }
            let noun = tokens[i + 1].term
            guard let kind = kinds[noun] else { continue }
            var start = token.start
            var qualifier: String?
            for words in qualifiers where i >= words.count {
                let before = tokens[(i - words.count)..<i].map(\.term)
                if before == words {
                    qualifier = words.joined(separator: " ")
                    start = tokens[i - words.count].start
                    break
                }
            }
            found.append((value, qualifier, noun, kind.kind, value * kind.factor, start..<tokens[i + 1].end))
        }
        return found
    }
}

/// Where the cited passages of one event differ on a checkable detail.
public struct Disagreement: Sendable, Hashable {
    /// One reading of the detail, and who gives it.
    public struct Reading: Sendable, Hashable {
        public let text: String
        public let sourceIDs: [String]
        /// Indexes into the event's citations that state this reading.
        public let citations: [Int]
    }

    /// What differs: a claim's name ("place"), or a counted kind ("people").
    public let subject: String
    /// True for claims an editor recorded; false for detected numbers.
    public let recorded: Bool
    public let readings: [Reading]

    /// Every disagreement among an event's citations: recorded claims first,
    /// then numbers detected in the passages. A detail differs only when two
    /// different sources give two different readings of it.
    public static func find(in event: Event, corpus: Corpus) -> [Disagreement] {
        var result: [Disagreement] = []
        var claimNames: [String] = []
        for citation in event.citations { for claim in citation.claims where !claimNames.contains(claim.name) { claimNames.append(claim.name) } }
        for name in claimNames {
            let stated = event.citations.enumerated().flatMap { index, citation in
                citation.claims.filter { $0.name == name }.map { (reading: $0.value, index: index, source: citation.sourceID) }
            }
            if let disagreement = make(name, recorded: true, stated) { result.append(disagreement) }
        }
        var byKind: [String: [(reading: String, index: Int, source: String)]] = [:]
        var kinds: [String] = []
        for (index, citation) in event.citations.enumerated() {
            guard let source = corpus.source(citation.sourceID) else { continue }
            for quantity in QuantityExtractor.quantities(in: citation.passage.range, of: source) {
                if byKind[quantity.kind] == nil { kinds.append(quantity.kind) }
                byKind[quantity.kind, default: []].append((quantity.reading + " " + quantity.kind, index, citation.sourceID))
            }
        }
        for kind in kinds {
            if let disagreement = make(kind, recorded: false, byKind[kind] ?? []) { result.append(disagreement) }
        }
        return result
    }

    static func make(_ subject: String, recorded: Bool, _ stated: [(reading: String, index: Int, source: String)]) -> Disagreement? {
        var order: [String] = []
        var sources: [String: [String]] = [:], citations: [String: [Int]] = [:]
        for item in stated {
            if sources[item.reading] == nil { order.append(item.reading) }
            if !(sources[item.reading] ?? []).contains(item.source) { sources[item.reading, default: []].append(item.source) }
            if !(citations[item.reading] ?? []).contains(item.index) { citations[item.reading, default: []].append(item.index) }
        }
        guard order.count >= 2 else { return nil }
        // Two readings from the same single source are one outlet's wording, not a disagreement.
        let distinctSources = Set(stated.map(\.source))
        guard distinctSources.count >= 2 else { return nil }
        let readings = order.map { Reading(text: $0, sourceIDs: sources[$0] ?? [], citations: citations[$0] ?? []) }
        return Disagreement(subject: subject, recorded: recorded, readings: readings)
    }
}
