import ChronicleModel

extension ScreenKind {
    public static let sideBySide = ScreenKind("side by side")
}

/// Two articles next to each other (one above the other when narrow), each
/// at its passage for an event.
public struct SideBySide: Sendable, Hashable {
    public var panes: [ArticlePane]
    public var focus = 0
    public var eventID: String?
}

extension AppState {
    /// The side-by-side screen's state, when it is open; setting it opens
    /// the screen, nil closes it.
    public var sideBySide: SideBySide? {
        get { state(of: .sideBySide) }
        set { setState(of: .sideBySide, newValue) }
    }
}

enum SideBySideScreen {
    static let screen = Screen(
        kind: .sideBySide, title: "Side by side", helpTitle: "Keys: side by side",
        bindings: Keymap.movement + [
            Binding(keys: [.left, .right, .character("h"), .character("l"), .character("w")], action: .switchPane),
            Binding(keys: [.character("]")], action: .nextSource),
            Binding(keys: [.character("[")], action: .previousSource),
            Binding(keys: [.tab, .character("p")], action: .nextPassage),
            Binding(keys: [.backTab, .character("P")], action: .previousPassage),
            Binding(keys: [.character("z")], action: .toggleFurniture),
            Binding(keys: [.character("O")], action: .toggleMaximize),
        ] + Keymap.leaving + Keymap.searching + Keymap.keeping + Keymap.places + Keymap.general,
        inputs: [.searchLine, .markPrompt, .notePrompt, .palette],
        hints: { _ in [Hint(.switchPane, "other pane"), Hint(.nextSource, "next source"), Hint(.nextPassage, "next passage"),
                       Hint(.toggleHelp, "help"), Hint(.back, "back")] },
        reduce: reduce, mouse: mouse, clamp: clamp, draw: draw,
        position: { state in state.sideBySide.map { $0.panes[$0.focus].position(state) } ?? "" })

    /// The two panes as drawn: both, or the focused one alone (O).
    static func panes(_ state: AppState) -> (first: Rect, divider: Rect, second: Rect) {
        guard state.maximized, let view = state.sideBySide else { return ScreenLayout(state.size).sideBySide }
        return ScreenLayout(state.size).sideBySide(panes: view.focus == 0 ? .first : .second)
    }

    /// The text areas of the two panes; a pane hidden by the other's
    /// taking the whole body keeps the area it has beside it, so its
    /// scroll keeps its meaning.
    static func texts(_ state: AppState) -> [Rect] {
        let shown = panes(state), both = ScreenLayout(state.size).sideBySide
        return [shown.first.isEmpty ? both.first : shown.first, shown.second.isEmpty ? both.second : shown.second]
            .map(ScreenLayout.articleText(in:))
    }

    // MARK: Opening

    /// Opens the selected event's first two sources next to each other, each
    /// at its passage; with one source, the second pane shows another
    /// article. From an article, that article stays in the first pane.
    static func open(_ state: inout AppState) -> [Effect] {
        let reader = state.top == .article ? state.article : nil
        let event = reader?.eventID.flatMap { state.corpus.event($0) } ?? state.shownEvent
        let order = sourceOrder(for: event, state)
        guard order.count >= 2 else {
            state.notice = "Side by side needs two articles in the corpus"
            return [.bell]
        }
        var first = order[0], second = order[1]
        if let reader {
            first = reader.sourceID
            second = order.first { $0 != first } ?? second
        }
        var view = SideBySide(panes: [], focus: 0, eventID: event?.id)
        for (sourceID, text) in zip([first, second], texts(state)) {
            var pane = ArticlePane(sourceID: sourceID, eventID: event?.id, state: state)
            if let passage = firstPassage(of: event, in: sourceID, state) { pane.showPassage(passage, text: text, state) }
            view.panes.append(pane)
        }
        if let reader, reader.sourceID == first {
            // The reader's place, found again at the pane's width by its anchor.
            view.panes[0].scroll = reader.scroll
            view.panes[0].anchor = reader.anchor
            view.panes[0].passage = reader.passage
        }
        if event == nil {
            state.notice = reader == nil ? "No event is shown: the first two articles side by side" : nil
        } else if event.map({ Set($0.sourceIDs).count < 2 }) ?? true {
            state.notice = "Only one source cites this event; the second pane shows another article"
        }
        state.sideBySide = view
        Reducer.clampAll(&state)
        return []
    }

    /// The first two readings that differ, each at a passage from a different source.
    static func openDifferences(_ state: inout AppState) -> [Effect] {
        guard let event = state.shownEvent,
              let disagreement = Disagreement.find(in: event, corpus: state.corpus).first,
              disagreement.readings.count >= 2 else {
            state.notice = "The sources of this event do not differ on any recorded or detected detail"
            return [.bell]
        }
        let first = event.citations[disagreement.readings[0].citations[0]]
        guard let second = disagreement.readings.dropFirst().flatMap(\.citations).map({ event.citations[$0] })
            .first(where: { $0.sourceID != first.sourceID }) else { return [.bell] }
        var view = SideBySide(panes: [], focus: 0, eventID: event.id)
        for (citation, text) in zip([first, second], texts(state)) {
            var pane = ArticlePane(sourceID: citation.sourceID, eventID: event.id, state: state)
            if let passage = state.data.passageIndex(source: citation.sourceID, range: citation.passage.range) {
                pane.showPassage(passage, text: text, state)
            }
            view.panes.append(pane)
        }
        state.sideBySide = view
        state.notice = "\(disagreement.subject): " + disagreement.readings.prefix(2).map(\.text).joined(separator: " vs ")
        Reducer.clampAll(&state)
        return []
    }

    /// The sources citing the event first, in citation order, then the rest.
    static func sourceOrder(for event: Event?, _ state: AppState) -> [String] {
        let citing = event?.sourceIDs ?? []
        return citing + state.corpus.sources.map(\.id).filter { !citing.contains($0) }
    }

    static func firstPassage(of event: Event?, in sourceID: String, _ state: AppState) -> Int? {
        guard let event, let citation = event.citations.first(where: { $0.sourceID == sourceID }) else { return nil }
        return state.data.passageIndex(source: sourceID, range: citation.passage.range)
    }

    // MARK: Keys

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var view = state.sideBySide, view.panes.count == 2 else { return [] }
        let text = texts(state)[view.focus]
        let event = view.eventID.flatMap { state.corpus.event($0) }
        switch action {
        case .back, .backOrQuit:
            state.sideBySide = nil
            return []
        case .switchPane:
            view.focus = 1 - view.focus
        case .toggleMaximize:
            state.maximized.toggle()
        case .search:
            SearchLineScreen.open(&state)
            return []
        case .nextHit, .previousHit:
            let effects = view.panes[view.focus].stepMatch(action == .nextHit, text: text, &state)
            state.sideBySide = view
            return effects
        case .nextSource, .previousSource:
            let other = view.panes[1 - view.focus].sourceID
            let candidates = sourceOrder(for: event, state).filter { $0 != other }
            guard let current = candidates.firstIndex(of: view.panes[view.focus].sourceID) ?? candidates.indices.first else { return [.bell] }
            let step = action == .nextSource ? 1 : candidates.count - 1
            let sourceID = candidates[(current + step) % candidates.count]
            var pane = ArticlePane(sourceID: sourceID, eventID: view.eventID, state: state)
            if let passage = firstPassage(of: event, in: sourceID, state) { pane.showPassage(passage, text: text, state) }
            view.panes[view.focus] = pane
        default:
            view.panes[view.focus].scroll(action, text: text, state)
        }
        state.sideBySide = view
        Reducer.clampAll(&state)
        return []
    }

    static func mouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard var view = state.sideBySide else { return [] }
        let panes = panes(state)
        let index = panes.first.contains(x: event.x, y: event.y) ? 0 : (panes.second.contains(x: event.x, y: event.y) ? 1 : nil)
        guard let index, view.panes.indices.contains(index) else { return [] }
        if let wheel = event.wheelRows { view.panes[index].scroll += wheel } else { view.focus = index }
        state.sideBySide = view
        return []
    }

    static func clamp(_ state: inout AppState) {
        guard var view = state.sideBySide else { return }
        for (index, text) in texts(state).enumerated() where view.panes.indices.contains(index) {
            view.panes[index].clamp(text: text, state)
        }
        state.sideBySide = view
    }

    /// The search's matches in both panes, worked out again after the search changed.
    static func refreshMatches(_ state: inout AppState) {
        guard var view = state.sideBySide else { return }
        for index in view.panes.indices { view.panes[index].matches = ArticlePane.matches(in: view.panes[index].sourceID, state) }
        state.sideBySide = view
    }

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let view = state.sideBySide, view.panes.count == 2 else { return }
        let panes = panes(state)
        if !panes.first.isEmpty { view.panes[0].draw(state, in: panes.first, focused: view.focus == 0, into: &grid) }
        if !panes.second.isEmpty { view.panes[1].draw(state, in: panes.second, focused: view.focus == 1, into: &grid) }
        if layout.stacks {
            for x in panes.divider.x..<panes.divider.maxX { grid.put("─", x: x, y: panes.divider.y, role: .border) }
        } else {
            for y in panes.divider.y..<panes.divider.maxY { grid.put("│", x: panes.divider.x, y: y, role: .border) }
        }
    }
}
