import ChronicleBench
import Foundation
import XCTest
@testable import ChronicleModel

/// A load after a change takes from the out-of-date entry what the change
/// cannot have touched (unchanged articles; unchanged events files whose
/// cited articles and manifest are unchanged), reads the rest, and gives
/// exactly what a load without any cache gives.
final class IncrementalCacheTests: XCTestCase {
    func temporary(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-incremental-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// 60 articles, 180 events, split into three events files of 60 (the
    /// first file cites articles 0–19, the second 20–39, the third 40–59).
    func corpus() throws -> URL {
        let url = try temporary("corpus").appendingPathComponent("corpus")
        try CorpusGenerator(articles: 60, eventsPerArticle: 3, seed: 11).write(to: url)
        let whole = try String(contentsOf: url.appendingPathComponent("events-000.yaml"), encoding: .utf8)
        let entries = whole.components(separatedBy: "\n  - id: ").dropFirst().map { "  - id: " + $0 }
        XCTAssertEqual(entries.count, 180)
        for part in 0..<3 {
            let text = "events:\n" + entries[(part * 60)..<((part + 1) * 60)].map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined()
            try write(text, to: url.appendingPathComponent("part-\(part).yaml"))
        }
        try FileManager.default.removeItem(at: url.appendingPathComponent("events-000.yaml"))
        let manifest = try String(contentsOf: url.appendingPathComponent("manifest.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  - events-000.yaml\n", with: "  - part-0.yaml\n  - part-1.yaml\n  - part-2.yaml\n")
        try write(manifest, to: url.appendingPathComponent("manifest.yaml"))
        return url
    }

    func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    /// Files written before it are older than the clock's tick, so their stamps are trusted.
    func settle() { usleep(60_000) }

    func load(_ corpus: URL, _ store: CacheStore) -> CachedLoad { CorpusCache.load(.directory(corpus.path), store: store) }

    func cold(_ corpus: URL) -> CorpusLoadResult { CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus)) }

    /// Loads after a change: what was taken, the same as cold, and the next
    /// load a hit that is the same as cold too.
    func assertIncremental(_ corpus: URL, _ store: CacheStore, articles: Int, eventsFiles: Int, manifest: Bool = true, _ what: String,
                           file: StaticString = #filePath, line: UInt = #line) {
        // The change is older than a tick: the new entry trusts its stamp.
        settle()
        let loaded = load(corpus, store)
        guard case .rebuilt = loaded.outcome else { return XCTFail("\(what): \(loaded.outcome)", file: file, line: line) }
        XCTAssertEqual(loaded.reusedArticles, articles, "\(what): articles taken from the entry", file: file, line: line)
        XCTAssertEqual(loaded.reusedEventsFiles, eventsFiles, "\(what): events files taken from the entry", file: file, line: line)
        XCTAssertEqual(loaded.reusedManifest, manifest, "\(what): the manifest's tree taken from the entry", file: file, line: line)
        LoadDump.assertSame(loaded.result, cold(corpus), what, file: file, line: line)
        settle()
        let next = load(corpus, store)
        XCTAssertEqual(next.outcome, .hit(rehashed: 0), "\(what): the rebuilt entry vouches for every file", file: file, line: line)
        LoadDump.assertSame(next.result, cold(corpus), "\(what), warm", file: file, line: line)
    }

    func testAnEditedArticleCostsThatArticleAndTheEventsThatCiteIt() throws {
        let corpus = try corpus()
        let store = CacheStore(directory: try temporary("store").path + "/chronicle")
        settle()
        XCTAssertEqual(load(corpus, store).reusedArticles, 0, "the first load has nothing to take")
        settle()
        // A word of article 25 changed: its pin no longer holds, and the
        // quotes of its events may no longer anchor; part-1 cites it.
        let manifest = try String(contentsOf: corpus.appendingPathComponent("manifest.yaml"), encoding: .utf8)
        let path = try XCTUnwrap(manifest.components(separatedBy: "\n").first { $0.contains("file: ") && $0.contains("025") })
            .components(separatedBy: "file: ")[1]
        let article = corpus.appendingPathComponent(path)
        var text = try String(contentsOf: article, encoding: .utf8)
        let words = text.split(separator: " ")
        text = text.replacingOccurrences(of: " " + words[words.count / 2] + " ", with: " CHANGED ")
        try write(text, to: article)
        assertIncremental(corpus, store, articles: 59, eventsFiles: 2, "an article edited")

        // Removed: its events do not stand, the others are taken.
        try FileManager.default.removeItem(at: article)
        settle()
        assertIncremental(corpus, store, articles: 59, eventsFiles: 2, "an article removed")
        XCTAssertTrue(cold(corpus).hasErrors)
    }

    func testAnEditedEventsFileIsCheckedAgainstTheOthersItDidNotChange() throws {
        let corpus = try corpus()
        let store = CacheStore(directory: try temporary("store").path + "/chronicle")
        settle()
        _ = load(corpus, store)
        settle()
        // part-2 takes an id part-0 uses: the repeat is decided against the
        // event part-0 gave from the entry, as a cold load decides it.
        let first = try String(contentsOf: corpus.appendingPathComponent("part-0.yaml"), encoding: .utf8)
        let firstID = try XCTUnwrap(first.components(separatedBy: "  - id: ").dropFirst().first?.components(separatedBy: "\n").first)
        let third = corpus.appendingPathComponent("part-2.yaml")
        let original = try String(contentsOf: third, encoding: .utf8)
        let secondID = try XCTUnwrap(original.components(separatedBy: "  - id: ").dropFirst().first?.components(separatedBy: "\n").first)
        try write(original.replacingOccurrences(of: "  - id: \(secondID)\n", with: "  - id: \(firstID)\n"), to: third)
        assertIncremental(corpus, store, articles: 60, eventsFiles: 2, "an events file edited")
        XCTAssertTrue(cold(corpus).diagnostics.contains { $0.message.contains("is used twice") })

        // The repeat undone: the event part-2 held is back.
        try write(original, to: third)
        settle()
        assertIncremental(corpus, store, articles: 60, eventsFiles: 2, "the repeat undone")
    }

    func testAnEditedManifestTakesOnlyTheArticles() throws {
        let corpus = try corpus()
        let store = CacheStore(directory: try temporary("store").path + "/chronicle")
        settle()
        _ = load(corpus, store)
        settle()
        // An actor's name is what the events' checks read: none is taken.
        let manifestURL = corpus.appendingPathComponent("manifest.yaml")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        try write(manifest.replacingOccurrences(of: "  - id: a0\n    name: ", with: "  - id: a0\n    name: Renamed "), to: manifestURL)
        assertIncremental(corpus, store, articles: 60, eventsFiles: 0, manifest: false, "the manifest edited")
    }
}
