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
    private let citations: CitationTable
    /// One character per source for the timeline's outlet columns, when the
    /// corpus is small enough to give each source a column.
    public let outletMarks: [String: Character]
    /// Every event under its year heading: the timeline with no search.
    public let timelineRows: TimelineRows

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

    /// Events a preview anchors for the first screen: more than a terminal
    /// has rows.
    public static let previewEvents = 400

    /// The date as the timeline list shows it: "*" marks an inferred one.
    public static func listDate(_ event: Event) -> String { listDate(event.date) }

    static func listDate(_ date: DatedValue) -> String {
        date.date.displayText + (date.inferred ? "*" : "")
    }

    /// The width of the widest of these dates as the list shows them.
    static func widestDate(of dates: some Sequence<DatedValue>) -> Int {
        dates.lazy.map { TextWidth.of(listDate($0)) }.max() ?? 4
    }

    /// How many events the corpus has; while it is checked, a preview's
    /// corpus holds only the first ones.
    public let eventCount: Int
    /// A preview's tables: the rest of the corpus is still read and checked.
    public let isPreview: Bool

    /// The tables for a preview: its first events, laid out as the whole
    /// corpus lays them out (the date column measured over every event).
    /// Nil when they could not look the same: a corpus with few enough
    /// sources for outlet columns, which need them all.
    public convenience init?(preview: CorpusPreview) {
        guard preview.sourceCount > Self.maxOutletColumns else { return nil }
        // Measured on both cores: 100,000 dates are 26 ms on one.
        let dates = preview.dates, parts = 4
        let widths = ConcurrentResults<Int>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let slice = dates[(dates.count * part / parts)..<(dates.count * (part + 1) / parts)]
            widths.put(part, Self.widestDate(of: slice))
        }
        self.init(corpus: preview.corpus, indexNow: false, eventCount: preview.eventCount, isPreview: true,
                  dateWidth: (0..<parts).map { widths.take($0) }.max() ?? 4)
    }

    public convenience init(corpus: Corpus, indexNow: Bool = true) {
        self.init(corpus: corpus, indexNow: indexNow, eventCount: corpus.events.count, isPreview: false, dateWidth: nil)
    }

    init(corpus: Corpus, indexNow: Bool, eventCount: Int, isPreview: Bool, dateWidth: Int?) {
        self.corpus = corpus
        self.eventCount = eventCount
        self.isPreview = isPreview
        // Three tables over every event, independent of each other: built on
        // both cores, as the first frame waits for them (0.15 s on one at
        // 100,000 events).
        let passages = ConcurrentResults<CitationTable>(count: 1)
        let widths = ConcurrentResults<Int>(count: 1)
        let headings = ConcurrentResults<([String], [Int32])>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 3) { task in
            switch task {
            case 0: passages.put(0, CitationTable(corpus))
            case 1: widths.put(0, dateWidth ?? Self.widestDate(of: corpus.events.lazy.map(\.date)))
            default:
                // Each event's heading as a number: rows compare numbers, not
                // strings, for up to every event on each keystroke.
                var texts: [String] = [], ofEvent: [Int32] = []
                ofEvent.reserveCapacity(corpus.events.count)
                for event in corpus.events {
                    let heading = Self.heading(for: event.date.date)
                    if texts.last != heading { texts.append(heading) }
                    ofEvent.append(Int32(texts.count - 1))
                }
                headings.put(0, (texts, ofEvent))
            }
        }
        citations = passages.take(0)
        let marks = corpus.sources.count <= Self.maxOutletColumns ? Self.marks(for: corpus.sources) : [:]
        outletMarks = marks
        outletColumns = corpus.sources.compactMap { source in marks[source.id].map { (source.id, $0) } }
        listDateWidth = widths.take(0)
        let (texts, ofEvent) = headings.take(0)
        timelineRows = TimelineRows(events: Array(corpus.events.indices), headings: TimelineRows.Headings(texts: texts, ofEvent: ofEvent))
        searchIndex = SearchIndexHandle(indexNow ? SearchIndex(corpus) : nil)
    }

    /// The passages an article's events cite, in order of position, each
    /// with the ids of the events citing it in timeline order.
    public func citedPassages(of sourceID: String) -> [CitedPassage] {
        citations.passages(of: sourceID, in: corpus)
    }

    /// How many passages of an article its events cite.
    public func citedPassageCount(of sourceID: String) -> Int {
        citations.passageCount(of: sourceID, in: corpus)
    }

    /// Every citation's span, line and event in one array, grouped by
    /// source and in order of position; an article's passages are put
    /// together when asked for. A dictionary per article of arrays per
    /// passage held 11 MB at 100,000 events, and building it left as much
    /// again in holes under the search index built next.
    struct CitationTable: Sendable {
        private struct Entry: Sendable {
            let range: Range<Int>
            let line: Int32
            let event: Int32
        }

        private let entries: [Entry]
        /// Where each source's entries start (by position in the corpus), and one past the last.
        private let starts: [Int]

        init(_ corpus: Corpus) {
            // Counted per source, then filled in timeline order and sorted
            // within each source by position.
            var starts = [Int](repeating: 0, count: corpus.sources.count + 1)
            for event in corpus.events {
                for citation in event.citations {
                    if let source = corpus.sourcePosition(citation.sourceID) { starts[source + 1] += 1 }
                }
            }
            for k in starts.indices.dropFirst() { starts[k] += starts[k - 1] }
            var next = starts
            var entries = [Entry](repeating: Entry(range: 0..<0, line: 0, event: 0), count: starts.last ?? 0)
            for (index, event) in corpus.events.enumerated() {
                for citation in event.citations {
                    guard let source = corpus.sourcePosition(citation.sourceID) else { continue }
                    entries[next[source]] = Entry(range: citation.passage.range, line: Int32(clamping: citation.passage.line), event: Int32(index))
                    next[source] += 1
                }
            }
            for source in corpus.sources.indices {
                entries[starts[source]..<starts[source + 1]].sort {
                    ($0.range.lowerBound, $0.range.upperBound, $0.event) < ($1.range.lowerBound, $1.range.upperBound, $1.event)
                }
            }
            self.entries = entries
            self.starts = starts
        }

        private func entries(of sourceID: String, in corpus: Corpus) -> ArraySlice<Entry> {
            guard let source = corpus.sourcePosition(sourceID), source + 1 < starts.count else { return [] }
            return entries[starts[source]..<starts[source + 1]]
        }

        func passages(of sourceID: String, in corpus: Corpus) -> [CitedPassage] {
            var passages: [CitedPassage] = []
            var events: [String] = []
            let slice = entries(of: sourceID, in: corpus)
            for k in slice.indices {
                let entry = slice[k], id = corpus.events[Int(entry.event)].id
                if !events.contains(id) { events.append(id) }
                if isLastOfPassage(k, slice) {
                    passages.append(CitedPassage(range: entry.range, line: Int(entry.line), eventIDs: events))
                    events = []
                }
            }
            return passages
        }

        func passageCount(of sourceID: String, in corpus: Corpus) -> Int {
            let slice = entries(of: sourceID, in: corpus)
            return slice.indices.filter { isLastOfPassage($0, slice) }.count
        }

        /// The index, among the source's passages, of the one spanning `range`.
        func passageIndex(of sourceID: String, range: Range<Int>, in corpus: Corpus) -> Int? {
            let slice = entries(of: sourceID, in: corpus)
            var passage = 0
            for k in slice.indices {
                if slice[k].range == range { return passage }
                if isLastOfPassage(k, slice) { passage += 1 }
            }
            return nil
        }

        /// Whether entry `k` is the last of its passage (the next spans other bytes).
        private func isLastOfPassage(_ k: Int, _ slice: ArraySlice<Entry>) -> Bool {
            k + 1 == slice.endIndex || slice[k + 1].range != slice[k].range
        }
    }

    /// Timeline rows for some events (all, or those a search keeps, in
    /// ascending position), under their year headings.
    public func rows(for events: [Int]) -> TimelineRows {
        TimelineRows(events: events, headings: timelineRows.headings)
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

    /// The index, in `citedPassages(of: source)`, of the passage a citation anchors.
    public func passageIndex(source: String, range: Range<Int>) -> Int? {
        citations.passageIndex(of: source, range: range, in: corpus)
    }
}

/// The timeline list's rows: some events, ascending (timeline order), each
/// run of a year under its heading. Rows are worked out from positions when
/// asked for, not stored: a keystroke that keeps 100,000 events would
/// otherwise build 100,000 rows to draw 30.
public struct TimelineRows: RandomAccessCollection, Sendable, Equatable {
    /// The heading texts, and each corpus event's heading among them.
    public struct Headings: Sendable, Equatable {
        let texts: [String]
        let ofEvent: [Int32]
    }

    /// The events shown, ascending.
    public let events: [Int]
    let headings: Headings
    /// Positions in `events` where a heading starts; heading k is row starts[k] + k.
    let starts: [Int]

    init(events: [Int], headings: Headings) {
        self.events = events
        self.headings = headings
        var starts: [Int] = []
        var last: Int32 = -1
        for (position, event) in events.enumerated() where headings.ofEvent[event] != last {
            last = headings.ofEvent[event]
            starts.append(position)
        }
        self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { events.count + starts.count }

    public subscript(row: Int) -> BrowserData.TimelineRow {
        // The headings at or above this row.
        let above = starts.indices.partitionPoint { starts[$0] + $0 <= row }
        if above > 0 && starts[above - 1] + above - 1 == row {
            return .heading(headings.texts[Int(headings.ofEvent[events[starts[above - 1]]])])
        }
        return .event(events[row - above])
    }

    /// The row of an event, or nil when it is not shown.
    public func row(ofEvent event: Int) -> Int? {
        let position = events.partitionPoint { $0 < event }
        guard position < events.count, events[position] == event else { return nil }
        return position + starts.partitionPoint { $0 <= position }
    }

    /// An event's position among those shown (the status line's "12/340").
    public func position(ofEvent event: Int) -> Int? {
        let position = events.partitionPoint { $0 < event }
        return position < events.count && events[position] == event ? position : nil
    }
}
