import ChronicleModel

/// `(inout AppState, Action) -> [Effect]`: the only place state changes.
/// What every screen shares is here; what a screen does with an action is
/// in its file under Screens/. Scroll offsets are clamped against the same
/// layouts the renderer draws, so rendering never has to correct state.
public enum Reducer {
    /// What the shell does first (Bubble Tea's Init): build the index when
    /// the state has none. A preview gets none: its keys are replayed on
    /// the whole corpus.
    public static func start(_ state: inout AppState) -> [Effect] {
        state.index == nil && !state.data.isPreview ? [.buildIndex] : []
    }

    /// Looks the key up in the keymap of the screen that takes keys and applies it.
    public static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let action = state.keys.action(for: key, on: state.top) else { return [] }
        return reduce(&state, action)
    }

    /// Applies an action; a jump (a screen opened or left, another event
    /// or article reached other than step by step) leaves the place it
    /// came from on the jump list, for Ctrl-O.
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        guard Places.mayJump(action) else { return apply(&state, action) }
        let before = state
        let effects = apply(&state, action)
        Places.recordJump(from: before, action, &state)
        return effects
    }

    static func apply(_ state: inout AppState, _ action: Action) -> [Effect] {
        // A notice lasts until the next thing the user does; the index
        // arriving, a save answered or the window resized are not that.
        switch action {
        case .indexReady, .indexProgress, .readerNotesSaved, .resize: break
        default: state.notice = nil
        }
        switch action {
        case .quit: return [.quit]
        case .redraw: return [.repaint]
        case .resize(let size):
            state.size = size
            clampAll(&state)
            return []
        case .indexReady(let index):
            state.index = index
            if state.notice == waitingNotice(state.indexProgress) { state.notice = nil }
            if !state.search.query.isEmpty || !state.filters.isEmpty { updateSearch(&state) }
            return []
        case .indexProgress(let progress):
            if state.notice == waitingNotice(state.indexProgress) { state.notice = waitingNotice(progress) }
            state.indexProgress = progress
            return []
        case .toggleHelp:
            if state.top == .help { state.closeTop() } else { HelpScreen.open(&state) }
            return []
        case .mouse(let event):
            let effects = Screens[state.top].mouse(event, &state)
            clampAll(&state)
            return effects
        case .corpusChanged(let change):
            return corpusChanged(change, &state)
        case .editFailed(let report):
            return editFailed(report, &state)
        case .undo, .redo:
            if let refused = refusedAsReadOnly(&state) { return refused }
            guard action == .undo ? state.authoring.undoCount > 0 : state.authoring.redoCount > 0 else {
                state.notice = action == .undo ? "Nothing to undo" : "Nothing to redo"
                return [.bell]
            }
            return [action == .undo ? .undoEdit : .redoEdit]
        case .showErrors:
            return ErrorsScreen.open(&state)
        case .readerNotesSaved(let notes):
            state.reader = notes
            if state.filters.starred { updateSearch(&state) }
            return []
        case .userFileFailed(let message):
            state.notice = message
            return [.bell]
        case .jumpBack, .jumpForward:
            return Places.jump(back: action == .jumpBack, &state)
        case .toggleMouse:
            state.mouseEnabled.toggle()
            state.notice = state.mouseEnabled ? "Mouse on: Shift-drag selects text in most terminals" : "Mouse off: the terminal selects text; \(state.keys.key(for: .toggleMouse, on: state.top)?.label ?? "M") turns it on"
            return [.setMouse(state.mouseEnabled)]
        case .openPalette:
            PaletteScreen.open(&state)
            return []
        case .toggleStar:
            return ReaderActions.toggleStar(&state)
        case .filterStarred:
            return ReaderActions.filterStarred(&state)
        case .editNote:
            return NotePromptScreen.open(&state)
        case .setMark, .goToMark:
            MarkPromptScreen.open(setting: action == .setMark, &state)
            return []
        case .copy, .copyMarkdown:
            return Copying.copy(markdown: action == .copyMarkdown, &state)
        default:
            return Screens[state.top].reduce(action, &state)
        }
    }

    // MARK: Selecting an event

    /// Selects event `index` (a position in `corpus.events`), keeping it in view.
    public static func select(_ index: Int, _ state: inout AppState) {
        let count = state.corpus.events.count
        guard count > 0 else { return }
        setSelection(min(max(index, 0), count - 1), &state)
        ensureSelectionVisible(&state)
    }

    /// Makes event `index` the selected one: its pane from the top, its
    /// first passage, and its related passages when they are shown. Every
    /// change of selection goes through here.
    static func setSelection(_ index: Int, _ state: inout AppState) {
        guard index != state.timeline.selected else { return }
        state.timeline.selected = index
        state.timeline.passage = 0
        state.timeline.detailScroll = 0
        updateRelated(&state)
    }

    /// Selects the event at `position` among those the timeline shows.
    static func selectVisible(_ position: Int, _ state: inout AppState) {
        guard !state.visibleEvents.isEmpty else { return }
        select(state.visibleEvents[min(max(position, 0), state.visibleEvents.count - 1)], &state)
    }

    static func ensureSelectionVisible(_ state: inout AppState) {
        let list = state.listAreas.events
        guard list.height > 0, let selectedRow = state.rows.row(ofEvent: state.timeline.selected) else { return }
        var row = selectedRow
        // Keep the year heading above the selection in view when it is just above.
        if row > 0, case .heading = state.rows[row - 1], row - 1 < state.timeline.listScroll { row -= 1 }
        state.timeline.listScroll = scrollToShow(row..<(selectedRow + 1), current: state.timeline.listScroll, height: list.height)
    }

    /// Recomputes the related passages for the selected event when they are shown.
    static func updateRelated(_ state: inout AppState) {
        guard state.showRelated, let event = state.selectedEvent else { return }
        if state.related?.eventID != event.id {
            state.related = (event.id, Suggestions.suggest(for: event, in: state.corpus, limit: 5))
        }
    }

    // MARK: Clamping

    /// The scroll that shows `rows` in a viewport of `height` starting at `current`, moving as little as possible.
    static func scrollToShow(_ rows: Range<Int>, current: Int, height: Int) -> Int {
        guard height > 0 else { return current }
        if rows.lowerBound < current { return rows.lowerBound }
        if rows.upperBound > current + height { return min(rows.lowerBound, rows.upperBound - height) }
        return current
    }

    static func clamp(_ value: Int, rows: Int, height: Int) -> Int { min(max(0, value), max(0, rows - height)) }

    /// Brings every open screen's offsets back into range for the current
    /// size and content, the timeline first.
    static func clampAll(_ state: inout AppState) {
        for kind in state.stack.map(\.kind) { Screens[kind].clamp(&state) }
    }
}
