import ChronicleModel

/// The reader's own marks on the chronology: stars, and the filter to the
/// starred. Kept outside the corpus; the shell saves each change.
enum ReaderActions {
    /// The event a key on the screen in view is about: the article's, the
    /// comparison's, or the timeline's selected one.
    static func eventInView(_ state: AppState) -> Event? {
        let id: String?
        switch state.screen {
        case .article: id = state.article?.eventID ?? state.selectedEvent?.id
        case .sideBySide: id = state.sideBySide?.eventID ?? state.selectedEvent?.id
        default: id = state.selectedEvent?.id
        }
        return id.flatMap { state.corpus.event($0) }
    }

    static func toggleStar(_ state: inout AppState) -> [Effect] {
        guard let event = eventInView(state) else {
            state.notice = "No event to star"
            return [.bell]
        }
        let on = !state.reader.starred.contains(event.id)
        state.reader.apply(.star(eventID: event.id, on))
        let key = state.keys.key(for: .toggleStar, on: state.top)?.label ?? "*"
        state.notice = on ? "Starred “\(event.title)” (yours, kept outside the corpus; \(key) again unstars)" : "Unstarred “\(event.title)”"
        if state.filters.starred { Reducer.updateSearch(&state) }
        return [.saveReaderNotes(.star(eventID: event.id, on))]
    }

    static func filterStarred(_ state: inout AppState) -> [Effect] {
        if state.filters.starred {
            state.filters.set(.starred, nil)
        } else {
            guard !state.reader.starred.isEmpty else {
                let key = state.keys.key(for: .toggleStar, on: .timeline)?.label ?? "*"
                state.notice = "No starred events yet: \(key) stars the event selected"
                return [.bell]
            }
            state.filters.set(.starred, "starred")
        }
        Reducer.updateSearch(&state)
        return []
    }
}
