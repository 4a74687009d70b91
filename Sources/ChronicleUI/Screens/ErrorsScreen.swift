import ChronicleModel

extension ScreenKind {
    public static let errors = ScreenKind("errors")
}

/// The problems loading found, each with its file, line and fix, the place
/// shown under the list; Enter opens it (the article at the line, or the
/// corpus file in the editor).
public struct ErrorsView: Sendable, Hashable {
    public var selected = 0
    public var scroll = 0
}

extension AppState {
    public var errorsView: ErrorsView? {
        get { state(of: .errors) }
        set { setState(of: .errors, newValue) }
    }
}

enum ErrorsScreen {
    static let screen = Screen(
        kind: .errors, title: "Problems", helpTitle: "Keys: problems",
        bindings: [
            Binding(keys: [.down, .character("j")], action: .moveDown),
            Binding(keys: [.up, .character("k")], action: .moveUp),
            Binding(keys: [.home, .character("g")], action: .top),
            Binding(keys: [.end, .character("G")], action: .bottom),
            Binding(keys: [.enter], action: .open, help: "Show the place: the article at the line, or the file in $EDITOR"),
        ] + Keymap.leaving + Keymap.places + Keymap.general,
        inputs: [.markPrompt, .palette],
        hints: { _ in [Hint(.open, "show the place"), Hint(.toggleHelp, "help"), Hint(.back, "back")] },
        reduce: reduce, clamp: clamp, draw: draw,
        position: { state in
            let all = state.authoring.diagnostics
            return all.isEmpty ? "no problems" : "\((state.errorsView?.selected ?? 0) + 1)/\(all.count) · \(Plural.count(all.errors.count, "error"))"
        })


    static func open(_ state: inout AppState) -> [Effect] {
        guard !state.authoring.diagnostics.isEmpty else {
            state.notice = "The corpus has no problems"
            return [.bell]
        }
        state.errorsView = ErrorsView()
        return []
    }

    /// Errors first, then warnings, each in file order.
    static func listed(_ state: AppState) -> [Diagnostic] {
        state.authoring.diagnostics.errors + state.authoring.diagnostics.warnings
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var view = state.errorsView else { return [] }
        let all = listed(state)
        switch action {
        case .back, .backOrQuit:
            state.errorsView = nil
            return []
        case .moveDown: view.selected += 1
        case .moveUp: view.selected -= 1
        case .top: view.selected = 0
        case .bottom: view.selected = all.count - 1
        case .open:
            guard all.indices.contains(view.selected) else { return [.bell] }
            return show(all[view.selected], &state)
        default: break
        }
        state.errorsView = view
        Reducer.clampAll(&state)
        return []
    }

    /// The article at the line, when the problem is in an article; else the file in the editor.
    static func show(_ diagnostic: Diagnostic, _ state: inout AppState) -> [Effect] {
        let file = diagnostic.location.file, line = diagnostic.location.line ?? 1
        if let source = state.corpus.sources.first(where: { file == $0.file || file.hasSuffix("/" + $0.file) }) {
            var pane = ArticlePane(sourceID: source.id, eventID: nil, state: state)
            pane.show(offset: source.lines.start(ofLine: min(max(1, line), max(1, source.lines.lineCount))), text: ArticleScreen.text(state), state)
            state.article = pane
            return []
        }
        if let refused = Reducer.refusedAsReadOnly(&state) { return refused }
        return [.openInEditor(path: file, line: line)]
    }

    static func clamp(_ state: inout AppState) {
        guard var view = state.errorsView else { return }
        let count = listed(state).count
        let rows = listRect(state).height
        view.selected = min(max(0, view.selected), max(0, count - 1))
        view.scroll = Reducer.clamp(Reducer.scrollToShow(view.selected..<(view.selected + 1), current: view.scroll, height: rows), rows: count, height: rows)
        state.errorsView = view
    }

    static func listRect(_ state: AppState) -> Rect {
        let body = ScreenLayout(state.size).body
        return body.splitTop(max(1, body.height / 2)).0
    }

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let view = state.errorsView else { return }
        let all = listed(state)
        let list = listRect(state)
        for (row, index) in all.indices.dropFirst(view.scroll).prefix(list.height).enumerated() {
            let diagnostic = all[index]
            let y = list.y + row
            let selected = index == view.selected
            grid.fill(Rect(x: list.x, y: y, width: list.width, height: 1), role: selected ? .selection : .normal)
            let mark = diagnostic.severity == .error ? "error" : "warning"
            grid.put(" \(diagnostic.location) ", x: list.x, y: y, maxWidth: list.width, role: selected ? .selection : .label)
            let x = list.x + min(list.width, TextWidth.of(" \(diagnostic.location) "))
            grid.put("\(mark): \(diagnostic.message)", x: x, y: y, maxWidth: list.maxX - x, role: selected ? .selection : (diagnostic.severity == .error ? .error : .dim))
        }
        // The selected problem in full, its fix, and the place in the file.
        let detail = Rect(x: layout.body.x, y: list.maxY, width: layout.body.width, height: layout.body.maxY - list.maxY)
        guard all.indices.contains(view.selected), detail.height > 1 else { return }
        for x in detail.x..<detail.maxX { grid.put("─", x: x, y: detail.y, role: .border) }
        let diagnostic = all[view.selected]
        var rows: [[StyledGlyph]] = []
        rows += TextLayout.wrap(TextLayout.styled(diagnostic.message, .heading), width: max(1, detail.width - 2))
        if let hint = diagnostic.hint { rows += TextLayout.wrap(TextLayout.styled("fix: " + hint, .normal), width: max(1, detail.width - 2)) }
        rows.append([])
        if let line = diagnostic.location.line, let text = state.authoring.fileTexts[diagnostic.location.file] {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for number in max(1, line - 2)...min(lines.count, line + 2) where number >= 1 {
                let shown = String(format: "%4d  ", number) + lines[number - 1]
                rows.append(TextLayout.styled(shown, number == line ? .quoteCurrent : .dim))
            }
        }
        for (row, glyphs) in rows.prefix(detail.height - 1).enumerated() {
            grid.draw(glyphs, x: detail.x + 1, y: detail.y + 1 + row, maxWidth: detail.width - 2)
        }
    }
}
