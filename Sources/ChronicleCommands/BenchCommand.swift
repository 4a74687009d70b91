import ArgumentParser
import ChronicleBench
import ChronicleDefaultCorpus
import ChronicleModel
import ChronicleUI
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Generate large corpora and measure Chronicle's speed on them (see docs/performance.md).",
        subcommands: [BenchGenerate.self, BenchRun.self, BenchTimex.self, BenchMeasure.self, BenchFirstFrame.self, BenchSaveLoop.self]
    )
}

struct BenchGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic generated corpus (same seed, same bytes) that validates."
    )

    @Option(help: "How many articles.") var articles: Int = 1000
    @Option(help: "Events per article, each citing a sentence of it.") var eventsPerArticle: Int = 5
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The directory to write (must not exist, or be empty).", valueName: "dir"), completion: .directory)
    var out: String

    func validate() throws {
        guard articles > 0 else { throw ValidationError("--articles must be at least 1") }
        guard eventsPerArticle > 0 else { throw ValidationError("--events-per-article must be at least 1") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: out)
        // Never overwrite what someone has.
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: url.path), !contents.isEmpty {
            throw CLIError.usage("\(out) is not empty; name a new directory")
        }
        try CorpusGenerator(articles: articles, eventsPerArticle: eventsPerArticle, seed: seed).write(to: url)
        Terminal.standardError.write("wrote \(Plural.count(articles, "article")) and \(Plural.count(articles * eventsPerArticle, "event")) to \(out)\n")
    }
}

struct BenchMeasure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Measure one corpus in this process and print its figures as JSON (bench run calls it).",
        shouldDisplay: false
    )

    @Option(help: "The corpus; the built-in one when absent.") var corpus: String?
    @Option(help: "Wall-clock seconds when the caller started this process.") var startedAt: Double?
    @Option(help: "A label for the figures.") var label: String = "corpus"

    func run() throws {
        let files: CorpusFiles
        var bytes = 0
        if let corpus {
            files = DirectoryCorpusFiles(path: corpus)
        } else {
            files = InMemoryCorpusFiles(DefaultCorpus.files, name: DefaultCorpus.displayName)
            bytes = DefaultCorpus.files.values.reduce(0) { $0 + $1.count }
        }
        var figures = Benchmark.measure(files: files, label: label, corpusBytes: bytes, startedAt: startedAt) {
            Terminal.standardError.write($0 + "\n")
        }
        // Measured after the first frame: walking 20,000 files for their
        // sizes is the benchmark's work, not the browser's.
        if let corpus { figures.corpusBytes = Benchmark.corpusSize(URL(fileURLWithPath: corpus)) }
        // Camel-case keys: this JSON is read back by `bench run`, not by people.
        Terminal.standardOutput.write(String(decoding: try JSONEncoder().encode(figures), as: UTF8.self) + "\n")
    }
}

/// A warm open as the browser does it, for `bench run`: the cache's
/// preview drawn, then the whole corpus; the seconds from the caller's
/// start to each, as JSON.
struct BenchFirstFrame: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "first-frame",
        abstract: "Open a corpus through its cache as the browser does and print the seconds to its first and whole frames and to its search index (read from the cache) as JSON.",
        shouldDisplay: false
    )

    @Option(help: "The corpus.") var corpus: String
    @Option(help: "Wall-clock seconds when the caller started this process.") var startedAt: Double

    func run() throws {
        let size = Size(width: 120, height: 40)
        func frame(_ data: BrowserData) -> Double {
            var state = AppState(data: data, size: size)
            _ = Reducer.reduce(&state, .resize(size))
            _ = Renderer.render(state)
            return Benchmark.wallClock() - startedAt
        }
        var first: Double?
        let loaded = CorpusCache.load(.directory(corpus), store: CacheStore.standard(), previewing: BrowserData.previewEvents, { preview in
            if let data = BrowserData(preview: preview) { first = frame(data) }
        })
        let whole = frame(BrowserData(corpus: loaded.result.corpus))
        // As the browser's index thread: from the cache when it holds it.
        let (cached, _) = IndexCache.read(loaded.result.corpus, entry: loaded.entry)
        let ready = Benchmark.wallClock() - startedAt
        var hit = false
        if case .hit = loaded.outcome { hit = true }
        let figures = ["firstFrame": first ?? whole, "whole": whole, "searchReady": ready, "hit": hit ? 1 : 0, "indexHit": cached == nil ? 0 : 1]
        Terminal.standardOutput.write(String(decoding: try JSONEncoder().encode(figures), as: UTF8.self) + "\n")
    }
}

struct BenchRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure the built-in corpus and generated ones; print load, first frame, index, memory, search, scroll and grep figures, then cold and warm opens and one-shot searches against rg and grep.",
        discussion: "Build in release mode first: swift build -c release, then .build/release/chronicle bench run."
    )

    @Option(help: "Generated corpus sizes, in articles, besides the built-in corpus.") var sizes: String = "1000,20000"
    @Option(help: "Events per generated article.") var eventsPerArticle: Int = 5
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Where generated corpora are kept between runs.", valueName: "dir"), completion: .directory)
    var work: String = ".build/bench-corpora"

    func run() throws {
        let sizeList = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let workURL = URL(fileURLWithPath: work)
        try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true)
        var rows: [BenchmarkFigures] = []
        var grep: [Double] = []
        var processes: [ProcessFigures] = []

        rows.append(try measure(corpus: nil, label: "default (5)"))
        grep.append(try Benchmark.grepMeanMs(corpus: nil, defaultFiles: DefaultCorpus.files, scratch: workURL))
        for size in sizeList {
            let directory = workURL.appendingPathComponent("a\(size)-e\(eventsPerArticle)-s\(seed)")
            if !FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.yaml").path) {
                Terminal.standardError.write("generating \(Plural.count(size, "article"))…\n")
                try? FileManager.default.removeItem(at: directory)
                try CorpusGenerator(articles: size, eventsPerArticle: eventsPerArticle, seed: seed).write(to: directory)
            }
            rows.append(try measure(corpus: directory.path, label: "\(size)"))
            grep.append(try Benchmark.grepMeanMs(corpus: directory, defaultFiles: nil, scratch: workURL))
            do {
                processes.append(try ProcessBenchmark.measure(executable: Self.executable.path, corpus: directory, label: "\(size)", scratch: workURL))
            } catch {
                throw CLIError.data("\(error)")
            }
        }
        for index in rows.indices { rows[index].grepMeanMs = grep[index] }
        Terminal.standardOutput.write(Self.table(rows) + "\n" + ProcessBenchmark.table(processes)
                                      + "\n" + Self.growth(Array(rows.dropFirst()), processes))
    }

    /// How each figure grows from one generated size to the next, beside
    /// how the corpus grows: a figure that grows faster than the corpus
    /// does not scale.
    static func growth(_ rows: [BenchmarkFigures], _ processes: [ProcessFigures]) -> String {
        guard rows.count >= 2, rows.count == processes.count else { return "" }
        let figures: [(String, (BenchmarkFigures, ProcessFigures) -> Double)] = [
            ("articles", { r, _ in Double(r.articles) }), ("load", { r, _ in r.loadSeconds }), ("1st frame", { r, _ in r.firstFrameSeconds }),
            ("index", { r, _ in r.indexSeconds }), ("peak RSS", { r, _ in Double(r.peakRSSBytes) }), ("p99", { r, _ in r.keystrokeP99ms }),
            ("cold", { $1.coldSeconds }), ("warm", { $1.warmSeconds }), ("warm frame", { $1.warmFirstFrameSeconds }),
            ("article edit", { $1.articleEditedSeconds }), ("search", { $1.searchMedianMs }), ("rg", { $1.rgMedianMs }),
        ]
        var out = "growth (times)  " + figures.map { $0.0 }.joined(separator: "  ") + "\n"
        for index in 1..<rows.count {
            let label = "\(rows[index - 1].label) → \(rows[index].label)"
            out += label.padding(toLength: 16, withPad: " ", startingAt: 0)
            for (name, value) in figures {
                let before = value(rows[index - 1], processes[index - 1]), after = value(rows[index], processes[index])
                let factor = before > 0 ? String(format: "%.1f", after / before) : "-"
                out += factor.padding(toLength: name.count + 2, withPad: " ", startingAt: 0)
            }
            out += "\n"
        }
        return out
    }

    /// This executable, to be run again.
    static var executable: URL {
        let named = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if FileManager.default.isExecutableFile(atPath: named.path) { return named }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    }

    /// Runs `chronicle bench measure` in a fresh process, so its memory and
    /// start-up are its own.
    func measure(corpus: String?, label: String) throws -> BenchmarkFigures {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["bench", "measure", "--label", label] + (corpus.map { ["--corpus", $0] } ?? [])
            + ["--started-at", String(Benchmark.wallClock())]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIError.data("measuring \(label) failed (exit \(process.terminationStatus))") }
        return try JSONDecoder().decode(BenchmarkFigures.self, from: data)
    }

    static func table(_ rows: [BenchmarkFigures]) -> String {
        func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
        func mb(_ bytes: Int) -> String { f(Double(bytes) / 1_048_576) }
        var out = "corpus        articles  events  on disk MB  load s  1st frame s  checked s  index s  peak RSS MB  RSS/disk\n"
        for r in rows {
            out += r.label.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += String(format: "  %8d  %6d  %10@  %6@  %11@  %9@  %7@  %11@  %8@\n", r.articles, r.events, mb(r.corpusBytes) as NSString,
                          f(r.loadSeconds, 3) as NSString, f(r.firstFrameSeconds, 3) as NSString, f(r.checkedFrameSeconds, 3) as NSString,
                          f(r.indexSeconds, 3) as NSString,
                          mb(r.peakRSSBytes) as NSString, f(Double(r.peakRSSBytes) / Double(max(1, r.corpusBytes)), 2) as NSString)
        }
        out += "\ncorpus        keystrokes  p50 ms  p99 ms  grep -c -i -F ms  grep/p50  grep/p99  timeline frames p50/p99 ms  article frames p50/p99 ms\n"
        for r in rows {
            out += r.label.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += String(format: "  %10d  %6@  %6@  %16@  %8@  %8@  %8d %@/%@  %8d %@/%@\n", r.keystrokes, f(r.keystrokeP50ms, 2) as NSString,
                          f(r.keystrokeP99ms, 2) as NSString, f(r.grepMeanMs, 1) as NSString,
                          f(r.grepMeanMs / max(0.001, r.keystrokeP50ms), 1) as NSString,
                          f(r.grepMeanMs / max(0.001, r.keystrokeP99ms), 1) as NSString,
                          r.timelineFrames, f(r.timelineP50ms, 3) as NSString, f(r.timelineP99ms, 3) as NSString,
                          r.articleFrames, f(r.articleP50ms, 3) as NSString, f(r.articleP99ms, 3) as NSString)
        }
        return out
    }
}

/// The temporal-expression finder scored against the hand-checked gold set
/// of the built-in corpus, in the TempEval-3 way.
struct BenchTimex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timex",
        abstract: "Score the date finder against a gold set: strict and relaxed extent F1, value accuracy, every miss.",
        discussion: "The gold set is Tests/Fixtures/timex-gold.json, read from the package root unless --gold names it; see docs/user-guide.md."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp("The gold set (JSON).", valueName: "file"), completion: .file(extensions: ["json"]))
    var gold: String = "Tests/Fixtures/timex-gold.json"

    func run() throws {
        let set: TimexGold
        do { set = try TimexGold.read(URL(fileURLWithPath: gold)) } catch {
            throw CLIError.usage(SafeText.visible(String(describing: error)))
        }
        let loaded = try corpus.load()
        do {
            Terminal.standardOutput.write(try TimexEvaluation(gold: set, corpus: loaded).report)
        } catch {
            throw CLIError.data(SafeText.visible(String(describing: error)))
        }
    }
}

/// Saves one event's title back and forth until killed: what the stress
/// test kills at random moments to check that every save is atomic.
struct BenchSaveLoop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save-loop",
        abstract: "Change an event's title back and forth, saving each time, until killed (for the save stress test).",
        shouldDisplay: false
    )

    @Option(help: ArgumentHelp("The corpus directory (it is changed).", valueName: "dir")) var corpus: String
    @Option(help: "How many saves; 0 runs until killed.") var count: Int = 0

    func run() throws {
        var editor: CorpusEditor
        do { editor = try CorpusEditor(directory: corpus) } catch { throw CLIError.data(error.description) }
        var loaded = editor.load()
        guard let event = loaded.corpus.events.first else { throw CLIError.data("the corpus has no event to change") }
        var draft = EventDraft(event)
        // Two titles, whatever a killed run left: the test knows both files.
        let base = event.title.hasSuffix(" (saved)") ? String(event.title.dropLast(8)) : event.title
        var saves = 0
        while count == 0 || saves < count {
            draft.title = draft.title == base ? base + " (saved)" : base
            do { loaded = try editor.apply(.updateEvent(id: event.id, draft, newActors: []), to: loaded).result } catch {
                throw CLIError.data(error.description)
            }
            saves += 1
        }
    }
}
