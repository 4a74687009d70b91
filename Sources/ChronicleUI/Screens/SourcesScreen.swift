import ChronicleModel

extension ScreenKind {
    public static let sources = ScreenKind("sources")
}

/// The list of the corpus's articles: where a chronology is started from,
/// before any event cites them.
public struct SourcesView: Sendable, Hashable {
    public var selected = 0
    public var scroll = 0
}

extension AppState {
    public var sourcesView: SourcesView? {
        get { state(of: .sources) }
        set { setState(of: .sources, newValue) }
    }
}

enum SourcesScreen {
    static let screen = Screen(
        kind: .sources, title: "Articles", helpTitle: "Keys: articles",
        bindings: Keymap.movement + [
            Binding(keys: [.enter], action: .open, help: "Read the article (v there selects a passage to cite)"),
        ] + Keymap.leaving + Keymap.places + Keymap.general,
        inputs: [.markPrompt, .palette],
        hints: { _ in [Hint(.open, "read"), Hint(.toggleHelp, "help"), Hint(.back, "back")] },
        reduce: reduce, clamp: clamp, draw: draw,
        position: { state in "\((state.sourcesView?.selected ?? 0) + 1)/\(state.corpus.sources.count)" })

    static func open(_ state: inout AppState) -> [Effect] {
        guard !state.corpus.sources.isEmpty else {
            state.notice = "The corpus has no articles yet: chronicle add FILE --corpus DIR adds them"
            return [.bell]
        }
        state.sourcesView = SourcesView()
        Reducer.clampAll(&state)
        return []
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var view = state.sourcesView else { return [] }
        let page = max(1, ScreenLayout(state.size).body.height - 1)
        switch action {
        case .back, .backOrQuit:
            state.sourcesView = nil
            return []
        case .moveDown: view.selected += 1
        case .moveUp: view.selected -= 1
        case .pageDown: view.selected += page
        case .pageUp: view.selected -= page
        case .top: view.selected = 0
        case .bottom: view.selected = state.corpus.sources.count - 1
        case .open:
            guard state.corpus.sources.indices.contains(view.selected) else { return [.bell] }
            state.sourcesView = view
            state.article = ArticlePane(sourceID: state.corpus.sources[view.selected].id, eventID: nil, state: state)
            return []
        default: break
        }
        state.sourcesView = view
        Reducer.clampAll(&state)
        return []
    }

    static func clamp(_ state: inout AppState) {
        guard var view = state.sourcesView else { return }
        let rows = ScreenLayout(state.size).body.height
        view.selected = min(max(0, view.selected), max(0, state.corpus.sources.count - 1))
        view.scroll = Reducer.clamp(Reducer.scrollToShow(view.selected..<(view.selected + 1), current: view.scroll, height: rows),
                                    rows: state.corpus.sources.count, height: rows)
        state.sourcesView = view
    }

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let view = state.sourcesView else { return }
        let body = layout.body
        for (row, index) in state.corpus.sources.indices.dropFirst(view.scroll).prefix(body.height).enumerated() {
            let source = state.corpus.sources[index]
            let y = body.y + row
            let selected = index == view.selected
            grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1), role: selected ? .selection : .normal)
            let cited = state.data.citedPassageCount(of: source.id)
            let head = " \(source.outlet) · \(source.published.displayText)\(source.published.inferred ? "*" : "") · "
            let x = body.x + grid.put(head, x: body.x, y: y, maxWidth: body.width, role: selected ? .selection : .label)
            let tail = "  \(cited) cited"
            let room = max(0, body.maxX - x - TextWidth.of(tail))
            grid.put(source.title ?? "(untitled)", x: x, y: y, maxWidth: room, role: selected ? .selection : (source.title == nil ? .dim : .normal))
            grid.put(tail, x: body.maxX - TextWidth.of(tail), y: y, role: selected ? .selection : .dim)
        }
    }
}
