/// Finds every temporal expression of an article's body and resolves it
/// against the article's own date: rules for English news (in the spirit of
/// HeidelTime and SUTime, in Swift), read paragraph by paragraph: a line is
/// a paragraph, and what counts from an earlier date ("the months that
/// followed") counts from one in its own paragraph. docs/user-guide.md lists
/// the rules and what they leave out.
public struct TemporalFinder: Sendable {
    let anchor: ArticleAnchor

    /// A finder for an article published on `published`.
    public init(published: DatedValue) {
        anchor = ArticleAnchor(published)
    }

    /// The expressions of a text, each line a paragraph; ranges are UTF-8
    /// byte offsets into the text.
    public func find(in text: String) -> [TemporalExpression] {
        let bytes = Array(text.utf8)
        var found: [TemporalExpression] = []
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            found += find(in: bytes, range: start..<end)
            start = end + 1
        }
        return found
    }

    /// The expressions of one paragraph, `bytes[range]`, with ranges into `bytes`.
    func find(in bytes: [UInt8], range: Range<Int>) -> [TemporalExpression] {
        let tokens = TemporalTokens(bytes, range: range)
        guard tokens.count > 0 else { return [] }
        let matches = TemporalRules(t: tokens).matches()
        let outcomes = TemporalResolver(t: tokens, anchor: anchor).resolve(matches)
        return zip(matches, outcomes).map { match, outcome in
            let lower = tokens.tokens[match.first].range.lowerBound, upper = tokens.tokens[match.last].range.upperBound
            return TemporalExpression(range: lower..<upper, text: tokens.text(match.first, match.last), kind: outcome.kind,
                                      value: outcome.value.flatMap(TemporalCalendar.date), duration: outcome.duration,
                                      basis: outcome.basis, inferred: outcome.inferred, resolution: outcome.resolution)
        }
    }

    /// Every expression of a source's body (its body lines, furniture left
    /// out), read as shown (inline markup hidden), with raw byte ranges.
    public static func find(in source: Source) -> [TemporalExpression] {
        let lines = source.quotableRanges.flatMap { range -> [Int] in
            guard !range.isEmpty else { return [] }
            return Array(source.lines.line(containing: range.lowerBound)...source.lines.line(containing: range.upperBound - 1))
        }
        return find(in: source, lines: lines)
    }

    /// The expressions of some body lines of a source (1-based), raw ranges.
    public static func find(in source: Source, lines: some Sequence<Int>) -> [TemporalExpression] {
        let finder = TemporalFinder(published: source.published)
        let display = source.display
        var found: [TemporalExpression] = []
        for line in lines where line >= 1 && line <= source.lines.lineCount && source.isBody(line: line) {
            let content = source.lines.contentRange(ofLine: line)
            let range = display.displayIndex(atOrAfterRaw: content.lowerBound)..<display.displayIndex(atOrAfterRaw: content.upperBound)
            guard !range.isEmpty else { continue }
            found += finder.find(in: display.bytes, range: range).map { $0.moved(to: display.rawRange(of: $0.range)) }
        }
        return found
    }

    /// The expressions that lie within a raw range of a source (a cited
    /// passage), read in the context of their paragraphs.
    public static func find(in source: Source, within range: Range<Int>) -> [TemporalExpression] {
        guard !range.isEmpty, range.upperBound <= source.raw.count else { return [] }
        let lines = source.lines.line(containing: range.lowerBound)...source.lines.line(containing: range.upperBound - 1)
        return find(in: source, lines: lines).filter { range.contains($0.range.lowerBound) && $0.range.upperBound <= range.upperBound }
    }
}
