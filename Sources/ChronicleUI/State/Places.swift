import ChronicleModel

/// The places visited, as vim keeps its jump list: a jump leaves the place
/// it came from here; Ctrl-O walks back through them and its partner
/// forward again. A new jump after going back forgets the places ahead,
/// as a web browser's history does.
public struct JumpList: Sendable, Hashable {
    public private(set) var places: [SavedPlace] = []
    /// Where the reader is in `places`; `places.count` when at none of them.
    public private(set) var position = 0

    public static let limit = 100

    public init() {}

    mutating func record(_ place: SavedPlace) {
        if position < places.count { places.removeSubrange((position + 1)...) }
        if places.last != place { places.append(place) }
        if places.count > Self.limit { places.removeFirst(places.count - Self.limit) }
        position = places.count
    }

    /// The place before, leaving `current` at the end to come forward to.
    mutating func back(from current: SavedPlace) -> SavedPlace? {
        if position >= places.count {
            if places.last != current { places.append(current) }
            position = places.count - 1
        }
        guard position > 0 else { return nil }
        position -= 1
        return places[position]
    }

    mutating func forward() -> SavedPlace? {
        guard position + 1 < places.count else { return nil }
        position += 1
        return places[position]
    }
}

/// Places in the browser: where the reader is, as a `SavedPlace` a mark or
/// the jump list keeps, and going back to one.
enum Places {
    /// The place in view: the screen, the event and, on an article, the
    /// article and its line at the top of the view.
    static func current(_ state: AppState) -> SavedPlace {
        let event = state.selectedEvent?.id
        switch state.screen {
        case .article:
            guard let pane = state.article else { break }
            return SavedPlace(screen: ScreenKind.article.name, eventID: pane.eventID ?? event, sourceID: pane.sourceID,
                              line: pane.topLine(text: ArticleScreen.text(state), state))
        case .sideBySide:
            guard let view = state.sideBySide else { break }
            let pane = view.panes[view.focus]
            return SavedPlace(screen: ScreenKind.sideBySide.name, eventID: view.eventID ?? event, sourceID: pane.sourceID,
                              line: pane.topLine(text: SideBySideScreen.texts(state)[view.focus], state))
        case .coverage:
            return SavedPlace(screen: ScreenKind.coverage.name, eventID: state.coverage.map { state.corpus.events.indices.contains($0.row) ? state.corpus.events[$0.row].id : nil } ?? event)
        default: break
        }
        return SavedPlace(screen: ScreenKind.timeline.name, eventID: event)
    }

    /// Whether an action may be a jump: moving step by step, typing, and
    /// what the program itself delivers never are.
    static func mayJump(_ action: Action) -> Bool {
        switch action {
        case .moveDown, .moveUp, .pageDown, .pageUp, .insert, .deleteCharacter, .deleteWord, .clearLine, .historyPrevious, .historyNext,
             .resize, .indexReady, .indexProgress, .readerNotesSaved, .userFileFailed, .corpusChanged, .editFailed, .redraw, .toggleHelp, .jumpBack, .jumpForward, .mouse,
             .extendWordForward, .extendWordBack, .extendSentenceForward, .extendSentenceBack, .selectSentence, .swapSelectionEnds,
             .moveSelectionForward, .moveSelectionBack, .extendRowDown, .extendRowUp, .nextField, .previousField, .completeName,
             .copy, .copyMarkdown, .toggleStar, .toggleMouse, .openPalette:
            return false
        default:
            return true
        }
    }

    /// After `action`, records where `before` was when the reader has
    /// jumped: another screen in view, another article, another event.
    /// A search records where it started, as vim's `/` does.
    static func recordJump(from before: AppState, _ action: Action, _ state: inout AppState) {
        let moved = before.screen != state.screen || before.article?.sourceID != state.article?.sourceID
            || before.timeline.selected != state.timeline.selected
        guard moved || action == .search else { return }
        state.jumps.record(current(before))
    }

    /// Ctrl-O and its partner.
    static func jump(back: Bool, _ state: inout AppState) -> [Effect] {
        var jumps = state.jumps
        let target = back ? jumps.back(from: current(state)) : jumps.forward()
        state.jumps = jumps
        guard let target else {
            state.notice = back ? "No place before this one" : "No place after this one"
            return [.bell]
        }
        return go(to: target, &state)
    }

    /// Shows a place: its event selected on the timeline (the search and
    /// filters cleared when they hide it), then its screen, article and line.
    static func go(to place: SavedPlace, _ state: inout AppState) -> [Effect] {
        state.closeAll()
        if let id = place.eventID {
            guard let index = state.corpus.events.firstIndex(where: { $0.id == id }) else {
                state.notice = "The event \(id) is no longer in the corpus"
                return [.bell]
            }
            if state.rows.row(ofEvent: index) == nil {
                state.search.query = ""
                state.filters = AppState.Filters()
                Reducer.updateSearch(&state)
                state.notice = "The search and filters were cleared to show the event"
            }
            Reducer.select(index, &state)
        }
        switch place.screen {
        case ScreenKind.article.name:
            guard let sourceID = place.sourceID, state.corpus.source(sourceID) != nil else { break }
            let event = place.eventID.flatMap { state.corpus.event($0) }
            var pane = ArticlePane(sourceID: sourceID, eventID: event?.cites(sourceID) == true ? event?.id : nil, state: state)
            pane.show(line: place.line ?? 1, text: ArticleScreen.text(state), state)
            state.article = pane
        case ScreenKind.sideBySide.name:
            guard SideBySideScreen.open(&state).isEmpty, var view = state.sideBySide else { break }
            if let at = view.panes.firstIndex(where: { $0.sourceID == place.sourceID }) {
                view.focus = at
                view.panes[at].show(line: place.line ?? 1, text: SideBySideScreen.texts(state)[at], state)
            }
            state.sideBySide = view
        case ScreenKind.coverage.name:
            _ = CoverageScreen.open(&state)
        default:
            break
        }
        Reducer.clampAll(&state)
        return []
    }
}

/// Where `chronicle browse` opens, from its options: an event, a search,
/// an article and a line in it.
public struct StartingPlace: Sendable, Hashable {
    public var eventID: String?
    public var search: String?
    public var sourceID: String?
    public var line: Int?

    public init(eventID: String? = nil, search: String? = nil, sourceID: String? = nil, line: Int? = nil) {
        self.eventID = eventID
        self.search = search
        self.sourceID = sourceID
        self.line = line
    }

    /// Why the corpus has no such place, in words that say how to find one.
    public func problem(in corpus: Corpus) -> String? {
        if let eventID, corpus.event(eventID) == nil {
            let near = YAMLValue.closest(to: eventID, in: corpus.events.map(\.id)).map { " (did you mean \($0)?)" } ?? ""
            return "no event \(eventID) in the corpus\(near); chronicle list --format json shows every event's id"
        }
        if let sourceID, corpus.source(sourceID) == nil {
            let near = YAMLValue.closest(to: sourceID, in: corpus.sources.map(\.id)).map { " (did you mean \($0)?)" } ?? ""
            return "no source \(sourceID) in the corpus\(near); its manifest lists the sources"
        }
        if line != nil && sourceID == nil { return "--line needs --source: the line is a line of an article" }
        if let line, line < 1 { return "--line counts from 1" }
        if let line, let sourceID, let source = corpus.source(sourceID), line > source.lines.lineCount {
            return "\(sourceID) has \(Plural.count(source.lines.lineCount, "line")), so there is no line \(line)"
        }
        return nil
    }
}

extension Reducer {
    /// Opens the browser at a place; the search runs once the index is ready.
    public static func open(at place: StartingPlace, _ state: inout AppState) -> [Effect] {
        if let search = place.search, !search.isEmpty {
            state.search.query = search
            updateSearch(&state)
        }
        if let id = place.eventID, let index = state.corpus.events.firstIndex(where: { $0.id == id }) {
            select(index, &state)
        }
        if let sourceID = place.sourceID, state.corpus.source(sourceID) != nil {
            let event = place.eventID.flatMap { state.corpus.event($0) }
            let text = ArticleScreen.text(state)
            if let line = place.line {
                var pane = ArticlePane(sourceID: sourceID, eventID: event?.cites(sourceID) == true ? event?.id : nil, state: state)
                pane.show(line: line, text: text, state)
                state.article = pane
            } else {
                state.article = ArticlePane.opened(sourceID, for: event?.cites(sourceID) == true ? event : nil, at: nil, text: text, state)
            }
        }
        clampAll(&state)
        return []
    }
}
