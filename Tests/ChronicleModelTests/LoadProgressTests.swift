import ChronicleBench
import Foundation
import XCTest
@testable import ChronicleModel

/// What a load tells its progress bar: every article, events file and
/// event counted once, the whole moving only forward to its end, and
/// nothing at all when the load comes from a valid cache.
final class LoadProgressTests: XCTestCase {
    func temporary(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-progress-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// 300 articles in several runs of 32, 900 events in several events files.
    func generated() throws -> URL {
        let url = try temporary("generated").appendingPathComponent("corpus")
        try CorpusGenerator(articles: 300, eventsPerArticle: 3, seed: 5).write(to: url)
        return url
    }

    /// Snapshots taken by another thread all through a load.
    final class Watcher: @unchecked Sendable {
        let progress: LoadProgress
        private let lock = NSLock()
        private var seen: [LoadProgress.Snapshot] = []
        private var running = true
        private let stopped = DispatchSemaphore(value: 0)

        init(_ progress: LoadProgress) {
            self.progress = progress
            Thread { [self] in
                while lock.withLock({ running }) {
                    let snapshot = progress.snapshot()
                    lock.withLock { seen.append(snapshot) }
                    usleep(200)
                }
                stopped.signal()
            }.start()
        }

        func stop() -> [LoadProgress.Snapshot] {
            lock.withLock { running = false }
            stopped.wait()
            return lock.withLock { seen } + [progress.snapshot()]
        }
    }

    func testALoadCountsEveryPartOnceAndOnlyMovesForward() throws {
        let corpus = try generated()
        for previewing in [0, 50] {
            let progress = LoadProgress()
            let watcher = Watcher(progress)
            var previewed = false
            let result = CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus), progress: progress, previewing: previewing) { _ in
                previewed = true
            }
            let seen = watcher.stop()
            XCTAssertEqual(previewed, previewing > 0)
            XCTAssertFalse(result.hasErrors)
            let last = try XCTUnwrap(seen.last)
            XCTAssertEqual(last.stage, .anchoringQuotes)
            XCTAssertEqual(last.done, 900, "every event's quotes anchored, counted once")
            XCTAssertEqual(last.total, 900)
            XCTAssertEqual(last.fraction, 1, accuracy: 1e-9)
            let fractions = seen.map(\.fraction)
            XCTAssertEqual(fractions, fractions.sorted(), "the bar never goes back")
            let articles = seen.filter { $0.stage == .readingArticles }
            XCTAssertTrue(articles.allSatisfy { $0.total == 300 && $0.done <= 300 }, "\(articles.map(\.done))")
            if previewing > 0 {
                XCTAssertTrue(seen.contains { $0.stage == .checkingEvents || $0.stage == .previewing }, "the preview's stages are seen")
            }
        }
    }

    func testACacheHitCountsNothingAndARebuildSaysWhy() throws {
        let corpus = try generated()
        let store = CacheStore(directory: try temporary("store").path + "/chronicle")
        let first = LoadProgress()
        _ = CorpusCache.load(.directory(corpus.path), store: store, progress: first)
        XCTAssertEqual(first.snapshot().stage, .writingCache)
        XCTAssertEqual(first.snapshot().reason, "there was no cache yet")
        usleep(60_000)
        _ = CorpusCache.load(.directory(corpus.path), store: store)
        let hit = LoadProgress()
        let loaded = CorpusCache.load(.directory(corpus.path), store: store, progress: hit)
        guard case .hit = loaded.outcome else { return XCTFail("expected a hit, got \(loaded.outcome)") }
        XCTAssertEqual(hit.snapshot(), LoadProgress.Snapshot(), "a valid cache has no progress to show")

        let off = LoadProgress()
        _ = CorpusCache.load(.directory(corpus.path), store: nil, progress: off)
        XCTAssertEqual(off.snapshot().reason, "--no-cache")
        XCTAssertEqual(off.snapshot().fraction, 1, accuracy: 1e-9)
    }

    func testAnIndexCountsEveryArticleOnce() throws {
        let loaded = CorpusLoader.load(from: DirectoryCorpusFiles(root: try generated()))
        let progress = LoadProgress()
        let watcher = Watcher(progress)
        _ = SearchIndex(loaded.corpus, progress: progress)
        let seen = watcher.stop()
        let last = try XCTUnwrap(seen.last)
        XCTAssertEqual(last.stage, .indexing)
        XCTAssertEqual(last.done, 300)
        XCTAssertEqual(last.total, 300)
        XCTAssertEqual(seen.map(\.fraction), seen.map(\.fraction).sorted(), "the bar never goes back")
        XCTAssertTrue(seen.allSatisfy { $0.stage == nil || ($0.stage == .indexing && $0.done <= 300 && $0.fraction <= 0.9) })
    }

    func testTheTimeLeftIsThePaceSoFarOnceThereIsOne() {
        XCTAssertNil(LoadProgress.remaining(fraction: 0.04, elapsed: 10), "too little done to tell")
        XCTAssertNil(LoadProgress.remaining(fraction: 0.5, elapsed: 0.4), "too soon to tell")
        XCTAssertEqual(try XCTUnwrap(LoadProgress.remaining(fraction: 0.25, elapsed: 2)), 6, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(LoadProgress.remaining(fraction: 1, elapsed: 2)), 0, accuracy: 1e-9)

        // Elapsed from the first stage begun, on the progress's own clock.
        final class Clock: @unchecked Sendable { var now: UInt64 = 1_000 }
        let clock = Clock()
        let progress = LoadProgress(clock: { clock.now })
        progress.expect(articles: 10, eventsFiles: 0)
        progress.begin(.readingArticles)
        clock.now += 3_000_000_000
        progress.articlesRead(5)
        let snapshot = progress.snapshot()
        XCTAssertEqual(snapshot.elapsed, 3, accuracy: 1e-9)
        // No events files: their part counts as done; half the articles read.
        XCTAssertEqual(snapshot.fraction, 0.45 + 0.35 * 0.5, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(snapshot.remaining), 3 * (1 - snapshot.fraction) / snapshot.fraction, accuracy: 1e-9)
        XCTAssertEqual(snapshot.done, 5)
        XCTAssertEqual(snapshot.total, 10)
    }
}
