import ChronicleBench
import ChronicleDefaultCorpus
import Foundation
import XCTest
@testable import ChronicleModel

/// The cache of checked corpora: a warm load is the cold load; every kind
/// of change to the corpus is noticed; a damaged cache is rebuilt.
final class CorpusCacheTests: XCTestCase {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    func temporary(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-cache-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func store() throws -> CacheStore { CacheStore(directory: try temporary("store").path + "/chronicle") }

    func copyOfSeeds() throws -> URL {
        let url = try temporary("seeds").appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Self.seeds, to: url)
        return url
    }

    func generated(_ articles: Int) throws -> URL {
        let url = try temporary("generated").appendingPathComponent("corpus")
        try CorpusGenerator(articles: articles, eventsPerArticle: 3, seed: 7).write(to: url)
        return url
    }

    /// Long enough that files written before it are older than the clock's
    /// tick, so their stamps are trusted (see `FileStamp.isRacy`).
    func settle() { usleep(60_000) }

    /// A load through the cache, and what it told the user.
    func load(_ corpus: URL, _ store: CacheStore) -> (CachedLoad, [String]) {
        var notices: [String] = []
        let loaded = CorpusCache.load(.directory(corpus.path), store: store, notify: { notices.append($0) })
        return (loaded, notices)
    }

    func cold(_ corpus: URL) -> CorpusLoadResult { CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus)) }

    func assertRebuilt(_ loaded: CachedLoad, because reason: String, file: StaticString = #filePath, line: UInt = #line) {
        guard case .rebuilt(let why) = loaded.outcome else { return XCTFail("expected a rebuild, got \(loaded.outcome)", file: file, line: line) }
        XCTAssertTrue(why.contains(reason), "\(why) should say \(reason)", file: file, line: line)
    }

    func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    // MARK: Warm is cold

    func testAWarmLoadIsTheColdLoadOnTheSeedsAndOnAGeneratedCorpus() throws {
        for corpus in [try copyOfSeeds(), try generated(120)] {
            let store = try store()
            settle()
            let (first, notices) = load(corpus, store)
            assertRebuilt(first, because: "no cache yet")
            XCTAssertEqual(notices, [])
            let (second, _) = load(corpus, store)
            XCTAssertEqual(second.outcome, .hit(rehashed: 0))
            LoadDump.assertSame(second.result, cold(corpus), "warm against cold, \(corpus.lastPathComponent)")
            LoadDump.assertSame(first.result, cold(corpus), "building against cold")
        }
    }

    func testACorpusWithErrorsAndWarningsGivesTheSameMessagesWarm() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
        for name in ["hostile-corpus", "hostile-markup-corpus"] {
            let corpus = try temporary(name).appendingPathComponent("corpus")
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: corpus)
            let store = try store()
            settle()
            _ = load(corpus, store)
            let (warm, _) = load(corpus, store)
            XCTAssertEqual(warm.outcome, .hit(rehashed: 0), name)
            XCTAssertFalse(warm.result.diagnostics.isEmpty, "\(name) has messages to compare")
            LoadDump.assertSame(warm.result, cold(corpus), name)
        }
    }

    func testTheBuiltInCorpusIsCachedByItsChecksum() throws {
        let store = try store()
        let origin = CorpusOrigin.files(DefaultCorpus.files, name: DefaultCorpus.displayName)
        let first = CorpusCache.load(origin, store: store)
        assertRebuilt(first, because: "no cache yet")
        let second = CorpusCache.load(origin, store: store)
        XCTAssertEqual(second.outcome, .hit(rehashed: 0))
        LoadDump.assertSame(second.result, CorpusLoader.load(from: origin.files), "built-in")
        // Other bytes are another corpus, with an entry of its own.
        var changed = DefaultCorpus.files
        changed["events.yaml"]! += Array("\n".utf8)
        let other = CorpusCache.load(.files(changed, name: DefaultCorpus.displayName), store: store)
        assertRebuilt(other, because: "no cache yet")
        XCTAssertNotEqual(CorpusOrigin.files(changed, name: "x").cacheKey, origin.cacheKey)
    }

    // MARK: Each kind of change

    func testEveryKindOfChangeIsNoticedAndOnlyThen() throws {
        let corpus = try copyOfSeeds(), store = try store()
        let article = corpus.appendingPathComponent("articles/001_27b5e4c8cd52331d.txt")
        settle()
        _ = load(corpus, store)

        // Touched without change: hashed again, found the same, a hit.
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, article.path, &times, 0), 0)
        settle()
        XCTAssertEqual(load(corpus, store).0.outcome, .hit(rehashed: 1))
        // Its new stamp was kept: nothing is hashed the next time.
        XCTAssertEqual(load(corpus, store).0.outcome, .hit(rehashed: 0))

        // Edited (the same size): loaded again, as a cold load would.
        var bytes = try Data(contentsOf: article)
        let at = bytes.firstIndex(of: UInt8(ascii: "e"))!
        bytes[at] = UInt8(ascii: "a")
        try bytes.write(to: article)
        settle()
        let edited = load(corpus, store).0
        assertRebuilt(edited, because: "articles/001_27b5e4c8cd52331d.txt changed")
        LoadDump.assertSame(edited.result, cold(corpus), "after an edit")
        XCTAssertTrue(edited.result.diagnostics.contains { $0.message.contains("has changed since it was pinned") })
        XCTAssertEqual(load(corpus, store).0.outcome, .hit(rehashed: 0))

        // Removed: an error now, and the same error warm.
        let kept = try Data(contentsOf: article)
        try FileManager.default.removeItem(at: article)
        let removed = load(corpus, store).0
        assertRebuilt(removed, because: "was removed")
        XCTAssertTrue(removed.result.hasErrors)
        LoadDump.assertSame(removed.result, cold(corpus), "after a removal")
        settle()
        let stillRemoved = load(corpus, store).0
        XCTAssertEqual(stillRemoved.outcome, .hit(rehashed: 0))
        LoadDump.assertSame(stillRemoved.result, cold(corpus), "a missing article, warm")
        // Put back: noticed as well.
        try kept.write(to: article)
        assertRebuilt(load(corpus, store).0, because: "appeared")

        // Added: a new article is listed in the manifest, which changes.
        settle()
        _ = load(corpus, store)
        try write("A new article\n\nIt says something new.\n", to: corpus.appendingPathComponent("articles/new.txt"))
        settle()
        XCTAssertEqual(load(corpus, store).0.outcome, .hit(rehashed: 0), "a file no one lists changes nothing")
        var manifest = try String(contentsOf: corpus.appendingPathComponent("manifest.yaml"), encoding: .utf8)
        manifest = manifest.replacingOccurrences(of: "sources:\n", with: "sources:\n  - id: new-one\n    file: articles/new.txt\n    outlet: New\n    published: 2025-01-01\n")
        try write(manifest, to: corpus.appendingPathComponent("manifest.yaml"))
        let added = load(corpus, store).0
        assertRebuilt(added, because: "manifest.yaml changed")
        XCTAssertNotNil(added.result.corpus.source("new-one"))
        LoadDump.assertSame(added.result, cold(corpus), "after an addition")

        // The events file edited.
        settle()
        _ = load(corpus, store)
        let events = corpus.appendingPathComponent("events.yaml")
        try write(try String(contentsOf: events, encoding: .utf8).replacingOccurrences(of: "title: ", with: "title: Re: "), to: events)
        let retitled = load(corpus, store).0
        assertRebuilt(retitled, because: "events.yaml changed")
        XCTAssertTrue(retitled.result.corpus.events.allSatisfy { $0.title.hasPrefix("Re: ") })
        LoadDump.assertSame(retitled.result, cold(corpus), "after the events file changed")
    }

    func testAFileStampedTooCloseToTheLoadIsHashedAndItsChangeFound() throws {
        // The rule itself: within a tick of the scan's start, or after it.
        let scan: Int64 = 1_000_000_000_000
        func stamp(_ modified: Int64, _ changed: Int64) -> FileStamp {
            FileStamp(exists: true, size: 1, modified: modified, changed: changed, inode: 1, device: 1)
        }
        XCTAssertTrue(stamp(scan + 5, scan - 1_000_000_000).isRacy(scanStart: scan))
        XCTAssertTrue(stamp(scan - 10_000_000, scan - 10_000_000).isRacy(scanStart: scan))
        XCTAssertTrue(stamp(scan - 1_000_000_000, scan - 1_000_000_000).isRacy(scanStart: scan), "whole seconds: a coarse file system")
        XCTAssertFalse(stamp(scan - 1_000_000_001, scan - 1_000_000_001).isRacy(scanStart: scan))
        XCTAssertFalse(stamp(scan - 3_000_000_000, scan - 3_000_000_000).isRacy(scanStart: scan))
        XCTAssertFalse(FileStamp.missing.isRacy(scanStart: scan))

        // Loaded at once after writing: the stamps are too recent to trust.
        let corpus = try copyOfSeeds(), store = try store()
        _ = load(corpus, store)
        guard case .hit(let rehashed) = load(corpus, store).0.outcome else { return XCTFail("a hit expected") }
        XCTAssertGreaterThan(rehashed, 0, "racy files are hashed though their stamps are unchanged")
        settle()
        _ = load(corpus, store)
        XCTAssertEqual(load(corpus, store).0.outcome, .hit(rehashed: 0))

        // A change that left the stamp as it was (within one tick): found
        // only because the record is marked racy. The records are forged
        // to say so: the file's stamp now, a hash of other bytes.
        let key = try XCTUnwrap(CorpusOrigin.directory(corpus.path).cacheKey)
        let file = try XCTUnwrap(try CacheFile.open(store.path(key, "corpus"), kind: CorpusImage.kind))
        var records = try CorpusImage.records(in: try file.section(CorpusImage.Section.files))
        let index = try XCTUnwrap(records.firstIndex { $0.path == "events.yaml" })
        records = records.map { record in
            var record = record
            record.stamp = FileStamp.of(corpus.path + "/" + record.path)
            record.racy = false
            return record
        }
        records[index].hash = 42
        CorpusCache.writeStamps(records, for: file, store: store, key: key, notify: { XCTFail($0) })
        XCTAssertEqual(load(corpus, store).0.outcome, .hit(rehashed: 0), "trusted: the stamp vouches for the bytes")
        records[index].racy = true
        CorpusCache.writeStamps(records, for: file, store: store, key: key, notify: { XCTFail($0) })
        assertRebuilt(load(corpus, store).0, because: "events.yaml changed")
    }

    func testAnotherLimitOnAFilesSizeIsAnotherLoad() throws {
        let corpus = try copyOfSeeds(), store = try store()
        settle()
        _ = load(corpus, store)
        let limit = 2_000
        let limited = CorpusCache.load(.directory(corpus.path), store: store, maxArticleSize: limit)
        assertRebuilt(limited, because: "another --max-article-size")
        let cold = CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus), maxArticleSize: limit)
        XCTAssertTrue(cold.diagnostics.contains { $0.message.contains("over the limit") }, "the limit refuses files")
        LoadDump.assertSame(limited.result, cold, "under a limit")
        XCTAssertEqual(CorpusCache.load(.directory(corpus.path), store: store, maxArticleSize: limit).outcome, .hit(rehashed: 0))
        assertRebuilt(load(corpus, store).0, because: "another --max-article-size")
    }

    func testAnEditorsTextsDecideOverTheStampsOnDisk() throws {
        let corpus = try copyOfSeeds(), store = try store()
        settle()
        _ = load(corpus, store)
        let events = try [UInt8](Data(contentsOf: corpus.appendingPathComponent("events.yaml")))
        let same = CorpusCache.load(.directory(corpus.path), store: store, texts: ["events.yaml": events])
        XCTAssertEqual(same.outcome, .hit(rehashed: 0))
        let edited = Array(String(decoding: events, as: UTF8.self).replacingOccurrences(of: "title: ", with: "title: Edited ").utf8)
        let other = CorpusCache.load(.directory(corpus.path), store: store, texts: ["events.yaml": edited])
        assertRebuilt(other, because: "events.yaml changed")
        XCTAssertTrue(other.result.corpus.events.allSatisfy { $0.title.hasPrefix("Edited ") })
        // The disk never held those bytes: the next load from disk is not fooled by its stamp.
        let fromDisk = load(corpus, store).0
        LoadDump.assertSame(fromDisk.result, cold(corpus), "from disk after an editor's load")
    }
}
