import ChronicleModel

/// Runs the effects that keep what is the reader's own: stars, notes and
/// marks for this corpus, and the searches and dates typed. Each save
/// applies one change to the file as it is on disk, so two Chronicles on
/// one corpus keep both their changes.
public struct ReaderSession: Sendable {
    public let notes: UserFile<ReaderNotes>?
    public let history: UserFile<History>?
    /// Why nothing can be kept, when no directory for it is known.
    let missing: String

    public init(directories: UserDirectories, corpusPath: String?) {
        let corpus = corpusPath.map(UserDirectories.realPath) ?? "the built-in corpus"
        notes = directories.readerFile(corpusPath: corpusPath).map { UserFile(path: $0, empty: { ReaderNotes(corpus: corpus) }) }
        history = directories.historyFile.map { UserFile(path: $0, empty: { History() }) }
        missing = "neither HOME nor the XDG directories are set, so Chronicle cannot keep this"
    }

    /// The reader's notes and history into the state; what could not be
    /// read is said in the status line and otherwise ignored.
    public func load(into state: inout AppState) {
        var problems: [String] = []
        if let notes {
            let (loaded, problem) = notes.load()
            state.reader = loaded
            if let problem { problems.append(problem) }
        }
        if let history {
            let (loaded, problem) = history.load()
            state.search.history = loaded.searches
            state.dateHistory = loaded.dates
            if let problem { problems.append(problem) }
        }
        state.addNotice(problems.joined(separator: " · "))
    }

    /// The answer to an effect on the reader's files, or nil for an effect that is not one.
    public func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .saveReaderNotes(let change):
            guard let notes else { return .userFileFailed("Not saved: " + missing) }
            do {
                let (saved, setAside) = try notes.update { $0.apply(change) }
                if let setAside { return .userFileFailed("Saved; the unreadable file before it is kept as \(setAside)") }
                return .readerNotesSaved(saved)
            } catch {
                return .userFileFailed("Not saved: \(error)")
            }
        case .remember(let text, let kind):
            guard let history else { return nil }
            do { try history.update { $0.remember(text, as: kind) } } catch {
                return .userFileFailed("The history was not saved: \(error)")
            }
            return nil
        default:
            return nil
        }
    }
}

extension AppState {
    /// Adds a sentence to the status line's notice, after any already there.
    public mutating func addNotice(_ text: String) {
        guard !text.isEmpty else { return }
        notice = notice.map { $0 + " · " + text } ?? text
    }
}
