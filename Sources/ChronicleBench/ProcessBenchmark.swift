import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole processes, as a user meets them: Chronicle opened with an empty
/// cache and with a warm one, one-shot searches, and the tools it is
/// measured against. Every process writes into a pipe that is read to its
/// end: GNU grep whose output is /dev/null stops at the first match, and
/// would look faster than it is on a common word.
public struct ProcessFigures: Sendable {
    public var label: String
    /// `sha256sum` of every file of the corpus: the floor of a cold load.
    public var hashAllSeconds = 0.0
    /// `chronicle show` of one event with an empty cache: read, check, write the entry.
    public var coldSeconds = 0.0
    /// The same again, from the entry.
    public var warmSeconds = 0.0
    /// The browser's warm open (`bench first-frame`): its first frame,
    /// from the entry's preview, and the whole corpus's.
    public var warmFirstFrameSeconds = 0.0
    public var warmWholeSeconds = 0.0
    /// The same open's search index read from the cache: search is ready.
    public var warmSearchReadySeconds = 0.0
    /// The first one-shot search after a change: the index built and cached.
    public var firstSearchSeconds = 0.0
    /// The same after one article's stamp changed (its bytes did not).
    public var touchedSeconds = 0.0
    /// The same after a line was added to one article (its events are
    /// anchored again, the rest taken from the entry), and after a comment
    /// was added to one events file (that file is parsed again).
    public var articleEditedSeconds = 0.0
    public var eventsEditedSeconds = 0.0
    /// Medians over `ProcessBenchmark.queries`, each a process of its own.
    public var searchMedianMs = 0.0
    public var rgMedianMs = 0.0
    public var grepMedianMs = 0.0
}

public enum ProcessBenchmark {
    /// Words and a phrase, common to rare: what a one-shot search is asked.
    public static let queries = ["the", "government", "Kabul", "erdogan", "\"foreign ministry\"", CorpusGenerator.plantedCited,
                                 CorpusGenerator.plantedUncited]

    /// Runs `arguments` (found on PATH), reads its standard output to the
    /// end and throws it away, standard error to /dev/null: the wall time
    /// and the exit status (-1 when it could not start).
    public static func time(_ arguments: [String], environment: [String: String] = [:]) -> (seconds: Double, status: Int32) {
        let run = timeKeepingOutput(arguments, environment: environment)
        return (run.seconds, run.status)
    }

    /// As `time`, and what it wrote.
    public static func timeKeepingOutput(_ arguments: [String], environment: [String: String] = [:]) -> (seconds: Double, status: Int32, output: [UInt8]) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return (0, -1, []) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, new in new }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = Benchmark.now()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        close(fds[1])
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var output: [UInt8] = []
        if spawned == 0 {
            while true {
                let got = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
                // Kept only while small: the measured tools' output is thrown away.
                if got > 0 && output.count < 1 << 16 { output += buffer[0..<got] }
                if got > 0 { continue }
                if got < 0 && errno == EINTR { continue }
                break
            }
        }
        close(fds[0])
        var status: Int32 = 0
        if spawned == 0 { while waitpid(pid, &status, 0) == -1 && errno == EINTR {} }
        let seconds = Benchmark.now() - start
        guard spawned == 0 else { return (seconds, -1, []) }
        return (seconds, (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// Measures a corpus directory made by `CorpusGenerator` with the
    /// `chronicle` at `executable`, its cache in a directory of its own
    /// under `scratch`, removed after.
    public static func measure(executable: String, corpus: URL, label: String, scratch: URL) throws -> ProcessFigures {
        let cache = scratch.appendingPathComponent("process-bench-cache-\(getpid())")
        try? FileManager.default.removeItem(at: cache)
        defer { try? FileManager.default.removeItem(at: cache) }
        let environment = ["XDG_CACHE_HOME": cache.path]
        var figures = ProcessFigures(label: label)
        figures.hashAllSeconds = time(["sh", "-c", "find \"$0\" -type f -print0 | xargs -0 sha256sum", corpus.path]).seconds

        let show = [executable, "show", CorpusGenerator.eventID(article: 0, 0), "--corpus", corpus.path]
        func timed(_ arguments: [String]) throws -> Double {
            let run = time(arguments, environment: environment)
            // Exit 1 is a search that found nothing, as grep's.
            guard run.status == 0 || run.status == 1 else {
                throw ProcessBenchmarkFailure(command: arguments.joined(separator: " "), status: run.status)
            }
            return run.seconds
        }
        figures.coldSeconds = try timed(show)
        figures.warmSeconds = try timed(show)
        let search = { (query: String) in [executable, "search", query, "--corpus", corpus.path, "--limit", "20"] }
        figures.firstSearchSeconds = try timed(search("kabul"))
        let opened = timeKeepingOutput([executable, "bench", "first-frame", "--corpus", corpus.path, "--started-at", String(Benchmark.wallClock())],
                                       environment: environment)
        guard opened.status == 0, let frames = try? JSONDecoder().decode([String: Double].self, from: Data(opened.output)) else {
            throw ProcessBenchmarkFailure(command: "chronicle bench first-frame --corpus \(corpus.path)", status: opened.status)
        }
        figures.warmFirstFrameSeconds = frames["firstFrame"] ?? 0
        figures.warmWholeSeconds = frames["whole"] ?? 0
        figures.warmSearchReadySeconds = frames["searchReady"] ?? 0
        guard frames["indexHit"] == 1 else { throw ProcessBenchmarkFailure(command: "chronicle bench first-frame (the index was not cached)", status: 0) }
        let articles = corpus.appendingPathComponent("articles")
        let first = try FileManager.default.contentsOfDirectory(atPath: articles.path).sorted().first ?? ""
        // Stamped anew, the same bytes: the next open hashes that article again.
        utimensat(AT_FDCWD, articles.appendingPathComponent(first).path, nil, 0)
        figures.touchedSeconds = try timed(show)
        // Edited, then put back as it was: the corpus is kept between runs.
        func edited(_ url: URL) throws -> Double {
            let original = try Data(contentsOf: url)
            defer { try? original.write(to: url) }
            try (original + Data("\n# An edit for the benchmark.\n".utf8)).write(to: url)
            return try timed(show)
        }
        figures.articleEditedSeconds = try edited(articles.appendingPathComponent(first))
        _ = try timed(show)
        figures.eventsEditedSeconds = try edited(corpus.appendingPathComponent("events-000.yaml"))
        _ = try timed(show)

        let all = scratch.appendingPathComponent("process-bench-articles.txt")
        try Benchmark.concatenateArticles(of: corpus, into: all)
        defer { try? FileManager.default.removeItem(at: all) }
        // The edits rewrote the entry, so its index is built once more.
        _ = try timed(search("kabul"))
        var searches: [Double] = [], rg: [Double] = [], grep: [Double] = []
        for query in queries {
            let literal = query.replacingOccurrences(of: "\"", with: "")
            searches.append(try timed(search(query)))
            rg.append(try timed(["rg", "-c", "-i", "-F", "--", literal, articles.path]))
            grep.append(try timed(["grep", "-c", "-i", "-F", "--", literal, all.path]))
        }
        figures.searchMedianMs = median(searches) * 1000
        figures.rgMedianMs = median(rg) * 1000
        figures.grepMedianMs = median(grep) * 1000
        return figures
    }

    /// The figures as a table, each beside the ratio the targets name.
    public static func table(_ rows: [ProcessFigures]) -> String {
        func f(_ value: Double, _ digits: Int) -> NSString { String(format: "%.\(digits)f", value) as NSString }
        var out = "corpus        sha256sum s  cold s  warm s  touched s  article s  events s  search ms  rg ms  grep ms"
            + "  cold/sha  warm/rg  search/rg  touched/warm  article/warm  events/warm\n"
        for r in rows {
            let warm = max(0.001, r.warmSeconds)
            out += r.label.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += String(format: "  %11@  %6@  %6@  %9@  %9@  %8@  %9@  %5@  %7@  %8@  %7@  %9@  %12@  %12@  %11@\n",
                          f(r.hashAllSeconds, 3), f(r.coldSeconds, 3), f(r.warmSeconds, 3), f(r.touchedSeconds, 3),
                          f(r.articleEditedSeconds, 3), f(r.eventsEditedSeconds, 3),
                          f(r.searchMedianMs, 0), f(r.rgMedianMs, 0), f(r.grepMedianMs, 0),
                          f(r.coldSeconds / max(0.001, r.hashAllSeconds), 2), f(r.warmSeconds * 1000 / max(0.001, r.rgMedianMs), 2),
                          f(r.searchMedianMs / max(0.001, r.rgMedianMs), 2), f(r.touchedSeconds / warm, 2),
                          f(r.articleEditedSeconds / warm, 2), f(r.eventsEditedSeconds / warm, 2))
        }
        out += "\ncorpus        warm 1st frame s  warm whole s  search ready s  frame/rg  whole/rg  ready/rg  1st search s  1st search/rg\n"
        for r in rows {
            let rg = max(0.000001, r.rgMedianMs / 1000)
            out += r.label.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += String(format: "  %16@  %12@  %14@  %8@  %8@  %8@  %12@  %13@\n", f(r.warmFirstFrameSeconds, 3), f(r.warmWholeSeconds, 3),
                          f(r.warmSearchReadySeconds, 3), f(r.warmFirstFrameSeconds / rg, 2), f(r.warmWholeSeconds / rg, 2),
                          f(r.warmSearchReadySeconds / rg, 2), f(r.firstSearchSeconds, 3), f(r.firstSearchSeconds / rg, 2))
        }
        return out
    }
}

/// A measured process that failed: the figures would mean nothing.
public struct ProcessBenchmarkFailure: Error, CustomStringConvertible {
    public let command: String
    public let status: Int32
    public var description: String { "`\(command)` exited with \(status) (is it installed? rg is the ripgrep package)" }
}
