/// A dated statement of an article that no event cites: a body sentence,
/// and the expression in it that states a date outside every cited
/// passage. What `chronicle draft` lists and the browser's drafts view
/// places on the timeline; accepted, it becomes an event citing the sentence.
public struct DraftStatement: Sendable, Hashable {
    public let sourceID: String
    /// The sentence's raw byte range.
    public let sentence: Range<Int>
    public let line: Int
    public let expression: TemporalExpression

    /// Where the timeline puts it: its resolved date; "Date unknown" when
    /// the rules could not resolve it.
    public var date: PartialDate? { expression.value }
}

public enum DraftStatements {
    /// Every uncited dated statement of the corpus (or of one source), in
    /// timeline order of their dates, the unresolved last; one per
    /// expression, so a sentence naming two dates is two drafts.
    public static func find(in corpus: Corpus, source: String? = nil) -> [DraftStatement] {
        var drafts: [DraftStatement] = []
        for (position, article) in corpus.sources.enumerated() where source == nil || article.id == source {
            let cited = corpus.citations.entries(ofSource: position).map(\.range)
            drafts += find(in: article, cited: cited)
        }
        return sorted(drafts, corpus: corpus)
    }

    /// The uncited dated statements of one article, given the raw ranges
    /// its events cite.
    public static func find(in source: Source, cited: [Range<Int>]) -> [DraftStatement] {
        let sentences = Suggestions.sentences(of: source)
        var drafts: [DraftStatement] = []
        for expression in TemporalFinder.find(in: source) where expression.statesDate {
            // A date is cited when a cited passage holds its words.
            if cited.contains(where: { $0.lowerBound <= expression.range.lowerBound && expression.range.upperBound <= $0.upperBound }) { continue }
            let sentence = sentences.first { $0.range.contains(expression.range.lowerBound) }
                ?? (source.sentenceRange(around: expression.range), source.lines.line(containing: expression.range.lowerBound))
            drafts.append(DraftStatement(sourceID: source.id, sentence: sentence.range, line: sentence.line, expression: expression))
        }
        return drafts
    }

    static func sorted(_ drafts: [DraftStatement], corpus: Corpus) -> [DraftStatement] {
        let order = Dictionary(uniqueKeysWithValues: corpus.sources.enumerated().map { ($1.id, $0) })
        return drafts.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                let (sa, sb) = (order[a.element.sourceID] ?? 0, order[b.element.sourceID] ?? 0)
                return sa != sb ? sa < sb : a.offset < b.offset
            }
        }.map(\.element)
    }
}
