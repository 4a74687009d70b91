import Foundation
import XCTest
@testable import ChronicleModel

/// A cache is never trusted blindly: cut short, with bytes flipped, of
/// another version, empty or foreign, it is reported once and rebuilt, and
/// the corpus loads as it would without it. Loads at the same time never
/// see part of one.
final class CacheDamageTests: XCTestCase {
    func prepared() throws -> (corpus: URL, store: CacheStore, path: String, good: [UInt8]) {
        let corpus = try temporaryCopyOfSeeds()
        let store = CacheStore(directory: try temporary("store").path + "/chronicle")
        usleep(60_000)
        _ = CorpusCache.load(.directory(corpus.path), store: store)
        let path = store.path(try XCTUnwrap(CorpusOrigin.directory(corpus.path).cacheKey), "corpus")
        return (corpus, store, path, try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
    }

    func temporary(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-damage-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func temporaryCopyOfSeeds() throws -> URL {
        let url = try temporary("seeds").appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: CorpusCacheTests.seeds, to: url)
        return url
    }

    /// Puts `bytes` where the cache is, loads, and checks: one notice naming
    /// `reason`, a rebuild, the cold load's corpus, and a good cache after.
    func assertRebuilt(_ bytes: [UInt8], _ setup: (corpus: URL, store: CacheStore, path: String, good: [UInt8]), reason: String,
                       _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: setup.path))
        var notices: [String] = []
        let loaded = CorpusCache.load(.directory(setup.corpus.path), store: setup.store, notify: { notices.append($0) })
        XCTAssertEqual(notices.count, 1, "\(what): told once", file: file, line: line)
        XCTAssertTrue(notices.first?.contains(reason) ?? false, "\(what): \(notices) should say \(reason)", file: file, line: line)
        guard case .rebuilt = loaded.outcome else { return XCTFail("\(what): \(loaded.outcome)", file: file, line: line) }
        LoadDump.assertSame(loaded.result, CorpusLoader.load(from: DirectoryCorpusFiles(root: setup.corpus)), what, file: file, line: line)
        var later: [String] = []
        let next = CorpusCache.load(.directory(setup.corpus.path), store: setup.store, notify: { later.append($0) })
        XCTAssertEqual(later, [], "\(what): not told again", file: file, line: line)
        guard case .hit = next.outcome else { return XCTFail("\(what): rebuilt cache not used: \(next.outcome)", file: file, line: line) }
    }

    func testACacheCutShortAnywhereIsRebuilt() throws {
        let setup = try prepared()
        var generator = SystemRandomNumberGenerator()
        var lengths = [0, 1, 16, CacheFileFormat.headerSize - 1, CacheFileFormat.headerSize, setup.good.count - 1]
        lengths += (0..<12).map { _ in Int.random(in: CacheFileFormat.headerSize..<setup.good.count, using: &generator) }
        for length in lengths {
            let reason = length == 0 ? "empty" : "truncated"
            try assertRebuilt(Array(setup.good.prefix(length)), setup, reason: reason, "cut to \(length) bytes")
        }
    }

    func testAFlippedByteInAnySectionOrTheHeaderIsFound() throws {
        let setup = try prepared()
        let file = try XCTUnwrap(try CacheFile.open(setup.path, kind: CorpusImage.kind))
        var places = file.sectionRanges.filter { !$0.bytes.isEmpty }.map { ($0.section.rawValue, Int.random(in: $0.bytes)) }
        places += [(0, 3), (0, 20), (0, 30), (0, 50), (0, 80), (0, CacheFileFormat.headerSize - 1), (0, setup.good.count - 5)]
        XCTAssertGreaterThanOrEqual(file.sectionRanges.count, 8, "every section is damaged once")
        for (section, offset) in places {
            var bytes = setup.good
            bytes[offset] ^= 0x10
            try assertRebuilt(bytes, setup, reason: "cannot be used", "byte \(offset) flipped (section \(section))")
        }
    }

    /// The header rewritten with a field changed and a correct checksum.
    func reheadered(_ good: [UInt8], at offset: Int, _ value: UInt32) -> [UInt8] {
        var bytes = good
        withUnsafeBytes(of: value.littleEndian) { for k in 0..<4 { bytes[offset + k] = $0[k] } }
        let tableOffset = Int(bytes[48..<56].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        var hash = Hash64()
        bytes.withUnsafeBytes { raw in
            hash.add(UnsafeRawBufferPointer(rebasing: raw[0..<CacheFileFormat.headerSize - 8]))
            hash.add(UnsafeRawBufferPointer(rebasing: raw[tableOffset...]))
        }
        withUnsafeBytes(of: hash.value.littleEndian) { for k in 0..<8 { bytes[CacheFileFormat.headerSize - 8 + k] = $0[k] } }
        return bytes
    }

    func testAnotherVersionKindOrBuildAndForeignBytesAreRebuilt() throws {
        let setup = try prepared()
        try assertRebuilt(reheadered(setup.good, at: 16, CacheFileFormat.version + 1), setup, reason: "another format", "a later version")
        try assertRebuilt(reheadered(setup.good, at: 20, 2), setup, reason: "holds something else", "an index where the corpus should be")
        try assertRebuilt(reheadered(setup.good, at: 72, 0xDEADBEEF), setup, reason: "another build", "another build's cache")
        try assertRebuilt((0..<4096).map { _ in UInt8.random(in: 0...255) }, setup, reason: "not a Chronicle cache", "random bytes")
        try assertRebuilt(Array("CHRONICLE CACHE\n".utf8) + [UInt8](repeating: 0, count: 200), setup, reason: "cannot be used", "a header of zeros")
    }

    func testTheSameCacheHeaderCheckedTwiceIsStillFound() throws {
        // The checksum is of the header as written: the test's own
        // rewriting must agree with it, or the cases above prove nothing.
        let setup = try prepared()
        XCTAssertEqual(reheadered(setup.good, at: 16, CacheFileFormat.version), setup.good)
    }

    func testLoadsAtTheSameTimeNeverSeeATornCache() throws {
        let corpus = try temporaryCopyOfSeeds()
        let store = CacheStore(directory: try temporary("store").path + "/chronicle")
        usleep(60_000)
        let cold = LoadDump.lines(CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus)))
        for round in 0..<3 {
            if round == 2 { try Data("CHRONICLE CACHE\ngarbage".utf8).write(to: URL(fileURLWithPath: store.path(CorpusOrigin.directory(corpus.path).cacheKey!, "corpus"))) }
            let results = ConcurrentResults<[String]>(count: 6)
            DispatchQueue.concurrentPerform(iterations: 6) { k in
                results.put(k, LoadDump.lines(CorpusCache.load(.directory(corpus.path), store: store).result))
            }
            for k in 0..<6 { XCTAssertEqual(results.take(k), cold, "round \(round), load \(k)") }
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasPrefix(".") }
        XCTAssertEqual(left, [], "no temporary file is left behind")
        guard case .hit = CorpusCache.load(.directory(corpus.path), store: store).outcome else { return XCTFail("the last cache written is whole") }
    }
}
