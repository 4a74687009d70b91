import ChronicleModel
import Foundation

/// The search index, built after the first frame so a large corpus shows
/// its timeline at once; keys work while it builds, and a search typed
/// meanwhile runs when it is ready.
public final class SearchIndexHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var built: SearchIndex?

    public init(_ index: SearchIndex? = nil) { built = index }

    public var index: SearchIndex? { lock.withLock { built } }

    /// Builds the index on this thread (call it from a background one).
    public func build(_ corpus: Corpus) {
        let index = SearchIndex(corpus)
        lock.withLock { built = index }
    }
}

/// What the browser derives once from a corpus: the passages cited in each
/// article, a mark per outlet, the timeline's rows. Immutable and shared.
public final class BrowserData: Sendable {
    /// A span of an article that one or more events cite.
    public struct CitedPassage: Sendable, Hashable {
        public let range: Range<Int>
        public let line: Int
        public let eventIDs: [String]
    }

    /// A row of the timeline list: a year heading or an event.
    public enum TimelineRow: Sendable, Hashable {
        case heading(String)
        case event(Int)
    }

    public let corpus: Corpus
    /// Per source id, in order of position in the article.
    public let citedPassages: [String: [CitedPassage]]
    /// One character per source for the timeline's outlet columns, when the
    /// corpus is small enough to give each source a column.
    public let outletMarks: [String: Character]
    public let timelineRows: [TimelineRow]
    /// The row of each event in `timelineRows`.
    public let rowOfEvent: EventRows
    /// The year heading of each event, computed once: a search rebuilds the
    /// rows of up to every event on each keystroke.
    let headings: [String]

    /// The inverted index over every event and article, built once, after
    /// the first frame when `indexNow` is false.
    public let searchIndex: SearchIndexHandle
    /// The index, once built (tests and the CLI build it at once).
    public var index: SearchIndex? { searchIndex.index }

    /// The widest date in the timeline list, measured once: a frame must
    /// not walk 100,000 events to lay out 30 rows.
    public let listDateWidth: Int
    /// (source id, mark) for the outlet columns, in source order; empty when
    /// the corpus has too many sources for a column each.
    public let outletColumns: [(String, Character)]

    public static let maxOutletColumns = 8

    /// The date as the timeline list shows it: "*" marks an inferred one.
    public static func listDate(_ event: Event) -> String {
        event.date.date.displayText + (event.date.inferred ? "*" : "")
    }

    public init(corpus: Corpus, indexNow: Bool = true) {
        self.corpus = corpus
        var bySource: [String: [Range<Int>: (line: Int, events: [String])]] = [:]
        for event in corpus.events {
            for citation in event.citations {
                let passage = citation.passage
                var entry = bySource[passage.sourceID, default: [:]][passage.range] ?? (passage.line, [])
                if !entry.events.contains(event.id) { entry.events.append(event.id) }
                bySource[passage.sourceID, default: [:]][passage.range] = entry
            }
        }
        citedPassages = bySource.mapValues { ranges in
            ranges.map { CitedPassage(range: $0.key, line: $0.value.line, eventIDs: $0.value.events) }
                .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        }
        let marks = corpus.sources.count <= Self.maxOutletColumns ? Self.marks(for: corpus.sources) : [:]
        outletMarks = marks
        outletColumns = corpus.sources.compactMap { source in marks[source.id].map { (source.id, $0) } }
        listDateWidth = corpus.events.map { TextWidth.of(Self.listDate($0)) }.max() ?? 4
        let headings = corpus.events.map { Self.heading(for: $0.date.date) }
        self.headings = headings
        let (rows, rowOfEvent) = Self.rows(for: Array(corpus.events.indices), headings: headings)
        timelineRows = rows
        self.rowOfEvent = rowOfEvent
        searchIndex = SearchIndexHandle(indexNow ? SearchIndex(corpus) : nil)
    }

    /// Timeline rows for some events (all, or those a search keeps), in
    /// timeline order under their year headings, and each event's row.
    public func rows(for events: [Int]) -> (rows: [TimelineRow], rowOfEvent: EventRows) {
        Self.rows(for: events, headings: headings)
    }

    static func rows(for events: [Int], headings: [String]) -> (rows: [TimelineRow], rowOfEvent: EventRows) {
        var rows: [TimelineRow] = []
        rows.reserveCapacity(events.count + 64)
        var rowOfEvent = EventRows(count: headings.count)
        var lastHeading: String?
        for index in events {
            let heading = headings[index]
            if heading != lastHeading {
                rows.append(.heading(heading))
                lastHeading = heading
            }
            rowOfEvent[index] = rows.count
            rows.append(.event(index))
        }
        return (rows, rowOfEvent)
    }

    /// The year heading an event falls under: "2024", or "1980s" for a decade.
    static func heading(for date: PartialDate) -> String {
        guard let point = date.start.point ?? date.end.point else { return date.displayText }
        switch point.precision {
        case .century, .decade: return "\(point.year)s"
        default: return String(point.year)
        }
    }

    /// Initials of outlets ("The Moscow Times" → M, "TRT Global" → G), made
    /// unique by falling back to other letters of the name.
    static func marks(for sources: [Source]) -> [String: Character] {
        var used = Set<Character>()
        var marks: [String: Character] = [:]
        let skip: Set<String> = ["the", "of", "and", "a"]
        for source in sources {
            let words = source.outlet.split(separator: " ").filter { !skip.contains($0.lowercased()) }
            // The last word names the outlet best ("TRT World" → W), then the others, then any letter.
            let candidates = words.reversed().compactMap(\.first) + Array(source.outlet.filter(\.isLetter)) + Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            if let mark = candidates.map({ Character($0.uppercased()) }).first(where: { !used.contains($0) }) {
                used.insert(mark)
                marks[source.id] = mark
            }
        }
        return marks
    }

    /// The index, in `citedPassages[source]`, of the passage a citation anchors.
    public func passageIndex(source: String, range: Range<Int>) -> Int? {
        citedPassages[source]?.firstIndex { $0.range == range }
    }
}

/// The timeline row of each event, or nil when the event is not shown: an
/// array, not a dictionary, because a search rebuilds it for up to every
/// event on each keystroke.
public struct EventRows: Sendable, Equatable {
    private var rows: [Int32]

    public init(count: Int) { rows = Array(repeating: -1, count: count) }

    public subscript(event: Int) -> Int? {
        get { rows.indices.contains(event) && rows[event] >= 0 ? Int(rows[event]) : nil }
        set { if rows.indices.contains(event) { rows[event] = Int32(newValue ?? -1) } }
    }
}
