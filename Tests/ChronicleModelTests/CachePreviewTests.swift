import ChronicleBench
import Foundation
import XCTest
@testable import ChronicleModel

/// A valid entry gives a first screen before the rest of it is read: the
/// timeline's first events and the sources they cite, exactly as the whole
/// corpus has them, from checked bytes only.
final class CachePreviewTests: XCTestCase {
    func temporary(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-cache-preview-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// 120 articles and 360 events, cached (the entry's stamps trusted).
    func cached() throws -> (corpus: URL, store: CacheStore) {
        let corpus = try temporary("generated").appendingPathComponent("corpus")
        try CorpusGenerator(articles: 120, eventsPerArticle: 3, seed: 7).write(to: corpus)
        let store = CacheStore(directory: try temporary("store").path + "/chronicle")
        usleep(60_000)
        _ = CorpusCache.load(.directory(corpus.path), store: store)
        return (corpus, store)
    }

    func line(_ event: Event) -> String {
        "\(event.id) \(event.date.date.edtf) \(event.date.inferred) \(event.title) \(event.actors) \(event.tags) \(event.location) "
            + event.citations.map { "\($0.passage.sourceID) \($0.passage.range) \($0.passage.line) \($0.passage.exact)" }.joined(separator: "; ")
    }

    func load(_ corpus: URL, _ store: CacheStore, previewing count: Int) -> (CachedLoad, [CorpusPreview], [String]) {
        var previews: [CorpusPreview] = [], notices: [String] = []
        let loaded = CorpusCache.load(.directory(corpus.path), store: store, previewing: count, { previews.append($0) }, notify: { notices.append($0) })
        return (loaded, previews, notices)
    }

    func testAWarmOpenGivesTheFirstEventsAsTheWholeCorpusHasThem() throws {
        let (corpus, store) = try cached()
        let (loaded, previews, notices) = load(corpus, store, previewing: 50)
        XCTAssertEqual(loaded.outcome, .hit(rehashed: 0))
        XCTAssertEqual(notices, [])
        XCTAssertEqual(previews.count, 1)
        let preview = try XCTUnwrap(previews.first)
        let whole = loaded.result.corpus
        XCTAssertTrue(preview.fromCache)
        XCTAssertEqual(preview.corpus.events.map(line), whole.events.prefix(50).map(line))
        XCTAssertEqual(preview.eventCount, whole.events.count)
        XCTAssertEqual(preview.sourceCount, whole.sources.count)
        XCTAssertEqual(preview.corpus.title, whole.title)
        XCTAssertEqual(preview.corpus.actors.map(\.id), whole.actors.map(\.id))
        // Only the cited sources, each as the whole corpus has it.
        let cited = Set(preview.corpus.events.flatMap { $0.citations.map(\.sourceID) })
        XCTAssertEqual(Set(preview.corpus.sources.map(\.id)), cited)
        XCTAssertLessThan(preview.corpus.sources.count, whole.sources.count)
        for source in preview.corpus.sources {
            let full = try XCTUnwrap(whole.source(source.id))
            XCTAssertEqual(source.raw, full.raw)
            XCTAssertEqual(source.sha256, full.sha256)
            XCTAssertEqual(source.quotableRanges, full.quotableRanges)
        }
        // Each date once: the date column is as wide as over every event.
        XCTAssertEqual(Set(preview.dates.map { "\($0.date.edtf) \($0.inferred)" }), Set(whole.events.map { "\($0.date.date.edtf) \($0.date.inferred)" }))
        XCTAssertEqual(preview.dates.count, Set(preview.dates.map { "\($0.date.edtf) \($0.inferred)" }).count)

        // No preview asked for, none given.
        XCTAssertEqual(load(corpus, store, previewing: 0).1.count, 0)
    }

    /// An article's bytes in the entry changed: the preview finds them
    /// against their SHA-256 and shows nothing; the entry is rebuilt.
    func testAPreviewShowsNoArticleWhoseBytesDoNotCheck() throws {
        let (corpus, store) = try cached()
        let (first, previews, _) = load(corpus, store, previewing: 50)
        let cited = try XCTUnwrap(previews.first?.corpus.sources.first)
        let sources = first.result.corpus.sources
        let position = try XCTUnwrap(sources.firstIndex { $0.id == cited.id })
        let offsetInSection = sources[..<position].reduce(0) { $0 + $1.raw.count }
        let path = store.path(try XCTUnwrap(CorpusOrigin.directory(corpus.path).cacheKey), "corpus")
        let file = try XCTUnwrap(try CacheFile.open(path, kind: CorpusImage.kind))
        let articles = try XCTUnwrap(file.sectionRanges.first { $0.section == CorpusImage.Section.articles })
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[articles.bytes.lowerBound + offsetInSection + cited.raw.count / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let (loaded, damaged, notices) = load(corpus, store, previewing: 50)
        XCTAssertTrue(damaged.allSatisfy { !$0.fromCache }, "no preview from the damaged entry")
        XCTAssertEqual(notices.count, 1)
        XCTAssertTrue(notices.first?.contains("an article's bytes differ from its checksum") ?? false, "\(notices)")
        guard case .rebuilt = loaded.outcome else { return XCTFail("\(loaded.outcome)") }
        LoadDump.assertSame(loaded.result, CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus)), "rebuilt after the damage")
    }

    func testACorpusWithErrorsGivesNoPreviewFromTheCache() throws {
        let (corpus, store) = try cached()
        let manifest = corpus.appendingPathComponent("manifest.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "file: articles/000007.txt", with: "file: articles/missing.txt").utf8).write(to: manifest)
        usleep(60_000)
        _ = CorpusCache.load(.directory(corpus.path), store: store)
        let (loaded, previews, _) = load(corpus, store, previewing: 50)
        XCTAssertEqual(loaded.outcome, .hit(rehashed: 0))
        XCTAssertTrue(loaded.result.hasErrors)
        XCTAssertEqual(previews.count, 0)
    }
}
