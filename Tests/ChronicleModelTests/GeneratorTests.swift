import ChronicleBench
import Foundation
import XCTest
@testable import ChronicleModel

/// The benchmark's corpora: deterministic, valid, and searchable.
final class GeneratorTests: XCTestCase {
    func generate(_ articles: Int, seed: UInt64) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-gen-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        try CorpusGenerator(articles: articles, eventsPerArticle: 5, seed: seed).write(to: url)
        return url
    }

    func files(_ url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let file = walker?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(file.path.dropFirst(url.path.count))] = try Data(contentsOf: file)
            }
        }
        return result
    }

    func testSameSeedSameBytesOtherSeedOtherBytes() throws {
        let a = try files(try generate(30, seed: 42)), b = try files(try generate(30, seed: 42)), c = try files(try generate(30, seed: 43))
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.count, 30 + 2, "30 articles, a manifest, an events file")
        XCTAssertNotEqual(a, c)
    }

    func testAFewHundredArticlesValidateAndTheirPlantedWordsAreFound() throws {
        let url = try generate(300, seed: 1)
        let result = CorpusLoader.load(from: DirectoryCorpusFiles(root: url))
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        let corpus = result.corpus
        XCTAssertEqual(corpus.sources.count, 300)
        XCTAssertGreaterThan(corpus.events.count, 1_400, "about five events per article")
        // Every precision of date occurs.
        let precisions = Set(corpus.events.map { $0.date.date.edtf.contains("/") ? "interval" : String($0.date.date.precision.rawValue) })
        XCTAssertGreaterThanOrEqual(precisions.count, 4, "\(precisions)")
        XCTAssertTrue(corpus.events.contains { $0.date.date.edtf.hasSuffix("X") })
        // Words with diacritics and typography are in the text.
        let text = corpus.sources.map { String(decoding: $0.raw, as: UTF8.self) }.joined()
        for needle in ["“", "–", "’s", "Erdoğan", "Kılıç"] { XCTAssertTrue(text.contains(needle), needle) }

        let index = SearchIndex(corpus)
        let planted = index.search(SearchQuery(CorpusGenerator.plantedCited))
        XCTAssertEqual(planted.events.count, 1, "the planted word is in exactly one cited sentence")
        XCTAssertTrue(planted.articleHits.isEmpty)
        let uncited = index.search(SearchQuery(CorpusGenerator.plantedUncited))
        XCTAssertEqual(uncited.events.count, 0)
        XCTAssertEqual(uncited.articleHits.count, 1, "and the other outside any cited passage")
        XCTAssertEqual(index.search(SearchQuery("erdogan")).articleHits.isEmpty, false, "diacritics fold in generated text too")
    }

    /// The benchmark's own session runs and counts what it says (no timing
    /// is asserted: speed lives in `chronicle bench run`).
    func testTheBenchmarkSessionRunsOnAGeneratedCorpus() throws {
        let url = try generate(40, seed: 3)
        let figures = Benchmark.measure(files: DirectoryCorpusFiles(root: url), label: "40", corpusBytes: Benchmark.corpusSize(url), startedAt: nil)
        XCTAssertEqual(figures.articles, 40)
        XCTAssertEqual(figures.events, 200)
        XCTAssertEqual(figures.keystrokes, BenchmarkQueries.all.reduce(0) { $0 + $1.count })
        XCTAssertGreaterThan(figures.timelineFrames, 3)
        XCTAssertGreaterThan(figures.articleFrames, 0)
        XCTAssertGreaterThan(figures.peakRSSBytes, 0)
        XCTAssertGreaterThan(figures.corpusBytes, 40 * 3_000)
    }
}

