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

    @Option(name: .long, help: ArgumentHelp("Open with this event selected.", valueName: "id"))
    var event: String?

    @Option(name: .long, help: ArgumentHelp("Open with this search typed (as / in the browser).", valueName: "query"))
    var search: String?

    @Option(name: .long, help: ArgumentHelp("Open this article (a source's id).", valueName: "id"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("With --source, open the article at this line.", valueName: "n"))
    var line: Int?

    var start: StartingPlace { StartingPlace(eventID: event, search: search, sourceID: source, line: line) }

    func validate() throws {
        if line != nil && source == nil { throw ValidationError("--line needs --source: the line is a line of an article") }
        if let line, line < 1 { throw ValidationError("--line counts from 1") }
    }

    func run() throws {
        // A place that is not in the corpus is said before anything else.
        if event != nil || source != nil, let problem = start.problem(in: try corpus.load(keptToExit: false)) { throw CLIError.usage(problem) }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Terminal.standardOutput.write(ListCommand.text(try corpus.load()))
            return
        }
        // A corpus directory Chronicle may change is read through its
        // editor, so the browser and every change start from the same bytes.
        var editor: CorpusEditor?
        var readOnlyReason: String? = "The built-in corpus is read-only: chronicle init DIR starts one of your own (docs/user-guide.md)"
        if let directory = corpus.corpus {
            do {
                editor = try CorpusEditor(directory: directory, maxArticleSize: corpus.maxArticleSize.bytes)
                readOnlyReason = nil
            } catch { readOnlyReason = error.description }
        }
        // A large corpus takes a second or more to read and check. Its first
        // screen is drawn from a preview, the timeline's first events with
        // every quote of theirs anchored, while the rest is read and checked;
        // until that preview is ready, a progress bar.
        let progress = LoadProgress()
        let loading = BackgroundLoad(corpus.origin, store: corpus.store, texts: editor?.texts ?? [:], maxArticleSize: corpus.maxArticleSize.bytes,
                                     progress: progress, previewing: BrowserData.previewEvents)
        let directories = UserDirectories()
        let configuration = Configuration.read(path: directories.configFile)
        var screen: CursesTerminal?
        var typedWhileLoading: [CursesTerminal.Input] = []
        // A quick load (a valid cache, a small corpus) goes straight to its
        // first screen; a slow one takes the screen at once to say how far it is.
        if !loading.arrives(within: 0.25), let terminal = try? CursesTerminal.start(theme: configuration.theme, mouse: configuration.mouse) {
            guard let typed = BrowserLoop.showProgress(progress, of: corpus.name, on: terminal, until: loading) else {
                terminal.restore()
                loading.notices.tellSoFar()
                return
            }
            screen = terminal
            typedWhileLoading = typed
        }
        let first = loading.previewOrResult()
        // What the cache said so far is said before the screen is taken (or
        // once it is given back); what it says later, once the screen is given back.
        if screen == nil { loading.notices.tellSoFar() }
        defer { loading.notices.tellSoFar() }
        // A corpus that could not be read at all is refused without the
        // screen; one with errors opens on what is valid.
        if case .result(let result) = first, result.hasErrors && result.corpus.sources.isEmpty {
            screen?.restore()
            _ = try corpus.accept(result)
        }
        let terminal: CursesTerminal
        do {
            terminal = try screen ?? CursesTerminal.start(theme: configuration.theme, mouse: configuration.mouse)
        } catch {
            let loaded = try corpus.accept(loading.result())
            // Asked for by name, the browser's absence is an error; as the
            // default, the list is the useful answer.
            if CommandLine.arguments.dropFirst().first == "browse" {
                throw CLIError.data("cannot open the browser: \(error)")
            }
            Terminal.standardError.write("chronicle: cannot open the browser: \(error); printing the list instead\n")
            Terminal.standardOutput.write(ListCommand.text(loaded))
            return
        }
        if case .preview(let preview) = first, let data = BrowserData(preview: preview),
           terminal.size.height < BrowserData.previewEvents {
            guard let typed = BrowserLoop.showPreview(data, on: terminal, until: loading, typed: typedWhileLoading) else {
                terminal.restore()
                return
            }
            typedWhileLoading = typed
        }
        let whole = loading.result()
        var loop = BrowserLoop(terminal: terminal, editor: editor, loaded: whole, cacheEntry: loading.entry, notices: loading.notices,
                               readOnlyReason: readOnlyReason,
                               reader: ReaderSession(directories: directories, corpusPath: corpus.corpus),
                               configuration: configuration, start: start)
        loop.run(replaying: typedWhileLoading)
    }
}

/// Messages from another thread, said on standard error when the terminal is free.
final class Notices: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [String] = []

    func add(_ notice: String) { lock.withLock { waiting.append(notice) } }

    func tellSoFar() {
        for notice in lock.withLock({ defer { waiting.removeAll() }; return waiting }) { CorpusOptions.tell(notice) }
    }
}

/// The corpus loading on a thread of its own, and its preview.
final class BackgroundLoad: @unchecked Sendable {
    enum First {
        case preview(CorpusPreview)
        case result(CorpusLoadResult)
    }

    /// Guards what has arrived, and wakes those waiting for it.
    private let arrival = NSCondition()
    private var preview: CorpusPreview?
    private var loaded: CorpusLoadResult?
    private var loadedEntry: CacheEntry?

    /// What the cache has to say, kept until it can be said on standard error.
    let notices = Notices()

    init(_ origin: CorpusOrigin, store: CacheStore?, texts: [String: [UInt8]], maxArticleSize: Int, progress: LoadProgress,
         previewing count: Int) {
        Thread { [notices] in
            let result = CorpusCache.load(origin, store: store, texts: texts, maxArticleSize: maxArticleSize, progress: progress,
                                          reading: TestHold.holding,
                                          previewing: count, { preview in
                self.arrive { self.preview = preview }
            }, notify: notices.add)
            // The browser lives on: the pages the load freed go back to the system.
            MemoryUse.releaseFreedMemory()
            self.arrive {
                self.loaded = result.result
                self.loadedEntry = result.entry
            }
        }.start()
    }

    private func arrive(_ change: () -> Void) {
        arrival.withLock {
            change()
            arrival.broadcast()
        }
    }

    /// Waits for the preview, or the whole corpus when that comes first
    /// (a small corpus, or one with errors, which gives no preview).
    func previewOrResult() -> First {
        _ = arrives(within: nil)
        return arrival.withLock { loaded.map(First.result) ?? .preview(preview!) }
    }

    /// Whether the preview or the whole corpus is here within `seconds`
    /// (nil: waits for it).
    func arrives(within seconds: Double?) -> Bool {
        let deadline = seconds.map { Date(timeIntervalSinceNow: $0) }
        arrival.lock()
        defer { arrival.unlock() }
        while preview == nil && loaded == nil {
            if let deadline {
                if !arrival.wait(until: deadline) { return preview != nil || loaded != nil }
            } else {
                arrival.wait()
            }
        }
        return true
    }

    /// Whether the whole corpus is loaded (without waiting).
    var isDone: Bool { arrival.withLock { loaded != nil } }

    /// Whether the preview or the whole corpus is here (without waiting).
    var hasArrived: Bool { arrival.withLock { preview != nil || loaded != nil } }

    /// The cache entry that holds the whole corpus, once it is loaded (nil without one).
    var entry: CacheEntry? { arrival.withLock { loadedEntry } }

    /// Waits for the whole corpus.
    func result() -> CorpusLoadResult {
        arrival.lock()
        defer { arrival.unlock() }
        while loaded == nil { arrival.wait() }
        return loaded!
    }
}

/// For the end-to-end tests only: `CHRONICLE_TEST_HOLD=FILE` (a file of
/// the corpus, as the manifest names it) makes a load from the files wait,
/// when it comes to that file, until the file exists, and then read it. A
/// test so holds back the whole corpus while its preview or a progress bar
/// is on screen, and lets it go by writing the file. Read here and nowhere else.
enum TestHold {
    static func holding(_ files: CorpusFiles) -> CorpusFiles {
        guard let held = ProcessInfo.processInfo.environment["CHRONICLE_TEST_HOLD"], !held.isEmpty else { return files }
        return HeldCorpusFiles(files: files, held: held)
    }

    struct HeldCorpusFiles: CorpusFiles {
        let files: CorpusFiles
        let held: String

        func read(_ path: String, maxSize: Int) throws(CorpusFileError) -> [UInt8] {
            if path == held {
                while access(files.displayPath(path), F_OK) != 0 { usleep(20_000) }
            }
            return try files.read(path, maxSize: maxSize)
        }

        func displayPath(_ path: String) -> String { files.displayPath(path) }
    }
}
