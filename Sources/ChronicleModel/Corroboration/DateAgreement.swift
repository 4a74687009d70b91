/// Where an event's date disagrees with the dates its own cited passages
/// state: a passage that states dates (as the date finder reads them, in
/// its paragraph) none of which can mean a day the event's date can. An
/// event dated 2003 citing "was listed in 2004" disagrees; one dated April
/// 2025 citing "last month" in an article of 2 May 2025 agrees. `validate`
/// gives each as a note: sources can differ, and the event may follow one.
public enum DateAgreement {
    public struct Disagreement: Sendable, Hashable {
        public let eventID: String
        /// The citation's index in the event.
        public let citation: Int
        public let sourceID: String
        public let line: Int
        /// The dates the passage states, none agreeing with the event's.
        public let stated: [TemporalExpression]
        public let message: String
        public let hint: String
    }

    public static func disagreements(for event: Event, in corpus: Corpus) -> [Disagreement] {
        var found: [Disagreement] = []
        for (index, citation) in event.citations.enumerated() {
            guard let source = corpus.source(citation.sourceID) else { continue }
            let stated = TemporalFinder.find(in: source, within: citation.passage.range).filter { $0.statesDate && $0.value != nil }
            guard !stated.isEmpty, !stated.contains(where: { $0.value.map(event.date.date.overlaps) == true }) else { continue }
            let says = stated.map { "“\($0.text)” (\($0.value?.displayText ?? ""))" }.joined(separator: " and ")
            let message = "event `\(event.id)` is dated \(event.date.date.displayText), but its passage [\(index + 1)] in "
                + "\(source.outlet) (line \(citation.passage.line)) says \(says)"
            found.append(Disagreement(eventID: event.id, citation: index, sourceID: source.id, line: citation.passage.line, stated: stated,
                                      message: message,
                                      hint: "check the date against the passage; where the sources differ, say in `date_basis` which the date follows"))
        }
        return found
    }

    /// Where the event's date is stated in its cited passages: the
    /// expressions whose value is the event's date, each with its citation.
    public static func statements(of event: Event, in corpus: Corpus) -> [(citation: Int, source: Source, expression: TemporalExpression)] {
        var found: [(Int, Source, TemporalExpression)] = []
        let date = event.date.date
        for (index, citation) in event.citations.enumerated() {
            guard let source = corpus.source(citation.sourceID) else { continue }
            for expression in TemporalFinder.find(in: source, within: citation.passage.range) {
                guard let value = expression.value, value.start == date.start, value.end == date.end else { continue }
                found.append((index, source, expression))
            }
        }
        return found
    }
}
