import Foundation

/// Each events file's events as loading left them (`AnchoredEventsFile`),
/// in their own section of an entry: read only when the entry is out of
/// date, so that a load after a change takes every events file the change
/// cannot have touched instead of parsing and anchoring it again.
extension CorpusImage {
    static func encodedParts(_ parts: [String: AnchoredEventsFile], corpus: Corpus, _ shared: inout CorpusEncoding) -> [UInt8] {
        var out = CacheWriter()
        out.count(parts.count)
        for (name, part) in parts.sorted(by: { $0.key < $1.key }) {
            out.string(name)
            out.diagnostics(part.report, &shared)
            out.count(part.citedSources.count)
            for id in part.citedSources { out.string(id) }
            out.count(part.outcomes.count)
            // By index, not `for outcome in`: a copy of each outcome (and
            // its event) retained every string it holds.
            for k in part.outcomes.indices {
                out.diagnostics(part.outcomes[k].before, &shared)
                out.bool(part.outcomes[k].id != nil)
                if let (id, location) = part.outcomes[k].id {
                    out.string(id)
                    out.location(location, &shared)
                }
                out.diagnostics(part.outcomes[k].after, &shared)
                switch part.outcomes[k].item {
                case .none: out.u8(0)
                case .some(.none): out.u8(1)
                case .some(.some(let event)):
                    // An event the corpus holds is named; one it does not
                    // (its id was taken first elsewhere) is written whole.
                    if let position = corpus.eventPosition(event.id), corpus.events[position].location == event.location {
                        out.u8(2)
                    } else {
                        out.u8(3)
                        out.event(event, &shared)
                    }
                }
            }
        }
        return out.bytes
    }

    /// The entry's events files, each with the entry's own events (`events`,
    /// as `events(_:_:)` read them) where they were named.
    static func parts(_ file: CacheFile, events: [Event], _ shared: CorpusDecoding) throws(CacheDamage) -> [String: AnchoredEventsFile] {
        // The corpus's events have an id each.
        var eventOfID: [String: Int] = [:]
        eventOfID.reserveCapacity(events.count)
        for (index, event) in events.enumerated() { eventOfID[event.id] = index }
        var input = CacheReader(try file.section(Section.eventsFiles))
        var parts: [String: AnchoredEventsFile] = [:]
        for _ in 0..<(try input.count(bytesEach: 4)) {
            let name = try input.string()
            let report = try input.diagnostics(shared)
            var cited: [String] = []
            for _ in 0..<(try input.count(bytesEach: 1)) { cited.append(try input.string()) }
            var outcomes: [CorpusReader.Outcome<Event?>] = []
            for _ in 0..<(try input.count(bytesEach: 4)) {
                var outcome = CorpusReader.Outcome<Event?>()
                outcome.before = try input.diagnostics(shared)
                if try input.bool() {
                    let id = try input.string()
                    outcome.id = (id, try input.location(shared))
                }
                outcome.after = try input.diagnostics(shared)
                switch try input.u8() {
                case 0: outcome.item = .none
                case 1: outcome.item = .some(.none)
                case 2:
                    guard let id = outcome.id?.0, let index = eventOfID[id] else { throw CacheDamage("an events file names an event the entry lacks") }
                    outcome.item = .some(events[index])
                case 3: outcome.item = .some(try input.event(shared))
                default: throw CacheDamage("an event's outcome is unknown")
                }
                outcomes.append(outcome)
            }
            parts[name] = AnchoredEventsFile(report: report, outcomes: outcomes, citedSources: cited)
        }
        return parts
    }
}
