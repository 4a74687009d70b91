import ChronicleModel

/// Draws the state into a grid: `(AppState) -> Grid`, reading state only.
/// The screen in view draws its body, the title and status bars go around
/// it, and the overlays opened over it draw on top, in the order opened.
public enum Renderer {
    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(width: state.size.width, height: state.size.height)
        let layout = ScreenLayout(state.size)
        if layout.isTooSmall {
            let need = "Chronicle needs at least \(ScreenLayout.minimum.width)×\(ScreenLayout.minimum.height)"
            grid.put(need, x: 0, y: 0, role: .error)
            return grid
        }
        let base = state.stack.lastIndex { !Screens[$0.kind].isOverlay } ?? 0
        let screen = Screens[state.stack[base].kind]
        screen.draw(state, layout, &grid)
        drawTitleBar(state, screen, layout, into: &grid)
        StatusBar.draw(state, StatusBar.speaker(state), layout, into: &grid)
        for overlay in state.stack[(base + 1)...] { Screens[overlay.kind].draw(state, layout, &grid) }
        return grid
    }

    static func drawTitleBar(_ state: AppState, _ screen: Screen, _ layout: ScreenLayout, into grid: inout Grid) {
        grid.fill(layout.titleBar, role: .titleBar)
        let title = " Chronicle · " + (state.corpus.title ?? "untitled corpus")
        let right = screen.title + " "
        let rightWidth = TextWidth.of(right)
        grid.put(title, x: 0, y: 0, maxWidth: max(0, layout.size.width - rightWidth - 1), role: .titleBar)
        if layout.size.width > rightWidth + 12 { grid.put(right, x: layout.size.width - rightWidth, y: 0, role: .titleBar) }
    }
}

/// The bottom line: on the left the screen's hints from its keymap (or a
/// notice, or what a status-line input is typing); on the right where the
/// reader is and, with a search, what it found.
enum StatusBar {
    /// Whose hints and position the status bar shows: the top screen's when
    /// it has its own (the selection), else the screen in view's.
    static func speaker(_ state: AppState) -> Screen {
        let top = Screens[state.top]
        return top.isOverlay && top.hints(state).isEmpty ? Screens[state.screen] : top
    }

    /// "Enter open  / search  …": each hint's action by its first key on the screen.
    static func hints(_ state: AppState, _ screen: Screen) -> String {
        screen.hints(state).compactMap { hint in
            state.keys.key(for: hint.action, on: screen.kind).map { "\($0.label) \(hint.words)" }
        }.joined(separator: "  ")
    }

    /// The right-hand part, padded: the counts of a search, and the position.
    static func right(_ state: AppState, _ screen: Screen) -> String {
        var right = " " + screen.position(state) + " "
        if let counts = searchCounts(state) { right = " " + counts + " ·" + right }
        let errors = state.authoring.errorCount
        if errors > 0 { right = " \(Plural.count(errors, "error")) (!) ·" + right }
        return right
    }

    /// The columns the right-hand part takes: what it needs, but never so
    /// many that the left (hints, a line being typed) has no room.
    static func rightWidth(_ right: String, bar: Rect) -> Int {
        min(TextWidth.of(right), max(0, bar.width - min(12, bar.width / 3)))
    }

    /// The columns left of the right-hand part, where hints and typed lines go.
    static func leftWidth(_ state: AppState) -> Int {
        let bar = ScreenLayout(state.size).statusBar
        return bar.width - rightWidth(right(state, speaker(state)), bar: bar)
    }

    static func draw(_ state: AppState, _ screen: Screen, _ layout: ScreenLayout, into grid: inout Grid) {
        let bar = layout.statusBar
        // A notice takes the hints' room: the whole line is then in its
        // style, so no run of the hints' colour is left between the two.
        let leftRole: Role = state.notice == nil || state.data.isPreview ? .statusBar : .statusKey
        grid.fill(bar, role: leftRole)
        let right = right(state, screen)
        let rightWidth = rightWidth(right, bar: bar)
        let leftWidth = bar.width - rightWidth
        var left = " " + (state.notice ?? hints(state, screen))
        if state.data.isPreview {
            // Keys wait (and are kept) until every quote is checked.
            let quit = state.keys.key(for: .backOrQuit, on: .timeline).map { "  \($0.label) quit" } ?? ""
            left = state.data.previewFromCache ? " reading \(Plural.count(state.data.eventCount, "event")) from the cache…" + quit
                : " checking every quote of \(Plural.count(state.data.eventCount, "event"))…" + quit
        } else if state.notice == nil, state.search.isActive {
            var parts: [String] = []
            if !state.search.query.isEmpty { parts.append("/" + state.search.query) }
            parts += filterLabels(state)
            left = " " + parts.joined(separator: " · ") + "  " + hints(state, screen)
        }
        grid.put(left, x: 0, y: bar.y, maxWidth: leftWidth, role: leftRole)
        if rightWidth > 0 { grid.put(right, x: leftWidth, y: bar.y, maxWidth: rightWidth, role: .statusKey) }
    }

    /// A line typed into the status bar (the search line, the date prompt):
    /// `prompt` and the text, a block cursor after it, and `error` beyond.
    static func drawTyped(_ prompt: String, _ text: String, error: String? = nil, _ state: AppState, into grid: inout Grid) {
        let bar = ScreenLayout(state.size).statusBar
        let leftWidth = leftWidth(state)
        grid.fill(Rect(x: 0, y: bar.y, width: leftWidth, height: 1), role: .statusBar)
        let typed = prompt + text
        // A line longer than the room shows its end, where the cursor is.
        let shown = TextWidth.of(typed) + 1 > leftWidth ? "…" + String(typed.suffix(max(0, leftWidth - 3))) : typed
        grid.put(shown, x: 0, y: bar.y, maxWidth: leftWidth, role: .statusBar)
        let cursor = min(TextWidth.of(shown), max(0, leftWidth - 1))
        if leftWidth > 0 { grid.put(" ", x: cursor, y: bar.y, role: .statusKey) }
        if let error, cursor + 2 < leftWidth {
            grid.put(error, x: cursor + 2, y: bar.y, maxWidth: leftWidth - cursor - 2, role: .error)
        }
    }

    /// "actor: Zamir Kabulov", "outlet: TRT Global", "date: 2024", "tag: law", in the order set.
    static func filterLabels(_ state: AppState) -> [String] {
        state.filters.order.compactMap { kind in
            switch kind {
            case .actor: return state.filters.actor.map { "actor: " + (state.corpus.actor($0)?.name ?? $0) }
            case .source: return state.filters.source.map { "outlet: " + (state.corpus.source($0)?.outlet ?? $0) }
            case .date: return state.filters.date.map { "date: " + $0.displayText }
            case .tag: return state.filters.tag.map { "tag: " + $0 }
            case .starred: return state.filters.starred ? "starred by you" : nil
            }
        }
    }

    /// "3 events, 5 in text" while a search is active.
    static func searchCounts(_ state: AppState) -> String? {
        guard let result = state.search.result else {
            guard state.isOpen(.searchLine) else { return nil }
            // What is typed waits for the index, read or built after the first frame.
            guard !state.search.query.isEmpty, state.index == nil else { return "type to search" }
            switch state.indexProgress {
            case .reading: return "reading the index…"
            case .building(let done, let total) where total > 0:
                return "indexing \(LoadingView.grouped(done)) of \(LoadingView.grouped(total))…"
            case .building: return "indexing…"
            }
        }
        let events = result.matchingEvents.count, text = result.articleHits.count
        return "\(Plural.count(events, "event")), \(text)\(result.articleHitsTruncated ? "+" : "") in text"
    }
}
