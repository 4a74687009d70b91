/// The filter picker: actors, outlets or tags with the number of events
/// each keeps, drawn over the timeline like the help overlay.
public enum PickerOverlay {
    static func box(_ state: AppState) -> Rect? {
        guard let picker = state.picker else { return nil }
        let body = ScreenLayout(state.size).body
        let widest = picker.items.map { TextWidth.of($0.label) }.max() ?? 10
        let width = min(body.width, max(46, widest + 14))
        let height = min(body.height, picker.items.count + 4)
        guard width >= 12, height >= 4 else { return nil }
        return Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
    }

    /// Rows of items the box shows at once.
    static func listHeight(_ state: AppState) -> Int {
        (box(state)?.height ?? 4) - 4
    }

    static func title(_ kind: AppState.FilterKind) -> String {
        switch kind {
        case .actor: return "Filter by actor"
        case .source: return "Filter by outlet"
        case .tag: return "Filter by tag"
        case .date: return "Filter by date"
        }
    }

    static func draw(_ state: AppState, into grid: inout Grid) {
        guard let picker = state.picker, let box = box(state) else { return }
        grid.fill(box, role: .normal)
        HelpOverlay.drawBorder(into: &grid, box, title: title(picker.kind))
        let inner = box.inset(left: 2, right: 2, top: 1, bottom: 2)
        let current: String? = picker.kind == .actor ? state.filters.actor : (picker.kind == .source ? state.filters.source : state.filters.tag)
        for (row, item) in picker.items.enumerated().dropFirst(picker.scroll).prefix(inner.height).enumerated() {
            let y = inner.y + row
            let selected = item.offset == picker.selected
            let role: Role = selected ? .selection : .normal
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            let count = String(item.element.count)
            let mark = item.element.value == current ? "✓ " : "  "
            grid.put(mark + item.element.label, x: inner.x, y: y, maxWidth: max(0, inner.width - count.count - 1), role: role)
            grid.put(count, x: inner.maxX - count.count, y: y, role: selected ? role : .dim)
        }
        grid.put("Enter filters (again: clears) · Esc closes", x: inner.x, y: box.maxY - 2, maxWidth: inner.width, role: .dim)
    }
}
