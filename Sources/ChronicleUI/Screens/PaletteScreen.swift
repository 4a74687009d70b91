import ChronicleModel

extension ScreenKind {
    public static let palette = ScreenKind("palette")
}

/// `:`: every command of the screen beneath by its help sentence, with
/// its keys, filtered as the reader types (VisiData's and helix's command
/// palette). It is generated from the same key tables as the help, so a
/// command with no key left is still here; Enter runs the one chosen.
enum PaletteScreen {
    struct Palette: Sendable {
        var query = ""
        var selected = 0
        var scroll = 0
    }

    struct Item: Sendable {
        let action: Action
        let help: String
        let keys: String
    }

    static let screen = Screen(
        kind: .palette, title: "Commands", helpTitle: "Keys: command palette", isOverlay: true,
        bindings: Keymap.lineEditing + [
            Binding(keys: [.down, .control("n")], action: .moveDown),
            Binding(keys: [.up, .control("p")], action: .moveUp),
            Binding(keys: [.pageDown], action: .pageDown),
            Binding(keys: [.pageUp], action: .pageUp),
            Binding(keys: [.control("w")], action: .deleteWord),
            Binding(keys: [.enter], action: .accept, help: "Run the command chosen"),
            Binding(keys: [.escape, .control("c"), .control("g")], action: .cancel, help: "Close the palette"),
        ],
        takesText: "Type words of the command: the list narrows as you type",
        reduce: reduce, draw: draw)

    static func open(_ state: inout AppState) {
        state.setState(of: .palette, Palette())
    }

    /// The screen whose commands the palette lists: the one beneath it.
    static func subject(_ state: AppState) -> ScreenKind {
        guard let at = state.stack.lastIndex(where: { $0.kind == .palette }), at > 0 else { return .timeline }
        return state.stack[at - 1].kind
    }

    /// The commands of a screen, in its help's order, each once.
    static func items(on kind: ScreenKind, _ state: AppState) -> [Item] {
        var seen: Set<Action> = [.openPalette]
        return state.keys.bindings(on: kind).compactMap { binding in
            guard seen.insert(binding.action).inserted else { return nil }
            return Item(action: binding.action, help: binding.help, keys: binding.keys.map(\.label).joined(separator: " "))
        }
    }

    /// The commands whose sentence or name holds every word typed.
    static func matching(_ query: String, on kind: ScreenKind, _ state: AppState) -> [Item] {
        let words = query.lowercased().split(separator: " ")
        return items(on: kind, state).filter { item in
            let text = (item.help + " " + item.action.name).lowercased()
            return words.allSatisfy { text.contains($0) }
        }
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var palette = state.state(of: .palette, as: Palette.self) else { return [] }
        let subject = subject(state)
        let height = max(1, listHeight(state))
        switch action {
        case .insert(let c): palette.query.append(c); palette.selected = 0
        case .deleteCharacter:
            guard !palette.query.isEmpty else { return [.bell] }
            palette.query.removeLast()
            palette.selected = 0
        case .deleteWord:
            while palette.query.last == " " { palette.query.removeLast() }
            while let last = palette.query.last, last != " " { palette.query.removeLast() }
            palette.selected = 0
        case .clearLine: palette.query = ""; palette.selected = 0
        case .moveDown: palette.selected += 1
        case .moveUp: palette.selected -= 1
        case .pageDown: palette.selected += height
        case .pageUp: palette.selected -= height
        case .cancel:
            state.setState(of: .palette, Palette?.none)
            return []
        case .accept:
            let found = matching(palette.query, on: subject, state)
            guard found.indices.contains(palette.selected) else { return [.bell] }
            state.setState(of: .palette, Palette?.none)
            return Reducer.reduce(&state, found[palette.selected].action)
        default: return []
        }
        let count = matching(palette.query, on: subject, state).count
        palette.selected = min(max(0, palette.selected), max(0, count - 1))
        palette.scroll = Reducer.scrollToShow(palette.selected..<(palette.selected + 1), current: palette.scroll, height: height)
        state.setState(of: .palette, palette)
        return []
    }

    static func box(_ state: AppState) -> Rect? {
        let body = ScreenLayout(state.size).body
        let width = min(body.width, 76)
        // Sized for every command of the screen, so it keeps its size as the list narrows.
        let height = min(body.height, 22, items(on: subject(state), state).count + 4)
        guard width >= 20, height >= 5 else { return nil }
        return Rect(x: body.x + (body.width - width) / 2, y: body.y + max(0, (body.height - height) / 3), width: width, height: height)
    }

    /// Rows of commands the box shows at once: below the typed line, above the footer.
    static func listHeight(_ state: AppState) -> Int { (box(state)?.height ?? 5) - 4 }

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let palette = state.state(of: .palette, as: Palette.self), let box = box(state) else { return }
        let subject = subject(state)
        grid.fill(box, role: .normal)
        HelpScreen.drawBorder(into: &grid, box, title: "Commands: " + Screens[subject].title)
        let inner = box.inset(left: 2, right: 2, top: 1, bottom: 2)
        grid.put(": " + palette.query, x: inner.x, y: inner.y, maxWidth: inner.width - 1, role: .heading)
        grid.put(" ", x: min(inner.maxX - 1, inner.x + TextWidth.of(": " + palette.query)), y: inner.y, role: .statusKey)
        let found = matching(palette.query, on: subject, state)
        if found.isEmpty {
            grid.put("No command has these words", x: inner.x, y: inner.y + 1, maxWidth: inner.width, role: .dim)
        }
        let keyWidth = min(16, (found.map { TextWidth.of($0.keys) }.max() ?? 0) + 1)
        for (row, item) in found.enumerated().dropFirst(palette.scroll).prefix(max(0, inner.height - 1)).enumerated() {
            let y = inner.y + 1 + row
            let selected = item.offset == palette.selected
            let role: Role = selected ? .selection : .normal
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            grid.put(item.element.help, x: inner.x, y: y, maxWidth: max(0, inner.width - keyWidth - 1), role: role)
            let keys = item.element.keys.isEmpty ? "" : item.element.keys
            grid.put(keys, x: inner.maxX - min(keyWidth, TextWidth.of(keys)), y: y, maxWidth: keyWidth, role: selected ? role : .helpKey)
        }
        grid.put("Enter runs · ↑↓ choose · Esc closes", x: inner.x, y: box.maxY - 2, maxWidth: inner.width, role: .dim)
    }
}
