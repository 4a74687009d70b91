import ChronicleModel

/// `(inout AppState, Action) -> [Effect]`: the only place state changes.
/// Scroll offsets are clamped here against the same layouts the renderer
/// draws, so rendering never has to correct state.
public enum Reducer {
    /// Looks the key up in the current screen's keymap and applies it.
    public static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let action = Keymap.action(for: key, on: state.keyScreen) else { return [] }
        return reduce(&state, action)
    }

    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        state.notice = nil
        switch action {
        case .quit: return [.quit]
        case .redraw: return [.repaint]
        case .resize(let size):
            state.size = size
            clampAll(&state)
            return []
        case .toggleHelp:
            state.helpVisible.toggle()
            state.helpScroll = 0
            return []
        case .mouse(let event):
            return mouse(event, &state)
        default:
            break
        }
        if state.helpVisible {
            switch action {
            case .moveDown: state.helpScroll += 1
            case .moveUp: state.helpScroll = max(0, state.helpScroll - 1)
            default: break
            }
            state.helpScroll = min(state.helpScroll, max(0, HelpOverlay.lines(for: state.screen).count - 1))
            return []
        }
        switch state.screen {
        case .timeline: return timeline(action, &state)
        case .reader: return reader(action, &state)
        case .compare: return compare(action, &state)
        case .help: return []
        }
    }

    // MARK: Timeline

    static func timeline(_ action: Action, _ state: inout AppState) -> [Effect] {
        let eventCount = state.corpus.events.count
        let panes = ScreenLayout(state.size).timeline
        switch (action, state.timeline.focus) {
        case (.moveDown, .list): select(state.timeline.selected + 1, &state)
        case (.moveUp, .list): select(state.timeline.selected - 1, &state)
        case (.pageDown, .list): select(state.timeline.selected + max(1, panes.list.height - 1), &state)
        case (.pageUp, .list): select(state.timeline.selected - max(1, panes.list.height - 1), &state)
        case (.top, .list): select(0, &state)
        case (.bottom, .list): select(eventCount - 1, &state)
        case (.moveDown, .event), (.nextPassage, _): focusPassage(state.timeline.passage + (state.timeline.focus == .list && action == .nextPassage ? 0 : 1), &state)
        case (.moveUp, .event), (.previousPassage, _): focusPassage(state.timeline.passage - 1, &state)
        case (.pageDown, .event): state.timeline.detailScroll += max(1, panes.detail.height - 1)
        case (.pageUp, .event): state.timeline.detailScroll -= max(1, panes.detail.height - 1)
        case (.top, .event): focusPassage(0, &state); state.timeline.detailScroll = 0
        case (.bottom, .event): focusPassage(Int.max, &state); state.timeline.detailScroll = Int.max
        case (.focusEvent, _):
            state.timeline.focus = state.timeline.focus == .list ? .event : .list
            if state.timeline.focus == .event { focusPassage(state.timeline.passage, &state) }
        case (.open, .list):
            guard state.selectedEvent != nil else { return [.bell] }
            state.timeline.focus = .event
            focusPassage(state.timeline.passage, &state)
        case (.open, .event):
            guard let event = state.selectedEvent, event.citations.indices.contains(state.timeline.passage) else { return [.bell] }
            let citation = event.citations[state.timeline.passage]
            state.reader = article(citation.sourceID, for: event, at: citation.passage.range, state)
            state.stack.append(.reader)
        case (.sideBySide, _):
            return openCompare(&state)
        case (.back, .event): state.timeline.focus = .list
        case (.back, .list): break
        case (.backOrQuit, .event): state.timeline.focus = .list
        case (.backOrQuit, .list): return [.quit]
        default: break
        }
        clampAll(&state)
        return []
    }

    static func select(_ index: Int, _ state: inout AppState) {
        let count = state.corpus.events.count
        guard count > 0 else { return }
        let clamped = min(max(index, 0), count - 1)
        if clamped != state.timeline.selected {
            state.timeline.selected = clamped
            state.timeline.passage = 0
            state.timeline.detailScroll = 0
        }
        ensureSelectionVisible(&state)
    }

    static func focusPassage(_ index: Int, _ state: inout AppState) {
        guard let event = state.selectedEvent, !event.citations.isEmpty else { return }
        state.timeline.focus = .event
        state.timeline.passage = min(max(index, 0), event.citations.count - 1)
        let detail = ScreenLayout(state.size).timeline.detail
        let content = EventDetail(event: event, corpus: state.corpus, width: detail.width, focusedPassage: state.timeline.passage)
        if content.passageRows.indices.contains(state.timeline.passage) {
            state.timeline.detailScroll = scrollToShow(content.passageRows[state.timeline.passage], current: state.timeline.detailScroll, height: detail.height)
        }
    }

    static func ensureSelectionVisible(_ state: inout AppState) {
        let list = ScreenLayout(state.size).timeline.list
        guard list.height > 0, state.data.rowOfEvent.indices.contains(state.timeline.selected) else { return }
        var row = state.data.rowOfEvent[state.timeline.selected]
        // Keep the year heading above the selection in view when it is just above.
        if row > 0, case .heading = state.data.timelineRows[row - 1], row - 1 < state.timeline.listScroll { row -= 1 }
        state.timeline.listScroll = scrollToShow(row..<(state.data.rowOfEvent[state.timeline.selected] + 1), current: state.timeline.listScroll, height: list.height)
    }

    // MARK: Reader

    static func reader(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var article = state.reader else { state.stack = [.timeline]; return [] }
        let text = ScreenLayout.articleText(in: state.layoutBody)
        switch action {
        case .back, .backOrQuit:
            state.stack.removeLast()
            state.reader = nil
            return []
        case .sideBySide:
            return openCompare(&state)
        default:
            scrollArticle(action, &article, height: text.height, width: text.width, state: state)
        }
        state.reader = article
        clampAll(&state)
        return []
    }

    /// Moves within one article: lines, pages, ends, and passage to passage.
    static func scrollArticle(_ action: Action, _ article: inout AppState.Article, height: Int, width: Int, state: AppState) {
        let page = max(1, height - 2)
        switch action {
        case .moveDown: article.scroll += 1
        case .moveUp: article.scroll -= 1
        case .pageDown: article.scroll += page
        case .pageUp: article.scroll -= page
        case .top: article.scroll = 0
        case .bottom: article.scroll = Int.max
        case .toggleFurniture:
            article.showFurniture.toggle()
            if let passage = article.passage { showPassage(passage, &article, height: height, width: width, state: state) }
        case .nextPassage, .previousPassage:
            let count = state.data.citedPassages[article.sourceID]?.count ?? 0
            guard count > 0 else { return }
            let next: Int
            if let current = article.passage {
                next = (current + (action == .nextPassage ? 1 : count - 1)) % count
            } else {
                next = action == .nextPassage ? 0 : count - 1
            }
            showPassage(next, &article, height: height, width: width, state: state)
        default: break
        }
    }

    static func showPassage(_ index: Int, _ article: inout AppState.Article, height: Int, width: Int, state: AppState) {
        article.passage = index
        guard let source = state.corpus.source(article.sourceID) else { return }
        let layout = ArticleLayout(source: source, data: state.data, width: width, showFurniture: article.showFurniture,
                                   eventID: article.eventID, focusedPassage: index)
        if let rows = layout.passageRows[index] {
            if rows.lowerBound < article.scroll || rows.upperBound > article.scroll + height {
                // The paragraph from its start when it fits with the passage,
                // else a few rows of context above, as `less` does with a hit.
                let contextAbove = min(3, max(0, height / 4))
                article.scroll = rows.lowerBound - contextAbove
                if let lineStart = layout.passageLineStart[index], lineStart < article.scroll,
                   rows.upperBound - (lineStart - 1) <= height {
                    article.scroll = lineStart - 1
                }
            }
        }
    }

    /// An article opened at a passage of an event.
    static func article(_ sourceID: String, for event: Event?, at range: Range<Int>?, _ state: AppState) -> AppState.Article {
        var article = AppState.Article(sourceID: sourceID, eventID: event?.id)
        let passage = range.flatMap { state.data.passageIndex(source: sourceID, range: $0) }
            ?? event.flatMap { event in event.citations.first { $0.sourceID == sourceID } }.flatMap { state.data.passageIndex(source: sourceID, range: $0.passage.range) }
        if let passage {
            let pane = ScreenLayout.articleText(in: state.layoutBody)
            showPassage(passage, &article, height: pane.height, width: pane.width, state: state)
        }
        return article
    }

    // MARK: Side by side

    /// Opens the selected event's first two sources next to each other, each
    /// at its passage; with one source, the second pane shows another article.
    static func openCompare(_ state: inout AppState) -> [Effect] {
        let event = state.reader?.eventID.flatMap { state.corpus.event($0) } ?? state.selectedEvent
        let order = sourceOrder(for: event, state)
        guard order.count >= 2 else {
            state.notice = "Side by side needs two articles in the corpus"
            return [.bell]
        }
        var first = order[0], second = order[1]
        if let reader = state.reader {
            first = reader.sourceID
            second = order.first { $0 != first } ?? second
        }
        var compare = AppState.Compare(panes: [], focus: 0, eventID: event?.id)
        let panes = ScreenLayout(state.size).compare
        for (sourceID, pane) in [(first, panes.first), (second, panes.second)] {
            var article = AppState.Article(sourceID: sourceID, eventID: event?.id)
            let text = ScreenLayout.articleText(in: pane)
            if let passage = firstPassage(of: event, in: sourceID, state) {
                showPassage(passage, &article, height: text.height, width: text.width, state: state)
            }
            compare.panes.append(article)
        }
        if let reader = state.reader, reader.sourceID == first { compare.panes[0].scroll = reader.scroll; compare.panes[0].passage = reader.passage }
        if event.map({ Set($0.sourceIDs).count < 2 }) ?? true {
            state.notice = "Only one source cites this event; the second pane shows another article"
        }
        state.compare = compare
        state.stack.append(.compare)
        clampAll(&state)
        return []
    }

    /// The sources citing the event first, in citation order, then the rest.
    static func sourceOrder(for event: Event?, _ state: AppState) -> [String] {
        let citing = event?.sourceIDs ?? []
        return citing + state.corpus.sources.map(\.id).filter { !citing.contains($0) }
    }

    static func firstPassage(of event: Event?, in sourceID: String, _ state: AppState) -> Int? {
        guard let event, let citation = event.citations.first(where: { $0.sourceID == sourceID }) else { return nil }
        return state.data.passageIndex(source: sourceID, range: citation.passage.range)
    }

    static func compare(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var compare = state.compare, compare.panes.count == 2 else { state.stack.removeLast(); return [] }
        let layout = ScreenLayout(state.size).compare
        let text = ScreenLayout.articleText(in: compare.focus == 0 ? layout.first : layout.second)
        let event = compare.eventID.flatMap { state.corpus.event($0) }
        switch action {
        case .back, .backOrQuit:
            state.stack.removeLast()
            state.compare = nil
            return []
        case .switchPane:
            compare.focus = 1 - compare.focus
        case .nextSource, .previousSource:
            let order = sourceOrder(for: event, state)
            let other = compare.panes[1 - compare.focus].sourceID
            let candidates = order.filter { $0 != other }
            guard let current = candidates.firstIndex(of: compare.panes[compare.focus].sourceID) ?? candidates.indices.first else { return [.bell] }
            let step = action == .nextSource ? 1 : candidates.count - 1
            let sourceID = candidates[(current + step) % candidates.count]
            var article = AppState.Article(sourceID: sourceID, eventID: compare.eventID)
            if let passage = firstPassage(of: event, in: sourceID, state) {
                showPassage(passage, &article, height: text.height, width: text.width, state: state)
            }
            compare.panes[compare.focus] = article
        default:
            scrollArticle(action, &compare.panes[compare.focus], height: text.height, width: text.width, state: state)
        }
        state.compare = compare
        clampAll(&state)
        return []
    }

    // MARK: Mouse

    static func mouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard !state.helpVisible else { return [] }
        let layout = ScreenLayout(state.size)
        let wheel: Int? = event.kind == .wheelDown ? 3 : (event.kind == .wheelUp ? -3 : nil)
        switch state.screen {
        case .timeline:
            let panes = layout.timeline
            if panes.list.contains(x: event.x, y: event.y) {
                if let wheel {
                    state.timeline.listScroll += wheel
                } else {
                    let row = state.timeline.listScroll + event.y - panes.list.y
                    if state.data.timelineRows.indices.contains(row), case .event(let index) = state.data.timelineRows[row] {
                        state.timeline.focus = .list
                        select(index, &state)
                    }
                }
            } else if panes.detail.contains(x: event.x, y: event.y) {
                if let wheel {
                    state.timeline.detailScroll += wheel
                } else if let selected = state.selectedEvent {
                    let row = state.timeline.detailScroll + event.y - panes.detail.y
                    let content = EventDetail(event: selected, corpus: state.corpus, width: panes.detail.width, focusedPassage: nil)
                    if let passage = content.passageRows.firstIndex(where: { $0.contains(row) }) {
                        focusPassage(passage, &state)
                    } else {
                        state.timeline.focus = .event
                    }
                }
            }
        case .reader:
            if let wheel { state.reader?.scroll += wheel }
        case .compare:
            let panes = layout.compare
            let index = panes.first.contains(x: event.x, y: event.y) ? 0 : (panes.second.contains(x: event.x, y: event.y) ? 1 : nil)
            if let index, state.compare != nil {
                if let wheel { state.compare!.panes[index].scroll += wheel } else { state.compare!.focus = index }
            }
        case .help:
            break
        }
        clampAll(&state)
        return []
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

    /// Brings every offset back into range for the current size and content.
    static func clampAll(_ state: inout AppState) {
        let layout = ScreenLayout(state.size)
        let panes = layout.timeline
        if !state.corpus.events.isEmpty {
            state.timeline.selected = min(max(0, state.timeline.selected), state.corpus.events.count - 1)
        }
        state.timeline.listScroll = clamp(state.timeline.listScroll, rows: state.data.timelineRows.count, height: panes.list.height)
        if state.screen == .timeline && state.timeline.focus == .list {
            // After a resize or a wheel the selection follows what is visible.
            ensureSelectionVisibleAfterScroll(&state, listHeight: panes.list.height)
        }
        if let event = state.selectedEvent {
            let rows = EventDetail(event: event, corpus: state.corpus, width: panes.detail.width, focusedPassage: nil).rows.count
            state.timeline.detailScroll = clamp(state.timeline.detailScroll, rows: rows, height: panes.detail.height)
        }
        if var article = state.reader, let source = state.corpus.source(article.sourceID) {
            let text = ScreenLayout.articleText(in: layout.body)
            article.scroll = clamp(article.scroll, rows: articleRows(source, article, width: text.width, state), height: text.height)
            state.reader = article
        }
        if var compare = state.compare {
            for (index, pane) in [layout.compare.first, layout.compare.second].enumerated() where compare.panes.indices.contains(index) {
                let text = ScreenLayout.articleText(in: pane)
                if let source = state.corpus.source(compare.panes[index].sourceID) {
                    compare.panes[index].scroll = clamp(compare.panes[index].scroll, rows: articleRows(source, compare.panes[index], width: text.width, state), height: text.height)
                }
            }
            state.compare = compare
        }
    }

    static func ensureSelectionVisibleAfterScroll(_ state: inout AppState, listHeight: Int) {
        guard listHeight > 0, state.data.rowOfEvent.indices.contains(state.timeline.selected) else { return }
        let row = state.data.rowOfEvent[state.timeline.selected]
        let top = state.timeline.listScroll, bottom = top + listHeight
        if row < top || row >= bottom {
            // Pick the nearest event row inside the viewport.
            let visible = state.data.rowOfEvent.enumerated().filter { $0.element >= top && $0.element < bottom }
            if let nearest = (row < top ? visible.first : visible.last) {
                state.timeline.selected = nearest.offset
                state.timeline.passage = 0
                state.timeline.detailScroll = 0
            }
        }
    }

    static func articleRows(_ source: Source, _ article: AppState.Article, width: Int, _ state: AppState) -> Int {
        ArticleLayout(source: source, data: state.data, width: width, showFurniture: article.showFurniture,
                      eventID: article.eventID, focusedPassage: article.passage).rows.count
    }
}

extension AppState {
    var layoutBody: Rect { ScreenLayout(size).body }
}
