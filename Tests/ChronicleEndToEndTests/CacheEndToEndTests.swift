import Foundation
import XCTest

/// The browser through its cache, in tmux: a second open is from the entry
/// and its search index and shows what the first showed; a damaged entry is said on the
/// terminal once the browser gives it back, and rebuilt.
final class CacheEndToEndTests: XCTestCase {
    /// `chronicle bench generate`: 400 articles and 2,000 events (seed 3).
    func generatedCorpus() throws -> URL { try GeneratedCorpora.generated(for: self) }

    /// The entry's files and their inodes: a rebuild renames a new file in.
    func entries(_ cache: URL) -> [String: UInt64] {
        var found: [String: UInt64] = [:]
        let directory = cache.path + "/chronicle"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            var status = stat()
            if stat(directory + "/" + name, &status) == 0 { found[name] = UInt64(status.st_ino) }
        }
        return found
    }

    /// Opens the browser on `corpus` with `cache`, searches for the planted
    /// word, and quits: the screen with the search's one event, and the
    /// shell's screen after.
    func browse(_ corpus: URL, cache: URL) throws -> (found: String, after: String) {
        let tmux = try Tmux(test: self)
        try tmux.start(["--corpus", corpus.path], environment: Tmux.colourTerminal + " XDG_CACHE_HOME=\(cache.path)")
        try tmux.waitFor("the timeline") { $0.contains("Generated corpus") && $0.contains("1/2000") }
        try tmux.keys("/")
        try tmux.keys("-l", "zygomorphic")
        let found = try tmux.waitFor("the one event") { $0.contains("/zygomorphic") && $0.contains("1 event, 0 in text") }
        try tmux.keys("Escape")
        try tmux.waitFor("every event again") { $0.contains("/2000") && !$0.contains("/zygomorphic") }
        try tmux.keys("q")
        let after = try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        // A long message wraps: its rows joined again.
        return (found, after.replacingOccurrences(of: "\n", with: ""))
    }

    func testASecondOpenIsFromTheCacheAndADamagedEntryIsSaidAfterTheScreen() throws {
        let corpus = try generatedCorpus()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-e2e-cache-home-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: cache) }
        // Old enough that the articles' stamps are trusted at once.
        Thread.sleep(forTimeInterval: 0.1)

        let cold = try browse(corpus, cache: cache)
        let written = entries(cache)
        XCTAssertEqual(written.keys.filter { $0.hasSuffix(".corpus") }.count, 1, "\(written)")
        // The search index, built after the first frame, written before the quit ended.
        XCTAssertEqual(written.keys.filter { $0.hasSuffix(".index") }.count, 1, "\(written)")
        XCTAssertFalse(written.keys.contains { $0.contains(".tmp-") }, "\(written)")
        let warm = try browse(corpus, cache: cache)
        XCTAssertEqual(entries(cache), written, "the second open read the entry and its index, and left them")
        XCTAssertEqual(warm.found, cold.found, "the same screen from the cache")
        XCTAssertFalse(warm.after.contains("chronicle:"), warm.after)

        let name = try XCTUnwrap(written.keys.first { $0.hasSuffix(".corpus") })
        try Data("CHRONICLE CACHE\nnot a cache".utf8).write(to: URL(fileURLWithPath: cache.path + "/chronicle/" + name))
        let damaged = try browse(corpus, cache: cache)
        XCTAssertEqual(damaged.found, cold.found)
        XCTAssertEqual(damaged.after.components(separatedBy: "cannot be used").count, 2, "said once: \(damaged.after)")
        XCTAssertTrue(damaged.after.contains("it is built again"), damaged.after)
        XCTAssertNotEqual(entries(cache)[name], written[name], "rebuilt")
        let index = try XCTUnwrap(written.keys.first { $0.hasSuffix(".index") })
        XCTAssertNotEqual(entries(cache)[index], written[index], "the index of the entry before is not taken for the new one's")
        let again = try browse(corpus, cache: cache)
        XCTAssertFalse(again.after.contains("cannot be used"), again.after)
    }
}
