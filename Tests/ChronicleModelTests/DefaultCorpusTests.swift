import ChronicleDefaultCorpus
import Foundation
import XCTest
@testable import ChronicleModel

final class DefaultCorpusTests: XCTestCase {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    func testEmbeddedCopyEqualsSeedsByteForByte() throws {
        var onDisk: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(at: Self.seeds, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(Self.seeds.standardizedFileURL.path.count + 1))
            onDisk[relative] = [UInt8](try Data(contentsOf: url))
        }
        XCTAssertEqual(Set(DefaultCorpus.files.keys), Set(onDisk.keys))
        for (path, bytes) in onDisk {
            XCTAssertEqual(DefaultCorpus.files[path], bytes, path)
        }
        XCTAssertGreaterThanOrEqual(onDisk.count, 7)
    }

    func testSeedArticlesArePinnedToTheBriefsChecksums() throws {
        let corpus = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus
        let prefixes = ["tmt-2025-05-02": "f48a7352228d893d", "trt-global-2025-05-02": "f03061856d31575d",
                        "aa-2025-05-02": "efd84fc1589d5210", "trt-world-2024-07-04": "d5cf0bca56dc4a20",
                        "defence-talks-2024-10-04": "8169112f9a36b788"]
        for (id, prefix) in prefixes {
            XCTAssertTrue(try XCTUnwrap(corpus.source(id)).sha256.hasPrefix(prefix), id)
        }
    }

    func testDefaultCorpusLoadsWithoutAnyDiagnostic() {
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files))
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        XCTAssertEqual(result.corpus.sources.count, 5)
        XCTAssertGreaterThanOrEqual(result.corpus.events.count, 17)
    }

    func testSpineEventsInOrderCiteEverySeedThatReportsThem() throws {
        let corpus = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus
        let spine = corpus.events.filter(\.spine)
        XCTAssertEqual(spine.map(\.date.date.edtf), ["2003", "2024-03", "2024-07-04", "2025-04-17", "2025-05-02"])
        let expectedSources: [Set<String>] = [
            ["tmt-2025-05-02", "trt-global-2025-05-02", "aa-2025-05-02", "trt-world-2024-07-04", "defence-talks-2024-10-04"],
            ["tmt-2025-05-02", "trt-global-2025-05-02", "trt-world-2024-07-04", "defence-talks-2024-10-04"],
            ["trt-world-2024-07-04", "tmt-2025-05-02", "trt-global-2025-05-02", "defence-talks-2024-10-04"],
            ["tmt-2025-05-02", "trt-global-2025-05-02", "aa-2025-05-02"],
            ["tmt-2025-05-02", "trt-global-2025-05-02", "aa-2025-05-02"],
        ]
        for (event, sources) in zip(spine, expectedSources) {
            XCTAssertEqual(Set(event.sourceIDs), sources, event.id)
        }
    }

    func testEveryCitationIsTheTextAtItsOffsets() throws {
        let corpus = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus
        for event in corpus.events {
            XCTAssertFalse(event.citations.isEmpty, event.id)
            for citation in event.citations {
                let source = try XCTUnwrap(corpus.source(citation.sourceID))
                let passage = citation.passage
                XCTAssertEqual(source.displayText(passage.range), passage.exact, event.id)
                XCTAssertTrue(source.isBody(line: passage.line), "\(event.id) cites furniture or a headline")
                XCTAssertEqual(source.lines.line(containing: passage.range.lowerBound), passage.line)
            }
            for actor in event.actors { XCTAssertNotNil(corpus.actor(actor), actor) }
        }
    }

    func testInferredDatesAndTheUntitledSource() throws {
        let corpus = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus
        let defenceTalks = try XCTUnwrap(corpus.source("defence-talks-2024-10-04"))
        XCTAssertNil(defenceTalks.title)
        XCTAssertTrue(defenceTalks.published.inferred)
        XCTAssertEqual(defenceTalks.published.displayText, "4 Oct 2024 (inferred)")
        let onlyFromDefenceTalks = corpus.events.filter { $0.sourceIDs == ["defence-talks-2024-10-04"] && $0.date.date.edtf.hasSuffix("2024-10-04") }
        XCTAssertFalse(onlyFromDefenceTalks.isEmpty)
        for event in onlyFromDefenceTalks { XCTAssertTrue(event.date.inferred, event.id) }
        XCTAssertEqual(corpus.source("tmt-2025-05-02")?.url,
                       "https://www.themoscowtimes.com/2025/05/02/russia-vows-to-help-taliban-fight-islamic-state-in-afghanistan-a88955")
        XCTAssertEqual(corpus.actors(named: "Daesh-K").map(\.id), ["isis-k"])
        XCTAssertEqual(corpus.actors(named: "IS Khorasan").map(\.id), ["isis-k"])
    }
}
