import ChronicleModel

/// The timeline's list as drawn: event rows under year headings, and the
/// list of article-text hits a search finds outside cited passages.
enum TimelineList {
    static func drawEvents(_ state: AppState, _ area: Rect, focused: Bool, into grid: inout Grid) {
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
                let date = BrowserData.listDate(event)
                grid.put(date, x: x, y: y, maxWidth: dateWidth, role: selected ? base : (event.date.inferred ? .dateInferred : .date))
                x += dateWidth + 1
                grid.put(event.spine ? "★" : " ", x: x, y: y, role: selected ? base : .spineMark)
                x += 1
                // The reader's stars take a column only once there are some.
                if !state.reader.starred.isEmpty {
                    if state.reader.starred.contains(event.id) { grid.put("◆", x: x, y: y, role: selected ? base : .readerStar) }
                    x += 1
                }
                x += 1
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
            let hit = hits.computeHit(at: index)
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
}
