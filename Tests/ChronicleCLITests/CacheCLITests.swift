import Foundation
import XCTest

/// The cache through the real binary: every command that loads a corpus
/// uses it and prints exactly what it prints without one; a damaged entry
/// is said once on standard error and rebuilt; a cache that cannot be
/// written is said and done without; `cache info|clear` and `--no-cache`.
final class CacheCLITests: XCTestCase {
    /// A cache home of the test's own, as XDG_CACHE_HOME.
    func cacheHome() throws -> URL { try CLI.temporaryDirectory(self).appendingPathComponent("cache") }

    func run(_ arguments: [String], cache: URL) throws -> CLIResult {
        try CLI.run(arguments, environment: ["XDG_CACHE_HOME": cache.path], timeout: 120)
    }

    /// The entries' files in `cache`/chronicle, with their inodes: a hit
    /// leaves them, a rebuild renames a new file into place.
    func entries(_ cache: URL) -> [String: UInt64] {
        let directory = cache.path + "/chronicle"
        var found: [String: UInt64] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            var status = stat()
            if stat(directory + "/" + name, &status) == 0 { found[name] = UInt64(status.st_ino) }
        }
        return found
    }

    func assertSame(_ a: CLIResult, _ b: CLIResult, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.status, b.status, what, file: file, line: line)
        XCTAssertEqual(a.stdout, b.stdout, what, file: file, line: line)
        XCTAssertEqual(a.stderr, b.stderr, what, file: file, line: line)
    }

    func generatedCorpus() throws -> URL {
        let directory = try CLI.temporaryDirectory(self).appendingPathComponent("generated")
        let made = try CLI.run(["bench", "generate", "--articles", "60", "--seed", "5", "--out", directory.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        return directory
    }

    func testEveryCommandThatLoadsACorpusPrintsWhatItPrintsWithoutTheCache() throws {
        let seeds = try CLI.copyOfSeeds(self), generated = try generatedCorpus()
        let event = "moscow-concert-hall-attack"
        let commands: [(URL?, [String])] = [
            (nil, ["list", "--format", "json"]),
            (seeds, ["list"]), (seeds, ["show", event]), (seeds, ["search", "kabulov", "--format", "json"]),
            (seeds, ["search", "\"common enemy\"", "Taliban"]), (seeds, ["coverage", "--format", "json"]),
            (seeds, ["suggest", event, "--format", "json"]), (seeds, ["validate", "--strict"]), (seeds, ["export", "--format", "markdown"]),
            (generated, ["list", "--format", "json"]), (generated, ["search", "zygomorphic", "--format", "json"]),
            (generated, ["search", "the", "--limit", "50"]), (generated, ["validate"]), (generated, ["coverage"]),
        ]
        let cache = try cacheHome()
        for (corpus, command) in commands {
            let arguments = command + (corpus.map { ["--corpus", $0.path] } ?? [])
            let what = arguments.joined(separator: " ")
            let before = entries(cache)
            let without = try run(arguments + ["--no-cache"], cache: cache)
            XCTAssertEqual(entries(cache), before, "\(what) --no-cache neither writes nor replaces an entry")
            let first = try run(arguments, cache: cache)
            let written = entries(cache)
            XCTAssertFalse(written.isEmpty, "\(what) wrote an entry")
            let warm = try run(arguments, cache: cache)
            XCTAssertEqual(entries(cache), written, "\(what): the second run used the entry as it was")
            assertSame(without, first, "\(what), without the cache and building it")
            assertSame(without, warm, "\(what), without the cache and from it")
            XCTAssertFalse(warm.stdout.isEmpty, what)
        }
        // One entry per corpus, each named by a hash, never by the corpus's name.
        let names = Set(entries(cache).keys)
        XCTAssertEqual(names.filter { $0.hasSuffix(".corpus") }.count, 3, "\(names)")
        XCTAssertFalse(names.contains { $0.contains("generated") || $0.contains("corpus-") || $0.hasPrefix(".") }, "\(names)")
    }

    func testADamagedEntryIsSaidOnceOnStandardErrorAndRebuilt() throws {
        try assertDamageIsSaidOnceAndMended(fileEnding: ".corpus", ["search", "Taliban", "--format", "json"], saying: "cannot be used")
    }

    /// Runs `arguments` on the seeds to fill the cache, then damages its
    /// file ending so three ways: each run after says it once on standard
    /// error (with `saying` and "built again") and prints what a run
    /// without the cache prints, and the run after that says nothing.
    func assertDamageIsSaidOnceAndMended(fileEnding: String, _ arguments: [String], saying: String,
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let seeds = try CLI.copyOfSeeds(self), cache = try cacheHome()
        let arguments = arguments + ["--corpus", seeds.path]
        let without = try run(arguments + ["--no-cache"], cache: cache)
        XCTAssertEqual(try run(arguments, cache: cache).stderr, "", file: file, line: line)
        let name = try XCTUnwrap(entries(cache).keys.first { $0.hasSuffix(fileEnding) }, file: file, line: line)
        let path = URL(fileURLWithPath: cache.path + "/chronicle/" + name)
        let good = try Data(contentsOf: path)
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        for (damage, bytes) in [("a flipped byte", flipped), ("cut short", good.prefix(good.count / 3)), ("empty", Data())] {
            try bytes.write(to: path)
            let damaged = try run(arguments, cache: cache)
            XCTAssertEqual(damaged.status, without.status, damage, file: file, line: line)
            XCTAssertEqual(damaged.stdout, without.stdout, damage, file: file, line: line)
            XCTAssertEqual(damaged.stderr.split(separator: "\n").count, 1, "\(damage): said once: \(damaged.stderr)", file: file, line: line)
            XCTAssertTrue(damaged.stderr.contains(saying) && damaged.stderr.contains("built again"), "\(damage): \(damaged.stderr)", file: file, line: line)
            assertSame(without, try run(arguments, cache: cache), "\(damage): built again, and not said again", file: file, line: line)
        }
    }

    /// Makes `directory` one this process cannot write: by its mode, and
    /// for root (whom modes do not stop) by the immutable attribute.
    func makeReadOnly(_ directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        XCTAssertEqual(chmod(directory.path, 0o500), 0)
        addTeardownBlock { chmod(directory.path, 0o700) }
        guard geteuid() == 0 else { return }
        let set = try CLI.run(["+i", directory.path], binary: URL(fileURLWithPath: "/usr/bin/chattr"))
        guard set.status == 0 else { throw XCTSkip("running as root, and chattr +i is refused here: \(set.stderr)") }
        addTeardownBlock { _ = try? CLI.run(["-i", directory.path], binary: URL(fileURLWithPath: "/usr/bin/chattr")) }
    }

    func testAReadOnlyCacheDirectoryIsDoneWithoutAndSaidSo() throws {
        let seeds = try CLI.copyOfSeeds(self), cache = try cacheHome()
        try makeReadOnly(cache.appendingPathComponent("chronicle"))
        let arguments = ["list", "--corpus", seeds.path]
        let without = try run(arguments + ["--no-cache"], cache: cache)
        for round in 0..<2 {
            let result = try run(arguments, cache: cache)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, without.stdout, "round \(round)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("cannot write the cache in \(cache.path)/chronicle") && result.stderr.contains("working without it"),
                          result.stderr)
        }
        XCTAssertEqual(entries(cache), [:])
    }

    func testACacheThatCannotBeWrittenWholeIsDoneWithoutAndLeavesNothing() throws {
        // A file size limit of 512 bytes stands for a full disk: the write
        // fails part way (EFBIG where a full disk gives ENOSPC), and the
        // signal that would end the process is ignored, as the shell's trap
        // passes on.
        let seeds = try CLI.copyOfSeeds(self), cache = try cacheHome()
        let without = try run(["list", "--corpus", seeds.path, "--no-cache"], cache: cache)
        let script = "trap '' XFSZ; ulimit -f 1; exec \"$0\" list --corpus \"$1\""
        let result = try CLI.run(["-c", script, CLI.binary.path, seeds.path], binary: URL(fileURLWithPath: "/bin/sh"),
                                 environment: ["XDG_CACHE_HOME": cache.path], timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, without.stdout)
        XCTAssertTrue(result.stderr.contains("cannot write the cache") && result.stderr.contains("working without it"), result.stderr)
        XCTAssertEqual(entries(cache), [:], "no entry and no temporary file is left")
    }

    func testCacheInfoListsAndClearRemovesEntries() throws {
        let seeds = try CLI.copyOfSeeds(self), cache = try cacheHome()
        let empty = try run(["cache", "info"], cache: cache)
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertTrue(empty.stdout.contains("0 entries"), empty.stdout)
        XCTAssertEqual(try run(["list"], cache: cache).status, 0)
        XCTAssertEqual(try run(["list", "--corpus", seeds.path], cache: cache).status, 0)
        let info = try run(["cache", "info"], cache: cache)
        XCTAssertTrue(info.stdout.hasPrefix("cache: \(cache.path)/chronicle\n"), info.stdout)
        XCTAssertTrue(info.stdout.contains("2 entries"), info.stdout)
        XCTAssertTrue(info.stdout.contains(seeds.path), "the corpus each entry holds: \(info.stdout)")
        XCTAssertTrue(info.stdout.contains("built-in"), info.stdout)
        let one = try run(["cache", "info", "--corpus", seeds.path], cache: cache)
        XCTAssertTrue(one.stdout.contains("1 entry,"), one.stdout)

        // A damaged entry is listed as such, not trusted.
        let name = try XCTUnwrap(entries(cache).keys.first { $0.hasSuffix(".corpus") && !$0.hasPrefix("builtin-") })
        try Data("CHRONICLE CACHE\n".utf8).write(to: URL(fileURLWithPath: cache.path + "/chronicle/" + name))
        XCTAssertTrue(try run(["cache", "info", "--corpus", seeds.path], cache: cache).stdout.contains("unusable: it is truncated"))

        let cleared = try run(["cache", "clear", "--corpus", seeds.path], cache: cache)
        XCTAssertEqual(cleared.status, 0, cleared.stderr)
        XCTAssertEqual(Set(entries(cache).keys.map { $0.hasPrefix("builtin-") }), [true], "only the other corpus's entry is left")
        XCTAssertEqual(try run(["cache", "clear"], cache: cache).status, 0)
        XCTAssertEqual(entries(cache), [:])
        XCTAssertTrue(try run(["cache", "info"], cache: cache).stdout.contains("0 entries"))
        let missing = try run(["cache", "clear", "--corpus", seeds.path + "/no-such-folder"], cache: cache)
        XCTAssertEqual(missing.status, 1, missing.stderr)
    }

    /// `search` reads its index from the cache once it is there, prints what
    /// it prints without, and builds it again only after the corpus changed.
    func testSearchCachesItsIndexAndTrustsItOnlyForItsEntry() throws {
        let seeds = try CLI.copyOfSeeds(self), cache = try cacheHome()
        let arguments = ["search", "Taliban", "--format", "json", "--corpus", seeds.path]
        let without = try run(arguments + ["--no-cache"], cache: cache)
        XCTAssertEqual(entries(cache), [:])
        let first = try run(arguments, cache: cache)
        assertSame(without, first, "building the index")
        let written = entries(cache)
        let index = try XCTUnwrap(written.keys.first { $0.hasSuffix(".index") }, "\(written)")
        let warm = try run(arguments, cache: cache)
        assertSame(without, warm, "the index from the cache")
        XCTAssertEqual(entries(cache), written, "nothing rewritten")
        // `export --query` searches the same index.
        let exported = try run(["export", "--format", "markdown", "--query", "kabulov", "--corpus", seeds.path], cache: cache)
        XCTAssertEqual(exported.stdout, try run(["export", "--format", "markdown", "--query", "kabulov", "--corpus", seeds.path, "--no-cache"], cache: cache).stdout)
        XCTAssertEqual(entries(cache), written)

        let article = seeds.appendingPathComponent("articles").appendingPathComponent(
            try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: seeds.appendingPathComponent("articles").path).sorted().first))
        try (try Data(contentsOf: article) + Data("\nThe Taliban said nothing more on zygomorphic matters.\n".utf8)).write(to: article)
        let changed = try run(arguments, cache: cache)
        assertSame(try run(arguments + ["--no-cache"], cache: cache), changed, "after a change")
        XCTAssertNotEqual(changed.stdout, without.stdout, "the new line is found")
        XCTAssertNotEqual(entries(cache)[index], written[index], "the index was built again for the new entry")
        let zygomorphic = try run(["search", "zygomorphic", "--corpus", seeds.path], cache: cache)
        XCTAssertEqual(zygomorphic.status, 0, zygomorphic.stderr)
    }

    func testADamagedIndexIsSaidOnceOnStandardErrorAndBuiltAgain() throws {
        try assertDamageIsSaidOnceAndMended(fileEnding: ".index", ["search", "\"common enemy\"", "Taliban"], saying: "cached search index")
    }

    func testAnIndexTheCacheCannotTakeIsSaidAndTheSearchAnswered() throws {
        let seeds = try CLI.copyOfSeeds(self), cache = try cacheHome()
        // Files older than the clock's tick: the warm open trusts their
        // stamps and writes none (which the directory would refuse too).
        usleep(60_000)
        XCTAssertEqual(try run(["list", "--corpus", seeds.path], cache: cache).status, 0)
        // The entry is there; the directory then takes nothing more.
        try makeReadOnly(cache.appendingPathComponent("chronicle"))
        let arguments = ["search", "kabulov", "--corpus", seeds.path]
        let without = try run(arguments + ["--no-cache"], cache: cache)
        let result = try run(arguments, cache: cache)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, without.stdout)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("cannot write the search index to the cache in \(cache.path)/chronicle"), result.stderr)
        XCTAssertFalse(entries(cache).keys.contains { $0.hasSuffix(".index") })
    }
}
