import ChronicleModel

extension ScreenKind {
    public static let timeline = ScreenKind("timeline")
}

/// The chronology: one row per event under year headings (with, while a
/// search finds article text outside cited passages, a list of those lines
/// below), and the selected event's pane beside it.
enum TimelineScreen {
    static let screen = Screen(
        kind: .timeline, title: "Timeline", helpTitle: "Keys: timeline",
        bindings: Keymap.movement + [
            Binding(keys: [.enter], action: .open),
            Binding(keys: [.tab, .backTab], action: .focusEvent),
            Binding(keys: [.character("s")], action: .sideBySide),
            Binding(keys: [.character("O")], action: .toggleMaximize),
        ] + Keymap.leaving + Keymap.searching + [
            Binding(keys: [.character("a")], action: .filterActor),
            Binding(keys: [.character("o")], action: .filterSource),
            Binding(keys: [.character("d")], action: .filterDate),
            Binding(keys: [.character("t")], action: .filterTag),
            Binding(keys: [.character("S")], action: .filterStarred),
            Binding(keys: [.character("x")], action: .clearLastFilter),
            Binding(keys: [.character("X")], action: .clearFilters),
            Binding(keys: [.character("c")], action: .showCoverage),
            Binding(keys: [.character("D")], action: .compareDifferences),
            Binding(keys: [.character("r")], action: .toggleRelated),
        ] + Keymap.authoring + [
            Binding(keys: [.character("A")], action: .showSources),
            Binding(keys: [.character("+")], action: .showDrafts),
            Binding(keys: [.character("e")], action: .editEvent),
            Binding(keys: [.character("E")], action: .editEventInEditor),
            Binding(keys: [.delete, .character("-")], action: .remove),
        ] + Keymap.keeping + Keymap.places + Keymap.general,
        inputs: [.searchLine, .picker, .datePrompt, .eventForm, .confirm, .markPrompt, .notePrompt, .palette],
        hints: hints, reduce: reduce, mouse: mouse, clamp: clamp, draw: draw, position: position)

    static func hints(_ state: AppState) -> [Hint] {
        if state.corpus.events.isEmpty {
            return [Hint(.showSources, "articles"), Hint(.toggleHelp, "help"), Hint(.backOrQuit, "quit")]
        }
        guard state.search.isActive else {
            return [Hint(.open, "open"), Hint(.search, "search"), Hint(.sideBySide, "side by side"), Hint(.toggleHelp, "help"),
                    Hint(.backOrQuit, "quit")]
        }
        return [Hint(.nextHit, "next")] + (state.search.query.isEmpty ? [] : [Hint(.back, "clears search")])
            + (state.filters.isEmpty ? [] : [Hint(.clearLastFilter, "clears filter")])
    }

    // MARK: Keys

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        let panes = state.timelinePanes
        let page = max(1, state.listAreas.events.height - 1)
        switch (action, state.timeline.focus) {
        case (.search, _):
            SearchLineScreen.open(&state)
            return []
        case (.filterActor, _), (.filterSource, _), (.filterTag, _):
            return PickerScreen.open(action == .filterActor ? .actor : (action == .filterSource ? .source : .tag), &state)
        case (.filterDate, _):
            DatePromptScreen.open(&state)
            return []
        case (.clearLastFilter, _):
            guard let last = state.filters.order.last else {
                state.notice = "No filter to clear"
                return [.bell]
            }
            state.filters.set(last, nil)
            Reducer.updateSearch(&state)
        case (.clearFilters, _):
            guard !state.filters.isEmpty else { return [.bell] }
            state.filters = AppState.Filters()
            Reducer.updateSearch(&state)
        case (.nextHit, _), (.previousHit, _):
            guard state.search.isActive, !state.visibleEvents.isEmpty else {
                state.notice = "No search: / searches"
                return [.bell]
            }
            let step = action == .nextHit ? 1 : -1
            let position = state.rows.position(ofEvent: state.timeline.selected) ?? -1
            let count = state.visibleEvents.count
            state.timeline.focus = .list
            Reducer.selectVisible((position + step + count) % count, &state)
        case (.moveDown, .list): Reducer.selectVisible(state.selectedPosition + 1, &state)
        case (.moveUp, .list): Reducer.selectVisible(state.selectedPosition - 1, &state)
        case (.pageDown, .list): Reducer.selectVisible(state.selectedPosition + page, &state)
        case (.pageUp, .list): Reducer.selectVisible(state.selectedPosition - page, &state)
        case (.top, .list): Reducer.selectVisible(0, &state)
        case (.bottom, .list): Reducer.selectVisible(state.visibleEvents.count - 1, &state)
        case (.moveDown, .hits): Reducer.moveHit(1, &state)
        case (.moveUp, .hits): Reducer.moveHit(-1, &state)
        case (.pageDown, .hits): Reducer.moveHit(page, &state)
        case (.pageUp, .hits): Reducer.moveHit(-page, &state)
        case (.top, .hits): Reducer.moveHit(-Int.max / 2, &state)
        case (.bottom, .hits): Reducer.moveHit(Int.max / 2, &state)
        case (.open, .hits):
            guard let hits = state.search.result?.articleHits, hits.indices.contains(state.search.hit) else { return [.bell] }
            let hit = hits.computeHit(at: state.search.hit)
            var article = ArticlePane(sourceID: hit.sourceID, eventID: nil, state: state)
            if let first = hit.ranges.first { article.show(offset: first.lowerBound, text: ArticleScreen.text(state), state) }
            state.article = article
        case (.moveDown, .event), (.nextPassage, _):
            focusPassage(state.timeline.passage + (state.timeline.focus == .list && action == .nextPassage ? 0 : 1), &state)
        case (.moveUp, .event), (.previousPassage, _): focusPassage(state.timeline.passage - 1, &state)
        case (.pageDown, .event): state.timeline.detailScroll += max(1, panes.detail.height - 1)
        case (.pageUp, .event): state.timeline.detailScroll -= max(1, panes.detail.height - 1)
        case (.top, .event): focusPassage(0, &state); state.timeline.detailScroll = 0
        case (.bottom, .event): focusPassage(Int.max, &state); state.timeline.detailScroll = Int.max
        case (.focusEvent, _):
            // list → article hits (when a search has some) → event (when shown) → list.
            let hasHits = !(state.search.result?.articleHits.isEmpty ?? true)
            let eventFocus: AppState.TimelineFocus = state.shownEvent != nil ? .event : .list
            switch state.timeline.focus {
            case .list: state.timeline.focus = hasHits ? .hits : eventFocus
            case .hits: state.timeline.focus = eventFocus
            case .event: state.timeline.focus = .list
            }
            if state.timeline.focus == .event { focusPassage(state.timeline.passage, &state) }
        case (.open, .list):
            guard state.shownEvent != nil else {
                // No event shown: Enter goes to the lines the search found.
                guard !(state.search.result?.articleHits.isEmpty ?? true) else { return [.bell] }
                state.timeline.focus = .hits
                break
            }
            state.timeline.focus = .event
            focusPassage(state.timeline.passage, &state)
        case (.open, .event):
            guard openPassage(&state) else { return [.bell] }
        case (.showCoverage, _):
            return CoverageScreen.open(&state)
        case (.compareDifferences, _):
            return SideBySideScreen.openDifferences(&state)
        case (.toggleRelated, _):
            state.showRelated.toggle()
            Reducer.updateRelated(&state)
            if !state.showRelated { state.timeline.passage = min(state.timeline.passage, max(0, (state.selectedEvent?.citations.count ?? 1) - 1)) }
        case (.sideBySide, _):
            return SideBySideScreen.open(&state)
        case (.toggleMaximize, _):
            state.maximized.toggle()
            Reducer.clampAll(&state)
            Reducer.ensureSelectionVisible(&state)
        case (.showSources, _):
            return SourcesScreen.open(&state)
        case (.showDrafts, _):
            return DraftsScreen.open(&state)
        case (.editEvent, _):
            return EventFormScreen.openChange(&state)
        case (.editEventInEditor, _):
            if let refused = Reducer.refusedAsReadOnly(&state) { return refused }
            guard let event = state.shownEvent else { return [.bell] }
            return [.editInEditor(eventID: event.id)]
        case (.remove, _):
            return askToRemove(&state)
        case (.back, .event), (.back, .hits): state.timeline.focus = .list
        case (.back, .list):
            guard state.search.isActive else { break }
            Reducer.clearSearch(&state)
        case (.backOrQuit, .event), (.backOrQuit, .hits): state.timeline.focus = .list
        case (.backOrQuit, .list): return [.quit]
        default: break
        }
        Reducer.clampAll(&state)
        return []
    }

    /// Enter on a passage of the event pane: its article at that passage,
    /// or at the sentence of a related passage.
    static func openPassage(_ state: inout AppState) -> Bool {
        guard let event = state.shownEvent else { return false }
        let text = ArticleScreen.text(state)
        if event.citations.indices.contains(state.timeline.passage) {
            let citation = event.citations[state.timeline.passage]
            state.article = ArticlePane.opened(citation.sourceID, for: event, at: citation.passage.range, text: text, state)
        } else {
            let related = state.relatedPassages
            let index = state.timeline.passage - event.citations.count
            guard related.indices.contains(index) else { return false }
            var article = ArticlePane(sourceID: related[index].sourceID, eventID: event.id, state: state)
            article.show(offset: related[index].range.lowerBound, text: text, state)
            state.article = article
        }
        return true
    }

    /// Del: the citation in focus in the event pane, or the event itself, after a yes.
    static func askToRemove(_ state: inout AppState) -> [Effect] {
        if let refused = Reducer.refusedAsReadOnly(&state) { return refused }
        guard let event = state.selectedEvent, state.rows.row(ofEvent: state.timeline.selected) != nil else { return [.bell] }
        if state.timeline.focus == .event, event.citations.indices.contains(state.timeline.passage) {
            guard event.citations.count > 1 else {
                state.notice = "“\(event.title)” cites only this passage: remove the event instead (Del on the list)"
                return [.bell]
            }
            let outlet = state.corpus.source(event.citations[state.timeline.passage].sourceID)?.outlet ?? ""
            ConfirmScreen.ask("Remove citation [\(state.timeline.passage + 1)] (\(outlet)) of “\(event.title)”?",
                              yes: .effects([.edit(.removeCitation(eventID: event.id, index: state.timeline.passage))]), &state)
        } else {
            ConfirmScreen.ask("Remove the event “\(event.title)” and its \(Plural.count(event.citations.count, "citation"))?",
                              yes: .effects([.edit(.removeEvent(id: event.id))]), &state)
        }
        return []
    }

    static func focusPassage(_ index: Int, _ state: inout AppState) {
        guard state.shownEvent != nil, state.eventPassageCount > 0 else { return }
        state.timeline.focus = .event
        state.timeline.passage = min(max(index, 0), state.eventPassageCount - 1)
        let detail = state.eventPaneArea
        guard let content = state.eventDetail(width: detail.width, focusedPassage: state.timeline.passage) else { return }
        if content.passageRows.indices.contains(state.timeline.passage) {
            state.timeline.detailScroll = Reducer.scrollToShow(content.passageRows[state.timeline.passage],
                                                               current: state.timeline.detailScroll, height: detail.height)
        }
    }

    // MARK: Mouse

    static func mouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        let panes = state.timelinePanes
        let wheel = event.wheelRows
        let list = state.listAreas.events
        if let hits = state.listAreas.hits, hits.contains(x: event.x, y: event.y) {
            if let wheel {
                Reducer.moveHit(wheel, &state)
            } else if event.y > hits.y {
                state.timeline.focus = .hits
                Reducer.moveHit(state.search.hitScroll + event.y - hits.y - 1 - state.search.hit, &state)
            }
        } else if list.contains(x: event.x, y: event.y) {
            if let wheel {
                state.timeline.listScroll += wheel
            } else {
                let row = state.timeline.listScroll + event.y - list.y
                if state.rows.indices.contains(row), case .event(let index) = state.rows[row] {
                    state.timeline.focus = .list
                    Reducer.select(index, &state)
                }
            }
        } else if panes.detail.contains(x: event.x, y: event.y) {
            if let wheel {
                state.timeline.detailScroll += wheel
            } else if let content = state.eventDetail(width: panes.detail.width, focusedPassage: nil) {
                let row = state.timeline.detailScroll + event.y - panes.detail.y
                if let passage = content.passageRows.firstIndex(where: { $0.contains(row) }) {
                    focusPassage(passage, &state)
                } else {
                    state.timeline.focus = .event
                }
            }
        }
        return []
    }

    // MARK: Clamping

    static func clamp(_ state: inout AppState) {
        if !state.corpus.events.isEmpty {
            state.timeline.selected = min(max(0, state.timeline.selected), state.corpus.events.count - 1)
        }
        let listHeight = state.listAreas.events.height
        state.timeline.listScroll = Reducer.clamp(state.timeline.listScroll, rows: state.rows.count, height: listHeight)
        if state.screen == .timeline && state.timeline.focus == .list {
            // After a resize or a wheel the selection follows what is visible.
            selectWithinView(&state, listHeight: listHeight)
        }
        let hitCount = state.search.result?.articleHits.count ?? 0
        state.search.hit = min(max(0, state.search.hit), max(0, hitCount - 1))
        if state.timeline.focus == .hits && hitCount == 0 { state.timeline.focus = .list }
        if state.timeline.focus == .event && state.shownEvent == nil { state.timeline.focus = .list }
        // At the top the pane needs no clamping, and is not laid out twice
        // (here and by the renderer) on every keystroke of a search.
        let detail = state.eventPaneArea
        if state.timeline.detailScroll != 0, let rows = state.eventDetail(width: detail.width, focusedPassage: nil)?.rows.count {
            state.timeline.detailScroll = Reducer.clamp(state.timeline.detailScroll, rows: rows, height: detail.height)
        }
    }

    /// When the list has scrolled the selection out of view, selects the
    /// nearest event in view.
    static func selectWithinView(_ state: inout AppState, listHeight: Int) {
        guard listHeight > 0, let row = state.rows.row(ofEvent: state.timeline.selected) else { return }
        let top = state.timeline.listScroll, bottom = top + listHeight
        guard row < top || row >= bottom else { return }
        let visible = state.rows[min(top, state.rows.count)..<min(bottom, state.rows.count)].compactMap { row -> Int? in
            if case .event(let index) = row { return index }
            return nil
        }
        if let nearest = (row < top ? visible.first : visible.last) { Reducer.setSelection(nearest, &state) }
    }

    // MARK: Drawing

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        let panes = state.timelinePanes
        let listFocused = state.timeline.focus == .list
        let areas = state.listAreas
        TimelineList.drawEvents(state, areas.events, focused: listFocused, into: &grid)
        if let hits = areas.hits { TimelineList.drawArticleHits(state, hits, focused: state.timeline.focus == .hits, into: &grid) }
        if layout.stacks {
            for x in panes.divider.x..<panes.divider.maxX { grid.put("─", x: x, y: panes.divider.y, role: listFocused ? .border : .borderFocused) }
        } else {
            for y in panes.divider.y..<panes.divider.maxY { grid.put("│", x: panes.divider.x, y: y, role: .border) }
        }
        guard !panes.detail.isEmpty else { return }
        guard state.selectedEvent != nil, state.rows.row(ofEvent: state.timeline.selected) != nil else {
            let message = state.corpus.events.isEmpty
                ? "No events in this corpus yet. A lists its articles: open one, select a passage with v, and e makes an event of it."
                : "No event matches; Esc clears the search."
            for (row, glyphs) in TextLayout.wrap(TextLayout.styled(message, .dim), width: max(1, panes.detail.width)).prefix(panes.detail.height).enumerated() {
                grid.draw(glyphs, x: panes.detail.x, y: panes.detail.y + row, maxWidth: panes.detail.width)
            }
            return
        }
        guard let detail = state.eventDetail(width: panes.detail.width,
                                             focusedPassage: state.timeline.focus == .event ? state.timeline.passage : nil) else { return }
        for (row, glyphs) in detail.rows.dropFirst(state.timeline.detailScroll).prefix(panes.detail.height).enumerated() {
            grid.draw(glyphs, x: panes.detail.x, y: panes.detail.y + row, maxWidth: panes.detail.width)
        }
    }

    /// "12/340", or "passage 2/5 · event 12/340" in the event pane.
    static func position(_ state: AppState) -> String {
        var eventPosition = state.corpus.events.isEmpty ? "0/0" : "\(state.timeline.selected + 1)/\(state.data.eventCount)"
        if state.search.isActive {
            eventPosition = state.visibleEvents.isEmpty ? "0/0" : "\(state.selectedPosition + 1)/\(state.visibleEvents.count)"
        }
        guard state.timeline.focus == .event, state.shownEvent != nil else { return eventPosition }
        return "passage \(state.timeline.passage + 1)/\(state.eventPassageCount) · event \(eventPosition)"
    }
}

extension MouseEvent {
    /// The rows a wheel turn scrolls (nil for a click).
    var wheelRows: Int? {
        switch kind {
        case .wheelDown: return 3
        case .wheelUp: return -3
        case .click: return nil
        }
    }
}
