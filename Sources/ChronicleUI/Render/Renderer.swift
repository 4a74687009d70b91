import ChronicleModel

/// Draws the state into a grid: `(AppState) -> Grid`, reading state only.
public enum Renderer {
    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(width: state.size.width, height: state.size.height)
        let layout = ScreenLayout(state.size)
        if layout.isTooSmall {
            let need = "Chronicle needs at least \(ScreenLayout.minimum.width)×\(ScreenLayout.minimum.height)"
            grid.put(need, x: 0, y: 0, role: .error)
            return grid
        }
        switch state.screen {
        case .timeline, .help: drawTimeline(state, layout, into: &grid)
        case .reader: drawReader(state, layout, into: &grid)
        case .compare: drawCompare(state, layout, into: &grid)
        case .coverage: drawCoverage(state, into: &grid)
        }
        drawTitleBar(state, layout, into: &grid)
        drawStatusBar(state, layout, into: &grid)
        PickerOverlay.draw(state, into: &grid)
        if state.helpVisible {
            HelpOverlay.draw(into: &grid, screen: state.screen, scroll: state.helpScroll, area: layout.body)
        }
        return grid
    }

    // MARK: Bars

    static func drawTitleBar(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        grid.fill(layout.titleBar, role: .titleBar)
        let where_: String
        switch state.screen {
        case .timeline, .help: where_ = "Timeline"
        case .reader: where_ = "Article"
        case .compare: where_ = "Side by side"
        case .coverage: where_ = "Coverage"
        }
        let title = " Chronicle · " + (state.corpus.title ?? "untitled corpus")
        let right = where_ + " "
        let rightWidth = TextWidth.of(right)
        grid.put(title, x: 0, y: 0, maxWidth: max(0, layout.size.width - rightWidth - 1), role: .titleBar)
        if layout.size.width > rightWidth + 12 { grid.put(right, x: layout.size.width - rightWidth, y: 0, role: .titleBar) }
    }

    /// Hints from the keymap for the actions that matter most on each screen.
    static let hintActions: [ScreenKind: [Action]] = [
        .timeline: [.open, .search, .sideBySide, .toggleHelp, .backOrQuit],
        .reader: [.nextPassage, .toggleFurniture, .sideBySide, .toggleHelp, .back],
        .compare: [.switchPane, .nextSource, .nextPassage, .toggleHelp, .back],
        .coverage: [.open, .toggleHelp, .back],
    ]

    static let hintWords: [Action: String] = [
        .open: "open", .sideBySide: "side by side", .toggleHelp: "help", .backOrQuit: "quit",
        .nextPassage: "next passage", .toggleFurniture: "furniture", .back: "back",
        .switchPane: "other pane", .nextSource: "next source", .search: "search",
    ]

    static func hints(for screen: ScreenKind) -> String {
        let bindings = Keymap.bindings(for: screen)
        return (hintActions[screen] ?? []).compactMap { action in
            bindings.first { $0.action == action }.map { "\($0.keys[0].label) \(hintWords[action] ?? action.help)" }
        }.joined(separator: "  ")
    }

    static func drawStatusBar(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        let bar = layout.statusBar
        grid.fill(bar, role: .statusBar)
        let position: String
        switch state.screen {
        case .timeline, .help:
            var eventPosition = state.corpus.events.isEmpty ? "0/0" : "\(state.timeline.selected + 1)/\(state.data.eventCount)"
            if state.search.isActive {
                eventPosition = state.visibleEvents.isEmpty ? "0/0" : "\(state.selectedPosition + 1)/\(state.visibleEvents.count)"
            }
            if state.timeline.focus == .event, state.corpus.events.indices.contains(state.timeline.selected) {
                position = "passage \(state.timeline.passage + 1)/\(state.eventPassageCount) · event \(eventPosition)"
            } else {
                position = eventPosition
            }
        case .reader:
            position = state.reader.map { passagePosition($0, state) } ?? ""
        case .compare:
            position = state.compare.map { passagePosition($0.panes[$0.focus], state) } ?? ""
        case .coverage:
            position = state.coverage.map { "event \($0.row + 1)/\(state.corpus.events.count) · source \($0.column + 1)/\(state.corpus.sources.count)" } ?? ""
        }
        var right = " " + position + " "
        if let counts = searchCounts(state) { right = " " + counts + " ·" + right }
        let rightWidth = TextWidth.of(right)
        let leftWidth = max(0, bar.width - rightWidth)
        if let prompt = state.datePrompt {
            // The date filter's prompt, with the parse error when Enter found one.
            let typed = "date (EDTF: 2024, 2024-03, 2003/2024; empty clears): " + prompt.text
            grid.put(typed, x: 0, y: bar.y, maxWidth: leftWidth, role: .statusBar)
            let cursor = min(TextWidth.of(typed), max(0, leftWidth - 1))
            if leftWidth > 0 { grid.put(" ", x: cursor, y: bar.y, role: .statusKey) }
            if let error = prompt.error, cursor + 2 < leftWidth {
                grid.put(error, x: cursor + 2, y: bar.y, maxWidth: leftWidth - cursor - 2, role: .error)
            }
        } else if state.search.editing {
            // The search line: what is typed, a block cursor, the counts on the right.
            let typed = "/" + state.search.query
            let shown = TextWidth.of(typed) + 1 > leftWidth ? "…" + String(typed.suffix(max(0, leftWidth - 3))) : typed
            grid.put(shown, x: 0, y: bar.y, maxWidth: leftWidth, role: .statusBar)
            let cursor = min(TextWidth.of(shown), max(0, leftWidth - 1))
            if leftWidth > 0 { grid.put(" ", x: cursor, y: bar.y, role: .statusKey) }
        } else {
            var left = " " + (state.notice ?? hints(for: state.screen))
            if state.data.isPreview {
                // Keys wait (and are kept) until every quote is checked.
                left = " checking every quote of \(state.data.eventCount) events…  q quit"
            } else if state.notice == nil, state.search.isActive {
                var parts: [String] = []
                if !state.search.query.isEmpty { parts.append("/" + state.search.query) }
                parts += filterLabels(state)
                left = " " + parts.joined(separator: " · ") + "  n next  "
                    + (state.search.query.isEmpty ? "" : "Esc clears search  ") + (state.filters.isEmpty ? "" : "x clears filter")
            }
            grid.put(left, x: 0, y: bar.y, maxWidth: leftWidth, role: state.notice == nil ? .statusBar : .statusKey)
        }
        if bar.width > rightWidth { grid.put(right, x: bar.width - rightWidth, y: bar.y, role: .statusKey) }
    }

    /// "actor: Zamir Kabulov", "outlet: TRT Global", "date: 2024", "tag: law", in the order set.
    static func filterLabels(_ state: AppState) -> [String] {
        state.filters.order.compactMap { kind in
            switch kind {
            case .actor: return state.filters.actor.map { "actor: " + (state.corpus.actor($0)?.name ?? $0) }
            case .source: return state.filters.source.map { "outlet: " + (state.corpus.source($0)?.outlet ?? $0) }
            case .date: return state.filters.date.map { "date: " + $0.displayText }
            case .tag: return state.filters.tag.map { "tag: " + $0 }
            }
        }
    }

    /// "3 events, 5 in text" while a search is active.
    static func searchCounts(_ state: AppState) -> String? {
        guard let result = state.search.result else {
            guard state.search.editing else { return nil }
            // What is typed waits for the index, built after the first frame.
            return state.search.query.isEmpty || state.data.index != nil ? "type to search" : "indexing…"
        }
        let events = result.matchingEvents.count, text = result.articleHits.count
        return "\(events) event\(events == 1 ? "" : "s"), \(text)\(result.articleHitsTruncated ? "+" : "") in text"
    }

    static func passagePosition(_ article: AppState.Article, _ state: AppState) -> String {
        let count = state.data.citedPassageCount(of: article.sourceID)
        guard count > 0 else { return "no cited passages" }
        return "passage \(article.passage.map { String($0 + 1) } ?? "–")/\(count)"
    }

    // MARK: Timeline

    static func drawTimeline(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        let panes = layout.timeline
        let listFocused = state.timeline.focus == .list
        let areas = state.listAreas
        drawTimelineList(state, areas.events, focused: listFocused, into: &grid)
        if let hits = areas.hits { drawArticleHits(state, hits, focused: state.timeline.focus == .hits, into: &grid) }
        if layout.stacks {
            for x in panes.divider.x..<panes.divider.maxX { grid.put("─", x: x, y: panes.divider.y, role: listFocused ? .border : .borderFocused) }
        } else {
            for y in panes.divider.y..<panes.divider.maxY { grid.put("│", x: panes.divider.x, y: y, role: .border) }
        }
        guard state.selectedEvent != nil, state.rows.row(ofEvent: state.timeline.selected) != nil else {
            let message = state.corpus.events.isEmpty ? "No events in this corpus." : "No event matches; Esc clears the search."
            grid.put(message, x: panes.detail.x, y: panes.detail.y, maxWidth: panes.detail.width, role: .dim)
            return
        }
        guard let detail = state.eventDetail(width: panes.detail.width,
                                             focusedPassage: state.timeline.focus == .event ? state.timeline.passage : nil) else { return }
        for (row, glyphs) in detail.rows.dropFirst(state.timeline.detailScroll).prefix(panes.detail.height).enumerated() {
            grid.draw(glyphs, x: panes.detail.x, y: panes.detail.y + row, maxWidth: panes.detail.width)
        }
    }

    static func drawTimelineList(_ state: AppState, _ area: Rect, focused: Bool, into grid: inout Grid) {
        let data = state.data
        let events = state.corpus.events
        // An inferred date carries "*" here; the event pane spells it out.
        let dateWidth = min(14, data.listDateWidth)
        let marks = data.outletColumns
        // Outlet columns, or "2 src" where there are too many sources for them.
        let marksWidth = marks.isEmpty ? 5 : marks.count
        if state.rows.isEmpty, state.search.isActive {
            grid.put("No event matches “\(state.search.query)”", x: area.x + 1, y: area.y, maxWidth: max(0, area.width - 1), role: .dim)
        }
        for (row, item) in state.rows.dropFirst(state.timeline.listScroll).prefix(area.height).enumerated() {
            let y = area.y + row
            switch item {
            case .heading(let year):
                let rule = "── \(year) " + String(repeating: "─", count: max(0, area.width))
                grid.put(rule, x: area.x, y: y, maxWidth: area.width, role: .yearSeparator, ellipsis: false)
            case .event(let index):
                let event = events[index]
                let selected = index == state.timeline.selected
                let base: Role = selected ? (focused ? .selection : .selectionUnfocused) : .normal
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: base)
                var x = area.x + 1
                let date = listDate(event)
                grid.put(date, x: x, y: y, maxWidth: dateWidth, role: selected ? base : (event.date.inferred ? .dateInferred : .date))
                x += dateWidth + 1
                grid.put(event.spine ? "★" : " ", x: x, y: y, role: selected ? base : .spineMark)
                x += 2
                let titleWidth = area.maxX - x - marksWidth - 2
                if let hit = state.searchHit(forEvent: index), !hit.titleRanges.isEmpty, !selected {
                    grid.draw(EventDetail.marked(event.title, base, hit.titleRanges), x: x, y: y, maxWidth: max(0, titleWidth))
                } else {
                    grid.put(event.title, x: x, y: y, maxWidth: max(0, titleWidth), role: base)
                }
                let markX = area.maxX - marksWidth - 1
                if marks.isEmpty {
                    let count = event.sourceCount
                    grid.put(count < 10 ? "\(count) src" : "\(count)src", x: markX, y: y, maxWidth: marksWidth, role: selected ? base : .outletMark)
                } else {
                    for (offset, (sourceID, mark)) in marks.enumerated() {
                        let cited = event.cites(sourceID)
                        grid.put(cited ? String(mark) : "·", x: markX + offset, y: y, role: selected ? base : (cited ? .outletMark : .dim))
                    }
                }
            }
        }
    }

    /// Matches in article text outside cited passages: outlet, line, snippet.
    static func drawArticleHits(_ state: AppState, _ area: Rect, focused: Bool, into grid: inout Grid) {
        guard let hits = state.search.result?.articleHits else { return }
        let count = "\(hits.count)\(state.search.result?.articleHitsTruncated == true ? "+" : "")"
        let title = "── \(count) in article text, outside cited passages " + String(repeating: "─", count: area.width)
        grid.put(title, x: area.x, y: area.y, maxWidth: area.width, role: focused ? .borderFocused : .yearSeparator, ellipsis: false)
        // By index: each hit is worked out when read, so only the rows drawn are.
        for (row, index) in hits.indices.dropFirst(state.search.hitScroll).prefix(area.height - 1).enumerated() {
            let y = area.y + 1 + row
            let hit = hits[index]
            let selected = index == state.search.hit && focused
            let base: Role = selected ? .selection : .normal
            grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: base)
            guard let source = state.corpus.source(hit.sourceID) else { continue }
            let label = " \(state.data.outletMarks[source.id].map(String.init) ?? source.outlet) \(hit.line): "
            grid.put(label, x: area.x, y: y, maxWidth: area.width, role: selected ? base : .label)
            let x = area.x + TextWidth.of(label)
            guard x < area.maxX, let first = hit.ranges.first else { continue }
            grid.draw(snippet(source, around: first, matches: hit.ranges, width: area.maxX - x, base: base), x: x, y: y, maxWidth: area.maxX - x)
        }
    }

    /// The glyphs of a line of an article from a little before `range`, matches marked.
    static func snippet(_ source: Source, around range: Range<Int>, matches: [Range<Int>], width: Int, base: Role) -> [StyledGlyph] {
        let line = source.lines.contentRange(ofLine: source.lines.line(containing: range.lowerBound))
        // Lay out only a window around the match, cut at spaces (never inside
        // a character): a paragraph can be thousands of glyphs, a row is not.
        let raw = source.raw
        // Before the match, a quarter of a row's columns are shown (at most
        // four bytes each); after it, at most a row (four bytes a column).
        var lower = max(line.lowerBound, range.lowerBound - width)
        while lower > line.lowerBound && lower < range.lowerBound && raw[lower - 1] != 0x20 { lower += 1 }
        var upper = min(line.upperBound, range.lowerBound + 4 * width)
        while upper < line.upperBound && raw[upper] != 0x20 { upper += 1 }
        let glyphs = ArticleLayout.lineGlyphs(source: source, range: lower..<upper, baseRole: base, passages: [], eventID: nil,
                                              focusedPassage: nil, matches: matches)
        // Start a few words before the first match so it is in view.
        var start = glyphs.firstIndex { $0.offset >= range.lowerBound } ?? 0
        var context = max(0, width / 4)
        while start > 0 && context > 0 { start -= 1; context -= glyphs[start].glyph.width }
        while start > 0 && !glyphs[start - 1].isSpace { start -= 1 }
        return (start > 0 || lower > line.lowerBound ? TextLayout.styled("…", base) : []) + glyphs[start...]
    }

    static func listDate(_ event: Event) -> String { BrowserData.listDate(event) }

    // MARK: Coverage

    static func drawCoverage(_ state: AppState, into grid: inout Grid) {
        guard let view = state.coverage else { return }
        let corpus = state.corpus
        let matrix = CoverageLayout(state.size, corpus.sources.count)
        let columns = view.columnScroll..<min(corpus.sources.count, view.columnScroll + matrix.visibleColumns)
        let cellsX = matrix.rows.x + matrix.labelWidth + 1
        // Header: a mark (or number) per source; the focused one highlighted.
        grid.put(" Event", x: matrix.header.x, y: matrix.header.y, maxWidth: matrix.labelWidth, role: .label)
        for (offset, column) in columns.enumerated() {
            let source = corpus.sources[column]
            let mark = state.data.outletMarks[source.id].map(String.init) ?? String(column + 1)
            grid.put(" " + mark, x: cellsX + offset * CoverageLayout.cellWidth, y: matrix.header.y,
                     maxWidth: CoverageLayout.cellWidth, role: column == view.column ? .selection : .label)
        }
        if columns.lowerBound > 0 { grid.put("◂", x: cellsX - 1, y: matrix.header.y, role: .dim) }
        if columns.upperBound < corpus.sources.count { grid.put("▸", x: min(matrix.header.maxX - 1, cellsX + columns.count * CoverageLayout.cellWidth), y: matrix.header.y, role: .dim) }
        for (offset, row) in (view.rowScroll..<min(corpus.events.count, view.rowScroll + matrix.rows.height)).enumerated() {
            let y = matrix.rows.y + offset
            let event = corpus.events[row]
            let label = " " + listDate(event) + "  " + event.title
            grid.put(label, x: matrix.rows.x, y: y, maxWidth: matrix.labelWidth, role: row == view.row ? .selectionUnfocused : .normal)
            for (column, sourceIndex) in columns.enumerated() {
                let mark = Coverage.mark(event, corpus.sources[sourceIndex])
                let role: Role = row == view.row && sourceIndex == view.column ? .selection
                    : (mark == .cited ? .outletMark : (mark == .notCited ? .normal : .dim))
                grid.put(" " + mark.symbol + " ", x: cellsX + column * CoverageLayout.cellWidth, y: y, maxWidth: CoverageLayout.cellWidth, role: role)
            }
        }
        // What the focused cell says, in words.
        if matrix.explanation.height > 0, corpus.events.indices.contains(view.row), corpus.sources.indices.contains(view.column) {
            let event = corpus.events[view.row], source = corpus.sources[view.column]
            let meaning: String
            switch Coverage.mark(event, source) {
            case .cited: meaning = "cites it (Enter: the passage)"
            case .notCited: meaning = "published on or after it, does not cite it (Enter: the article)"
            case .notYetPublished: meaning = "published before it happened"
            }
            grid.fill(matrix.explanation, role: .border)
            grid.put(" \(source.outlet) · \(source.published.displayText) — \(meaning)   ● cited ○ not cited · before",
                     x: matrix.explanation.x, y: matrix.explanation.y, maxWidth: matrix.explanation.width, role: .border)
        }
    }

    // MARK: Articles

    static func drawReader(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let article = state.reader else { return }
        drawArticle(article, state, in: layout.body, focused: true, into: &grid)
    }

    static func drawCompare(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let compare = state.compare, compare.panes.count == 2 else { return }
        let panes = layout.compare
        drawArticle(compare.panes[0], state, in: panes.first, focused: compare.focus == 0, into: &grid)
        drawArticle(compare.panes[1], state, in: panes.second, focused: compare.focus == 1, into: &grid)
        if layout.stacks {
            for x in panes.divider.x..<panes.divider.maxX { grid.put("─", x: x, y: panes.divider.y, role: .border) }
        } else {
            for y in panes.divider.y..<panes.divider.maxY { grid.put("│", x: panes.divider.x, y: y, role: .border) }
        }
    }

    /// One article in a pane: a header line naming it (reversed when the
    /// pane has focus), then its text from the scroll position.
    static func drawArticle(_ article: AppState.Article, _ state: AppState, in pane: Rect, focused: Bool, into grid: inout Grid) {
        guard let source = state.corpus.source(article.sourceID), !pane.isEmpty else { return }
        let header = pane.splitTop(1).0
        // The same text area the reducer scrolls against.
        let text = ScreenLayout.articleText(in: pane)
        grid.fill(header, role: focused ? .borderFocused : .border)
        let event = article.eventID.flatMap { state.corpus.event($0) }
        var label = " \(source.outlet) · \(source.published.displayText)"
        if let event { label += " · for: \(event.title)" }
        grid.put(label, x: header.x, y: header.y, maxWidth: header.width, role: focused ? .borderFocused : .border)
        let layout = ArticleLayout(source: source, data: state.data, width: text.width, showFurniture: article.showFurniture,
                                   eventID: article.eventID, focusedPassage: article.passage,
                                   matches: state.search.result?.highlights[source.id] ?? [])
        for (row, glyphs) in layout.rows.dropFirst(article.scroll).prefix(text.height).enumerated() {
            grid.draw(glyphs, x: text.x, y: text.y + row, maxWidth: text.width)
        }
    }
}
