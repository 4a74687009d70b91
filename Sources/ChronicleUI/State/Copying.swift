import ChronicleModel
import Foundation

/// `y` and `Y`: what is in focus, with its citation, as text for the
/// clipboard. The shell sends it (OSC 52, and tmux's buffer inside tmux);
/// the status line says what went.
enum Copying {
    static func copy(markdown: Bool, _ state: inout AppState) -> [Effect] {
        guard let (text, what) = markdown ? eventMarkdown(state) : inFocus(state) else {
            state.notice = markdown ? "No event to copy" : "Nothing to copy here"
            return [.bell]
        }
        state.notice = "Copied \(what)"
        return [.copy(text: text, what: what)]
    }

    /// The event the screen is about, as Markdown with footnotes.
    static func eventMarkdown(_ state: AppState) -> (String, String)? {
        let id = state.article?.eventID ?? state.sideBySide?.eventID ?? state.selectedEvent?.id
        guard let event = id.flatMap({ state.corpus.event($0) }) else { return nil }
        return (CopiedText.markdown(event, in: state.corpus), "“\(event.title)” as Markdown with \(Plural.count(event.citations.count, "footnote"))")
    }

    /// The selection, the passage in focus, the article's line at the top
    /// of the view, or the event, each with its citation.
    static func inFocus(_ state: AppState) -> (String, String)? {
        switch state.screen {
        case .article:
            guard let pane = state.article else { return nil }
            if state.isOpen(.selection), let selection = pane.selection {
                return passage(selection.range, of: pane.sourceID, "the selection", state)
            }
            return inPane(pane, text: ArticleScreen.text(state), state)
        case .sideBySide:
            guard let view = state.sideBySide else { return nil }
            return inPane(view.panes[view.focus], text: SideBySideScreen.texts(state)[view.focus], state)
        case .timeline:
            return onTimeline(state)
        default:
            return event(state)
        }
    }

    static func inPane(_ pane: ArticlePane, text: Rect, _ state: AppState) -> (String, String)? {
        if let index = pane.passage {
            let passages = state.data.citedPassages(of: pane.sourceID)
            if passages.indices.contains(index) {
                return passage(passages[index].range, of: pane.sourceID, "passage \(index + 1)/\(passages.count)", state)
            }
        }
        guard let (line, range) = pane.topLineRange(text: text, state) else { return nil }
        return passage(range, of: pane.sourceID, "line \(line)", state)
    }

    static func onTimeline(_ state: AppState) -> (String, String)? {
        switch state.timeline.focus {
        case .list:
            return event(state)
        case .hits:
            guard let hits = state.search.result?.articleHits, hits.indices.contains(state.search.hit) else { return nil }
            let hit = hits.computeHit(at: state.search.hit)
            guard let source = state.corpus.source(hit.sourceID) else { return nil }
            return passage(source.lines.contentRange(ofLine: hit.line), of: hit.sourceID, "line \(hit.line)", state)
        case .event:
            guard let event = state.selectedEvent else { return nil }
            let index = state.timeline.passage
            if event.citations.indices.contains(index) {
                let citation = event.citations[index]
                return passage(citation.passage.range, of: citation.sourceID, "passage [\(index + 1)]", state)
            }
            let related = state.relatedPassages
            let at = index - event.citations.count
            guard related.indices.contains(at) else { return self.event(state) }
            return passage(related[at].range, of: related[at].sourceID, "related passage [r\(at + 1)]", state)
        }
    }

    static func event(_ state: AppState) -> (String, String)? {
        guard let event = state.selectedEvent else { return nil }
        return (CopiedText.event(event, in: state.corpus), "“\(event.title)” with \(Plural.count(event.citations.count, "passage"))")
    }

    static func passage(_ range: Range<Int>, of sourceID: String, _ what: String, _ state: AppState) -> (String, String)? {
        guard let source = state.corpus.source(sourceID) else { return nil }
        let text = source.displayText(range).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        return (CopiedText.passage(text, from: source) + "\n", "\(what) of \(source.outlet) with its citation")
    }
}
