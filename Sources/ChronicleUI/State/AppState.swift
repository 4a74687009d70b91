import ChronicleModel

/// Everything the browser shows, as a value. The reducer changes it; the
/// renderer draws it; neither touches a terminal.
public struct AppState: Sendable {
    public enum TimelineFocus: Sendable, Hashable { case list, hits, event }

    /// The search and what it found; an empty query shows everything.
    public struct Search: Sendable {
        public var query = ""
        /// Earlier searches, oldest first; the up arrow recalls them.
        public var history: [String] = []
        public var result: SearchResult?
        /// The selected line in the list of article hits.
        public var hit = 0
        public var hitScroll = 0

        public var isActive: Bool { result != nil }
    }

    /// The kinds of filter; each holds at most one value at a time.
    public enum FilterKind: String, Sendable, Hashable, CaseIterable {
        case actor, source, date, tag
        /// The events the reader starred.
        case starred
    }

    /// The filters in force, in the order they were set, so `x` clears
    /// the latest first.
    public struct Filters: Sendable, Hashable {
        public var order: [FilterKind] = []
        public var actor: String?
        public var source: String?
        public var date: PartialDate?
        public var tag: String?
        public var starred = false

        public var isEmpty: Bool { order.isEmpty }

        /// The model's filter; `starred` is the reader's starred events.
        public func eventFilter(starred ids: Set<String>) -> EventFilter {
            EventFilter(within: date, actor: actor, source: source, tag: tag, eventIDs: starred ? ids : nil)
        }

        public mutating func set(_ kind: FilterKind, _ value: String?, date: PartialDate? = nil) {
            switch kind {
            case .actor: actor = value
            case .source: source = value
            case .date: self.date = date
            case .tag: tag = value
            case .starred: starred = value != nil
            }
            order.removeAll { $0 == kind }
            if value != nil || date != nil { order.append(kind) }
        }

        /// The value in force for a kind that holds text (actor, source, tag).
        public func value(of kind: FilterKind) -> String? {
            switch kind {
            case .actor: return actor
            case .source: return source
            case .tag: return tag
            case .date: return date?.edtf
            case .starred: return starred ? "starred" : nil
            }
        }
    }

    /// The timeline: always open, at the bottom of the stack.
    public struct Timeline: Sendable, Hashable {
        /// Index into `corpus.events`.
        public var selected = 0
        /// First visible row of the list.
        public var listScroll = 0
        public var focus: TimelineFocus = .list
        /// Index into the selected event's passages (citations, then related ones).
        public var passage = 0
        public var detailScroll = 0
    }

    /// One screen on the stack, with its own state (an article's scroll,
    /// the filter list's items) when it has one.
    public struct OpenScreen: Sendable {
        public let kind: ScreenKind
        var state: (any Sendable)?
    }

    /// What the browser derives from the corpus; replaced when a change is written.
    public internal(set) var data: BrowserData
    /// Whether the corpus can be changed, its errors, what can be undone.
    public var authoring: Authoring
    /// The search index, once it has arrived (`Action.indexReady`).
    public var index: SearchIndex?
    /// How far the index is on its way while `index` is nil.
    public var indexProgress = IndexProgress.unknown
    public var size: Size
    /// The screens open, the timeline first; Esc closes the last. Overlays
    /// (help, the filter list, the search line, the date prompt) are on it
    /// too, above the screen they cover.
    public private(set) var stack: [OpenScreen] = [OpenScreen(kind: .timeline)]
    public var timeline = Timeline()
    public var search = Search()
    public var filters = Filters()
    /// The timeline's rows: the events it shows (all, or a search's), in
    /// order, under their headings.
    public var rows: TimelineRows
    /// Related passages (uncited sentences likely about the selected event),
    /// computed on demand: `r` shows them under the event's own passages.
    public var showRelated = false
    public var related: (eventID: String, suggestions: [Suggestion])?
    /// A one-line note for the status bar ("no other source cites this event").
    public var notice: String?
    /// The keys in force: the screens' own, with the user's over them.
    public var keys = KeyBindings.defaults
    /// Whether the browser takes the mouse (off, the terminal selects text).
    public var mouseEnabled = true
    /// The reader's own stars, notes and marks on this corpus.
    public var reader = ReaderNotes()
    /// Date filters typed, oldest first; ↑ in the date prompt recalls them.
    public var dateHistory: [String] = []
    /// The places visited, for Ctrl-O and its way forward.
    public var jumps = JumpList()
    /// Whether the focused pane of the timeline and of side by side takes
    /// the whole body (O, as tig's maximize), kept while browsing.
    public var maximized = false

    public init(data: BrowserData, size: Size, index: SearchIndex? = nil, authoring: Authoring = Authoring()) {
        self.data = data
        self.size = size
        self.index = index
        self.authoring = authoring
        rows = data.timelineRows
    }

    public var corpus: Corpus { data.corpus }
    /// The events the timeline shows, ascending.
    public var visibleEvents: [Int] { rows.events }

    public var selectedEvent: Event? {
        corpus.events.indices.contains(timeline.selected) ? corpus.events[timeline.selected] : nil
    }

    /// The selected event when the timeline shows it: what the timeline's
    /// keys act on. A search or a filter that hides the selection leaves it
    /// selected for later, but it is never focused or opened meanwhile.
    public var shownEvent: Event? {
        rows.row(ofEvent: timeline.selected) != nil ? selectedEvent : nil
    }
}

// MARK: The stack of screens

extension AppState {
    /// The screen that takes the keys: the last opened.
    public var top: ScreenKind { stack.last?.kind ?? .timeline }

    /// The screen in view: the last opened that is not an overlay.
    public var screen: ScreenKind { stack.last { !Screens[$0.kind].isOverlay }?.kind ?? .timeline }

    public func isOpen(_ kind: ScreenKind) -> Bool { stack.contains { $0.kind == kind } }

    /// The state of the last open screen of `kind`.
    func state<Value>(of kind: ScreenKind, as type: Value.Type = Value.self) -> Value? {
        stack.last { $0.kind == kind }?.state as? Value
    }

    /// Sets the state of the last open screen of `kind`, opening it on top
    /// when it is not open; nil closes it and whatever was opened above it.
    mutating func setState<Value: Sendable>(of kind: ScreenKind, _ value: Value?) {
        let at = stack.lastIndex { $0.kind == kind }
        switch (at, value) {
        case (let at?, let value?): stack[at].state = value
        case (nil, let value?): stack.append(OpenScreen(kind: kind, state: value))
        case (let at?, nil) where at > 0: stack.removeSubrange(at...)
        default: break
        }
    }

    /// Opens a screen that keeps no state of its own.
    mutating func open(_ kind: ScreenKind) { stack.append(OpenScreen(kind: kind)) }

    /// Closes the last screen opened (never the timeline).
    mutating func closeTop() {
        if stack.count > 1 { stack.removeLast() }
    }

    /// Closes every screen but the timeline.
    mutating func closeAll() {
        stack.removeSubrange(1...)
    }
}

extension AppState {
    /// The selection's position among the events the timeline shows.
    var selectedPosition: Int { rows.position(ofEvent: timeline.selected) ?? 0 }

    /// The event pane's content for the selected event, as drawn: the
    /// reducer scrolls against exactly this.
    public func eventDetail(width: Int, focusedPassage: Int?) -> EventDetail? {
        guard let event = selectedEvent else { return nil }
        return EventDetail(event: event, corpus: corpus, width: width, focusedPassage: focusedPassage,
                           matches: searchHit(forEvent: timeline.selected), related: relatedPassages, reader: reader)
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

    /// The list pane split: events above, and below them, when a search
    /// finds article text outside cited passages, a list of those hits.
    public var listAreas: (events: Rect, hits: Rect?) {
        let list = timelinePanes.list
        let count = search.result?.articleHits.count ?? 0
        guard count > 0, list.height >= 6 else { return (list, nil) }
        let height = min(count + 1, max(3, list.height / 3))
        let (events, hits) = list.splitTop(list.height - height)
        return (events, hits)
    }

    var layoutBody: Rect { ScreenLayout(size).body }

    /// The timeline's panes as drawn: the list as wide as its titles want
    /// (within the event pane's least), or the focused pane alone.
    public var timelinePanes: (list: Rect, divider: Rect, detail: Rect) {
        let shown: ScreenLayout.Panes = maximized ? (timeline.focus == .event ? .second : .first) : .both
        return ScreenLayout(size).timeline(listWants: data.listRowWidth, panes: shown)
    }

    /// The event pane's area: as drawn, or while the list has the whole
    /// body, where it would be, so its scroll keeps its meaning.
    public var eventPaneArea: Rect {
        let detail = timelinePanes.detail
        return detail.isEmpty ? ScreenLayout(size).timeline(listWants: data.listRowWidth).detail : detail
    }
}
