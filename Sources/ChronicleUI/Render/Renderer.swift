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
        }
        drawTitleBar(state, layout, into: &grid)
        drawStatusBar(state, layout, into: &grid)
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
        }
        let title = " Chronicle · " + (state.corpus.title ?? "untitled corpus")
        let right = where_ + " "
        let rightWidth = TextWidth.of(right)
        grid.put(title, x: 0, y: 0, maxWidth: max(0, layout.size.width - rightWidth - 1), role: .titleBar)
        if layout.size.width > rightWidth + 12 { grid.put(right, x: layout.size.width - rightWidth, y: 0, role: .titleBar) }
    }

    /// Hints from the keymap for the actions that matter most on each screen.
    static let hintActions: [ScreenKind: [Action]] = [
        .timeline: [.open, .sideBySide, .toggleHelp, .backOrQuit],
        .reader: [.nextPassage, .toggleFurniture, .sideBySide, .toggleHelp, .back],
        .compare: [.switchPane, .nextSource, .nextPassage, .toggleHelp, .back],
    ]

    static let hintWords: [Action: String] = [
        .open: "open", .sideBySide: "side by side", .toggleHelp: "help", .backOrQuit: "quit",
        .nextPassage: "next passage", .toggleFurniture: "furniture", .back: "back",
        .switchPane: "other pane", .nextSource: "next source",
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
            let eventPosition = state.corpus.events.isEmpty ? "0/0" : "\(state.timeline.selected + 1)/\(state.corpus.events.count)"
            if state.timeline.focus == .event, state.corpus.events.indices.contains(state.timeline.selected) {
                let citations = state.corpus.events[state.timeline.selected].citations.count
                position = "passage \(state.timeline.passage + 1)/\(citations) · event \(eventPosition)"
            } else {
                position = eventPosition
            }
        case .reader:
            position = state.reader.map { passagePosition($0, state) } ?? ""
        case .compare:
            position = state.compare.map { passagePosition($0.panes[$0.focus], state) } ?? ""
        }
        let right = " " + position + " "
        let rightWidth = TextWidth.of(right)
        let left = " " + (state.notice ?? hints(for: state.screen))
        grid.put(left, x: 0, y: bar.y, maxWidth: max(0, bar.width - rightWidth), role: state.notice == nil ? .statusBar : .statusKey)
        if bar.width > rightWidth { grid.put(right, x: bar.width - rightWidth, y: bar.y, role: .statusKey) }
    }

    static func passagePosition(_ article: AppState.Article, _ state: AppState) -> String {
        let count = state.data.citedPassages[article.sourceID]?.count ?? 0
        guard count > 0 else { return "no cited passages" }
        return "passage \(article.passage.map { String($0 + 1) } ?? "–")/\(count)"
    }

    // MARK: Timeline

    static func drawTimeline(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        let panes = layout.timeline
        let listFocused = state.timeline.focus == .list
        drawTimelineList(state, panes.list, focused: listFocused, into: &grid)
        if layout.stacks {
            for x in panes.divider.x..<panes.divider.maxX { grid.put("─", x: x, y: panes.divider.y, role: listFocused ? .border : .borderFocused) }
        } else {
            for y in panes.divider.y..<panes.divider.maxY { grid.put("│", x: panes.divider.x, y: y, role: .border) }
        }
        guard let event = state.selectedEvent else {
            grid.put("No events in this corpus.", x: panes.detail.x, y: panes.detail.y, maxWidth: panes.detail.width, role: .dim)
            return
        }
        let detail = EventDetail(event: event, corpus: state.corpus, width: panes.detail.width,
                                 focusedPassage: listFocused ? nil : state.timeline.passage)
        for (row, glyphs) in detail.rows.dropFirst(state.timeline.detailScroll).prefix(panes.detail.height).enumerated() {
            grid.draw(glyphs, x: panes.detail.x, y: panes.detail.y + row, maxWidth: panes.detail.width)
        }
    }

    static func drawTimelineList(_ state: AppState, _ area: Rect, focused: Bool, into grid: inout Grid) {
        let data = state.data
        let events = state.corpus.events
        // An inferred date carries "*" here; the event pane spells it out.
        let dateWidth = min(14, (events.map { TextWidth.of(listDate($0)) }.max() ?? 4))
        let marks = state.corpus.sources.compactMap { source in data.outletMarks[source.id].map { (source.id, $0) } }
        let marksWidth = marks.isEmpty ? 4 : marks.count
        for (row, item) in data.timelineRows.dropFirst(state.timeline.listScroll).prefix(area.height).enumerated() {
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
                grid.put(event.title, x: x, y: y, maxWidth: max(0, titleWidth), role: base)
                let markX = area.maxX - marksWidth - 1
                if marks.isEmpty {
                    grid.put("\(event.sourceIDs.count) src".padding(toLength: 4, withPad: " ", startingAt: 0), x: markX, y: y, role: selected ? base : .outletMark)
                } else {
                    for (offset, (sourceID, mark)) in marks.enumerated() {
                        let cited = event.sourceIDs.contains(sourceID)
                        grid.put(cited ? String(mark) : "·", x: markX + offset, y: y, role: selected ? base : (cited ? .outletMark : .dim))
                    }
                }
            }
        }
    }

    static func listDate(_ event: Event) -> String {
        event.date.date.displayText + (event.date.inferred ? "*" : "")
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
        let (header, text) = pane.splitTop(1)
        grid.fill(header, role: focused ? .borderFocused : .border)
        let event = article.eventID.flatMap { state.corpus.event($0) }
        var label = " \(source.outlet) · \(source.published.displayText)"
        if let event { label += " · for: \(event.title)" }
        grid.put(label, x: header.x, y: header.y, maxWidth: header.width, role: focused ? .borderFocused : .border)
        let layout = ArticleLayout(source: source, data: state.data, width: text.width, showFurniture: article.showFurniture,
                                   eventID: article.eventID, focusedPassage: article.passage)
        for (row, glyphs) in layout.rows.dropFirst(article.scroll).prefix(text.height).enumerated() {
            grid.draw(glyphs, x: text.x, y: text.y + row, maxWidth: text.width)
        }
    }
}
