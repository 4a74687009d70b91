import ChronicleModel

extension ScreenKind {
    public static let drafts = ScreenKind("drafts")
}

/// The drafts view: the chronology with the dated sentences no event cites
/// placed among its events at their dates, each marked as a draft (◇, its
/// sentence as a quote, never a title), the events dimmed around them.
public struct DraftsView: Sendable, Hashable {
    public enum Row: Sendable, Hashable {
        case heading(String)
        /// An event of the chronology, for context: a position in `corpus.events`.
        case event(Int)
        /// A draft: an index into `drafts`.
        case draft(Int)
    }

    public var drafts: [DraftStatement]
    public var rows: [Row]
    /// The selected draft.
    public var selected = 0
    /// The first row of the list in view.
    public var scroll = 0

    init(corpus: Corpus) {
        drafts = DraftStatements.find(in: corpus)
        rows = Self.rows(drafts, corpus: corpus)
    }

    /// Events and drafts by date under year headings; drafts whose date the
    /// rules could not resolve last, under "Date unknown".
    static func rows(_ drafts: [DraftStatement], corpus: Corpus) -> [Row] {
        var rows: [Row] = []
        var heading: String?
        func add(_ row: Row, date: PartialDate?) {
            let title = date?.yearHeading ?? "Date unknown"
            if title != heading { rows.append(.heading(title)); heading = title }
            rows.append(row)
        }
        var d = 0
        for (index, event) in corpus.events.enumerated() {
            while d < drafts.count, let date = drafts[d].date, date < event.date.date {
                add(.draft(d), date: date)
                d += 1
            }
            add(.event(index), date: event.date.date)
        }
        while d < drafts.count {
            add(.draft(d), date: drafts[d].date)
            d += 1
        }
        return rows
    }

    var selectedDraft: DraftStatement? { drafts.indices.contains(selected) ? drafts[selected] : nil }

    func row(ofDraft index: Int) -> Int? { rows.firstIndex(of: .draft(index)) }
}

extension AppState {
    public var draftsView: DraftsView? {
        get { state(of: .drafts) }
        set { setState(of: .drafts, newValue) }
    }
}

enum DraftsScreen {
    static let screen = Screen(
        kind: .drafts, title: "Drafts", helpTitle: "Keys: drafts",
        bindings: Keymap.movement + [
            Binding(keys: [.enter], action: .open, help: "Read the sentence in its article"),
            Binding(keys: [.character("e")], action: .acceptDraft),
        ] + Keymap.leaving + Keymap.authoring + Keymap.general,
        inputs: [.eventForm, .confirm],
        hints: { state in
            state.draftsView?.drafts.isEmpty ?? true ? [Hint(.toggleHelp, "help"), Hint(.back, "back")]
                : [Hint(.acceptDraft, "make it an event"), Hint(.open, "read"), Hint(.toggleHelp, "help"), Hint(.back, "back")]
        },
        reduce: reduce, mouse: mouse, clamp: clamp, draw: draw,
        position: { state in
            guard let view = state.draftsView, !view.drafts.isEmpty else { return "no drafts" }
            return "draft \(view.selected + 1)/\(view.drafts.count)"
        })

    static func open(_ state: inout AppState) -> [Effect] {
        let view = DraftsView(corpus: state.corpus)
        state.draftsView = view
        if view.drafts.isEmpty { state.notice = "Every dated sentence of the articles is cited by an event" }
        Reducer.clampAll(&state)
        return []
    }

    /// The drafts again after the corpus changed (a draft accepted, a change
    /// undone): the selection stays at its place in the list.
    static func refresh(_ state: inout AppState) {
        guard let old = state.draftsView else { return }
        var view = DraftsView(corpus: state.corpus)
        view.selected = old.selected
        view.scroll = old.scroll
        state.draftsView = view
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var view = state.draftsView else { return [] }
        let page = max(1, ScreenLayout(state.size).timeline.list.height - 1)
        switch action {
        case .back, .backOrQuit:
            state.draftsView = nil
            return []
        case .moveDown: view.selected += 1
        case .moveUp: view.selected -= 1
        case .pageDown: view.selected += page
        case .pageUp: view.selected -= page
        case .top: view.selected = 0
        case .bottom: view.selected = view.drafts.count - 1
        case .open:
            guard let draft = view.selectedDraft, state.corpus.source(draft.sourceID) != nil else { return [.bell] }
            var article = ArticlePane(sourceID: draft.sourceID, eventID: nil, state: state)
            // The date's words stand out where the sentence is shown.
            article.matches = [draft.expression.range]
            article.show(offset: draft.sentence.lowerBound, text: ArticleScreen.text(state), state)
            state.article = article
            return []
        case .acceptDraft:
            return accept(view.selectedDraft, &state)
        default: return []
        }
        state.draftsView = view
        Reducer.clampAll(&state)
        return []
    }

    /// `e`: the event form, its date, quote (the sentence) and source filled in.
    static func accept(_ draft: DraftStatement?, _ state: inout AppState) -> [Effect] {
        if let refused = Reducer.refusedAsReadOnly(&state) { return refused }
        guard let draft, let source = state.corpus.source(draft.sourceID) else { return [.bell] }
        guard let citation = QuoteChooser.citation(of: draft.sentence, in: source) else {
            state.notice = "This sentence cannot be quoted so that it is found once: Enter opens it, v selects a passage"
            return [.bell]
        }
        EventFormScreen.openNew(citation, selection: draft.sentence, in: source, offer: DateOffer(draft.expression, in: source), &state)
        return []
    }

    static func mouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard var view = state.draftsView else { return [] }
        let list = ScreenLayout(state.size).timeline.list
        guard list.contains(x: event.x, y: event.y) else { return [] }
        if let wheel = event.wheelRows {
            view.scroll = Reducer.clamp(view.scroll + wheel, rows: view.rows.count, height: list.height)
        } else if view.rows.indices.contains(view.scroll + event.y - list.y), case .draft(let index) = view.rows[view.scroll + event.y - list.y] {
            view.selected = index
        }
        state.draftsView = view
        return []
    }

    static func clamp(_ state: inout AppState) {
        guard var view = state.draftsView else { return }
        let height = ScreenLayout(state.size).timeline.list.height
        view.selected = min(max(0, view.selected), max(0, view.drafts.count - 1))
        if let row = view.row(ofDraft: view.selected) {
            // The year heading just above stays in view with the draft.
            let top = row > 0 && isHeading(view.rows[row - 1]) ? row - 1 : row
            view.scroll = Reducer.scrollToShow(top..<(row + 1), current: view.scroll, height: height)
        }
        view.scroll = Reducer.clamp(view.scroll, rows: view.rows.count, height: height)
        state.draftsView = view
    }

    static func isHeading(_ row: DraftsView.Row) -> Bool {
        if case .heading = row { return true }
        return false
    }

    // MARK: Drawing

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let view = state.draftsView else { return }
        let panes = layout.timeline
        drawList(view, state, panes.list, into: &grid)
        if layout.stacks {
            for x in panes.divider.x..<panes.divider.maxX { grid.put("─", x: x, y: panes.divider.y, role: .border) }
        } else {
            for y in panes.divider.y..<panes.divider.maxY { grid.put("│", x: panes.divider.x, y: y, role: .border) }
        }
        let rows = detail(view, state, width: panes.detail.width)
        for (row, glyphs) in rows.prefix(panes.detail.height).enumerated() {
            grid.draw(glyphs, x: panes.detail.x, y: panes.detail.y + row, maxWidth: panes.detail.width)
        }
    }

    static func drawList(_ view: DraftsView, _ state: AppState, _ area: Rect, into grid: inout Grid) {
        let dateWidth = min(14, max(state.data.listDateWidth, view.drafts.map { TextWidth.of(listDate($0)) }.max() ?? 0))
        for (offset, row) in view.rows.dropFirst(view.scroll).prefix(area.height).enumerated() {
            let y = area.y + offset
            switch row {
            case .heading(let year):
                grid.put("── \(year) " + String(repeating: "─", count: max(0, area.width)), x: area.x, y: y, maxWidth: area.width,
                         role: .yearSeparator, ellipsis: false)
            case .event(let index):
                // The chronology around the drafts, dimmed: context, not the drafts.
                let event = state.corpus.events[index]
                grid.put(BrowserData.listDate(event), x: area.x + 1, y: y, maxWidth: dateWidth, role: .dim)
                grid.put(event.spine ? "★" : " ", x: area.x + dateWidth + 2, y: y, role: .dim)
                grid.put(event.title, x: area.x + dateWidth + 4, y: y, maxWidth: max(0, area.width - dateWidth - 5), role: .dim)
            case .draft(let index):
                let draft = view.drafts[index]
                let selected = index == view.selected
                let base: Role = selected ? .selection : .normal
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: base)
                grid.put(listDate(draft), x: area.x + 1, y: y, maxWidth: dateWidth,
                         role: selected ? base : (draft.expression.isWorkedOut || draft.date == nil ? .dateInferred : .date))
                grid.put("◇", x: area.x + dateWidth + 2, y: y, role: selected ? base : .spineMark)
                let outlet = state.data.outletMarks[draft.sourceID].map(String.init) ?? state.corpus.source(draft.sourceID)?.outlet ?? ""
                let x = area.x + dateWidth + 4
                let used = grid.put("draft \(outlet) “", x: x, y: y, maxWidth: max(0, area.maxX - x), role: selected ? base : .label)
                let sentence = state.corpus.source(draft.sourceID)?.displayText(draft.sentence) ?? ""
                grid.put(sentence + "”", x: x + used, y: y, maxWidth: max(0, area.maxX - x - used - 1), role: selected ? base : .quote)
            }
        }
    }

    /// A draft's date as the list shows it: "*" when worked out, "?" when unresolved.
    static func listDate(_ draft: DraftStatement) -> String {
        guard let date = draft.date else { return "date unknown" }
        return date.displayText + (draft.expression.isWorkedOut ? "*" : "")
    }

    /// The selected draft's pane: marked a draft, its date and how it was
    /// worked out, its source, its sentence with the date's words marked.
    static func detail(_ view: DraftsView, _ state: AppState, width: Int) -> [[StyledGlyph]] {
        var rows: [[StyledGlyph]] = []
        func add(_ glyphs: [StyledGlyph], indent: Int = 0) {
            let pad = TextLayout.styled(String(repeating: " ", count: indent), .normal)
            for row in TextLayout.wrap(glyphs, width: max(1, width - indent)) { rows.append(indent > 0 ? pad + row : row) }
        }
        guard let draft = view.selectedDraft, let source = state.corpus.source(draft.sourceID) else {
            add(TextLayout.styled("Every date the articles state is in a passage an event cites. Esc goes back.", .dim))
            return rows
        }
        let expression = draft.expression
        add(TextLayout.styled("◇ Draft: no event cites this sentence", .heading))
        rows.append([])
        var date = TextLayout.styled(expression.value?.displayText ?? "date unknown", expression.value == nil ? .error : .date)
        if let value = expression.value { date += TextLayout.styled("  \(value.edtf)", .dim) }
        if expression.isWorkedOut, expression.value != nil { date += TextLayout.styled(" (worked out)", .dateInferred) }
        if expression.kind == .duration { date += TextLayout.styled(" · a duration", .dim) }
        add(date)
        add(TextLayout.styled(expression.resolution, .dim))
        rows.append([])
        add(TextLayout.styled("\(source.outlet) · \(source.published.displayText) · line\u{00A0}\(draft.line)", .label))
        if let note = source.inferredDateNote { add(TextLayout.styled(note, .dim), indent: 2) }
        let range = expression.range
        let before = source.displayText(draft.sentence.lowerBound..<max(draft.sentence.lowerBound, range.lowerBound))
        let after = source.displayText(min(range.upperBound, draft.sentence.upperBound)..<draft.sentence.upperBound)
        add(TextLayout.styled(before, .normal) + TextLayout.styled(source.displayText(range), .quoteCurrent) + TextLayout.styled(after, .normal),
            indent: 2)
        rows.append([])
        add(TextLayout.styled("e makes it an event (date, quote and source filled in) · Enter reads it in its article", .dim))
        return rows
    }
}
