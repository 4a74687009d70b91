import ChronicleModel
import ChronicleUI
import Foundation

/// What one measured corpus gives. Times in seconds unless named _ms.
public struct BenchmarkFigures: Codable, Sendable {
    public var label = ""
    public var articles = 0
    public var events = 0
    public var corpusBytes = 0
    public var loadSeconds = 0.0
    /// From start to the first frame: the preview's, when there is one.
    public var firstFrameSeconds = 0.0
    /// From start to the first frame of the whole corpus, every quote checked.
    public var checkedFrameSeconds = 0.0
    public var indexSeconds = 0.0
    public var peakRSSBytes = 0
    public var keystrokes = 0
    public var keystrokeP50ms = 0.0
    public var keystrokeP99ms = 0.0
    public var grepMeanMs = 0.0
    public var timelineFrames = 0
    public var timelineP50ms = 0.0
    public var timelineP99ms = 0.0
    public var articleFrames = 0
    public var articleP50ms = 0.0
    public var articleP99ms = 0.0
}

/// The scripted session: common and rare words, names with diacritics
/// (typed with and without them), phrases and alias names, each typed
/// letter by letter as a person types.
public enum BenchmarkQueries {
    public static let all = [
        "the", "government", "minister", "security", "people", "Kabul", "Moscow", "Müller", "muller", "Erdoğan",
        "erdogan", "Kılıç", "kilic", "Ångström", "\"security border\"", "\"foreign ministry\"", "Alias12 One",
        CorpusGenerator.plantedCited, CorpusGenerator.plantedUncited, "trade energy", "2003", "envoy delegation",
    ]
}

public enum Benchmark {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Wall-clock seconds since the epoch, comparable across processes.
    public static func wallClock() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The resident set now (not its peak), from /proc/self/statm.
    static func currentRSS() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func directorySize(_ url: URL) -> Int {
        var total = 0
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.fileSizeKey])
        while let file = walker?.nextObject() as? URL {
            total += (try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }

    /// Measures one corpus in this process. `startedAt` is the wall clock
    /// when the parent started this process, for "start to first frame".
    public static func measure(files: CorpusFiles, label: String, corpusBytes: Int, startedAt: Double?,
                               size: Size = Size(width: 120, height: 40), previewEvents: Int = BrowserData.previewEvents,
                               log: (String) -> Void = { _ in }) -> BenchmarkFigures {
        var figures = BenchmarkFigures()
        figures.label = label
        figures.corpusBytes = corpusBytes

        // The first frame as the browser draws it: from the preview (the
        // timeline's first events, their quotes anchored) when the corpus
        // gives one, else once the whole corpus is loaded and validated
        // (every quote anchored). It does not wait for the search index.
        let start = now()
        func firstFrame(_ data: BrowserData) {
            var state = AppState(data: data, size: size)
            _ = Reducer.reduce(&state, .resize(size))
            _ = Renderer.render(state)
            figures.firstFrameSeconds = startedAt.map { wallClock() - $0 } ?? (now() - start)
        }
        var previewed = false
        let loaded = CorpusLoader.load(from: files, previewing: previewEvents) { preview in
            guard let data = BrowserData(preview: preview) else { return }
            firstFrame(data)
            previewed = true
        }
        let corpus = loaded.corpus
        // As the browser does: the heap's freed pages handed back after loading.
        MemoryUse.releaseFreedMemory()
        figures.loadSeconds = now() - start
        figures.articles = corpus.sources.count
        figures.events = corpus.events.count
        if loaded.hasErrors { log("warning: \(Plural.count(loaded.diagnostics.errors.count, "error")) in \(label)") }
        let loadedRSS = currentRSS()
        let dataStart = now()
        let data = BrowserData(corpus: corpus)
        let dataSeconds = now() - dataStart
        var state = AppState(data: data, size: size)
        _ = Reducer.reduce(&state, .resize(size))
        _ = Renderer.render(state)
        figures.checkedFrameSeconds = startedAt.map { wallClock() - $0 } ?? (now() - start)
        if !previewed { figures.firstFrameSeconds = figures.checkedFrameSeconds }
        log("\(label): loaded \(Plural.count(corpus.sources.count, "article")), \(Plural.count(corpus.events.count, "event")) in \(String(format: "%.2f", figures.loadSeconds)) s"
            + String(format: ", the browser's tables in %.2f s", dataSeconds) + (previewed ? "; first frame from the preview" : ""))

        let indexStart = now()
        let index = SearchIndex(corpus, afterArticles: MemoryUse.releaseFreedMemory)
        figures.indexSeconds = now() - indexStart
        figures.peakRSSBytes = peakRSS()
        log(String(format: "\(label): resident after loading %.0f MB, after indexing %.0f MB, peak %.0f MB",
                   Double(loadedRSS) / 1_048_576, Double(currentRSS()) / 1_048_576, Double(figures.peakRSSBytes) / 1_048_576))
        _ = Reducer.reduce(&state, .indexReady(index))

        // Search as you type: each keystroke runs the query, narrows the
        // timeline and renders the frame with its highlights.
        // CHRONICLE_BENCH_SLOW=MS logs each keystroke slower than MS;
        // CHRONICLE_BENCH_QUERIES="a|b" types those instead, to profile them.
        let slow = ProcessInfo.processInfo.environment["CHRONICLE_BENCH_SLOW"].flatMap(Double.init)
        let session = ProcessInfo.processInfo.environment["CHRONICLE_BENCH_QUERIES"].map { $0.split(separator: "|").map(String.init) }
            ?? BenchmarkQueries.all
        var keystrokes: [Double] = []
        for query in session {
            _ = Reducer.handle(.character("/"), &state)
            var typed = ""
            for character in query {
                typed.append(character)
                let t = now()
                _ = Reducer.handle(.character(character), &state)
                let handled = now()
                _ = Renderer.render(state)
                keystrokes.append(now() - t)
                if let slow, keystrokes[keystrokes.count - 1] * 1000 > slow {
                    log(String(format: "%@: %.1f ms typing %@ (search and state %.1f, frame %.1f)", label,
                               keystrokes[keystrokes.count - 1] * 1000, typed, (handled - t) * 1000, (now() - handled) * 1000))
                }
            }
            _ = Reducer.handle(.escape, &state)
        }
        figures.keystrokes = keystrokes.count
        figures.keystrokeP50ms = percentile(keystrokes, 0.5) * 1000
        figures.keystrokeP99ms = percentile(keystrokes, 0.99) * 1000

        // A profile of typed queries leaves scrolling out.
        guard ProcessInfo.processInfo.environment["CHRONICLE_BENCH_QUERIES"] == nil else { return figures }

        // Scrolling: page through the whole timeline, then the longest
        // article, timing each PgDn and its frame until the view stops moving.
        func pageThrough(_ position: (AppState) -> Int?) -> [Double] {
            var frames: [Double] = []
            var last: Int?
            while let now_ = position(state), now_ != last {
                last = now_
                let t = now()
                _ = Reducer.handle(.pageDown, &state)
                _ = Renderer.render(state)
                frames.append(now() - t)
            }
            return frames
        }
        _ = Reducer.handle(.home, &state)
        var frames = pageThrough { $0.timeline.selected }
        figures.timelineFrames = frames.count
        figures.timelineP50ms = percentile(frames, 0.5) * 1000
        figures.timelineP99ms = percentile(frames, 0.99) * 1000

        frames = []
        if let longest = corpus.sources.max(by: { $0.raw.count < $1.raw.count }),
           let event = corpus.events.firstIndex(where: { $0.citations.contains { $0.sourceID == longest.id } }) {
            Reducer.select(event, &state)
            _ = Reducer.handle(.enter, &state)
            _ = Reducer.handle(.enter, &state)
            _ = Reducer.handle(.home, &state)
            frames = pageThrough { $0.article?.scroll }
        }
        figures.articleFrames = frames.count
        figures.articleP50ms = percentile(frames, 0.5) * 1000
        figures.articleP99ms = percentile(frames, 0.99) * 1000
        return figures
    }

    /// `grep -c -i -F` over the concatenated article text, once per query,
    /// its count read through a pipe (to /dev/null GNU grep stops at the
    /// first match): the mean time of one scan, in ms.
    public static func grepMeanMs(corpus directory: URL?, defaultFiles: [String: [UInt8]]?, scratch: URL) throws -> Double {
        let all = scratch.appendingPathComponent("all-articles.txt")
        if let directory {
            try concatenateArticles(of: directory, into: all)
        } else if let defaultFiles {
            var bytes: [UInt8] = []
            for (path, file) in defaultFiles.sorted(by: { $0.key < $1.key }) where path.hasPrefix("articles/") { bytes += file }
            try Data(bytes).write(to: all)
        }
        defer { try? FileManager.default.removeItem(at: all) }
        let times = BenchmarkQueries.all.map { query in
            ProcessBenchmark.time(["grep", "-c", "-i", "-F", "--", query.replacingOccurrences(of: "\"", with: ""), all.path]).seconds
        }
        return times.reduce(0, +) / Double(max(1, times.count)) * 1000
    }

    /// Every article of a corpus directory end to end, in the order of their names.
    static func concatenateArticles(of directory: URL, into file: URL) throws {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        let walker = FileManager.default.enumerator(at: directory.appendingPathComponent("articles"), includingPropertiesForKeys: nil)
        var paths: [URL] = []
        while let path = walker?.nextObject() as? URL { paths.append(path) }
        for path in paths.sorted(by: { $0.path < $1.path }) { handle.write(try Data(contentsOf: path)) }
    }

    public static func corpusSize(_ directory: URL) -> Int { directorySize(directory) }
}
