import XCTest
@testable import ChronicleModel

/// Everything a load gives, as lines of text: two loads that print the same
/// are the same corpus, with the same messages in the same order.
enum LoadDump {
    static func lines(_ result: CorpusLoadResult) -> [String] {
        let corpus = result.corpus
        var out = ["title \(corpus.title ?? "-") | \(corpus.description ?? "-")"]
        for actor in corpus.actors {
            out.append("actor \(actor.id) \(actor.name) \(actor.kind ?? "-") \(actor.aliases) \(actor.partOf ?? "-")")
        }
        for (position, source) in corpus.sources.enumerated() {
            out.append("source \(source.id) \(source.file) \(source.outlet) \(source.title ?? "-") \(source.byline ?? "-") \(source.dateline ?? "-")"
                + " \(source.agency ?? "-") \(source.url ?? "-") \(source.language ?? "-") \(date(source.published))")
            out.append("  bytes \(source.raw.count) \(SHA256.hex(source.raw)) pinned \(source.sha256) lines \(source.lines.lineCount)")
            out.append("  display \(source.display.bytes.count) \(SHA256.hex(source.display.bytes)) hidden \(source.display.hiddenRanges)")
            out.append("  body \(source.body) furniture \(source.furniture.map { "\($0.lines) \($0.label ?? "-")" }) quotable \(source.quotableRanges)")
            out.append("  passages \(corpus.citations.passages(ofSource: position, events: corpus.events).map { "\($0.range) \($0.line) \($0.eventIDs)" })")
            out.append("  events \(corpus.eventCounts.ofSource[position])")
            XCTAssertEqual(corpus.sourcePosition(source.id), position)
        }
        for (position, event) in corpus.events.enumerated() {
            out.append("event \(event.id) \(date(event.date)) \(event.title) | \(event.summary ?? "-") \(event.actors) \(event.tags) \(event.spine) \(event.location)")
            for citation in event.citations {
                let passage = citation.passage
                out.append("  cites \(passage.sourceID) \(passage.range) \(passage.line)-\(passage.endLine) \(passage.exact) | \(passage.prefix ?? "-") | \(passage.suffix ?? "-")"
                    + " at \(citation.location) \(citation.claims.map { "\($0.name)=\($0.value)" })")
            }
            XCTAssertEqual(corpus.eventPosition(event.id), position)
        }
        out.append("actor counts \(corpus.eventCounts.ofActor.sorted { $0.key < $1.key })")
        out.append("tag counts \(corpus.eventCounts.ofTag.sorted { $0.key < $1.key })")
        out += result.diagnostics.map { "message \($0.description)" }
        return out
    }

    static func date(_ value: DatedValue) -> String {
        "\(value.date.edtf) \(value.date.displayText) \(value.inferred) \(value.basis ?? "-")"
    }

    /// Fails at the first line that differs, naming both.
    static func assertSame(_ a: CorpusLoadResult, _ b: CorpusLoadResult, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let left = lines(a), right = lines(b)
        for (k, (x, y)) in zip(left, right).enumerated() where x != y {
            XCTFail("\(what): line \(k) differs:\n  \(x)\n  \(y)", file: file, line: line)
            return
        }
        XCTAssertEqual(left.count, right.count, "\(what): one dump is longer", file: file, line: line)
    }
}
