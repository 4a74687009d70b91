import Foundation

/// A first screen from a valid entry: the timeline's first events and the
/// sources they cite, read from the few sections that hold them (the
/// events and the sources without their articles, each checked whole) and
/// the cited articles' bytes alone, each checked against its SHA-256, so
/// that a large corpus's first frame does not wait for the whole entry.
extension CorpusImage {
    /// Each date the events have, once, in the order first met: what a
    /// date column's width is measured over.
    static func encodedDates(_ events: [Event]) -> [UInt8] {
        var seen = Set<DatedValue.Written>()
        var out = CacheWriter()
        var dates: [DatedValue.Written] = []
        for k in events.indices where seen.insert(events[k].date.written).inserted { dates.append(events[k].date.written) }
        out.count(dates.count)
        for date in dates {
            out.string(date.edtf)
            out.bool(date.inferred)
        }
        return out.bytes
    }

    /// Nil when the corpus has errors: as a load from the files, the first
    /// screen then waits for the whole corpus.
    static func preview(_ file: CacheFile, count: Int) throws(CacheDamage) -> CorpusPreview? {
        let meta = try Meta.read(from: file)
        // Only the first events' dates are parsed, not every date of the corpus.
        let shared = try tables(file, parsingDates: false)
        var diagnosticsInput = CacheReader(try file.section(Section.diagnostics))
        guard !(try diagnosticsInput.diagnostics(shared)).hasErrors else { return nil }
        var head = CacheReader(try file.section(Section.actors))
        let title = try head.optionalString(), description = try head.optionalString()
        var actors: [Actor] = []
        for _ in 0..<(try head.count(bytesEach: 4)) { actors.append(try head.actor()) }

        let eventTable = try TableSection(try file.section(Section.events))
        var events: [Event] = []
        for index in 0..<min(count, eventTable.count) {
            var input = try eventTable.item(index)
            events.append(try input.event(shared))
        }
        let cited = Set(events.flatMap { $0.citations.map(\.sourceID) })
        // Every source's id (each item's first field after its span), to
        // find the cited ones; those are read whole.
        let sourceTable = try TableSection(try file.section(Section.sources))
        var sources: [Source] = []
        for index in 0..<sourceTable.count {
            var peek = try sourceTable.item(index)
            _ = try peek.range()
            guard cited.contains(try peek.string()) else { continue }
            var input = try sourceTable.item(index)
            let span = try input.range()
            let raw = Array(try file.piece(of: Section.articles, span))
            let source = try input.source(raw: raw)
            guard SHA256.hex(raw) == source.sha256 else { throw CacheDamage("an article's bytes differ from its checksum") }
            sources.append(source)
        }

        var datesInput = CacheReader(try file.section(Section.dates))
        var dates: [DatedValue] = []
        for _ in 0..<(try datesInput.count(bytesEach: 2)) {
            let text = try datesInput.string(), inferred = try datesInput.bool()
            dates.append(DatedValue(date: try CorpusDecoding.parsed(text), inferred: inferred))
        }
        var preview = CorpusPreview(corpus: Corpus(title: title, description: description, sources: sources, actors: actors, events: events),
                                    eventCount: meta.eventCount, sourceCount: meta.sourceCount, dates: dates)
        preview.fromCache = true
        return preview
    }
}

extension DatedValue {
    /// What a date column shows of a date: as written, and whether inferred.
    struct Written: Hashable {
        let edtf: String
        let inferred: Bool
    }

    var written: Written { Written(edtf: date.edtf, inferred: inferred) }
}
