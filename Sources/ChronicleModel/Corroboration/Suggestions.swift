import Foundation

/// Sentences of the corpus that are likely about an event but that the
/// event does not cite: where an editor should look for a missing citation.
///
/// Ranking: BM25 (k1 1.2, b 0.75) of the event's words (title and summary)
/// over every sentence of every article body, plus 3 for a sentence that
/// names the event's year (and 1 more for its month), and 1 for each of the
/// event's actors it names by any of their names. Sentences that overlap a
/// passage the event already cites are left out. A sentence of an article
/// published before the event could have happened (as coverage tells it)
/// can only report a plan or a forecast, so it ranks after every other and
/// says so, whatever its score.
public struct Suggestion: Sendable, Hashable {
    public let sourceID: String
    /// Raw byte range of the sentence.
    public let range: Range<Int>
    public let line: Int
    public let score: Double
    /// Why it ranks: the matched words, "names 2003", "names Putin", and
    /// last `beforeEventReason` when `publishedBeforeEvent`.
    public let reasons: [String]
    /// The article was published before the event could have happened.
    public let publishedBeforeEvent: Bool
}

public enum Suggestions {
    static let stopwords: Set<String> = [
        "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "at", "by", "from", "as", "is", "was",
        "are", "were", "be", "been", "its", "it", "that", "this", "their", "his", "her", "s", "has", "have", "had",
        "says", "said", "say", "will", "would", "which", "who", "into", "than", "not", "no",
    ]
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]

    /// Every sentence of a source's body (outside furniture), as raw ranges with their line.
    public static func sentences(of source: Source) -> [(range: Range<Int>, line: Int)] {
        var result: [(range: Range<Int>, line: Int)] = []
        for line in 1...max(1, source.lines.lineCount) where source.lines.lineCount > 0 && source.isBody(line: line) {
            let content = source.lines.contentRange(ofLine: line)
            var position = content.lowerBound
            while position < content.upperBound {
                let sentence = source.sentenceRange(around: position..<(position + 1))
                let trimmed = trim(sentence, in: source)
                if !trimmed.isEmpty { result.append((trimmed, line)) }
                position = max(sentence.upperBound, position + 1)
                // Step over the space between sentences.
                while position < content.upperBound && source.raw[position] == UInt8(ascii: " ") { position += 1 }
            }
        }
        return result
    }

    static func trim(_ range: Range<Int>, in source: Source) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && (source.raw[lower] == 0x20 || source.raw[lower] == 0x09) { lower += 1 }
        while upper > lower && (source.raw[upper - 1] == 0x20 || source.raw[upper - 1] == 0x09) { upper -= 1 }
        return lower..<upper
    }

    public static let beforeEventReason = "published before the event: a plan or forecast"

    public static func suggest(for event: Event, in corpus: Corpus, limit: Int = 10) -> [Suggestion] {
        // The event's own words, each once; actors count as mentions (any of
        // their names), not as words, so a long alias list cannot swamp the rest.
        let words = SearchTokenizer.terms(event.title + " " + (event.summary ?? ""))
        let actors = event.actors.compactMap { corpus.actor($0) }
        let actorNames = actors.map { actor in actor.names.map(SearchTokenizer.terms).filter { !$0.isEmpty } }
        let queryTerms = Array(Set(words.filter { !stopwords.contains($0) && $0.count > 1 }))
        let datePoint = event.date.date.start.point ?? event.date.date.end.point
        let yearTerm = datePoint.map { String($0.year) }
        let monthTerm = datePoint?.month.map { monthNames[$0 - 1] }

        var units: [(source: Source, range: Range<Int>, line: Int, terms: [String])] = []
        for source in corpus.sources {
            let cited = event.citations.filter { $0.sourceID == source.id }.map(\.passage.range)
            for sentence in sentences(of: source) where !cited.contains(where: { $0.overlaps(sentence.range) }) {
                let display = source.display
                let from = display.displayIndex(atOrAfterRaw: sentence.range.lowerBound)
                let to = display.displayIndex(atOrAfterRaw: sentence.range.upperBound)
                let terms = SearchTokenizer.tokens(utf8: display.bytes, range: from..<to).map(\.term)
                units.append((source, sentence.range, sentence.line, terms))
            }
        }
        guard !units.isEmpty else { return [] }
        let average = Double(units.reduce(0) { $0 + $1.terms.count }) / Double(units.count)
        var documentFrequency: [String: Int] = [:]
        for unit in units { for term in Set(unit.terms) where queryTerms.contains(term) { documentFrequency[term, default: 0] += 1 } }
        let n = Double(units.count)

        var ranked: [Suggestion] = []
        for unit in units {
            var counts: [String: Int] = [:]
            for term in unit.terms { counts[term, default: 0] += 1 }
            var score = 0.0
            var matched: [String] = []
            for term in queryTerms {
                guard let tf = counts[term] else { continue }
                let df = Double(documentFrequency[term] ?? 0)
                let idf = log(1 + (n - df + 0.5) / (df + 0.5))
                let f = Double(tf)
                score += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * Double(unit.terms.count) / average))
                matched.append(term)
            }
            var reasons = matched.isEmpty ? [] : ["words: " + matched.sorted().joined(separator: ", ")]
            if let yearTerm, counts[yearTerm] != nil {
                score += 3
                reasons.append("names \(yearTerm)")
                if let monthTerm, counts[monthTerm] != nil { score += 1; reasons.append("names \(monthTerm.capitalized)") }
            }
            for (actor, names) in zip(actors, actorNames) where names.contains(where: { contains(unit.terms, $0) }) {
                score += 1
                reasons.append("names \(actor.name)")
            }
            guard score > 0, !matched.isEmpty || reasons.count > 0 else { continue }
            let before = Coverage.publishedBefore(unit.source.published.date, event.date.date)
            if before { reasons.append(beforeEventReason) }
            ranked.append(Suggestion(sourceID: unit.source.id, range: unit.range, line: unit.line, score: score, reasons: reasons,
                                     publishedBeforeEvent: before))
        }
        ranked.sort {
            if $0.publishedBeforeEvent != $1.publishedBeforeEvent { return !$0.publishedBeforeEvent }
            return $0.score != $1.score ? $0.score > $1.score : ($0.sourceID, $0.range.lowerBound) < ($1.sourceID, $1.range.lowerBound)
        }
        return Array(ranked.prefix(limit))
    }

    /// Whether `terms` holds `phrase` as consecutive terms.
    static func contains(_ terms: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, terms.count >= phrase.count else { return false }
        for start in 0...(terms.count - phrase.count) where terms[start] == phrase[0] {
            if Array(terms[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }
}
