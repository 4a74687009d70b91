import Foundation

/// An inverted index over a corpus: every word of every article (body and
/// front matter, not page furniture) and of every event's title, summary and
/// actors, folded as `SearchTokenizer` folds them. Matches are given as raw
/// byte offsets so that every pane highlights the same bytes.
///
/// Built once after loading. Postings hold token positions (counted on from
/// article to article), phrases are checked against the token ids, and
/// prefixes are a binary search in the sorted vocabulary; the only text a
/// query reads again is the lines it draws, for their words' offsets.
public struct SearchIndex: Sendable {
    /// The vocabulary, sorted (a word is found by binary search, a prefix's
    /// words are side by side), and each word's id.
    let sortedTerms: [String]
    let sortedIDs: [Int32]
    let sourceTokens: [Tokens]
    let eventTokens: EventTokenTable
    /// Per term id, ascending: where it occurs in the articles, as a token
    /// position counted on from the article's `tokenBase`.
    let sourcePostings: [Postings]
    /// Per source, the number its first token is given in the postings (and
    /// one past the last source's last token).
    let tokenBase: [UInt32]
    /// Which token positions, counted as postings are, begin a line.
    let lineStartBits: LineStartBits
    /// Which token positions lie wholly inside some cited passage: a match
    /// with a word outside them all is outside every passage.
    let quotedTokens: PositionBits
    /// Per term id: the events, ascending, whose own text or cited passages
    /// hold the word. A keystroke unions and intersects these; positions
    /// are looked at only for phrases and for the rows on screen.
    let eventsOfTerm: EventLists
    /// Per source, the tokens wholly inside each of its citations, in the
    /// order of `corpus.citations`: a match is inside a cited passage when
    /// its tokens are among one's.
    let citedTokens: [[Range<Int32>]]
    /// Actor names and aliases, folded, with the actor they name.
    let actorNames: [(terms: [String], actor: String)]
    let eventsOfActor: [String: [Int32]]
    let indexedLines: Int
    /// The tokens of every indexed line and every event's own text.
    let totalLength: Int
    let ranking: BM25

    public let corpus: Corpus
    /// Which build this is: an index travels in an action, and actions
    /// compare; two indexes are equal when they are the same build.
    private let build = Build()
    private final class Build: Sendable {}

    public var termCount: Int { sortedTerms.count }

    /// The source whose tokens include `position` (counted as postings are).
    /// Sources without tokens share their number with the next: the last
    /// source numbered at or before the position is the one that holds it.
    func source(atPosition position: Int) -> Int {
        tokenBase.partitionPoint { Int($0) <= position } - 1
    }

    /// The line that holds the token at `position` (counted as postings
    /// are): its source, and its token positions in that source.
    func line(at position: Int) -> (source: Int, tokens: Range<Int>) {
        let source = self.source(atPosition: position), base = Int(tokenBase[source])
        let line = lineStartBits.line(around: position)
        return (source, line.lowerBound - base..<line.upperBound - base)
    }

    /// An event's searchable text, in the order its words are numbered:
    /// title, summary and actor names. Indexing reads it, and so does a
    /// row drawn, for its words' offsets; it is not kept.
    static func fields(of event: Event, in corpus: Corpus) -> [String] {
        (0..<EventTokenTable.fieldCount).map { field($0, of: event, in: corpus) }
    }

    /// One of `fields(of:in:)`, the others not made.
    static func field(_ field: Int, of event: Event, in corpus: Corpus) -> String {
        switch field {
        case 0: return event.title
        case 1: return event.summary ?? ""
        default: return event.actors.compactMap { corpus.actor($0)?.name }.joined(separator: ", ")
        }
    }
}

extension SearchIndex: Hashable {
    public static func == (a: SearchIndex, b: SearchIndex) -> Bool { a.build === b.build }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(build)) }
}
