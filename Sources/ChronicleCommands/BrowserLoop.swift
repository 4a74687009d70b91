import ChronicleModel
import ChronicleTerminal
import ChronicleUI
import Foundation

/// The shell around the pure browser: input in, actions through the
/// reducer, effects out and performed here (the disk, the editor, the
/// index's thread), the grid painted.
struct BrowserLoop {
    let terminal: CursesTerminal
    /// The corpus on disk: changes written, read again.
    var session: CorpusSession
    /// What the user last wrote in the editor for an event and could not be
    /// saved: offered again by the next E on that event.
    var unsavedEditorText: [String: String] = [:]
    /// The reader's own files: stars, notes, marks, history.
    let reader: ReaderSession
    let configuration: Configuration
    let start: StartingPlace
    /// The cache entry of the corpus as loaded, whose search index may be
    /// cached: good for the first tables only, not for those after a change.
    let cacheEntry: CacheEntry?
    private var firstData: BrowserData?
    /// Where what the cache says waits for the screen to be given back.
    let notices: Notices
    /// An index being written when the browser quits is finished first.
    let indexWrites = IndexWrites()

    init(terminal: CursesTerminal, editor: CorpusEditor?, loaded: CorpusLoadResult, cacheEntry: CacheEntry? = nil, notices: Notices = Notices(),
         readOnlyReason: String?, reader: ReaderSession, configuration: Configuration, start: StartingPlace) {
        self.terminal = terminal
        self.cacheEntry = cacheEntry
        self.notices = notices
        session = CorpusSession(editor: editor, loaded: loaded, readOnlyReason: readOnlyReason)
        self.reader = reader
        self.configuration = configuration
        self.start = start
    }

    /// Shows a preview until the whole corpus is loaded: resizes redraw it,
    /// a first `q` quits, and every other key is kept, in order, for the
    /// whole corpus (nil: quit). Nothing is done on the preview itself: it
    /// holds only the first events.
    static func showPreview(_ data: BrowserData, on terminal: CursesTerminal, until loading: BackgroundLoad,
                            typed earlier: [CursesTerminal.Input]) -> [CursesTerminal.Input]? {
        var state = AppState(data: data, size: terminal.size)
        _ = Reducer.reduce(&state, .resize(terminal.size))
        terminal.paint(Renderer.render(state))
        // Looks at the load every 20 ms, not the usual 100.
        terminal.waitForInput(milliseconds: 20)
        defer { terminal.waitForInput(milliseconds: 100) }
        var typed = earlier
        while !loading.isDone {
            if let signal = terminal.takeSignal() { terminal.exit(bySignal: signal) }
            guard let input = terminal.read() else { continue }
            switch input {
            case .resize(let size):
                _ = Reducer.reduce(&state, .resize(size))
                terminal.paint(Renderer.render(state))
            case .key(.character("q")) where typed.isEmpty:
                return nil
            default:
                typed.append(input)
            }
        }
        return typed
    }

    /// Shows how far the load has come until its preview or the whole
    /// corpus is ready, redrawn as it moves: as the preview, a first `q`
    /// quits and other keys are kept for the corpus (nil: quit).
    static func showProgress(_ progress: LoadProgress, of name: String, on terminal: CursesTerminal,
                             until loading: BackgroundLoad) -> [CursesTerminal.Input]? {
        var size = terminal.size
        var shown: LoadingViewFrame?
        terminal.waitForInput(milliseconds: 20)
        defer { terminal.waitForInput(milliseconds: 100) }
        var typed: [CursesTerminal.Input] = []
        while !loading.hasArrived {
            if let signal = terminal.takeSignal() { terminal.exit(bySignal: signal) }
            // Drawn again when what it says changes, a tenth of a second at most.
            let frame = LoadingViewFrame(progress.snapshot(), size: size)
            if frame != shown {
                terminal.paint(LoadingView.render(frame.snapshot, corpusName: name, size: size))
                shown = frame
            }
            guard let input = terminal.read() else { continue }
            switch input {
            case .resize(let newSize): size = newSize
            case .key(.character("q")) where typed.isEmpty: return nil
            default: typed.append(input)
            }
        }
        return typed
    }

    mutating func run(replaying typed: [CursesTerminal.Input] = []) {
        defer {
            terminal.restore()
            indexWrites.finish()
        }
        var state = session.initialState(size: terminal.size)
        firstData = state.data
        state.configure(configuration)
        reader.load(into: &state)
        let arrivals = Arrivals()
        // The first frame does not wait for the search index: it is built
        // on another thread, and arrives as an action.
        perform(Reducer.start(&state), &state, arrivals)
        _ = Reducer.reduce(&state, .resize(terminal.size))
        perform(Reducer.open(at: start, &state), &state, arrivals)
        for input in typed {
            let effects = apply(input, &state)
            if effects.contains(.quit) { return }
        }
        terminal.paint(Renderer.render(state))
        while true {
            if let signal = terminal.takeSignal() { terminal.exit(bySignal: signal) }
            // An index built for tables since replaced is of no use.
            for (action, builtFor) in arrivals.take() where builtFor === state.data {
                perform(Reducer.reduce(&state, action), &state, arrivals)
                terminal.paint(Renderer.render(state))
            }
            guard let input = terminal.read() else { continue }
            let effects = apply(input, &state)
            if effects.contains(.quit) { return }
            perform(effects, &state, arrivals)
            terminal.paint(Renderer.render(state))
        }
    }

    func apply(_ input: CursesTerminal.Input, _ state: inout AppState) -> [Effect] {
        switch input {
        case .key(let key): return Reducer.handle(key, &state)
        case .mouse(let event): return Reducer.reduce(&state, .mouse(event))
        case .resize(let size): return Reducer.reduce(&state, .resize(size))
        }
    }

    /// Runs what the reducer asked for; what comes of it goes back to the
    /// reducer as actions (at once for the disk, later for the index).
    mutating func perform(_ effects: [Effect], _ state: inout AppState, _ arrivals: Arrivals) {
        for effect in effects {
            switch effect {
            case .bell: terminal.bell()
            case .repaint: terminal.invalidate()
            case .copy(let text, _): terminal.copy(text)
            case .setMouse(let on): terminal.setMouse(on)
            case .saveReaderNotes, .remember:
                if let answer = reader.perform(effect) { perform(Reducer.reduce(&state, answer), &state, arrivals) }
            case .quit: break
            case .buildIndex:
                let data = state.data
                let entry = data === firstData ? cacheEntry : nil
                let notices = notices, writes = indexWrites
                perform(Reducer.reduce(&state, .indexProgress(entry != nil ? .reading : .unknown)), &state, arrivals)
                let progress = LoadProgress()
                arrivals.watch(progress, for: data)
                Thread.detachNewThread {
                    // Read from the cache when it holds it; else built,
                    // handed over, and only then written for next time.
                    let (cached, reason) = IndexCache.read(data.corpus, entry: entry, notify: notices.add)
                    let index = cached ?? SearchIndex(data.corpus, progress: progress, afterArticles: MemoryUse.releaseFreedMemory)
                    arrivals.put(.indexReady(index), builtFor: data)
                    if cached == nil {
                        writes.perform {
                            IndexCache.write(index, entry: entry, reason: reason, notify: notices.add)
                            MemoryUse.releaseFreedMemory()
                        }
                    }
                }
            case .editInEditor(let id):
                let answer = editInEditor(id)
                perform(Reducer.reduce(&state, answer), &state, arrivals)
            case .openInEditor(let path, let line):
                terminal.lend { _ = EditorLaunch.run(path: path, line: line) }
                let answer: Action
                do { answer = try session.reload(notice: "read the corpus again after editing \(path)") } catch {
                    answer = .editFailed(EditReport(message: error.description))
                }
                perform(Reducer.reduce(&state, answer), &state, arrivals)
            default:
                if let answer = session.perform(effect) { perform(Reducer.reduce(&state, answer), &state, arrivals) }
            }
        }
    }

    /// E: the event's YAML in `$EDITOR`, as `git commit` does; what is saved
    /// replaces the event once it validates.
    mutating func editInEditor(_ id: String) -> Action {
        let original: String
        do { original = try session.text(ofEvent: id) } catch { return .editFailed(EditReport(message: error.description)) }
        let header = "# Edit the event, save and quit: Chronicle checks it and writes it to the corpus.\n# An empty file, or no change, leaves it as it was. These lines are ignored.\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(CorpusEditor.editorFileName(forEvent: id)).path
        defer { unlink(path) }
        do { try AtomicFile.write(Array((header + (unsavedEditorText[id] ?? original)).utf8), to: path, expected: nil) } catch {
            return .editFailed(EditReport(message: error.description))
        }
        var status: Int32 = 0
        terminal.lend { status = EditorLaunch.run(path: path, line: 3) }
        guard status == 0 else { return .editFailed(EditReport(message: "the editor exited with status \(status): nothing was changed")) }
        let edited = ((try? AtomicFile.read(path)) ?? nil).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let text = edited.split(separator: "\n", omittingEmptySubsequences: false).filter { !header.contains($0 + "\n") || !$0.hasPrefix("# ") }.joined(separator: "\n")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let title = session.loaded.corpus.event(id)?.title ?? id
        guard !trimmed.isEmpty, trimmed != original.trimmingCharacters(in: .whitespacesAndNewlines) else {
            unsavedEditorText[id] = nil
            return .editFailed(EditReport(message: "no change to “\(title)”"))
        }
        do {
            let answer = try session.replaceEvent(id, with: trimmed + "\n")
            unsavedEditorText[id] = nil
            return answer
        } catch {
            unsavedEditorText[id] = trimmed + "\n"
            return .editFailed(EditReport(message: error.description + " · E opens your text again"))
        }
    }
}

/// Actions finished on other threads (the search index), for the loop to
/// take in its next turn, each with the tables it was made for: the loop
/// wakes at least every 100 ms. An index being built is watched, and how
/// far it has come arrives as an action when that has moved.
final class Arrivals: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [(Action, BrowserData)] = []
    private var watched: (progress: LoadProgress, data: BrowserData, told: IndexProgress?)?

    func put(_ action: Action, builtFor data: BrowserData) {
        lock.withLock {
            if case .indexReady = action, watched?.data === data { watched = nil }
            waiting.append((action, data))
        }
    }

    /// Watches the build of the index for `data` (a read from the cache
    /// never begins indexing, so says nothing here).
    func watch(_ progress: LoadProgress, for data: BrowserData) { lock.withLock { watched = (progress, data, nil) } }

    func take() -> [(Action, BrowserData)] {
        lock.withLock {
            defer { waiting.removeAll() }
            if let watched, case let snapshot = watched.progress.snapshot(), snapshot.stage == .indexing {
                let now = IndexProgress.building(articles: snapshot.done, of: snapshot.total)
                if now != watched.told {
                    self.watched?.told = now
                    return waiting + [(.indexProgress(now), watched.data)]
                }
            }
            return waiting
        }
    }
}

/// A loading screen as drawn: the same words and bar are not drawn twice.
struct LoadingViewFrame: Equatable {
    let snapshot: LoadProgress.Snapshot
    let size: Size

    init(_ snapshot: LoadProgress.Snapshot, size: Size) {
        // Time moves on every look; what is shown moves by the tenth of a second.
        var shown = snapshot
        shown.elapsed = (snapshot.elapsed * 10).rounded(.down) / 10
        shown.remaining = snapshot.remaining.map { ($0 * 10).rounded(.down) / 10 }
        self.snapshot = shown
        self.size = size
    }
}

/// Index writes that a quit waits for: one begun is finished (a file cut
/// short would be only a temporary file left behind), one not yet begun
/// is not started, and an index still being built is left.
final class IndexWrites: @unchecked Sendable {
    private let lock = NSLock()
    private let group = DispatchGroup()
    private var quitting = false

    func perform(_ write: () -> Void) {
        let begun: Bool = lock.withLock {
            if quitting { return false }
            group.enter()
            return true
        }
        guard begun else { return }
        defer { group.leave() }
        write()
    }

    func finish() {
        lock.withLock { quitting = true }
        group.wait()
    }
}
