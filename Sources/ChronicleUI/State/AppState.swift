import ChronicleModel

/// Everything the browser shows, as a value. The reducer changes it; the
/// renderer draws it; neither touches a terminal.
public struct AppState: Sendable {
    public enum TimelineFocus: Sendable, Hashable { case list, event }

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
        /// Index into `BrowserData.citedPassages[sourceID]`.
        public var passage: Int?
        public var showFurniture = false
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
    public var helpVisible = false
    public var helpScroll = 0
    /// A one-line note for the status bar ("no other source cites this event").
    public var notice: String?

    public init(data: BrowserData, size: Size) {
        self.data = data
        self.size = size
    }

    public var corpus: Corpus { data.corpus }
    public var screen: ScreenKind { stack.last ?? .timeline }
    /// The screen whose keymap applies: help overrides what is under it.
    public var keyScreen: ScreenKind { helpVisible ? .help : screen }

    public var selectedEvent: Event? {
        corpus.events.indices.contains(timeline.selected) ? corpus.events[timeline.selected] : nil
    }
}
