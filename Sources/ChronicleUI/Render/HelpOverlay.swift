/// The help overlay, generated from the keymap of the screen beneath it.
public enum HelpOverlay {
    /// "  j ↓        Move down", grouped under headings, for one screen.
    public static func lines(for screen: ScreenKind) -> [(keys: String, help: String, isHeading: Bool)] {
        var lines: [(String, String, Bool)] = []
        var groups: [String] = []
        let bindings = Keymap.bindings(for: screen)
        for binding in bindings where !groups.contains(binding.action.group) { groups.append(binding.action.group) }
        for group in groups {
            lines.append((group, "", true))
            for binding in bindings where binding.action.group == group {
                lines.append((binding.keys.map(\.label).joined(separator: " "), binding.action.help, false))
            }
        }
        return lines
    }

    static func title(for screen: ScreenKind) -> String {
        switch screen {
        case .timeline: return "Keys: timeline"
        case .reader: return "Keys: article"
        case .compare: return "Keys: side by side"
        case .coverage: return "Keys: coverage"
        case .help: return "Keys"
        }
    }

    static func draw(into grid: inout Grid, screen: ScreenKind, scroll: Int, area: Rect) {
        let lines = lines(for: screen)
        let keyWidth = min(18, (lines.map { TextWidth.of($0.keys) }.max() ?? 0) + 2)
        let helpWidth = lines.map { TextWidth.of($0.help) }.max() ?? 0
        let width = min(area.width, keyWidth + helpWidth + 4)
        let height = min(area.height, lines.count + 3)
        guard width >= 10, height >= 3 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        grid.fill(box, role: .normal)
        drawBorder(into: &grid, box, title: title(for: screen))
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
