import ChronicleModel

/// The search and the filters narrow the timeline: every screen that
/// changes them (the search line, the filter list, the date prompt, the
/// timeline's x and Esc) runs them again through here.
extension Reducer {
    /// Runs the query and the filters against the index and narrows the timeline to them.
    /// What the status line says while a search waits for the index.
    static func waitingNotice(_ progress: IndexProgress) -> String {
        switch progress {
        case .reading: return "Reading the search index… the search runs when it is ready"
        case .building: return "Indexing the corpus… the search runs when it is ready"
        }
    }

    static func updateSearch(_ state: inout AppState) {
        let query = SearchQuery(state.search.query)
        if query.isEmpty && state.filters.isEmpty {
            state.search.result = nil
            state.rows = state.data.timelineRows
        } else {
            guard let index = state.index else {
                // Still indexing: the query waits; `.indexReady` runs it.
                state.notice = waitingNotice(state.indexProgress)
                return
            }
            let result = index.search(query, filter: state.filters.eventFilter(starred: state.reader.starred), refining: state.search.result)
            state.search.result = result
            state.rows = state.data.rows(for: result.matchingEvents)
        }
        state.search.hit = 0
        state.search.hitScroll = 0
        state.timeline.listScroll = 0
        if state.timeline.focus == .hits { state.timeline.focus = .list }
        if let first = state.visibleEvents.first, state.rows.row(ofEvent: state.timeline.selected) == nil {
            setSelection(first, &state)
        }
        ArticleScreen.refreshMatches(&state)
        SideBySideScreen.refreshMatches(&state)
        clampAll(&state)
        ensureSelectionVisible(&state)
    }

    /// Empties the query (the filters stay) and closes the search line.
    static func clearSearch(_ state: inout AppState) {
        if state.top == .searchLine { state.closeTop() }
        state.search.query = ""
        updateSearch(&state)
    }

    /// Moves the selection in the list of article-text hits.
    static func moveHit(_ delta: Int, _ state: inout AppState) {
        guard let hits = state.search.result?.articleHits, !hits.isEmpty, let area = state.listAreas.hits else { return }
        state.search.hit = min(max(0, state.search.hit + delta), hits.count - 1)
        let height = max(1, area.height - 1)
        state.search.hitScroll = scrollToShow(state.search.hit..<(state.search.hit + 1), current: state.search.hitScroll, height: height)
    }
}
