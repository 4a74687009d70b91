import ArgumentParser
import ChronicleModel
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search events and article text; print the hits best first (BM25).",
        discussion: """
            Matching ignores case, diacritics and typographic quotes and dashes. Every word \
            must match; "a phrase" matches in order; the last word also matches as a prefix. \
            An actor's name finds its other names too: Daesh finds ISIS-K and IS Khorasan. \
            Exit status 1 when nothing matches, as grep does.
            """
    )

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: ArgumentHelp("Words to find; quote a phrase: '\"common enemy\"'.", valueName: "query"))
    var query: [String]

    @Option(help: "Output format: text, or json (ids, byte offsets, snippets; see docs/cli.md).")
    var format: OutputFormat = .text

    @Option(help: "Print at most this many hits.")
    var limit: Int = 20

    @Option(help: ArgumentHelp("Only events with this actor (id, name or alias; members included).", valueName: "actor"))
    var actor: String?

    @Option(help: ArgumentHelp("Only events citing this source, and only its article text.", valueName: "source-id"))
    var source: String?

    @Option(help: ArgumentHelp("Only events dated within this EDTF date or interval: 2024, 2024-03/2025.", valueName: "date"))
    var within: String?

    @Option(help: ArgumentHelp("Only events with this tag.", valueName: "tag"))
    var tag: String?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let within {
            do {
                _ = try PartialDate(parsing: within)
            } catch {
                throw ValidationError("--within `\(SafeText.visible(within))` is not a date Chronicle reads: \(SafeText.visible(error.problem)); try 2024, 2024-03 or 2024/2025")
            }
        }
    }

    func run() throws {
        let cached = corpus.loadCached()
        let loaded = try corpus.accept(cached.result)
        let text = query.joined(separator: " ")
        let parsed = SearchQuery(text)
        guard !parsed.isEmpty else {
            throw CLIError.usage("the query `\(SafeText.visible(text))` has no words to search for")
        }
        if let source, loaded.source(source) == nil {
            throw CLIError.notFound("no source with id `\(SafeText.visible(source))` in \(corpus.name)")
        }
        if let actor, loaded.actors(named: actor).isEmpty {
            throw CLIError.notFound("no actor named `\(SafeText.visible(actor))` in \(corpus.name)")
        }
        let filter = EventFilter(within: within.flatMap { try? PartialDate(parsing: $0) }, actor: actor, source: source, tag: tag)
        // The command line ranks every hit, so it collects every article line.
        let hits = try corpus.withSearchIndex(of: loaded, cached) { index in
            let result = index.search(parsed, filter: filter, articleHitLimit: .max)
            let (hits, total) = result.computeRanking(top: limit)
            let out = Terminal.standardOutput
            switch format {
            case .json:
                out.write(try JSONText.encode(SearchJSON(result: result, hits: hits, total: total, corpus: loaded)) + "\n")
            case .text:
                out.write(Self.text(hits, total: total, corpus: loaded, styled: out.usesStyles))
            }
            return hits
        }
        if hits.isEmpty { throw CLIError.notFound("nothing matches `\(SafeText.visible(text))` in \(corpus.name)") }
    }

    static func text(_ hits: [SearchResult.Ranked], total: Int, corpus: Corpus, styled: Bool) -> String {
        var out = ""
        for hit in hits {
            switch hit {
            case .event(let event):
                let item = corpus.events[event.event]
                let mark = item.spine ? "★ " : ""
                out += "event  \(SafeText.visible(item.id))  \(SafeText.visible(item.date.displayText))  \(mark)"
                out += Snippet.marked(item.title, event.titleRanges, styled: styled) + "\n"
                if let summaryRange = event.summaryRanges.first, let summary = item.summary {
                    out += "       " + Snippet.around(summary, summaryRange, others: event.summaryRanges, styled: styled) + "\n"
                } else if let passage = event.passageRanges.first, let source = corpus.source(passage.sourceID) {
                    out += "       " + Snippet.inSource(source, passage.range, others: event.passageRanges.filter { $0.sourceID == source.id }.map(\.range), styled: styled) + "\n"
                }
            case .article(let article):
                guard let source = corpus.source(article.sourceID), let first = article.ranges.first else { continue }
                out += "text   \(SafeText.visible(source.id)):\(article.line)  \(SafeText.visible(source.outlet))\n"
                out += "       " + Snippet.inSource(source, first, others: article.ranges, styled: styled) + "\n"
            }
        }
        if total > hits.count { out += "(\(total - hits.count) more; --limit shows more)\n" }
        return out
    }
}

/// A line of text around a match, the matches marked: bold and underlined
/// on a terminal, »between guillemets« elsewhere.
enum Snippet {
    static let context = 60

    static func mark(_ text: String, styled: Bool) -> String {
        styled ? "\u{1B}[1;4m\(text)\u{1B}[22;24m" : "»\(text)«"
    }

    /// `text` with UTF-8 byte `ranges` marked; ranges are sorted, not overlapping.
    static func marked(_ text: String, _ ranges: [Range<Int>], styled: Bool) -> String {
        let bytes = Array(text.utf8)
        var out = "", at = 0
        for range in SearchResult.merged(ranges) where range.lowerBound >= at && range.upperBound <= bytes.count {
            out += SafeText.visible(String(decoding: bytes[at..<range.lowerBound], as: UTF8.self))
            out += mark(SafeText.visible(String(decoding: bytes[range], as: UTF8.self)), styled: styled)
            at = range.upperBound
        }
        return out + SafeText.visible(String(decoding: bytes[at...], as: UTF8.self))
    }

    /// Up to `context` bytes either side of `range` in `text`, cut at spaces.
    static func around(_ text: String, _ range: Range<Int>, others: [Range<Int>], styled: Bool) -> String {
        let bytes = Array(text.utf8)
        var from = max(0, range.lowerBound - context), to = min(bytes.count, range.upperBound + context)
        while from > 0 && bytes[from - 1] != UInt8(ascii: " ") { from -= 1 }
        while to < bytes.count && bytes[to] != UInt8(ascii: " ") { to += 1 }
        let window = String(decoding: bytes[from..<to], as: UTF8.self)
        let inside = others.filter { $0.lowerBound >= from && $0.upperBound <= to }.map { ($0.lowerBound - from)..<($0.upperBound - from) }
        let body = marked(window, inside, styled: styled).trimmingCharacters(in: .whitespacesAndNewlines)
        return (from > 0 ? "…" : "") + body + (to < bytes.count ? "…" : "")
    }

    /// The display text of the match's line in an article, around the match.
    static func inSource(_ source: Source, _ range: Range<Int>, others: [Range<Int>], styled: Bool) -> String {
        let lineRange = source.lines.contentRange(ofLine: source.lines.line(containing: range.lowerBound))
        let display = source.display
        let from = display.displayIndex(atOrAfterRaw: lineRange.lowerBound)
        let to = display.displayIndex(atOrAfterRaw: lineRange.upperBound)
        // Offsets into the decoded text, which differ from the bytes' after invalid UTF-8.
        let decoded = DecodedText(display.bytes[from..<max(from, to)])
        func local(_ raw: Range<Int>) -> Range<Int> {
            decoded.textOffset(display.displayIndex(atOrAfterRaw: raw.lowerBound) - from)
                ..< decoded.textOffset(display.displayIndex(atOrAfterRaw: raw.upperBound) - from)
        }
        let onLine = others.filter { lineRange.contains($0.lowerBound) }.map(local)
        return around(decoded.text, local(range), others: onLine, styled: styled)
    }
}

/// `chronicle search --format json`: stable, documented in docs/cli.md;
/// every key is written, `null` where a hit has no value for it.
struct SearchJSON: Encodable {
    struct Match: Encodable {
        @NullWhenAbsent var source: String?
        let field: String
        let start: Int
        let end: Int
        let text: String
    }

    struct Hit: Encodable {
        let kind: String
        let score: Double
        @NullWhenAbsent var event: String?
        @NullWhenAbsent var date: String?
        @NullWhenAbsent var title: String?
        @NullWhenAbsent var source: String?
        @NullWhenAbsent var line: Int?
        let snippet: String
        let matches: [Match]
    }

    let query: String
    let total: Int
    let hits: [Hit]

    init(result: SearchResult, hits: [SearchResult.Ranked], total: Int, corpus: Corpus) {
        query = result.query.text
        self.total = total
        self.hits = hits.map { ranked in
            let score = (ranked.score * 1000).rounded() / 1000
            switch ranked {
            case .event(let hit):
                let event = corpus.events[hit.event]
                var matches = hit.titleRanges.map { Match(source: nil, field: "title", start: $0.lowerBound, end: $0.upperBound, text: Self.slice(event.title, $0)) }
                matches += hit.summaryRanges.map { Match(source: nil, field: "summary", start: $0.lowerBound, end: $0.upperBound, text: Self.slice(event.summary ?? "", $0)) }
                matches += hit.passageRanges.map { range in
                    Match(source: range.sourceID, field: "passage", start: range.range.lowerBound, end: range.range.upperBound,
                          text: corpus.source(range.sourceID).map { $0.rawText(range.range) } ?? "")
                }
                let snippet: String
                if let first = hit.summaryRanges.first, let summary = event.summary {
                    snippet = Snippet.around(summary, first, others: hit.summaryRanges, styled: false)
                } else if let first = hit.passageRanges.first, let source = corpus.source(first.sourceID) {
                    snippet = Snippet.inSource(source, first.range, others: hit.passageRanges.filter { $0.sourceID == source.id }.map(\.range), styled: false)
                } else {
                    snippet = Snippet.marked(event.title, hit.titleRanges, styled: false)
                }
                return Hit(kind: "event", score: score, event: event.id, date: event.date.date.edtf, title: event.title,
                           source: nil, line: nil, snippet: snippet, matches: matches)
            case .article(let hit):
                let source = corpus.source(hit.sourceID)
                let matches = hit.ranges.map { Match(source: hit.sourceID, field: "text", start: $0.lowerBound, end: $0.upperBound, text: source?.rawText($0) ?? "") }
                let snippet = source.flatMap { source in hit.ranges.first.map { Snippet.inSource(source, $0, others: hit.ranges, styled: false) } } ?? ""
                return Hit(kind: "text", score: score, event: nil, date: nil, title: nil, source: hit.sourceID, line: hit.line,
                           snippet: snippet, matches: matches)
            }
        }
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        guard range.upperBound <= bytes.count else { return "" }
        return String(decoding: bytes[range], as: UTF8.self)
    }
}
