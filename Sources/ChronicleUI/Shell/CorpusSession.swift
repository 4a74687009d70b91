import ChronicleModel

/// Runs the effects that change or read the corpus on disk, through the
/// model's `CorpusEditor`, and answers each with the action that tells the
/// reducer how it went. Not part of the pure browser: the terminal's shell
/// and the tests both drive the reducer with it.
public struct CorpusSession: Sendable {
    public private(set) var editor: CorpusEditor?
    /// The corpus as last loaded, with what loading found.
    public private(set) var loaded: CorpusLoadResult
    /// Why the corpus cannot be changed; nil when it can.
    public let readOnlyReason: String?

    public init(editor: CorpusEditor?, loaded: CorpusLoadResult, readOnlyReason: String?) {
        self.editor = editor
        self.loaded = loaded
        self.readOnlyReason = editor == nil ? (readOnlyReason ?? "this corpus is read-only") : nil
    }

    /// The browser's starting state for this corpus.
    public func initialState(size: Size) -> AppState {
        var state = AppState(data: BrowserData(corpus: loaded.corpus), size: size,
                             authoring: Authoring(readOnlyReason: readOnlyReason, diagnostics: loaded.diagnostics, fileTexts: fileTexts))
        if loaded.hasErrors {
            state.notice = "\(Plural.count(loaded.diagnostics.errors.count, "problem")) in the corpus: the timeline shows what is valid; ! lists them"
        }
        return state
    }

    /// The answer to an effect on the corpus, or nil for an effect that is not one.
    public mutating func perform(_ effect: Effect) -> Action? {
        guard editor != nil else {
            switch effect {
            case .edit, .undoEdit, .redoEdit, .reloadCorpus: return .editFailed(EditReport(message: readOnlyReason ?? "this corpus is read-only"))
            default: return nil
            }
        }
        do {
            switch effect {
            case .edit(let edit):
                let (result, summary, eventID) = try editor!.apply(edit, to: loaded)
                return changed(result, notice: summary + " · u undoes", select: eventID)
            case .undoEdit, .redoEdit:
                guard let (result, summary) = try (effect == .undoEdit ? editor!.undo() : editor!.redo()) else { return nil }
                return changed(result, notice: summary, select: nil)
            case .reloadCorpus(let retry):
                let result = try editor!.reload()
                loaded = result
                guard let retry else { return changed(result, notice: "read the corpus again", select: nil) }
                let (after, summary, eventID) = try editor!.apply(retry, to: result)
                return changed(after, notice: summary + " · u undoes", select: eventID)
            default:
                return nil
            }
        } catch {
            // Another program's change: the edit can be made again on what is on disk now.
            if case .changedOnDisk = error, case .edit(let edit) = effect {
                return .editFailed(EditReport(message: error.description, retry: edit))
            }
            return .editFailed(EditReport(message: error.description))
        }
    }

    /// An event's YAML, for a person to edit.
    public func text(ofEvent id: String) throws(CorpusEditor.Failure) -> String {
        guard let editor else { throw .readOnly(readOnlyReason ?? "this corpus is read-only") }
        return try editor.text(ofEvent: id, in: loaded.corpus)
    }

    /// Replaces an event's YAML with what a person wrote, once it validates.
    public mutating func replaceEvent(_ id: String, with text: String) throws(CorpusEditor.Failure) -> Action {
        guard editor != nil else { throw .readOnly(readOnlyReason ?? "this corpus is read-only") }
        let (result, summary, eventID) = try editor!.apply(.replaceEvent(id: id, yaml: text), to: loaded)
        return changed(result, notice: summary + " · u undoes", select: eventID)
    }

    /// The corpus read again from disk (after a file was edited outside).
    public mutating func reload(notice: String) throws(CorpusEditor.Failure) -> Action {
        guard editor != nil else { throw .readOnly(readOnlyReason ?? "this corpus is read-only") }
        return changed(try editor!.reload(), notice: notice, select: nil)
    }

    /// The corpus after a change, as the browser takes it.
    mutating func changed(_ result: CorpusLoadResult, notice: String, select: String?) -> Action {
        loaded = result
        return .corpusChanged(CorpusChange(data: BrowserData(corpus: result.corpus), diagnostics: result.diagnostics, notice: notice,
                                           select: select, undoCount: editor?.done.count ?? 0, redoCount: editor?.undone.count ?? 0,
                                           fileTexts: fileTexts))
    }

    /// The YAML files as text, by the path messages name them with.
    var fileTexts: [String: String] {
        guard let editor else { return [:] }
        let files = editor.files
        return Dictionary(uniqueKeysWithValues: editor.texts.map { (files.displayPath($0.key), String(decoding: $0.value, as: UTF8.self)) })
    }
}
