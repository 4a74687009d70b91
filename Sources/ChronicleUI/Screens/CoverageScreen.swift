import ChronicleModel

extension ScreenKind {
    public static let coverage = ScreenKind("coverage")
}

/// The coverage matrix: the focused cell and the scroll both ways.
public struct CoverageView: Sendable, Hashable {
    public var row = 0
    public var column = 0
    public var rowScroll = 0
    public var columnScroll = 0
}

extension AppState {
    /// The coverage screen's state, when it is open; setting it opens the
    /// screen, nil closes it.
    public var coverage: CoverageView? {
        get { state(of: .coverage) }
        set { setState(of: .coverage, newValue) }
    }
}

/// Events (rows) by sources (columns): which source cites which event,
/// which does not, and which was published before the event.
enum CoverageScreen {
    static let screen = Screen(
        kind: .coverage, title: "Coverage", helpTitle: "Keys: coverage",
        bindings: Keymap.movement + [
            Binding(keys: [.right, .character("l")], action: .nextColumn),
            Binding(keys: [.left, .character("h")], action: .previousColumn),
            Binding(keys: [.enter], action: .open),
        ] + Keymap.leaving + Keymap.places + Keymap.general,
        inputs: [.markPrompt, .palette],
        hints: { _ in [Hint(.open, "open"), Hint(.toggleHelp, "help"), Hint(.back, "back")] },
        reduce: reduce, mouse: mouse, clamp: clamp, draw: draw,
        position: { state in
            state.coverage.map { "event \($0.row + 1)/\(state.corpus.events.count) · source \($0.column + 1)/\(state.corpus.sources.count)" } ?? ""
        })

    /// Opens the matrix on the selected event.
    static func open(_ state: inout AppState) -> [Effect] {
        guard !state.corpus.events.isEmpty, !state.corpus.sources.isEmpty else { return [.bell] }
        state.coverage = CoverageView(row: state.timeline.selected)
        Reducer.clampAll(&state)
        return []
    }

    /// Enter opens the source at the event's passage, or at its top when it
    /// does not cite the event.
    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var view = state.coverage else { return [] }
        let matrix = CoverageLayout(state.size, state.corpus.sources.count)
        let page = max(1, matrix.rows.height - 1)
        switch action {
        case .back, .backOrQuit:
            state.coverage = nil
            return []
        case .moveDown: view.row += 1
        case .moveUp: view.row -= 1
        case .pageDown: view.row += page
        case .pageUp: view.row -= page
        case .top: view.row = 0
        case .bottom: view.row = state.corpus.events.count - 1
        case .nextColumn: view.column += 1
        case .previousColumn: view.column -= 1
        case .open:
            let event = state.corpus.events[view.row], source = state.corpus.sources[view.column]
            let range = event.citations.first { $0.sourceID == source.id }?.passage.range
            state.coverage = view
            state.article = ArticlePane.opened(source.id, for: event, at: range, text: ArticleScreen.text(state), state)
            return []
        default: break
        }
        state.coverage = view
        Reducer.clampAll(&state)
        return []
    }

    static func mouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard var view = state.coverage else { return [] }
        if let wheel = event.wheelRows {
            // The wheel moves the focused row with the view, as in the timeline.
            view.rowScroll += wheel
            view.row += wheel
        } else {
            let matrix = CoverageLayout(state.size, state.corpus.sources.count)
            guard let row = matrix.row(atY: event.y, scroll: view.rowScroll),
                  let column = matrix.column(atX: event.x, scroll: view.columnScroll) else { return [] }
            view.row = row
            view.column = column
        }
        state.coverage = view
        return []
    }

    static func clamp(_ state: inout AppState) {
        guard var view = state.coverage, !state.corpus.events.isEmpty, !state.corpus.sources.isEmpty else { return }
        let matrix = CoverageLayout(state.size, state.corpus.sources.count)
        view.row = min(max(0, view.row), state.corpus.events.count - 1)
        view.column = min(max(0, view.column), state.corpus.sources.count - 1)
        view.rowScroll = Reducer.clamp(Reducer.scrollToShow(view.row..<(view.row + 1), current: view.rowScroll, height: matrix.rows.height),
                                       rows: state.corpus.events.count, height: matrix.rows.height)
        view.columnScroll = Reducer.clamp(Reducer.scrollToShow(view.column..<(view.column + 1), current: view.columnScroll, height: matrix.visibleColumns),
                                          rows: state.corpus.sources.count, height: matrix.visibleColumns)
        state.coverage = view
    }

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let view = state.coverage else { return }
        let corpus = state.corpus
        let matrix = CoverageLayout(state.size, corpus.sources.count)
        let columns = view.columnScroll..<min(corpus.sources.count, view.columnScroll + matrix.visibleColumns)
        let cellsX = matrix.rows.x + matrix.labelWidth + 1
        // Header: a mark (or number) per source; the focused one highlighted.
        grid.put(" Event", x: matrix.header.x, y: matrix.header.y, maxWidth: matrix.labelWidth, role: .label)
        for (offset, column) in columns.enumerated() {
            let source = corpus.sources[column]
            let mark = state.data.outletMarks[source.id].map(String.init) ?? String(column + 1)
            grid.put(" " + mark, x: cellsX + offset * CoverageLayout.cellWidth, y: matrix.header.y,
                     maxWidth: CoverageLayout.cellWidth, role: column == view.column ? .selection : .label)
        }
        if columns.lowerBound > 0 { grid.put("◂", x: cellsX - 1, y: matrix.header.y, role: .dim) }
        if columns.upperBound < corpus.sources.count {
            grid.put("▸", x: min(matrix.header.maxX - 1, cellsX + columns.count * CoverageLayout.cellWidth), y: matrix.header.y, role: .dim)
        }
        for (offset, row) in (view.rowScroll..<min(corpus.events.count, view.rowScroll + matrix.rows.height)).enumerated() {
            let y = matrix.rows.y + offset
            let event = corpus.events[row]
            let label = " " + BrowserData.listDate(event) + "  " + event.title
            grid.put(label, x: matrix.rows.x, y: y, maxWidth: matrix.labelWidth, role: row == view.row ? .selectionUnfocused : .normal)
            for (column, sourceIndex) in columns.enumerated() {
                let mark = Coverage.mark(event, corpus.sources[sourceIndex])
                let role: Role = row == view.row && sourceIndex == view.column ? .selection
                    : (mark == .cited ? .outletMark : (mark == .notCited ? .normal : .dim))
                grid.put(" " + mark.symbol + " ", x: cellsX + column * CoverageLayout.cellWidth, y: y, maxWidth: CoverageLayout.cellWidth, role: role)
            }
        }
        // What the focused cell says, in words.
        if matrix.explanation.height > 0, corpus.events.indices.contains(view.row), corpus.sources.indices.contains(view.column) {
            let event = corpus.events[view.row], source = corpus.sources[view.column]
            let meaning: String
            switch Coverage.mark(event, source) {
            case .cited: meaning = "cites it (Enter: the passage)"
            case .notCited: meaning = "published on or after it, does not cite it (Enter: the article)"
            case .notYetPublished: meaning = "published before it happened"
            }
            grid.fill(matrix.explanation, role: .border)
            grid.put(" \(source.outlet) · \(source.published.displayText) — \(meaning)   ● cited ○ not cited · before",
                     x: matrix.explanation.x, y: matrix.explanation.y, maxWidth: matrix.explanation.width, role: .border)
        }
    }
}
