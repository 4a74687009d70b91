import ChronicleModel

extension ScreenKind {
    public static let article = ScreenKind("article")
}

extension AppState {
    /// The article screen's pane, when it is open; setting it opens the
    /// screen, nil closes it.
    public var article: ArticlePane? {
        get { state(of: .article) }
        set { setState(of: .article, newValue) }
    }
}

/// One article, opened at a passage or a search match: its header, then
/// its lines with their numbers, cited passages styled, furniture folded.
enum ArticleScreen {
    static let screen = Screen(
        kind: .article, title: "Article", helpTitle: "Keys: article",
        bindings: Keymap.movement + [
            Binding(keys: [.tab, .character("p")], action: .nextPassage),
            Binding(keys: [.backTab, .character("P")], action: .previousPassage),
            Binding(keys: [.character("z")], action: .toggleFurniture),
            Binding(keys: [.character("s")], action: .sideBySide),
            Binding(keys: [.character("v")], action: .startSelection),
        ] + Keymap.leaving + Keymap.searching + Keymap.authoring + Keymap.keeping + Keymap.places + Keymap.general,
        inputs: [.searchLine, .eventForm, .confirm, .markPrompt, .notePrompt, .palette],
        hints: { _ in [Hint(.nextPassage, "next passage"), Hint(.toggleFurniture, "furniture"), Hint(.sideBySide, "side by side"),
                       Hint(.toggleHelp, "help"), Hint(.back, "back")] },
        reduce: reduce,
        mouse: { event, state in
            if let wheel = event.wheelRows { state.article?.scroll += wheel }
            return []
        },
        clamp: { state in
            guard var article = state.article else { return }
            article.clamp(text: text(state), state)
            state.article = article
        },
        draw: { state, layout, grid in state.article?.draw(state, in: layout.body, focused: true, into: &grid) },
        position: { state in state.article?.position(state) ?? "" })

    /// The text area the article is laid out in.
    static func text(_ state: AppState) -> Rect { ScreenLayout.articleText(in: state.layoutBody) }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var article = state.article else { return [] }
        switch action {
        case .back, .backOrQuit:
            state.article = nil
            return []
        case .sideBySide:
            return SideBySideScreen.open(&state)
        case .startSelection:
            return SelectionScreen.open(&state)
        case .search:
            SearchLineScreen.open(&state)
            return []
        case .nextHit, .previousHit:
            let effects = article.stepMatch(action == .nextHit, text: text(state), &state)
            state.article = article
            return effects
        default:
            article.scroll(action, text: text(state), state)
        }
        state.article = article
        Reducer.clampAll(&state)
        return []
    }

    /// The search's matches in the open article, worked out again after the search changed.
    static func refreshMatches(_ state: inout AppState) {
        guard var article = state.article else { return }
        article.matches = ArticlePane.matches(in: article.sourceID, state)
        state.article = article
    }
}
