import Foundation

extension CorpusLoader {
    static let eventsFileFields = ["events"]
    static let eventFields = ["id", "date", "date_basis", "date_inferred", "title", "summary", "actors", "tags",
                              "spine", "citations"]
    static let citationFields = ["source", "quote", "prefix", "suffix", "claims"]
}

extension CorpusReader {
    /// Reads, parses and checks one events file, on a thread of its own
    /// (this loader is a copy with the actors and no articles): what the
    /// file reports, then each event's outcome, not yet anchored.
    func checkEventsFile(named name: String, listedAt: SourceLocation) -> CheckedEventsFile {
        var worker = self
        worker.log = DiagnosticLog()
        let bytes: [UInt8]
        do {
            bytes = try files.read(name, maxSize: maxFileSize)
        } catch {
            worker.log.error(listedAt, "cannot read the events file \(error.path): \(error.problem)", hint: error.hint ?? "create \(name), or list the right file under `events:`")
            return CheckedEventsFile(report: worker.log.items, outcomes: [], sortKeys: nil)
        }
        guard let file = YAMLFile(path: files.displayPath(name), bytes: bytes, log: worker.log),
              let items = worker.eventItems(in: file) else {
            return CheckedEventsFile(report: worker.log.items, outcomes: [], sortKeys: nil)
        }
        let report = worker.log.items
        let runs = worker.readInRuns(items, of: 256, in: file, kind: "event", allowed: CorpusLoader.eventFields) { loader, fields, id, context in
            loader.checkEvent(fields, id: id, context: context, in: file)
        }
        var checked = CheckedEventsFile(report: report, outcomes: runs.flatMap { $0 })
        // For a preview: the dates' keys, while nothing reported is an error.
        var keys: [PartialDate.SortKey]? = report.hasErrors ? nil : []
        for outcome in checked.outcomes where keys != nil {
            guard !outcome.before.hasErrors, !outcome.after.hasErrors, let date = outcome.item?.date, outcome.item?.title != nil,
                  outcome.item?.citations.allSatisfy({ !$0.head.hasErrors && !$0.quoteReport.hasErrors && !$0.claimsReport.hasErrors }) == true
            else { keys = nil; break }
            keys!.append(date.date.sortKey)
        }
        checked.sortKeys = keys
        return checked
    }

    /// The events of a parsed events file: a list, or a mapping with `events:`.
    func eventItems(in file: YAMLFile) -> [Node]? {
        guard let root = file.root else { return nil }
        if case .sequence(let sequence) = root { return Array(sequence) }
        guard let top = YAMLFields(root, in: file, context: "the events file", allowed: CorpusLoader.eventsFileFields, log: log) else { return nil }
        return top.list("events", required: true)
    }

    /// The rest of an event, once its id is known: every field checked but
    /// its quotes, which wait for the articles.
    func checkEvent(_ fields: YAMLFields, id: String, context: String, in file: YAMLFile) -> PendingEvent {
        let title = fields.string("title", required: true)
        var date = datedValue(fields, key: "date", required: true)
        if let value = date {
            let inferred = fields.bool("date_inferred") ?? value.inferred
            date = DatedValue(date: value.date, inferred: inferred, basis: fields.string("date_basis") ?? value.basis)
        }
        var actorIDs: [String] = []
        for (actorID, item) in fields.strings("actors") {
            if actorIDSet.contains(actorID) {
                actorIDs.append(actorID)
            } else {
                let named = actors.first { $0.names.contains { $0.lowercased() == actorID.lowercased() } }
                log.error(file.location(item), "\(context) names an unknown actor `\(actorID)`",
                          hint: named.map { "use the actor's id: `\($0.id)`" } ?? "add it under `actors:` in manifest.yaml, or fix the id")
            }
        }
        let citationNodes = fields.list("citations")
        if citationNodes.isEmpty {
            log.error(fields.location("citations"), "\(context) has no citations: every event must cite at least one passage",
                      hint: "add `citations:` with `- source: ID` and `quote: exact words from the article`")
        }
        let citations = citationNodes.map { checkCitation($0, in: file, eventContext: context) }
        // Read now, reported only for an event that stands, as one pass did.
        let (rest, tailReport) = setAside { (fields.string("summary"), fields.strings("tags").map(\.0), fields.bool("spine") ?? false) }
        return PendingEvent(id: id, location: fields.location("id"), context: context, title: title, date: date,
                            actors: actorIDs, citations: citations, summary: rest.0, tags: rest.1, spine: rest.2, tailReport: tailReport)
    }

    func checkCitation(_ node: Node, in file: YAMLFile, eventContext: String) -> PendingCitation {
        var citation = PendingCitation(location: file.location(node))
        let (read, head) = setAside { () -> YAMLFields? in
            guard let fields = YAMLFields(node, in: file, context: "a citation of \(eventContext)", allowed: CorpusLoader.citationFields, log: log),
                  let sourceID = fields.string("source", required: true) else { return nil }
            citation.sourceID = sourceID
            citation.sourceLocation = fields.location("source")
            return fields
        }
        citation.head = head
        guard let fields = read else { return citation }
        citation.hasQuote = fields.has("quote")
        guard citation.hasQuote else { return citation }
        citation.quoteReport = setAside {
            // prefix and suffix are read only after a quote that is text.
            guard let exact = fields.string("quote") else { return }
            citation.exact = exact
            citation.prefix = fields.string("prefix")
            citation.suffix = fields.string("suffix")
        }.1
        citation.location = fields.location("quote")
        if citation.exact != nil {
            citation.claimsReport = setAside {
                let claims = fields.texts("claims")
                citation.claims = claims.map { Citation.Claim(name: $0.name, value: $0.value) }
                citation.claimLocations = claims.map(\.location)
            }.1
        }
        return citation
    }
}

/// An event read and checked but for its quotes, which need the articles.
/// What its citations and last fields reported is set aside, to be given
/// when it is anchored, where one pass would have given it.
struct PendingEvent {
    var id: String
    var location: SourceLocation
    var context: String
    var title: String?
    var date: DatedValue?
    var actors: [String]
    var citations: [PendingCitation]
    var summary: String?
    var tags: [String]
    var spine: Bool
    /// Reading summary, tags and spine: given only for an event that stands.
    var tailReport: [Diagnostic]
}

struct PendingCitation {
    /// Reading the citation and its `source`; nothing more is given without one.
    var head: [Diagnostic] = []
    var sourceID: String?
    var sourceLocation: SourceLocation
    var hasQuote = false
    /// Reading `quote`, then `prefix` and `suffix`.
    var quoteReport: [Diagnostic] = []
    var exact: String?
    var prefix: String?
    var suffix: String?
    var location: SourceLocation
    var claims: [Citation.Claim] = []
    /// Where each claim's value is, to report one its passage does not state.
    var claimLocations: [SourceLocation] = []
    /// Reading `claims`: given once the quote anchors.
    var claimsReport: [Diagnostic] = []

    init(location: SourceLocation) {
        self.sourceLocation = location
        self.location = location
    }
}

/// One events file as its thread checked it.
struct CheckedEventsFile {
    var report: [Diagnostic]
    var outcomes: [CorpusReader.Outcome<PendingEvent>]
    /// Each event's date key, for the preview; nil when the file reported an error.
    var sortKeys: [PartialDate.SortKey]?
}

extension Event {
    /// The event with its lists of actors and tags replaced by equal ones
    /// already in `lists`, or added to it: events share a handful of tag
    /// lists, and each kept its own array (6 MB at 100,000 events).
    func sharingLists(_ lists: inout Set<[String]>) -> Event {
        func shared(_ list: [String]) -> [String] {
            guard !list.isEmpty else { return list }
            return lists.insert(list).memberAfterInsert
        }
        return Event(id: id, date: date, title: title, summary: summary, actors: shared(actors), tags: shared(tags),
                     spine: spine, citations: citations, location: location)
    }
}
