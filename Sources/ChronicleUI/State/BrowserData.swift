import ChronicleModel
import Foundation

/// What the browser derives once from a corpus: the passages cited in each
/// article, a mark per outlet, the timeline's rows. Immutable and shared.
public final class BrowserData: Sendable {
    /// A span of an article that one or more events cite.
    public typealias CitedPassage = CitationTable.CitedPassage

    /// A row of the timeline list: a year heading or an event.
    public enum TimelineRow: Sendable, Hashable {
        case heading(String)
        case event(Int)
    }

    public let corpus: Corpus
    /// One character per source for the timeline's outlet columns, when the
    /// corpus is small enough to give each source a column.
    public let outletMarks: [String: Character]
    /// Every event under its year heading: the timeline with no search.
    public let timelineRows: TimelineRows

    /// The widest date in the timeline list, measured once: a frame must
    /// not walk 100,000 events to lay out 30 rows.
    public let listDateWidth: Int
    /// The longest title's length, up to `titleWidthCap`: how much room
    /// the list's title column would like. Bytes, not columns, so that a
    /// corpus of any size is measured at once; wide text only overstates it.
    public let longestTitle: Int
    public static let titleWidthCap = 100
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
    /// A preview from the cache: the rest is read from the entry, not checked.
    public let previewFromCache: Bool

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
        self.init(corpus: preview.corpus, eventCount: preview.eventCount, isPreview: true, fromCache: preview.fromCache,
                  dateWidth: (0..<parts).map { widths.take($0) }.max() ?? 4)
    }

    public convenience init(corpus: Corpus) {
        self.init(corpus: corpus, eventCount: corpus.events.count, isPreview: false, fromCache: false, dateWidth: nil)
    }

    init(corpus: Corpus, eventCount: Int, isPreview: Bool, fromCache: Bool, dateWidth: Int?) {
        self.corpus = corpus
        self.eventCount = eventCount
        self.isPreview = isPreview
        previewFromCache = fromCache
        // Two tables over every event, independent of each other: built on
        // both cores, as the first frame waits for them.
        let widths = ConcurrentResults<Int>(count: 2)
        let headings = ConcurrentResults<([String], [Int32])>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            switch task {
            case 0:
                widths.put(0, dateWidth ?? Self.widestDate(of: corpus.events.lazy.map(\.date)))
                var longest = 0
                for event in corpus.events where longest < Self.titleWidthCap { longest = max(longest, event.title.utf8.count) }
                widths.put(1, min(longest, Self.titleWidthCap))
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
        let marks = corpus.sources.count <= Self.maxOutletColumns ? Self.marks(for: corpus.sources) : [:]
        outletMarks = marks
        outletColumns = corpus.sources.compactMap { source in marks[source.id].map { (source.id, $0) } }
        listDateWidth = widths.take(0)
        longestTitle = widths.take(1)
        let (texts, ofEvent) = headings.take(0)
        timelineRows = TimelineRows(events: Array(corpus.events.indices), headings: TimelineRows.Headings(texts: texts, ofEvent: ofEvent))
    }

    /// The columns a timeline row wants to show its whole title: the
    /// date, the marks before the title, the title, the outlet columns.
    public var listRowWidth: Int {
        let marks = outletColumns.isEmpty ? 5 : outletColumns.count
        return 1 + min(14, listDateWidth) + 1 + 1 + 1 + 1 + longestTitle + 1 + marks + 1
    }

    /// The passages an article's events cite, in order of position, each
    /// with the ids of the events citing it in timeline order.
    public func citedPassages(of sourceID: String) -> [CitedPassage] {
        guard let position = corpus.sourcePosition(sourceID) else { return [] }
        return corpus.citations.passages(ofSource: position, events: corpus.events)
    }

    /// How many passages of an article its events cite.
    public func citedPassageCount(of sourceID: String) -> Int {
        corpus.sourcePosition(sourceID).map { corpus.citations.passageCount(ofSource: $0) } ?? 0
    }

    /// Timeline rows for some events (all, or those a search keeps, in
    /// ascending position), under their year headings.
    public func rows(for events: [Int]) -> TimelineRows {
        TimelineRows(events: events, headings: timelineRows.headings)
    }

    /// The year heading an event falls under: "2024", "1980s" for a
    /// decade, "1900–1999" for a century (`PartialDate.yearHeading`).
    static func heading(for date: PartialDate) -> String { date.yearHeading }

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
        corpus.sourcePosition(source).flatMap { corpus.citations.passageIndex(ofSource: $0, range: range) }
    }
}

