import ChronicleModel

extension ScreenKind {
    public static let searchLine = ScreenKind("search line")
}

/// The search line in the status bar: every keystroke runs the query and
/// narrows the timeline; Enter keeps the search, Esc clears it.
enum SearchLineScreen {
    static let screen = Screen(
        kind: .searchLine, title: "Search line", helpTitle: "Keys: search line", isOverlay: true,
        bindings: Keymap.lineEditing + [
            Binding(keys: [.control("w")], action: .deleteWord),
            Binding(keys: [.enter], action: .accept, help: "Keep the search and give the keys back"),
            Binding(keys: [.escape, .control("c"), .control("g")], action: .cancel, help: "Clear the search and close the line"),
            Binding(keys: [.up], action: .historyPrevious),
            Binding(keys: [.down], action: .historyNext),
        ],
        takesText: "Type the query: the timeline narrows as you type",
        reduce: reduce,
        // The screen beneath keeps its mouse while the line is open.
        mouse: { event, state in Screens[state.screen].mouse(event, &state) },
        draw: { state, _, grid in StatusBar.drawTyped("/", state.search.query, state, into: &grid) })

    /// Where ↑ and ↓ are in the history of searches (nil: the line typed).
    struct History: Sendable { var position: Int? }

    /// `/` from any screen: the line opens on the current query, to refine it.
    static func open(_ state: inout AppState) {
        state.setState(of: .searchLine, History())
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .insert(let c):
            state.search.query.append(c)
        case .deleteCharacter:
            guard !state.search.query.isEmpty else { return [.bell] }
            state.search.query.removeLast()
        case .clearLine:
            state.search.query = ""
        case .deleteWord:
            // Delete the last word, as shells do.
            while state.search.query.last == " " { state.search.query.removeLast() }
            while let last = state.search.query.last, last != " " { state.search.query.removeLast() }
        case .accept:
            state.closeTop()
            let query = state.search.query.trimmingCharacters(in: .whitespaces)
            guard !query.isEmpty else { return [] }
            // Kept across runs, as less keeps ~/.lesshst: the shell writes it.
            state.search.history.removeAll { $0 == query }
            state.search.history.append(query)
            return [.remember(query, .search)]
        case .cancel:
            Reducer.clearSearch(&state)
            return []
        case .historyPrevious, .historyNext:
            let history = state.search.history
            guard !history.isEmpty else { return [.bell] }
            var position = state.state(of: .searchLine, as: History.self)?.position ?? history.count
            position += action == .historyPrevious ? -1 : 1
            guard position >= 0 else { return [.bell] }
            state.setState(of: .searchLine, History(position: position < history.count ? position : nil))
            state.search.query = position < history.count ? history[position] : ""
        default:
            return []
        }
        Reducer.updateSearch(&state)
        return []
    }
}
