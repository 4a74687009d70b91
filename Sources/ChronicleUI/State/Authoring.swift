import ChronicleModel

/// A corpus as it is after a change was written (or the files read again),
/// as the shell hands it to the browser.
public struct CorpusChange: Sendable, Hashable {
    public let data: BrowserData
    public let diagnostics: [Diagnostic]
    /// What happened, for the status line ("added event “…” · u undoes").
    public let notice: String
    /// The event to select afterwards, by id.
    public let select: String?
    public let undoCount: Int
    public let redoCount: Int
    /// The corpus's YAML files as text, by the path messages name them with.
    public let fileTexts: [String: String]

    public init(data: BrowserData, diagnostics: [Diagnostic], notice: String, select: String?, undoCount: Int, redoCount: Int,
                fileTexts: [String: String] = [:]) {
        self.data = data
        self.diagnostics = diagnostics
        self.fileTexts = fileTexts
        self.notice = notice
        self.select = select
        self.undoCount = undoCount
        self.redoCount = redoCount
    }

    public static func == (a: CorpusChange, b: CorpusChange) -> Bool {
        a.data === b.data && a.notice == b.notice && a.select == b.select && a.diagnostics == b.diagnostics
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(data)) }
}

/// A change that was not made: why, and whether reading the corpus again
/// and retrying could make it (another program changed a file meanwhile).
public struct EditReport: Sendable, Hashable {
    public let message: String
    public let retry: CorpusEdit?

    public init(message: String, retry: CorpusEdit? = nil) {
        self.message = message
        self.retry = retry
    }
}

/// Whether the corpus can be changed, and where its problems are.
public struct Authoring: Sendable, Hashable {
    /// Why the corpus cannot be changed; nil when it can.
    public var readOnlyReason: String?
    /// What loading found: the browser shows what is valid and lists these.
    public var diagnostics: [Diagnostic]
    public var undoCount = 0
    public var redoCount = 0
    /// The corpus's YAML files as text, by the path messages name them with:
    /// the problems screen shows the lines around each problem.
    public var fileTexts: [String: String]

    public init(readOnlyReason: String? = "this corpus is read-only", diagnostics: [Diagnostic] = [], fileTexts: [String: String] = [:]) {
        self.readOnlyReason = readOnlyReason
        self.diagnostics = diagnostics
        self.fileTexts = fileTexts
    }

    public var errorCount: Int { diagnostics.errors.count }
}

extension Reducer {
    /// Nil when the corpus can be changed; else the bell, with why on the status line.
    static func refusedAsReadOnly(_ state: inout AppState) -> [Effect]? {
        guard let reason = state.authoring.readOnlyReason else { return nil }
        state.notice = reason
        return [.bell]
    }

    /// The corpus after a change: its tables swapped in, the selection kept
    /// (or moved to the event named), the search run again once the new
    /// index arrives.
    static func corpusChanged(_ change: CorpusChange, _ state: inout AppState) -> [Effect] {
        let selectedID = change.select ?? state.selectedEvent?.id
        state.replaceData(change.data)
        state.authoring.diagnostics = change.diagnostics
        state.authoring.undoCount = change.undoCount
        state.authoring.redoCount = change.redoCount
        state.authoring.fileTexts = change.fileTexts
        // What the change was asked from is done with.
        state.eventForm = nil
        if state.top == .confirm { state.closeTop() }
        if let id = selectedID, let position = state.corpus.eventPosition(id) {
            state.timeline.selected = position
        }
        state.timeline.passage = min(state.timeline.passage, max(0, state.eventPassageCount - 1))
        clampAll(&state)
        ensureSelectionVisible(&state)
        state.notice = change.notice
        return [.buildIndex]
    }
}

extension Reducer {
    /// A change not made: said on the status line (or in the open form);
    /// when another program changed a file, the user is offered to read the
    /// corpus again and make the change anew.
    static func editFailed(_ report: EditReport, _ state: inout AppState) -> [Effect] {
        if var form = state.eventForm {
            form.message = report.message
            state.eventForm = form
        } else {
            state.notice = report.message
        }
        if let retry = report.retry {
            ConfirmScreen.ask("Another program changed the corpus. Read it again and make your change anew?",
                              yes: .effects([.reloadCorpus(retry: retry)]), &state)
        }
        return [.bell]
    }
}

extension AppState {
    /// A new corpus's tables in place of the old: what depended on the old
    /// ones (rows, the search's result, the index) is dropped, the query and
    /// filters kept to run again.
    mutating func replaceData(_ data: BrowserData) {
        self.data = data
        index = nil
        search.result = nil
        search.hit = 0
        search.hitScroll = 0
        rows = data.timelineRows
        related = nil
        if !corpus.events.indices.contains(timeline.selected) { timeline.selected = max(0, corpus.events.count - 1) }
        timeline.detailScroll = 0
        if timeline.focus == .hits { timeline.focus = .list }
        ArticleScreen.refreshMatches(&self)
        SideBySideScreen.refreshMatches(&self)
        DraftsScreen.refresh(&self)
    }
}
