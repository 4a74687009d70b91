extension ScreenKind {
    public static let help = ScreenKind("help")
}

/// The keys of the screen beneath, generated from its keymap (and those of
/// the inputs it opens), in a box over it.
enum HelpScreen {
    static let screen = Screen(
        kind: .help, title: "Help", helpTitle: "Keys: help", isOverlay: true,
        bindings: [
            Binding(keys: [.down, .character("j")], action: .moveDown),
            Binding(keys: [.up, .character("k")], action: .moveUp),
            Binding(keys: [.character("?"), .escape, .character("q")], action: .toggleHelp),
            Binding(keys: [.character("Q")], action: .quit),
        ],
        reduce: reduce, draw: draw)

    /// How far the help is scrolled.
    struct Scroll: Sendable { var rows = 0 }

    static func open(_ state: inout AppState) {
        state.setState(of: .help, Scroll())
    }

    /// The screen whose keys the help lists: the one it was opened over.
    static func subject(_ state: AppState) -> ScreenKind {
        guard let at = state.stack.lastIndex(where: { $0.kind == .help }), at > 0 else { return .timeline }
        return state.stack[at - 1].kind
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        var scroll = state.state(of: .help, as: Scroll.self) ?? Scroll()
        switch action {
        case .moveDown: scroll.rows += 1
        case .moveUp: scroll.rows = max(0, scroll.rows - 1)
        default: break
        }
        scroll.rows = min(scroll.rows, max(0, lines(for: subject(state), keys: state.keys).count - 1))
        state.setState(of: .help, scroll)
        return []
    }

    /// "  j ↓        Move down", grouped under headings, for one screen,
    /// then a section for each input it opens.
    public static func lines(for kind: ScreenKind, keys: KeyBindings = .defaults) -> [(keys: String, help: String, isHeading: Bool)] {
        var lines: [(String, String, Bool)] = []
        let rows = keys.keyRows(on: kind)
        var groups: [String] = []
        for row in rows where !groups.contains(row.group) { groups.append(row.group) }
        for group in groups {
            lines.append((group, "", true))
            for row in rows where row.group == group { lines.append((row.keys, row.help, false)) }
        }
        for input in Screens[kind].inputs {
            let screen = Screens[input]
            lines.append((screen.title, "", true))
            for row in keys.keyRows(on: input) { lines.append((row.keys, row.help, false)) }
        }
        if let mouse = keys.key(for: .toggleMouse, on: kind) {
            lines.append(("Mouse", "", true))
            lines.append(("", "Shift-drag selects text while the mouse is on; \(mouse.label) turns it off", false))
        }
        return lines
    }

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        let kind = subject(state), area = layout.body
        let scroll = state.state(of: .help, as: Scroll.self)?.rows ?? 0
        let lines = lines(for: kind, keys: state.keys)
        let keyWidth = min(18, (lines.map { TextWidth.of($0.keys) }.max() ?? 0) + 2)
        let helpWidth = lines.map { TextWidth.of($0.help) }.max() ?? 0
        let width = min(area.width, keyWidth + helpWidth + 4)
        let height = min(area.height, lines.count + 3)
        guard width >= 10, height >= 3 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        grid.fill(box, role: .normal)
        drawBorder(into: &grid, box, title: Screens[kind].helpTitle)
        let inner = box.inset(left: 2, right: 2, top: 1, bottom: 2)
        let visible = lines.dropFirst(min(scroll, max(0, lines.count - inner.height))).prefix(inner.height)
        for (row, line) in visible.enumerated() {
            let y = inner.y + row
            if line.isHeading {
                grid.put(line.keys, x: inner.x, y: y, maxWidth: inner.width, role: .heading)
            } else {
                grid.put(line.keys, x: inner.x, y: y, maxWidth: min(keyWidth, inner.width), role: .helpKey)
                grid.put(line.help, x: inner.x + keyWidth, y: y, maxWidth: inner.width - keyWidth, role: .normal)
            }
        }
        let footer = lines.count > inner.height ? "j/k scroll · ? or Esc closes" : "? or Esc closes"
        grid.put(footer, x: inner.x, y: box.maxY - 2, maxWidth: inner.width, role: .dim)
    }

    /// A box's frame with its title, for the overlays.
    static func drawBorder(into grid: inout Grid, _ box: Rect, title: String) {
        for x in box.x..<box.maxX {
            grid.put("─", x: x, y: box.y, role: .borderFocused)
            grid.put("─", x: x, y: box.maxY - 1, role: .borderFocused)
        }
        for y in box.y..<box.maxY {
            grid.put("│", x: box.x, y: y, role: .borderFocused)
            grid.put("│", x: box.maxX - 1, y: y, role: .borderFocused)
        }
        grid.put("┌", x: box.x, y: box.y, role: .borderFocused)
        grid.put("┐", x: box.maxX - 1, y: box.y, role: .borderFocused)
        grid.put("└", x: box.x, y: box.maxY - 1, role: .borderFocused)
        grid.put("┘", x: box.maxX - 1, y: box.maxY - 1, role: .borderFocused)
        grid.put(" \(title) ", x: box.x + 2, y: box.y, maxWidth: box.width - 4, role: .heading)
    }
}
