import ChronicleModel

/// Everything a person can ask of the browser. Keys map to actions through
/// a screen's keymap; the help overlay is generated from the same tables.
public enum Action: Hashable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case open
    case back
    case backOrQuit
    case quit
    case nextPassage, previousPassage
    case focusEvent
    case sideBySide
    case switchPane
    case nextSource, previousSource
    case toggleFurniture
    /// One pane of a two-pane screen takes the whole body, or both share it.
    case toggleMaximize
    case search, nextHit, previousHit
    case filterActor, filterSource, filterDate, filterTag, clearLastFilter, clearFilters
    case showCoverage, nextColumn, previousColumn, compareDifferences, toggleRelated
    /// A line being typed (the search line, the date prompt).
    case insert(Character)
    case deleteCharacter, deleteWord, clearLine
    case accept, cancel
    case historyPrevious, historyNext
    /// Building a chronology: selecting a passage, citing it, making and
    /// changing events, taking changes back.
    case startSelection, extendWordForward, extendWordBack, extendSentenceForward, extendSentenceBack
    case selectSentence, swapSelectionEnds, moveSelectionForward, moveSelectionBack, extendRowDown, extendRowUp
    case cite, newEvent, editEvent, editEventInEditor, remove, undo, redo, showErrors, showSources
    /// The dated sentences no event cites, and making one an event.
    case showDrafts, acceptDraft
    case nextField, previousField, completeName, confirm
    /// The reader's own: copying with the citation, places, stars and notes.
    case copy, copyMarkdown
    case setMark, goToMark, jumpBack, jumpForward
    case toggleStar, filterStarred, editNote
    case openPalette, toggleMouse
    /// The corpus as it is after a change written to disk (or read again).
    case corpusChanged(CorpusChange)
    /// A change that could not be made, and why.
    case editFailed(EditReport)
    /// The search index, built in the background, has arrived.
    case indexReady(SearchIndex)
    /// How far the search index is on its way (read from the cache, or built).
    case indexProgress(IndexProgress)
    /// The reader's stars, notes and marks as saved (with what another
    /// Chronicle saved meanwhile).
    case readerNotesSaved(ReaderNotes)
    /// A file of the user's own (stars, history) could not be written.
    case userFileFailed(String)
    case toggleHelp
    case redraw
    case resize(Size)
    case mouse(MouseEvent)

    /// The sentence the help overlay shows (a binding may say it its own way).
    public var help: String {
        switch self {
        case .moveDown: return "Move down"
        case .moveUp: return "Move up"
        case .pageDown: return "Page down"
        case .pageUp: return "Page up"
        case .top: return "Go to the top"
        case .bottom: return "Go to the bottom"
        case .open: return "Open: the event's passages, or the article at the passage"
        case .back: return "Go back"
        case .backOrQuit: return "Go back; quit from the timeline"
        case .quit: return "Quit Chronicle"
        case .nextPassage: return "Next cited passage"
        case .previousPassage: return "Previous cited passage"
        case .focusEvent: return "Switch between the timeline and the event"
        case .sideBySide: return "Read two articles side by side at this event"
        case .switchPane: return "Switch to the other article"
        case .nextSource: return "Show the next source in this pane"
        case .previousSource: return "Show the previous source in this pane"
        case .toggleFurniture: return "Fold or show page furniture (Explore lists, footers)"
        case .toggleMaximize: return "The focused pane takes the whole width, or both share it"
        case .search: return "Search as you type (Enter keeps, Esc clears, ↑ recalls)"
        case .showCoverage: return "Coverage: which source reports which event"
        case .nextColumn: return "Next source (column)"
        case .previousColumn: return "Previous source (column)"
        case .compareDifferences: return "Where the sources differ: their passages side by side"
        case .toggleRelated: return "Show or hide related passages the event does not cite"
        case .filterActor: return "Filter by actor (a list with event counts)"
        case .filterSource: return "Filter by outlet: events citing one source"
        case .filterDate: return "Filter by date: 2024, 2024-03, 2003/2024"
        case .filterTag: return "Filter by tag"
        case .clearLastFilter: return "Clear the latest filter"
        case .clearFilters: return "Clear every filter"
        case .nextHit: return "Next search hit"
        case .previousHit: return "Previous search hit"
        case .insert: return "Type into the line"
        case .deleteCharacter: return "Delete the last character"
        case .deleteWord: return "Delete the last word"
        case .clearLine: return "Clear the line"
        case .accept: return "Accept"
        case .cancel: return "Cancel"
        case .historyPrevious: return "Recall the previous search"
        case .historyNext: return "Recall the next search"
        case .startSelection: return "Select a passage to cite (visual mode)"
        case .extendWordForward: return "Extend the selection by a word"
        case .extendWordBack: return "Take a word back from the selection"
        case .extendSentenceForward: return "Extend the selection to the end of the sentence"
        case .extendSentenceBack: return "Take the selection back to the sentence's start"
        case .selectSentence: return "Select the whole sentence"
        case .extendRowDown: return "Extend the selection a line down"
        case .extendRowUp: return "Take the selection back a line"
        case .swapSelectionEnds: return "Move the other end of the selection"
        case .moveSelectionForward: return "Start again at the next word"
        case .moveSelectionBack: return "Start again at the previous word"
        case .cite: return "Cite the selection for the event"
        case .newEvent: return "Make a new event from the selection"
        case .editEvent: return "Edit the event's date, title, summary, actors and tags"
        case .editEventInEditor: return "Edit the event's YAML in $EDITOR"
        case .remove: return "Remove the event, or the citation in focus (asks first)"
        case .undo: return "Undo the last change"
        case .redo: return "Redo the change undone"
        case .showErrors: return "The corpus's errors, with where and how to fix each"
        case .showSources: return "Articles: every source, to read and cite"
        case .showDrafts: return "Drafts: the dated sentences no event cites, at their dates"
        case .acceptDraft: return "Make the draft an event: the form opens with its date, quote and source"
        case .nextField: return "Next field"
        case .previousField: return "Previous field"
        case .completeName: return "Complete the actor's name"
        case .confirm: return "Yes"
        case .copy: return "Copy the text in focus with its citation (OSC 52)"
        case .copyMarkdown: return "Copy the event as Markdown with footnotes"
        case .setMark: return "Mark this place: m then a letter"
        case .goToMark: return "Go to a marked place: ' then its letter"
        case .jumpBack: return "Go back to the place before (as vim's Ctrl-O)"
        case .jumpForward: return "Go forward again to the place left"
        case .toggleStar: return "Star or unstar the event (yours, kept outside the corpus)"
        case .filterStarred: return "Show only the events you starred (again: all)"
        case .editNote: return "Write your note on the event (yours, outside the corpus)"
        case .openPalette: return "Every command of this screen, by name: type to filter"
        case .toggleMouse: return "Turn the mouse off or on (off: the terminal selects text)"
        case .corpusChanged: return "The corpus changed"
        case .editFailed: return "A change failed"
        case .indexReady: return "The search index is ready"
        case .indexProgress: return "The search index is on its way"
        case .readerNotesSaved: return "Your notes were saved"
        case .userFileFailed: return "Your notes could not be saved"
        case .toggleHelp: return "Show or hide this help"
        case .redraw: return "Redraw the screen"
        case .resize: return "Resize"
        case .mouse: return "Mouse"
        }
    }

    public var group: String {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom: return "Move"
        case .open, .back, .backOrQuit, .focusEvent, .nextPassage, .previousPassage: return "Read"
        case .sideBySide, .switchPane, .nextSource, .previousSource, .toggleFurniture, .toggleMaximize, .showCoverage,
             .nextColumn, .previousColumn, .compareDifferences, .toggleRelated: return "Compare"
        case .search, .nextHit, .previousHit: return "Search"
        case .filterActor, .filterSource, .filterDate, .filterTag, .clearLastFilter, .clearFilters, .filterStarred: return "Filter"
        case .copy, .copyMarkdown, .toggleStar, .editNote: return "Keep"
        case .setMark, .goToMark, .jumpBack, .jumpForward: return "Places"
        case .insert, .deleteCharacter, .deleteWord, .clearLine, .historyPrevious, .historyNext: return "Edit"
        case .accept, .cancel, .confirm: return "Choose"
        case .startSelection, .extendWordForward, .extendWordBack, .extendSentenceForward, .extendSentenceBack, .selectSentence,
             .extendRowDown, .extendRowUp,
             .swapSelectionEnds, .moveSelectionForward, .moveSelectionBack, .cite, .newEvent, .editEvent, .editEventInEditor,
             .remove, .undo, .redo, .showErrors, .showSources, .showDrafts, .acceptDraft, .nextField, .previousField,
             .completeName: return "Build"
        default: return "General"
        }
    }
}

/// What the shell must do after a state change: effects leave the reducer
/// as values (Bubble Tea's Cmd), so the reducer stays pure.
public enum Effect: Hashable, Sendable {
    case quit
    case bell
    /// Redraw every cell: the screen may hold another program's output.
    case repaint
    /// Build the search index off the main thread and deliver it as
    /// `Action.indexReady`.
    case buildIndex
    /// Write a change to the corpus on disk; the result comes back as
    /// `corpusChanged` or `editFailed`.
    case edit(CorpusEdit)
    case undoEdit, redoEdit
    /// Open the event's YAML in the user's editor, then apply what was saved.
    case editInEditor(eventID: String)
    /// Open a corpus file in the user's editor at a line, then read the corpus again.
    case openInEditor(path: String, line: Int)
    /// Read the corpus again from disk, then try `retry` again.
    case reloadCorpus(retry: CorpusEdit?)
    /// Put text on the system clipboard (OSC 52, and tmux's buffer inside
    /// tmux); `what` says what it was, for the status line.
    case copy(text: String, what: String)
    /// Save a change to the reader's stars, notes or marks, outside the corpus.
    case saveReaderNotes(ReaderChange)
    /// Remember a search or a date filter across runs.
    case remember(String, History.Kind)
    /// Turn the terminal's mouse reporting on or off.
    case setMouse(Bool)
}

/// How far the search index is on its way, for the search line to say:
/// a read from the cache takes a moment, a build may take a while.
public enum IndexProgress: Hashable, Sendable {
    /// Being read from the cache entry.
    case reading
    /// Being built: `articles` of `of` indexed (0 of 0 before it is known).
    case building(articles: Int, of: Int)

    /// Before anything is known of it: said as a build is.
    public static let unknown = IndexProgress.building(articles: 0, of: 0)
}
