/// Where the cited passages of one event differ on a checkable detail.
public struct Disagreement: Sendable, Hashable {
    /// One reading of the detail, and who gives it.
    public struct Reading: Sendable, Hashable {
        public let text: String
        public let sourceIDs: [String]
        /// Indexes into the event's citations that state this reading.
        public let citations: [Int]
    }

    /// Which kind of difference it is. The same amount in other words
    /// ("€41 million", "€41m") is none.
    public enum Kind: String, Sendable, Hashable {
        /// Amounts no one value could be: 145 and 137 killed.
        case value = "different values"
        /// Amounts one value could be, told more or less exactly: "145" and
        /// "more than 140", "14 months" and "more than a year".
        case precision = "different precision"
        /// Recorded claims in other words, which Chronicle cannot compare.
        case words = "different words"
    }

    /// What differs: a claim's name ("place"), or what amounts measure
    /// ("people", "money (€)", "duration").
    public let subject: String
    /// True for claims an editor recorded; false for amounts found in the passages.
    public let recorded: Bool
    public let kind: Kind
    public let readings: [Reading]

    /// "place, different words": the subject and the kind, as shown.
    public var heading: String { subject + ", " + kind.rawValue + (recorded ? "" : " (found in the passages)") }

    typealias Stated = (reading: String, amount: Amount?, index: Int, source: String)

    /// Every disagreement among an event's citations: recorded claims first,
    /// then amounts found in the passages. A detail differs only when two
    /// different sources give two different readings of it. An amount a
    /// citation's claim records is not found again in its passage.
    public static func find(in event: Event, corpus: Corpus) -> [Disagreement] {
        var result: [Disagreement] = []
        var claimNames: [String] = []
        for citation in event.citations { for claim in citation.claims where !claimNames.contains(claim.name) { claimNames.append(claim.name) } }
        var claimed: [Int: [Amount]] = [:]
        for name in claimNames {
            let stated: [Stated] = event.citations.enumerated().flatMap { index, citation in
                citation.claims.filter { $0.name == name }.map { claim -> Stated in
                    let amounts = AmountReader.amounts(in: claim.value)
                    claimed[index, default: []] += amounts
                    return (claim.value, amounts.count == 1 ? amounts[0] : nil, index, citation.sourceID)
                }
            }
            if let disagreement = make(name, recorded: true, stated) { result.append(disagreement) }
        }
        var bySubject: [String: [Stated]] = [:]
        var subjects: [String] = []
        for (index, citation) in event.citations.enumerated() {
            guard let source = corpus.source(citation.sourceID) else { continue }
            for amount in AmountReader.amounts(in: citation.passage.range, of: source)
            where !(claimed[index] ?? []).contains(where: { $0.measure == amount.measure && abs($0.value - amount.value) <= 1e-9 * amount.value }) {
                if bySubject[amount.subject] == nil { subjects.append(amount.subject) }
                bySubject[amount.subject, default: []].append((amount.reading, amount, index, citation.sourceID))
            }
        }
        for subject in subjects {
            if let disagreement = make(subject, recorded: false, bySubject[subject] ?? []) { result.append(disagreement) }
        }
        return result
    }

    /// Readings that are the same amount are one reading, in the words first given.
    static func make(_ subject: String, recorded: Bool, _ stated: [Stated]) -> Disagreement? {
        var order: [Stated] = []
        var sources: [Int: [String]] = [:], citations: [Int: [Int]] = [:]
        for item in stated {
            let same = order.firstIndex { known in
                if let a = known.amount, let b = item.amount { return a.isSame(as: b) }
                return known.amount == nil && item.amount == nil && known.reading == item.reading
            }
            let at = same ?? order.count
            if same == nil { order.append(item) }
            if !(sources[at] ?? []).contains(item.source) { sources[at, default: []].append(item.source) }
            if !(citations[at] ?? []).contains(item.index) { citations[at, default: []].append(item.index) }
        }
        guard order.count >= 2 else { return nil }
        // Two readings from the same single source are one outlet's wording, not a disagreement.
        guard Set(stated.map(\.source)).count >= 2 else { return nil }
        let amounts = order.compactMap(\.amount)
        let kind: Kind
        if amounts.count < order.count {
            kind = .words
        } else if amounts.allSatisfy({ a in amounts.allSatisfy { a.isCompatible(with: $0) } }) {
            kind = .precision
        } else {
            kind = .value
        }
        let readings = order.indices.map { Reading(text: order[$0].reading, sourceIDs: sources[$0] ?? [], citations: citations[$0] ?? []) }
        return Disagreement(subject: subject, recorded: recorded, kind: kind, readings: readings)
    }
}
