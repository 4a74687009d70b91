import ArgumentParser
import ChronicleModel
import ChronicleTerminal
import ChronicleUI
import Foundation

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse the chronology in the terminal (the default on a terminal).",
        discussion: "Not on a terminal (a pipe, a file), it prints the list instead. Press ? in the browser for its keys; docs/keys.md lists them all."
    )

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Terminal.standardOutput.write(ListCommand.text(try corpus.load()))
            return
        }
        // A large corpus takes a second or more to read and check. Its first
        // screen is drawn from a preview, the timeline's first events with
        // every quote of theirs anchored, while the rest is read and checked.
        let loading = BackgroundLoad(files: corpus.files, previewing: BrowserData.previewEvents)
        let first = loading.previewOrResult()
        // A corpus with errors is refused before the screen is taken.
        var loaded: Corpus?
        if case .result(let result) = first { loaded = try corpus.accept(result) }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start()
        } catch {
            let loaded = try loaded ?? corpus.accept(loading.result())
            // Asked for by name, the browser's absence is an error; as the
            // default, the list is the useful answer.
            if CommandLine.arguments.dropFirst().first == "browse" {
                throw CLIError.data("cannot open the browser: \(error)")
            }
            Terminal.standardError.write("chronicle: cannot open the browser: \(error); printing the list instead\n")
            Terminal.standardOutput.write(ListCommand.text(loaded))
            return
        }
        var typedWhileChecking: [CursesTerminal.Input] = []
        if case .preview(let preview) = first, let data = BrowserData(preview: preview),
           terminal.size.height < BrowserData.previewEvents {
            guard let typed = BrowserLoop(terminal: terminal, data: data).showPreview(until: loading) else {
                terminal.restore()
                return
            }
            typedWhileChecking = typed
        }
        let whole: Corpus
        if let loaded {
            whole = loaded
        } else {
            let result = loading.result()
            // The rest of the corpus has errors: the preview is taken down
            // first, then they are listed, as for any corpus with errors.
            if result.hasErrors { terminal.restore() }
            whole = try corpus.accept(result)
        }
        BrowserLoop(terminal: terminal, data: BrowserData(corpus: whole)).run(replaying: typedWhileChecking)
    }
}

/// The corpus loading on a thread of its own, and its preview.
final class BackgroundLoad: @unchecked Sendable {
    enum First {
        case preview(CorpusPreview)
        case result(CorpusLoadResult)
    }

    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)
    private var preview: CorpusPreview?
    private var loaded: CorpusLoadResult?

    init(files: CorpusFiles, previewing count: Int) {
        Thread {
            let result = CorpusLoader.load(from: files, previewing: count) { preview in
                self.lock.withLock { self.preview = preview }
                self.arrived.signal()
            }
            // The browser lives on: the pages the load freed go back to the system.
            MemoryUse.releaseFreedMemory()
            self.lock.withLock { self.loaded = result }
            self.arrived.signal()
        }.start()
    }

    /// Waits for the preview, or the whole corpus when that comes first
    /// (a small corpus, or one with errors, which gives no preview).
    func previewOrResult() -> First {
        arrived.wait()
        return lock.withLock { loaded.map(First.result) ?? .preview(preview!) }
    }

    /// Whether the whole corpus is loaded (without waiting).
    var isDone: Bool { lock.withLock { loaded != nil } }

    /// Waits for the whole corpus.
    func result() -> CorpusLoadResult {
        while true {
            if let loaded = lock.withLock({ loaded }) { return loaded }
            arrived.wait()
        }
    }
}

/// The shell around the pure browser: input in, actions through the
/// reducer, effects out, the grid painted.
struct BrowserLoop {
    let terminal: CursesTerminal
    let data: BrowserData

    /// Shows a preview until the whole corpus is loaded: resizes redraw it,
    /// a first `q` quits, and every other key is kept, in order, for the
    /// whole corpus (nil: quit). Nothing is done on the preview itself: it
    /// holds only the first events.
    func showPreview(until loading: BackgroundLoad) -> [CursesTerminal.Input]? {
        var state = AppState(data: data, size: terminal.size)
        _ = Reducer.reduce(&state, .resize(terminal.size))
        terminal.paint(Renderer.render(state))
        // Looks at the load every 20 ms, not the usual 100.
        terminal.waitForInput(milliseconds: 20)
        defer { terminal.waitForInput(milliseconds: 100) }
        var typed: [CursesTerminal.Input] = []
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

    func run(replaying typed: [CursesTerminal.Input] = []) {
        defer { terminal.restore() }
        var state = AppState(data: data, size: terminal.size)
        let arrivals = Arrivals()
        // The first frame does not wait for the search index: it is built
        // on another thread, and arrives as an action.
        perform(Reducer.start(&state), arrivals)
        _ = Reducer.reduce(&state, .resize(terminal.size))
        for input in typed {
            let effects = apply(input, &state)
            if effects.contains(.quit) { return }
        }
        terminal.paint(Renderer.render(state))
        while true {
            if let signal = terminal.takeSignal() { terminal.exit(bySignal: signal) }
            for action in arrivals.take() {
                perform(Reducer.reduce(&state, action), arrivals)
                terminal.paint(Renderer.render(state))
            }
            guard let input = terminal.read() else { continue }
            let effects = apply(input, &state)
            if effects.contains(.quit) { return }
            perform(effects, arrivals)
            terminal.paint(Renderer.render(state))
        }
    }

    /// Runs what the reducer asked for; work done elsewhere arrives back
    /// through `arrivals` as actions.
    func perform(_ effects: [Effect], _ arrivals: Arrivals) {
        for effect in effects {
            switch effect {
            case .bell: terminal.bell()
            case .repaint: terminal.invalidate()
            case .quit: break
            case .buildIndex:
                let corpus = data.corpus
                Thread.detachNewThread {
                    arrivals.put(.indexReady(SearchIndex(corpus, afterArticles: MemoryUse.releaseFreedMemory)))
                }
            }
        }
    }

    func apply(_ input: CursesTerminal.Input, _ state: inout AppState) -> [Effect] {
        switch input {
        case .key(let key): return Reducer.handle(key, &state)
        case .mouse(let event): return Reducer.reduce(&state, .mouse(event))
        case .resize(let size): return Reducer.reduce(&state, .resize(size))
        }
    }
}

/// Actions finished on other threads (the search index), for the loop to
/// take in its next turn: the loop wakes at least every 100 ms.
final class Arrivals: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Action] = []

    func put(_ action: Action) { lock.withLock { waiting.append(action) } }

    func take() -> [Action] {
        lock.withLock {
            defer { waiting.removeAll() }
            return waiting
        }
    }
}
