import ChronicleModel

/// `(inout AppState, Action) -> [Effect]`: the only place state changes.
/// Scroll offsets are clamped here against the same layouts the renderer
/// draws, so rendering never has to correct state.
public enum Reducer {
    /// Looks the key up in the current screen's keymap and applies it.
    public static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        // The search line takes every key while it is open.
        if state.picker != nil && !state.helpVisible { return pickerKey(key, &state) }
        if state.datePrompt != nil && !state.helpVisible { return datePromptKey(key, &state) }
        if state.search.editing && !state.helpVisible { return searchLine(key, &state) }
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
        case .indexReady:
            if !state.search.query.isEmpty || !state.filters.isEmpty { updateSearch(&state) }
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
        case .coverage: return coverageScreen(action, &state)
        case .help: return []
        }
    }

    // MARK: Timeline

    static func timeline(_ action: Action, _ state: inout AppState) -> [Effect] {
        let panes = ScreenLayout(state.size).timeline
        let page = max(1, state.listAreas.events.height - 1)
        switch (action, state.timeline.focus) {
        case (.search, _):
            openSearchLine(&state)
            return []
        case (.filterActor, _), (.filterSource, _), (.filterTag, _):
            let kind: AppState.FilterKind = action == .filterActor ? .actor : (action == .filterSource ? .source : .tag)
            let picker = makePicker(kind, state)
            guard !picker.items.isEmpty else {
                state.notice = "No \(kind.rawValue)s in this corpus"
                return [.bell]
            }
            state.picker = picker
            return []
        case (.filterDate, _):
            state.datePrompt = AppState.Prompt(text: state.filters.date?.edtf ?? "")
            return []
        case (.clearLastFilter, _):
            guard let last = state.filters.order.last else {
                state.notice = "No filter to clear"
                return [.bell]
            }
            state.filters.set(last, nil)
            updateSearch(&state)
        case (.clearFilters, _):
            guard !state.filters.isEmpty else { return [.bell] }
            state.filters = AppState.Filters()
            updateSearch(&state)
        case (.nextHit, _), (.previousHit, _):
            guard state.search.isActive, !state.visibleEvents.isEmpty else {
                state.notice = "No search: / searches"
                return [.bell]
            }
            let step = action == .nextHit ? 1 : -1
            let position = state.rows.position(ofEvent: state.timeline.selected) ?? -1
            let count = state.visibleEvents.count
            state.timeline.focus = .list
            selectVisible((position + step + count) % count, &state)
        case (.moveDown, .list): selectVisible(state.selectedPosition + 1, &state)
        case (.moveUp, .list): selectVisible(state.selectedPosition - 1, &state)
        case (.pageDown, .list): selectVisible(state.selectedPosition + page, &state)
        case (.pageUp, .list): selectVisible(state.selectedPosition - page, &state)
        case (.top, .list): selectVisible(0, &state)
        case (.bottom, .list): selectVisible(state.visibleEvents.count - 1, &state)
        case (.moveDown, .hits): moveHit(1, &state)
        case (.moveUp, .hits): moveHit(-1, &state)
        case (.pageDown, .hits): moveHit(page, &state)
        case (.pageUp, .hits): moveHit(-page, &state)
        case (.top, .hits): moveHit(-Int.max / 2, &state)
        case (.bottom, .hits): moveHit(Int.max / 2, &state)
        case (.open, .hits):
            guard let hits = state.search.result?.articleHits, hits.indices.contains(state.search.hit) else { return [.bell] }
            let hit = hits[state.search.hit]
            var article = AppState.Article(sourceID: hit.sourceID, eventID: nil)
            let text = ScreenLayout.articleText(in: state.layoutBody)
            if let first = hit.ranges.first { showMatch(first, &article, height: text.height, width: text.width, state: state) }
            state.reader = article
            state.stack.append(.reader)
        case (.moveDown, .event), (.nextPassage, _): focusPassage(state.timeline.passage + (state.timeline.focus == .list && action == .nextPassage ? 0 : 1), &state)
        case (.moveUp, .event), (.previousPassage, _): focusPassage(state.timeline.passage - 1, &state)
        case (.pageDown, .event): state.timeline.detailScroll += max(1, panes.detail.height - 1)
        case (.pageUp, .event): state.timeline.detailScroll -= max(1, panes.detail.height - 1)
        case (.top, .event): focusPassage(0, &state); state.timeline.detailScroll = 0
        case (.bottom, .event): focusPassage(Int.max, &state); state.timeline.detailScroll = Int.max
        case (.focusEvent, _):
            // list → article hits (when a search has some) → event → list.
            let hasHits = !(state.search.result?.articleHits.isEmpty ?? true)
            switch state.timeline.focus {
            case .list: state.timeline.focus = hasHits ? .hits : .event
            case .hits: state.timeline.focus = .event
            case .event: state.timeline.focus = .list
            }
            if state.timeline.focus == .event { focusPassage(state.timeline.passage, &state) }
        case (.open, .list):
            guard state.selectedEvent != nil else { return [.bell] }
            state.timeline.focus = .event
            focusPassage(state.timeline.passage, &state)
        case (.open, .event):
            guard let event = state.selectedEvent else { return [.bell] }
            if event.citations.indices.contains(state.timeline.passage) {
                let citation = event.citations[state.timeline.passage]
                state.reader = article(citation.sourceID, for: event, at: citation.passage.range, state)
            } else {
                // A related passage: the article at that sentence, for the event.
                let related = state.relatedPassages
                let index = state.timeline.passage - event.citations.count
                guard related.indices.contains(index) else { return [.bell] }
                var reader = AppState.Article(sourceID: related[index].sourceID, eventID: event.id)
                let text = ScreenLayout.articleText(in: state.layoutBody)
                showMatch(related[index].range, &reader, height: text.height, width: text.width, state: state)
                state.reader = reader
            }
            state.stack.append(.reader)
        case (.showCoverage, _):
            guard !state.corpus.events.isEmpty, !state.corpus.sources.isEmpty else { return [.bell] }
            state.coverage = AppState.CoverageView(row: state.timeline.selected)
            state.stack.append(.coverage)
        case (.compareDifferences, _):
            return compareDifferences(&state)
        case (.toggleRelated, _):
            state.showRelated.toggle()
            updateRelated(&state)
            if !state.showRelated { state.timeline.passage = min(state.timeline.passage, max(0, (state.selectedEvent?.citations.count ?? 1) - 1)) }
        case (.sideBySide, _):
            return openCompare(&state)
        case (.back, .event), (.back, .hits): state.timeline.focus = .list
        case (.back, .list):
            guard state.search.isActive else { break }
            clearSearch(&state)
        case (.backOrQuit, .event), (.backOrQuit, .hits): state.timeline.focus = .list
        case (.backOrQuit, .list): return [.quit]
        default: break
        }
        clampAll(&state)
        return []
    }

    /// Selects the event at `position` among those the timeline shows.
    static func selectVisible(_ position: Int, _ state: inout AppState) {
        guard !state.visibleEvents.isEmpty else { return }
        select(state.visibleEvents[min(max(position, 0), state.visibleEvents.count - 1)], &state)
    }

    /// Selects event `index` (a position in `corpus.events`), keeping it in view.
    public static func select(_ index: Int, _ state: inout AppState) {
        let count = state.corpus.events.count
        guard count > 0 else { return }
        let clamped = min(max(index, 0), count - 1)
        if clamped != state.timeline.selected {
            state.timeline.selected = clamped
            state.timeline.passage = 0
            state.timeline.detailScroll = 0
            updateRelated(&state)
        }
        ensureSelectionVisible(&state)
    }

    static func focusPassage(_ index: Int, _ state: inout AppState) {
        guard state.eventPassageCount > 0 else { return }
        state.timeline.focus = .event
        state.timeline.passage = min(max(index, 0), state.eventPassageCount - 1)
        let detail = ScreenLayout(state.size).timeline.detail
        guard let content = state.eventDetail(width: detail.width, focusedPassage: state.timeline.passage) else { return }
        if content.passageRows.indices.contains(state.timeline.passage) {
            state.timeline.detailScroll = scrollToShow(content.passageRows[state.timeline.passage], current: state.timeline.detailScroll, height: detail.height)
        }
    }

    static func ensureSelectionVisible(_ state: inout AppState) {
        let list = state.listAreas.events
        guard list.height > 0, let selectedRow = state.rows.row(ofEvent: state.timeline.selected) else { return }
        var row = selectedRow
        // Keep the year heading above the selection in view when it is just above.
        if row > 0, case .heading = state.rows[row - 1], row - 1 < state.timeline.listScroll { row -= 1 }
        state.timeline.listScroll = scrollToShow(row..<(selectedRow + 1), current: state.timeline.listScroll, height: list.height)
    }

    // MARK: Search

    /// A key while the search line is open: text edits the query and the
    /// results follow every keystroke; Enter keeps them, Esc clears them.
    static func searchLine(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.notice = nil
        switch key {
        case .character(let c):
            state.search.query.append(c)
        case .backspace, .control("h"):
            guard !state.search.query.isEmpty else { return [.bell] }
            state.search.query.removeLast()
        case .control("u"):
            state.search.query = ""
        case .control("w"):
            // Delete the last word, as shells do.
            while state.search.query.last == " " { state.search.query.removeLast() }
            while let last = state.search.query.last, last != " " { state.search.query.removeLast() }
        case .enter:
            state.search.editing = false
            let query = state.search.query.trimmingCharacters(in: .whitespaces)
            if !query.isEmpty && state.search.history.last != query { state.search.history.append(query) }
            return []
        case .escape:
            clearSearch(&state)
            return []
        case .up, .down:
            let history = state.search.history
            guard !history.isEmpty else { return [.bell] }
            var position = state.search.historyPosition ?? history.count
            position += key == .up ? -1 : 1
            guard position >= 0 else { return [.bell] }
            state.search.historyPosition = position < history.count ? position : nil
            state.search.query = position < history.count ? history[position] : ""
        case .control("c"), .control("g"):
            clearSearch(&state)
            return []
        default:
            return []
        }
        updateSearch(&state)
        return []
    }

    // MARK: Filters

    /// Actors, sources or tags, each with how many events it keeps, most first.
    static func makePicker(_ kind: AppState.FilterKind, _ state: AppState) -> AppState.Picker {
        let corpus = state.corpus
        var items: [AppState.Picker.Item]
        switch kind {
        case .actor:
            items = corpus.actors.map { actor in
                let count = corpus.events(matching: EventFilter(actor: actor.id)).count
                return .init(value: actor.id, label: actor.name, count: count)
            }
        case .source:
            items = corpus.sources.map { source in
                .init(value: source.id, label: "\(source.outlet) · \(source.published.displayText)",
                      count: corpus.events.filter { $0.sourceIDs.contains(source.id) }.count)
            }
        case .tag:
            var counts: [String: Int] = [:]
            for event in corpus.events { for tag in Set(event.tags) { counts[tag, default: 0] += 1 } }
            items = counts.map { .init(value: $0.key, label: $0.key, count: $0.value) }
        case .date:
            items = []
        }
        items = items.filter { $0.count > 0 }.sorted { ($0.count, $1.label) > ($1.count, $0.label) }
        return AppState.Picker(kind: kind, items: items)
    }

    static func pickerKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var picker = state.picker else { return [] }
        state.notice = nil
        let height = max(1, PickerOverlay.listHeight(state))
        switch key {
        case .down, .character("j"): picker.selected += 1
        case .up, .character("k"): picker.selected -= 1
        case .pageDown, .character(" "): picker.selected += height
        case .pageUp, .character("b"): picker.selected -= height
        case .home, .character("g"): picker.selected = 0
        case .end, .character("G"): picker.selected = picker.items.count - 1
        case .enter:
            let item = picker.items[min(max(0, picker.selected), picker.items.count - 1)]
            let current: String? = picker.kind == .actor ? state.filters.actor : (picker.kind == .source ? state.filters.source : state.filters.tag)
            // Choosing the filter in force takes it off.
            state.filters.set(picker.kind, current == item.value ? nil : item.value)
            state.picker = nil
            updateSearch(&state)
            return []
        case .escape, .character("q"):
            state.picker = nil
            return []
        case .character("Q"):
            return [.quit]
        default:
            return []
        }
        picker.selected = min(max(0, picker.selected), picker.items.count - 1)
        picker.scroll = scrollToShow(picker.selected..<(picker.selected + 1), current: picker.scroll, height: height)
        state.picker = picker
        return []
    }

    /// The date filter's prompt: an EDTF date or interval; Enter applies,
    /// an empty line clears, Esc leaves it as it was.
    static func datePromptKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.datePrompt else { return [] }
        switch key {
        case .character(let c): prompt.text.append(c); prompt.error = nil
        case .backspace, .control("h"):
            guard !prompt.text.isEmpty else { return [.bell] }
            prompt.text.removeLast(); prompt.error = nil
        case .control("u"): prompt.text = ""
        case .escape, .control("c"), .control("g"):
            state.datePrompt = nil
            return []
        case .enter:
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                state.filters.set(.date, nil)
            } else {
                do {
                    state.filters.set(.date, nil, date: try PartialDate(parsing: text))
                } catch {
                    prompt.error = "\(error)"
                    state.datePrompt = prompt
                    return [.bell]
                }
            }
            state.datePrompt = nil
            updateSearch(&state)
            return []
        default:
            return []
        }
        state.datePrompt = prompt
        return []
    }

    /// `/` from any screen: the line opens on the current query, to refine it.
    static func openSearchLine(_ state: inout AppState) {
        state.search.editing = true
        state.search.historyPosition = nil
    }

    /// Runs the query and the filters against the index and narrows the timeline to them.
    static func updateSearch(_ state: inout AppState) {
        let query = SearchQuery(state.search.query)
        if query.isEmpty && state.filters.isEmpty {
            state.search.result = nil
            state.rows = state.data.timelineRows
        } else {
            guard let index = state.data.index else {
                // Still indexing: the query waits; `.indexReady` runs it.
                state.notice = "Indexing the corpus… the search runs when it is ready"
                return
            }
            let result = index.search(query, filter: state.filters.eventFilter, refining: state.search.result)
            state.search.result = result
            state.rows = state.data.rows(for: result.matchingEvents)
        }
        state.search.hit = 0
        state.search.hitScroll = 0
        state.timeline.listScroll = 0
        if state.timeline.focus == .hits { state.timeline.focus = .list }
        if let first = state.visibleEvents.first, state.rows.row(ofEvent: state.timeline.selected) == nil {
            state.timeline.selected = first
            state.timeline.passage = 0
            state.timeline.detailScroll = 0
            updateRelated(&state)
        }
        clampAll(&state)
        ensureSelectionVisible(&state)
    }

    static func clearSearch(_ state: inout AppState) {
        state.search.editing = false
        state.search.query = ""
        state.search.historyPosition = nil
        updateSearch(&state)
    }

    static func moveHit(_ delta: Int, _ state: inout AppState) {
        guard let hits = state.search.result?.articleHits, !hits.isEmpty, let area = state.listAreas.hits else { return }
        state.search.hit = min(max(0, state.search.hit + delta), hits.count - 1)
        let height = max(1, area.height - 1)
        state.search.hitScroll = scrollToShow(state.search.hit..<(state.search.hit + 1), current: state.search.hitScroll, height: height)
    }

    /// Scrolls an article so a search match is in view, with context above.
    static func showMatch(_ range: Range<Int>, _ article: inout AppState.Article, height: Int, width: Int, state: AppState) {
        guard let source = state.corpus.source(article.sourceID) else { return }
        let layout = ArticleLayout(source: source, data: state.data, width: width, showFurniture: article.showFurniture,
                                   eventID: article.eventID, focusedPassage: article.passage)
        guard let row = layout.rowOfOffset(range.lowerBound) else { return }
        if row < article.scroll || row >= article.scroll + height {
            article.scroll = max(0, row - min(3, height / 4))
        }
    }

    /// n / N in an article: the next or previous search match after the top of the view.
    static func stepMatch(_ forward: Bool, _ article: inout AppState.Article, height: Int, width: Int, state: inout AppState) -> [Effect] {
        guard let matches = state.search.result?.highlights[article.sourceID], !matches.isEmpty,
              let source = state.corpus.source(article.sourceID) else {
            state.notice = state.search.isActive ? "No match in this article" : "No search: / searches"
            return [.bell]
        }
        let layout = ArticleLayout(source: source, data: state.data, width: width, showFurniture: article.showFurniture,
                                   eventID: article.eventID, focusedPassage: article.passage)
        let rows = matches.map { layout.rowOfOffset($0.lowerBound) ?? -1 }
        let anchor = article.matchRow ?? (forward ? article.scroll - 1 : article.scroll + height)
        let next = forward ? rows.firstIndex { $0 > anchor } ?? rows.firstIndex { $0 >= 0 }
                           : rows.lastIndex { $0 >= 0 && $0 < anchor } ?? rows.lastIndex { $0 >= 0 }
        guard let next else { return [.bell] }
        article.matchRow = rows[next]
        if rows[next] < article.scroll || rows[next] >= article.scroll + height {
            article.scroll = max(0, rows[next] - min(3, height / 4))
        }
        state.notice = "match \(next + 1)/\(matches.count)"
        return []
    }

    // MARK: Corroboration

    /// The coverage matrix: rows are events, columns sources; Enter opens
    /// the source at the event's passage, or at its top when it does not cite it.
    static func coverageScreen(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var view = state.coverage else { state.stack.removeLast(); return [] }
        let matrix = CoverageLayout(state.size, state.corpus.sources.count)
        let page = max(1, matrix.rows.height - 1)
        switch action {
        case .back, .backOrQuit:
            state.stack.removeLast()
            state.coverage = nil
            return []
        case .moveDown: view.row += 1
        case .moveUp: view.row -= 1
        case .pageDown: view.row += page
        case .pageUp: view.row -= page
        case .top: view.row = 0
        case .bottom: view.row = state.corpus.events.count - 1
        case .nextColumn: view.column += 1
        case .previousColumn: view.column -= 1
        case .open:
            let event = state.corpus.events[view.row], source = state.corpus.sources[view.column]
            let range = event.citations.first { $0.sourceID == source.id }?.passage.range
            state.reader = article(source.id, for: event, at: range, state)
            state.stack.append(.reader)
            state.coverage = view
            return []
        default: break
        }
        state.coverage = view
        clampAll(&state)
        return []
    }

    /// The first two readings that differ, each at a passage from a different source.
    static func compareDifferences(_ state: inout AppState) -> [Effect] {
        guard let event = state.selectedEvent,
              let disagreement = Disagreement.find(in: event, corpus: state.corpus).first,
              disagreement.readings.count >= 2 else {
            state.notice = "The sources of this event do not differ on any recorded or detected detail"
            return [.bell]
        }
        let first = event.citations[disagreement.readings[0].citations[0]]
        guard let second = disagreement.readings.dropFirst().flatMap(\.citations).map({ event.citations[$0] })
            .first(where: { $0.sourceID != first.sourceID }) else { return [.bell] }
        var compare = AppState.Compare(panes: [], focus: 0, eventID: event.id)
        let panes = ScreenLayout(state.size).compare
        for (citation, pane) in [(first, panes.first), (second, panes.second)] {
            var article = AppState.Article(sourceID: citation.sourceID, eventID: event.id)
            let text = ScreenLayout.articleText(in: pane)
            if let passage = state.data.passageIndex(source: citation.sourceID, range: citation.passage.range) {
                showPassage(passage, &article, height: text.height, width: text.width, state: state)
            }
            compare.panes.append(article)
        }
        state.compare = compare
        state.stack.append(.compare)
        state.notice = "\(disagreement.subject): " + disagreement.readings.prefix(2).map(\.text).joined(separator: " vs ")
        clampAll(&state)
        return []
    }

    /// Recomputes the related passages for the selected event when they are shown.
    static func updateRelated(_ state: inout AppState) {
        guard state.showRelated, let event = state.selectedEvent else { return }
        if state.related?.eventID != event.id {
            state.related = (event.id, Suggestions.suggest(for: event, in: state.corpus, limit: 5))
        }
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
        case .search:
            openSearchLine(&state)
            return []
        case .nextHit, .previousHit:
            let effects = stepMatch(action == .nextHit, &article, height: text.height, width: text.width, state: &state)
            state.reader = article
            return effects
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
            let count = state.data.citedPassageCount(of: article.sourceID)
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
        case .search:
            openSearchLine(&state)
            return []
        case .nextHit, .previousHit:
            let effects = stepMatch(action == .nextHit, &compare.panes[compare.focus], height: text.height, width: text.width, state: &state)
            state.compare = compare
            return effects
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
            let list = state.listAreas.events
            if let hits = state.listAreas.hits, hits.contains(x: event.x, y: event.y) {
                if let wheel {
                    moveHit(wheel, &state)
                } else if event.y > hits.y {
                    state.timeline.focus = .hits
                    moveHit(state.search.hitScroll + event.y - hits.y - 1 - state.search.hit, &state)
                }
            } else if list.contains(x: event.x, y: event.y) {
                if let wheel {
                    state.timeline.listScroll += wheel
                } else {
                    let row = state.timeline.listScroll + event.y - list.y
                    if state.rows.indices.contains(row), case .event(let index) = state.rows[row] {
                        state.timeline.focus = .list
                        select(index, &state)
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
        case .reader:
            if let wheel { state.reader?.scroll += wheel }
        case .compare:
            let panes = layout.compare
            let index = panes.first.contains(x: event.x, y: event.y) ? 0 : (panes.second.contains(x: event.x, y: event.y) ? 1 : nil)
            if let index, state.compare != nil {
                if let wheel { state.compare!.panes[index].scroll += wheel } else { state.compare!.focus = index }
            }
        case .coverage:
            // The wheel moves the focused row with the view, as in the timeline.
            if let wheel { state.coverage?.rowScroll += wheel; state.coverage?.row += wheel } else if var view = state.coverage {
                let matrix = CoverageLayout(state.size, state.corpus.sources.count)
                if let row = matrix.row(atY: event.y, scroll: view.rowScroll), let column = matrix.column(atX: event.x, scroll: view.columnScroll) {
                    view.row = row
                    view.column = column
                    state.coverage = view
                }
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
        let listHeight = state.listAreas.events.height
        state.timeline.listScroll = clamp(state.timeline.listScroll, rows: state.rows.count, height: listHeight)
        if state.screen == .timeline && state.timeline.focus == .list {
            // After a resize or a wheel the selection follows what is visible.
            ensureSelectionVisibleAfterScroll(&state, listHeight: listHeight)
        }
        let hitCount = state.search.result?.articleHits.count ?? 0
        state.search.hit = min(max(0, state.search.hit), max(0, hitCount - 1))
        if state.timeline.focus == .hits && hitCount == 0 { state.timeline.focus = .list }
        // At the top the pane needs no clamping, and is not laid out twice
        // (here and by the renderer) on every keystroke of a search.
        if state.timeline.detailScroll != 0, let rows = state.eventDetail(width: panes.detail.width, focusedPassage: nil)?.rows.count {
            state.timeline.detailScroll = clamp(state.timeline.detailScroll, rows: rows, height: panes.detail.height)
        }
        if var view = state.coverage, !state.corpus.events.isEmpty, !state.corpus.sources.isEmpty {
            let matrix = CoverageLayout(state.size, state.corpus.sources.count)
            view.row = min(max(0, view.row), state.corpus.events.count - 1)
            view.column = min(max(0, view.column), state.corpus.sources.count - 1)
            view.rowScroll = clamp(scrollToShow(view.row..<(view.row + 1), current: view.rowScroll, height: matrix.rows.height),
                                   rows: state.corpus.events.count, height: matrix.rows.height)
            view.columnScroll = clamp(scrollToShow(view.column..<(view.column + 1), current: view.columnScroll, height: matrix.visibleColumns),
                                      rows: state.corpus.sources.count, height: matrix.visibleColumns)
            state.coverage = view
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
        guard listHeight > 0, let row = state.rows.row(ofEvent: state.timeline.selected) else { return }
        let top = state.timeline.listScroll, bottom = top + listHeight
        if row < top || row >= bottom {
            // Pick the nearest event row inside the viewport.
            let visible = state.rows[min(top, state.rows.count)..<min(bottom, state.rows.count)].compactMap { row -> Int? in
                if case .event(let index) = row { return index }
                return nil
            }
            if let nearest = (row < top ? visible.first : visible.last) {
                state.timeline.selected = nearest
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
