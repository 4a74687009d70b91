import ChronicleModel

/// One article on screen, alone (the article screen) or in a side-by-side
/// pane: which article, for which event, where it is scrolled, and the
/// search's matches in it, worked out when the pane opens or the search
/// changes rather than on every frame.
public struct ArticlePane: Sendable, Hashable {
    public var sourceID: String
    /// The event the article was opened for: its passages are emphasised.
    public var eventID: String?
    public var scroll = 0
    /// Index into `BrowserData.citedPassages(of: sourceID)`.
    public var passage: Int?
    public var showFurniture = false
    /// The row of the search match n / N last went to.
    public var matchRow: Int?
    /// Raw byte ranges of the search's matches in the article.
    public var matches: [Range<Int>] = []
    /// A passage being selected to cite (the selection screen moves it).
    public var selection: PassageSelection?
    /// Where the view was, in raw bytes, at the width last laid out: a
    /// resize brings that text back to the top, as less keeps its place,
    /// where a row number would point elsewhere in rewrapped text.
    public var anchor: Anchor?

    public struct Anchor: Sendable, Hashable {
        /// The first article byte shown at or below the top row.
        public var offset: Int
        /// Rows between the top and that byte's row (headers, blank lines).
        public var rowsAbove: Int
        public var width: Int
        /// The scroll the anchor was taken at: a scroll since then moves it.
        public var scroll: Int
    }

    /// A pane for an article, with the current search's matches in it.
    init(sourceID: String, eventID: String?, state: AppState) {
        self.sourceID = sourceID
        self.eventID = eventID
        matches = Self.matches(in: sourceID, state)
    }

    static func matches(in sourceID: String, _ state: AppState) -> [Range<Int>] {
        state.search.result?.computeHighlights(inSource: sourceID) ?? []
    }

    /// The article laid out at `width`, as the pane draws it.
    func layout(width: Int, _ state: AppState) -> ArticleLayout? {
        guard let source = state.corpus.source(sourceID) else { return nil }
        return ArticleLayout(source: source, data: state.data, width: width, showFurniture: showFurniture,
                             eventID: eventID, focusedPassage: passage, matches: matches, selection: selection?.range)
    }

    // MARK: Moving

    /// Lines, pages, ends, furniture and passage to passage, in a text area of `text`.
    mutating func scroll(_ action: Action, text: Rect, _ state: AppState) {
        let page = max(1, text.height - 2)
        switch action {
        case .moveDown: scroll += 1
        case .moveUp: scroll -= 1
        case .pageDown: scroll += page
        case .pageUp: scroll -= page
        case .top: scroll = 0
        case .bottom: scroll = Int.max
        case .toggleFurniture:
            showFurniture.toggle()
            anchor = nil
            if let passage { showPassage(passage, text: text, state) }
        case .nextPassage, .previousPassage:
            let count = state.data.citedPassageCount(of: sourceID)
            guard count > 0 else { return }
            let next: Int
            if let current = passage {
                next = (current + (action == .nextPassage ? 1 : count - 1)) % count
            } else {
                next = action == .nextPassage ? 0 : count - 1
            }
            showPassage(next, text: text, state)
        default: break
        }
    }

    /// Makes cited passage `index` the current one and scrolls it into view.
    mutating func showPassage(_ index: Int, text: Rect, _ state: AppState) {
        passage = index
        guard let layout = layout(width: text.width, state), let rows = layout.passageRows[index] else { return }
        if rows.lowerBound < scroll || rows.upperBound > scroll + text.height {
            // The paragraph from its start when it fits with the passage,
            // else a few rows of context above, as `less` does with a hit.
            let contextAbove = min(3, max(0, text.height / 4))
            scroll = rows.lowerBound - contextAbove
            if let lineStart = layout.passageLineStart[index], lineStart < scroll, rows.upperBound - (lineStart - 1) <= text.height {
                scroll = lineStart - 1
            }
        }
    }

    /// Scrolls so that the raw byte `offset` is in view, with context above.
    mutating func show(offset: Int, text: Rect, _ state: AppState) {
        guard let row = layout(width: text.width, state)?.rowOfOffset(offset) else { return }
        if row < scroll || row >= scroll + text.height {
            scroll = max(0, row - min(3, text.height / 4))
        }
    }

    /// Scrolls so that the article's line `line` is the top of the view.
    mutating func show(line: Int, text: Rect, _ state: AppState) {
        guard let source = state.corpus.source(sourceID), source.lines.lineCount > 0 else { return }
        let line = min(max(1, line), source.lines.lineCount)
        // The row of the line, or of the fold that holds it.
        guard line > 1, let rows = layout(width: text.width, state)?.lineOfRow,
              let row = rows.lastIndex(where: { $0 > 0 && $0 <= line }) else {
            scroll = 0
            return
        }
        scroll = rows.firstIndex(of: rows[row]) ?? row
    }

    /// The article's line at the top of the view (the first line below
    /// the header when the header is in view).
    func topLine(text: Rect, _ state: AppState) -> Int? {
        guard let layout = layout(width: text.width, state) else { return nil }
        return layout.lineOfRow.dropFirst(scroll).first { $0 > 0 }
    }

    /// The line at the top of the view, and the raw range of its text.
    func topLineRange(text: Rect, _ state: AppState) -> (line: Int, range: Range<Int>)? {
        guard let source = state.corpus.source(sourceID), let line = topLine(text: text, state) else { return nil }
        return (line, source.lines.contentRange(ofLine: line))
    }

    /// n / N: the next or previous search match after the top of the view.
    mutating func stepMatch(_ forward: Bool, text: Rect, _ state: inout AppState) -> [Effect] {
        guard !matches.isEmpty, let layout = layout(width: text.width, state) else {
            state.notice = state.search.isActive ? "No match in this article" : "No search: / searches"
            return [.bell]
        }
        let rows = matches.map { layout.rowOfOffset($0.lowerBound) ?? -1 }
        let anchor = matchRow ?? (forward ? scroll - 1 : scroll + text.height)
        let next = forward ? rows.firstIndex { $0 > anchor } ?? rows.firstIndex { $0 >= 0 }
                           : rows.lastIndex { $0 >= 0 && $0 < anchor } ?? rows.lastIndex { $0 >= 0 }
        guard let next else { return [.bell] }
        matchRow = rows[next]
        if rows[next] < scroll || rows[next] >= scroll + text.height {
            scroll = max(0, rows[next] - min(3, text.height / 4))
        }
        state.notice = "match \(next + 1)/\(matches.count)"
        return []
    }

    /// The scroll brought into range for a text area of `text`; after a
    /// change of width, first the scroll that puts the anchor's text back.
    mutating func clamp(text: Rect, _ state: AppState) {
        guard let layout = layout(width: text.width, state) else {
            scroll = 0
            return
        }
        let resized = anchor.map { $0.width != text.width } ?? false
        if resized, let anchor, let row = layout.rowOfOffset(anchor.offset) { scroll = max(0, row - anchor.rowsAbove) }
        scroll = Reducer.clamp(scroll, rows: layout.rows.count, height: text.height)
        if resized, var kept = anchor {
            // The same text, not the row that now starts a little before it:
            // resizing back and forth must not drift.
            kept.width = text.width
            kept.scroll = scroll
            anchor = kept
        } else if anchor?.scroll != scroll {
            anchor = Self.anchor(in: layout, scroll: scroll, width: text.width)
        }
    }

    static func anchor(in layout: ArticleLayout, scroll: Int, width: Int) -> Anchor? {
        for row in scroll..<layout.rows.count {
            if let glyph = layout.rows[row].first(where: { $0.offset >= 0 }) {
                return Anchor(offset: glyph.offset, rowsAbove: row - scroll, width: width, scroll: scroll)
            }
        }
        return nil
    }

    // MARK: Opening

    /// An article opened at a passage of an event: the passage spanning
    /// `range`, or the event's first in this article.
    static func opened(_ sourceID: String, for event: Event?, at range: Range<Int>?, text: Rect, _ state: AppState) -> ArticlePane {
        var pane = ArticlePane(sourceID: sourceID, eventID: event?.id, state: state)
        let passage = range.flatMap { state.data.passageIndex(source: sourceID, range: $0) }
            ?? event.flatMap { event in event.citations.first { $0.sourceID == sourceID } }.flatMap {
                state.data.passageIndex(source: sourceID, range: $0.passage.range)
            }
        if let passage { pane.showPassage(passage, text: text, state) }
        return pane
    }

    // MARK: Drawing

    /// "passage 2/5" for the status bar.
    func position(_ state: AppState) -> String {
        let count = state.data.citedPassageCount(of: sourceID)
        guard count > 0 else { return "no cited passages" }
        return "passage \(passage.map { String($0 + 1) } ?? "–")/\(count)"
    }

    /// A header line naming the article (reversed when the pane has focus),
    /// then its text from the scroll position.
    func draw(_ state: AppState, in pane: Rect, focused: Bool, into grid: inout Grid) {
        guard let source = state.corpus.source(sourceID), !pane.isEmpty else { return }
        let header = pane.splitTop(1).0
        // The same text area the reducer scrolls against.
        let text = ScreenLayout.articleText(in: pane)
        grid.fill(header, role: focused ? .borderFocused : .border)
        var label = " \(source.outlet) · \(source.published.displayText)"
        if let event = eventID.flatMap({ state.corpus.event($0) }) { label += " · for: \(event.title)" }
        grid.put(label, x: header.x, y: header.y, maxWidth: header.width, role: focused ? .borderFocused : .border)
        guard let layout = layout(width: text.width, state) else { return }
        for (row, glyphs) in layout.rows.dropFirst(scroll).prefix(text.height).enumerated() {
            grid.draw(glyphs, x: text.x, y: text.y + row, maxWidth: text.width)
        }
    }
}
