import ChronicleModel

extension ScreenKind {
    public static let picker = ScreenKind("picker")
}

/// A list to choose a filter from: actors, outlets or tags, each with the
/// number of events it keeps, most first.
public struct Picker: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public let value: String
        public let label: String
        public let count: Int
    }
    public let kind: AppState.FilterKind
    public let items: [Item]
    public var selected = 0
    public var scroll = 0
}

extension AppState {
    /// The filter list, when it is open; setting it opens it, nil closes it.
    public var picker: Picker? {
        get { state(of: .picker) }
        set { setState(of: .picker, newValue) }
    }
}

/// The filter list, drawn over the timeline like the help.
enum PickerScreen {
    static let screen = Screen(
        kind: .picker, title: "Filter list", helpTitle: "Keys: filter list", isOverlay: true,
        bindings: Keymap.movement + [
            Binding(keys: [.enter], action: .accept, help: "Filter by the item; on the filter in force, clear it"),
            Binding(keys: [.escape, .character("q")], action: .cancel, help: "Close the list"),
            Binding(keys: [.character("?")], action: .toggleHelp),
            Binding(keys: [.character("Q")], action: .quit),
        ],
        reduce: reduce, draw: draw)

    /// Opens the list of actors, outlets or tags, with the counts the corpus keeps.
    static func open(_ kind: AppState.FilterKind, _ state: inout AppState) -> [Effect] {
        let picker = make(kind, state.corpus)
        guard !picker.items.isEmpty else {
            state.notice = "No \(kind.rawValue)s in this corpus"
            return [.bell]
        }
        state.picker = picker
        return []
    }

    static func make(_ kind: AppState.FilterKind, _ corpus: Corpus) -> Picker {
        let counts = corpus.eventCounts
        var items: [Picker.Item]
        switch kind {
        case .actor:
            items = corpus.actors.map { .init(value: $0.id, label: $0.name, count: counts.ofActor[$0.id] ?? 0) }
        case .source:
            items = corpus.sources.enumerated().map { position, source in
                .init(value: source.id, label: "\(source.outlet) · \(source.published.displayText)", count: counts.ofSource[position])
            }
        case .tag:
            items = counts.ofTag.map { .init(value: $0.key, label: $0.key, count: $0.value) }
        case .date, .starred:
            items = []
        }
        items = items.filter { $0.count > 0 }.sorted { ($0.count, $1.label) > ($1.count, $0.label) }
        return Picker(kind: kind, items: items)
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var picker = state.picker else { return [] }
        let height = max(1, listHeight(state))
        switch action {
        case .moveDown: picker.selected += 1
        case .moveUp: picker.selected -= 1
        case .pageDown: picker.selected += height
        case .pageUp: picker.selected -= height
        case .top: picker.selected = 0
        case .bottom: picker.selected = picker.items.count - 1
        case .accept:
            let item = picker.items[min(max(0, picker.selected), picker.items.count - 1)]
            // Choosing the filter in force takes it off.
            let current = state.filters.value(of: picker.kind)
            state.picker = nil
            state.filters.set(picker.kind, current == item.value ? nil : item.value)
            Reducer.updateSearch(&state)
            return []
        case .cancel:
            state.picker = nil
            return []
        default:
            return []
        }
        picker.selected = min(max(0, picker.selected), picker.items.count - 1)
        picker.scroll = Reducer.scrollToShow(picker.selected..<(picker.selected + 1), current: picker.scroll, height: height)
        state.picker = picker
        return []
    }

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
        case .starred: return "Your starred events"
        }
    }

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let picker = state.picker, let box = box(state) else { return }
        grid.fill(box, role: .normal)
        HelpScreen.drawBorder(into: &grid, box, title: title(picker.kind))
        let inner = box.inset(left: 2, right: 2, top: 1, bottom: 2)
        let current = state.filters.value(of: picker.kind)
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
