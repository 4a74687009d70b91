import ChronicleModel

extension ScreenKind {
    public static let selection = ScreenKind("selection")
}

/// Selecting a passage of the article to cite (vim's and lazygit's visual
/// mode): the selection grows by words and sentences, never cuts a
/// character and stays in the body; `c` cites it for the event, `e` makes a
/// new event from it.
enum SelectionScreen {
    static let screen = Screen(
        kind: .selection, title: "Selection", helpTitle: "Keys: selection", isOverlay: true,
        bindings: [
            Binding(keys: [.character("w"), .right], action: .extendWordForward),
            Binding(keys: [.character("b"), .left], action: .extendWordBack),
            Binding(keys: [.character(")")], action: .extendSentenceForward),
            Binding(keys: [.character("(")], action: .extendSentenceBack),
            Binding(keys: [.character("s")], action: .selectSentence),
            Binding(keys: [.character("o")], action: .swapSelectionEnds),
            Binding(keys: [.character("W")], action: .moveSelectionForward),
            Binding(keys: [.character("B")], action: .moveSelectionBack),
            Binding(keys: [.character("c")], action: .cite),
            Binding(keys: [.character("e")], action: .newEvent),
            Binding(keys: [.character("y")], action: .copy, help: "Copy the selection with its citation (OSC 52)"),
            Binding(keys: [.down, .character("j")], action: .extendRowDown),
            Binding(keys: [.up, .character("k")], action: .extendRowUp),
            Binding(keys: [.pageDown, .control("f")], action: .pageDown),
            Binding(keys: [.pageUp, .control("b")], action: .pageUp),
            Binding(keys: [.escape, .character("v")], action: .cancel, help: "Leave the selection"),
            Binding(keys: [.character("?")], action: .toggleHelp),
            Binding(keys: [.character("Q")], action: .quit),
        ],
        hints: { _ in [Hint(.extendWordForward, "word"), Hint(.extendSentenceForward, "sentence"), Hint(.selectSentence, "whole sentence"),
                       Hint(.cite, "cite"), Hint(.newEvent, "new event"), Hint(.cancel, "leave")] },
        reduce: reduce, draw: { _, _, _ in },
        position: { state in
            guard let pane = state.article, let selection = pane.selection, let source = state.corpus.source(pane.sourceID) else { return "" }
            let words = PassageSelectionText.words(source.displayText(selection.range))
            return "\(Plural.count(words, "word")) · line \(source.lines.line(containing: selection.range.lowerBound))"
        })

    /// `v` in an article: the first word of body text in view is selected.
    /// A read-only corpus may be selected in too, to copy: citing is refused.
    static func open(_ state: inout AppState) -> [Effect] {
        guard var pane = state.article, let source = state.corpus.source(pane.sourceID) else { return [.bell] }
        let text = ArticleScreen.text(state)
        let layout = pane.layout(width: text.width, state)
        // The first body glyph at or below the top of the view.
        let inView = layout?.rows.dropFirst(pane.scroll).lazy.flatMap { $0 }.first { glyph in
            glyph.offset >= 0 && source.quotableRanges.contains { $0.contains(glyph.offset) }
        }
        guard let selection = PassageSelection(source: source, at: inView?.offset ?? 0) else {
            state.notice = "This article has no body text to cite"
            return [.bell]
        }
        pane.selection = selection
        pane.show(offset: selection.head, text: text, state)
        state.article = pane
        state.open(.selection)
        return []
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var pane = state.article, var selection = pane.selection, let source = state.corpus.source(pane.sourceID) else {
            state.closeTop()
            return []
        }
        let text = ArticleScreen.text(state)
        switch action {
        case .extendWordForward: selection.extendWordForward(in: source)
        case .extendWordBack: selection.extendWordBack(in: source)
        case .extendSentenceForward: selection.extendSentenceForward(in: source)
        case .extendSentenceBack: selection.extendSentenceBack(in: source)
        case .selectSentence: selection.selectSentence(in: source)
        case .swapSelectionEnds: selection.swapEnds()
        case .moveSelectionForward: selection.move(forward: true, in: source)
        case .moveSelectionBack: selection.move(forward: false, in: source)
        case .extendRowDown, .extendRowUp:
            guard let offset = rowNeighbour(of: selection.head, down: action == .extendRowDown, pane, text: text, state) else { return [.bell] }
            selection.extendHead(toWordAt: offset, in: source)
        case .cancel:
            close(&state)
            return []
        case .cite, .newEvent:
            if let refused = Reducer.refusedAsReadOnly(&state) { return refused }
            guard action == .newEvent else { return cite(selection, in: source, &state) }
            guard let citation = QuoteChooser.citation(of: selection.range, in: source) else { return cannotAnchor(&state) }
            close(&state)
            EventFormScreen.openNew(citation, selection: selection.range, in: source, &state)
            return []
        default:
            pane.scroll(action, text: text, state)
            state.article = pane
            Reducer.clampAll(&state)
            return []
        }
        pane.selection = selection
        pane.show(offset: selection.head, text: text, state)
        state.article = pane
        Reducer.clampAll(&state)
        return []
    }

    /// The place on the row below (or above) the head, at the head's column,
    /// as the pane lays the article out.
    static func rowNeighbour(of head: Int, down: Bool, _ pane: ArticlePane, text: Rect, _ state: AppState) -> Int? {
        guard let rows = pane.layout(width: text.width, state)?.rows else { return nil }
        guard let row = rows.lastIndex(where: { $0.contains { $0.offset >= 0 && $0.offset < head } }) else { return nil }
        var column = 0
        for glyph in rows[row] {
            if glyph.offset >= head { break }
            column += glyph.glyph.width
        }
        var target = down ? row + 1 : row - 1
        while rows.indices.contains(target), !rows[target].contains(where: { $0.offset >= 0 }) { target += down ? 1 : -1 }
        guard rows.indices.contains(target) else { return nil }
        var x = 0
        var found: Int?
        for glyph in rows[target] {
            if glyph.offset >= 0 { found = glyph.offset }
            x += glyph.glyph.width
            if x >= column, found != nil { break }
        }
        return found
    }

    /// Cites the selection for the event the article was opened for, or the timeline's.
    static func cite(_ selection: PassageSelection, in source: Source, _ state: inout AppState) -> [Effect] {
        let eventID = state.article?.eventID ?? state.shownEvent?.id
        guard let eventID, let event = state.corpus.event(eventID) else {
            state.notice = "No event to cite it for: e makes a new event from it"
            return [.bell]
        }
        guard let citation = QuoteChooser.citation(of: selection.range, in: source) else { return cannotAnchor(&state) }
        if event.citations.contains(where: { $0.sourceID == source.id && $0.passage.range == selection.range }) {
            state.notice = "“\(event.title)” cites this passage already"
            return [.bell]
        }
        close(&state)
        return [.edit(.addCitation(eventID: eventID, citation))]
    }

    static func cannotAnchor(_ state: inout AppState) -> [Effect] {
        state.notice = "This selection cannot be quoted so that it is found once: select a few more words"
        return [.bell]
    }

    static func close(_ state: inout AppState) {
        if state.top == .selection { state.closeTop() }
        state.article?.selection = nil
    }
}

/// Counting what a selection holds, for the status line.
enum PassageSelectionText {
    static func words(_ text: String) -> Int { text.split(whereSeparator: { $0.isWhitespace }).count }
}
