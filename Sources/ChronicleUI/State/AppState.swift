import ChronicleModel

/// Everything the browser shows, as a value. The reducer changes it; the
/// renderer draws it; neither touches a terminal.
public struct AppState: Sendable {
    public enum TimelineFocus: Sendable, Hashable { case list, hits, event }

    /// The search line and what it found; an empty query shows everything.
    public struct Search: Sendable {
        public var query = ""
        /// The search line has the keyboard.
        public var editing = false
        /// Earlier searches, oldest first; the up arrow recalls them.
        public var history: [String] = []
        public var historyPosition: Int?
        public var result: SearchResult?
        /// The selected line in the list of article hits.
        public var hit = 0
        public var hitScroll = 0

        public var isActive: Bool { result != nil }
    }

    /// The kinds of filter; each holds at most one value at a time.
    public enum FilterKind: String, Sendable, Hashable, CaseIterable {
        case actor, source, date, tag
    }

    /// The filters in force, in the order they were set, so `x` clears
    /// the latest first.
    public struct Filters: Sendable, Hashable {
        public var order: [FilterKind] = []
        public var actor: String?
        public var source: String?
        public var date: PartialDate?
        public var tag: String?

        public var isEmpty: Bool { order.isEmpty }

        public var eventFilter: EventFilter {
            EventFilter(within: date, actor: actor, source: source, tag: tag)
        }

        public mutating func set(_ kind: FilterKind, _ value: String?, date: PartialDate? = nil) {
            switch kind {
            case .actor: actor = value
            case .source: source = value
            case .date: self.date = date
            case .tag: tag = value
            }
            order.removeAll { $0 == kind }
            if value != nil || date != nil { order.append(kind) }
        }
    }

    /// A list to choose a filter from: actors, sources or tags with their event counts.
    public struct Picker: Sendable, Hashable {
        public struct Item: Sendable, Hashable {
            public let value: String
            public let label: String
            public let count: Int
        }
        public let kind: FilterKind
        public let items: [Item]
        public var selected = 0
        public var scroll = 0
    }

    /// A one-line prompt in the status bar (the date filter).
    public struct Prompt: Sendable, Hashable {
        public var text = ""
        public var error: String?
    }

    public struct Timeline: Sendable, Hashable {
        /// Index into `corpus.events`.
        public var selected = 0
        /// First visible row of the list.
        public var listScroll = 0
        public var focus: TimelineFocus = .list
        /// Index into the selected event's citations.
        public var passage = 0
        public var detailScroll = 0
    }

    /// One article on screen, alone or in a side-by-side pane.
    public struct Article: Sendable, Hashable {
        public var sourceID: String
        /// The event the article was opened for: its passages are emphasised.
        public var eventID: String?
        public var scroll = 0
        /// Index into `BrowserData.citedPassages(of: sourceID)`.
        public var passage: Int?
        public var showFurniture = false
        /// The row of the search match n / N last went to.
        public var matchRow: Int?
    }

    public struct Compare: Sendable, Hashable {
        public var panes: [Article]
        public var focus = 0
        public var eventID: String?
    }

    public let data: BrowserData
    public var size: Size
    /// The screens opened, the first always the timeline; Esc pops one.
    public var stack: [ScreenKind] = [.timeline]
    public var timeline = Timeline()
    public var reader: Article?
    public var compare: Compare?
    public var search = Search()
    public var filters = Filters()
    public var picker: Picker?
    public var datePrompt: Prompt?
    /// The timeline's rows: the events it shows (all, or a search's), in
    /// order, under their headings.
    public var rows: TimelineRows
    /// The events the timeline shows, ascending.
    public var visibleEvents: [Int] { rows.events }
    /// The coverage matrix: the focused cell and the scroll both ways.
    public struct CoverageView: Sendable, Hashable {
        public var row = 0
        public var column = 0
        public var rowScroll = 0
        public var columnScroll = 0
    }
    public var coverage: CoverageView?
    /// Related passages (uncited sentences likely about the selected event),
    /// computed on demand: `r` shows them under the event's own passages.
    public var showRelated = false
    public var related: (eventID: String, suggestions: [Suggestion])?
    public var helpVisible = false
    public var helpScroll = 0
    /// A one-line note for the status bar ("no other source cites this event").
    public var notice: String?

    public init(data: BrowserData, size: Size) {
        self.data = data
        self.size = size
        rows = data.timelineRows
    }

    /// The event pane's content for the selected event, as drawn: the
    /// reducer scrolls against exactly this.
    public func eventDetail(width: Int, focusedPassage: Int?) -> EventDetail? {
        guard let event = selectedEvent else { return nil }
        return EventDetail(event: event, corpus: corpus, width: width, focusedPassage: focusedPassage,
                           matches: searchHit(forEvent: timeline.selected), related: relatedPassages)
    }

    /// How many passages the event pane lists: citations, then related ones.
    public var eventPassageCount: Int { (selectedEvent?.citations.count ?? 0) + relatedPassages.count }

    /// The related passages of the selected event, when shown.
    public var relatedPassages: [Suggestion] {
        guard showRelated, let related, related.eventID == selectedEvent?.id else { return [] }
        return related.suggestions
    }

    /// The search's matches for an event, when a search is active.
    public func searchHit(forEvent index: Int) -> SearchResult.EventHit? {
        search.result?.hit(forEvent: index)
    }

    public var corpus: Corpus { data.corpus }
    public var screen: ScreenKind { stack.last ?? .timeline }
    /// The screen whose keymap applies: help overrides what is under it.
    public var keyScreen: ScreenKind { helpVisible ? .help : screen }

    public var selectedEvent: Event? {
        corpus.events.indices.contains(timeline.selected) ? corpus.events[timeline.selected] : nil
    }
}

extension AppState {
    /// The selection's position among the events the timeline shows.
    var selectedPosition: Int { rows.position(ofEvent: timeline.selected) ?? 0 }

    /// The list pane split: events above, and below them, when a search
    /// finds article text outside cited passages, a list of those hits.
    public var listAreas: (events: Rect, hits: Rect?) {
        let list = ScreenLayout(size).timeline.list
        let count = search.result?.articleHits.count ?? 0
        guard count > 0, list.height >= 6 else { return (list, nil) }
        let height = min(count + 1, max(3, list.height / 3))
        let (events, hits) = list.splitTop(list.height - height)
        return (events, hits)
    }
}
