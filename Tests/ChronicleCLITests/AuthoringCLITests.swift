import ChronicleModel
import Foundation
import XCTest

/// `chronicle init` and `chronicle add` as a user runs them, and saving
/// that survives being killed, a full disk and a read-only directory.
final class AuthoringCLITests: XCTestCase {
    static let articles = CLI.packageRoot.appendingPathComponent("seeds/articles")

    func article(_ name: String) -> String { Self.articles.appendingPathComponent(name).path }

    func testInitMakesACorpusThatValidatesAndRefusesADirectoryInUse() throws {
        let root = try CLI.temporaryDirectory(self)
        let corpus = root.appendingPathComponent("mine").path
        let made = try CLI.run(["init", corpus, "--title", "My story"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(try CLI.run(["validate", "--corpus", corpus]).status, 0)
        // Again: it holds a corpus now.
        let again = try CLI.run(["init", corpus])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already holds a corpus"), again.stderr)
        // A directory with other files in it.
        let other = root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: other.appendingPathComponent("notes.txt"))
        let busy = try CLI.run(["init", other.path])
        XCTAssertEqual(busy.status, 2)
        XCTAssertTrue(busy.stderr.contains("is not empty") && busy.stderr.contains("notes.txt"), busy.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: other.path), ["notes.txt"], "nothing written there")
    }

    func testAddCopiesBytesProposesWhatItCanAndIsIdempotent() throws {
        let corpus = try CLI.temporaryDirectory(self).appendingPathComponent("mine").path
        XCTAssertEqual(try CLI.run(["init", corpus]).status, 0)
        let added = try CLI.run(["add", article("002_49e56f66ff81d9e7.txt"), "--corpus", corpus])
        XCTAssertEqual(added.status, 0, added.stderr)
        for line in ["published: 2025-05-02  (printed on line 7, \"02.05.2025\")", "title: Russia says will assist Taliban in fight against terrorism",
                     "outlet: Anadolu Agency", "byline: Burç Eruygur", "body: lines 12-34", "furniture: lines 36-38"] {
            XCTAssertTrue(added.stdout.contains(line), "\(line) in:\n\(added.stdout)")
        }
        // Byte for byte, and pinned.
        let copied = try Data(contentsOf: URL(fileURLWithPath: corpus).appendingPathComponent("articles/002_49e56f66ff81d9e7.txt"))
        XCTAssertEqual(copied, try Data(contentsOf: URL(fileURLWithPath: article("002_49e56f66ff81d9e7.txt"))))
        let manifest = try String(contentsOf: URL(fileURLWithPath: corpus).appendingPathComponent("manifest.yaml"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("sha256: \(SHA256.hex(Array(copied)))"), manifest)
        XCTAssertTrue(manifest.contains("# proposed by chronicle add"), "what was guessed is marked")
        XCTAssertEqual(try CLI.run(["validate", "--corpus", corpus, "--strict"]).status, 0)
        // The same file twice: nothing to do.
        let twice = try CLI.run(["add", article("002_49e56f66ff81d9e7.txt"), "--corpus", corpus])
        XCTAssertEqual(twice.status, 0)
        XCTAssertTrue(twice.stdout.contains("already in the corpus"), twice.stdout)
        XCTAssertEqual(try String(contentsOf: URL(fileURLWithPath: corpus).appendingPathComponent("manifest.yaml"), encoding: .utf8), manifest)
        // Another file under the same name, and a taken id, are refused.
        let elsewhere = try CLI.temporaryDirectory(self).appendingPathComponent("002_49e56f66ff81d9e7.txt")
        try Data("Other text\nMay 3, 2025\nA sentence long enough to be the body of an article here.\n".utf8).write(to: elsewhere)
        let clash = try CLI.run(["add", elsewhere.path, "--corpus", corpus, "--outlet", "Other"])
        XCTAssertEqual(clash.status, 2)
        XCTAssertTrue(clash.stderr.contains("already in the corpus with other bytes"), clash.stderr)
        let renamed = elsewhere.deletingLastPathComponent().appendingPathComponent("other.txt")
        try FileManager.default.moveItem(at: elsewhere, to: renamed)
        let taken = try CLI.run(["add", renamed.path, "--corpus", corpus, "--outlet", "Other", "--id", "anadolu-agency-2025-05-02"])
        XCTAssertEqual(taken.status, 2)
        XCTAssertTrue(taken.stderr.contains("is taken"), taken.stderr)
        XCTAssertEqual(try String(contentsOf: URL(fileURLWithPath: corpus).appendingPathComponent("manifest.yaml"), encoding: .utf8), manifest)
        // An article that prints no date needs one given.
        let undated = try CLI.run(["add", article("004_e4a18ec38eaa729b.txt"), "--corpus", corpus])
        XCTAssertEqual(undated.status, 2)
        XCTAssertTrue(undated.stderr.contains("--published"), undated.stderr)
        let dated = try CLI.run(["add", article("004_e4a18ec38eaa729b.txt"), "--corpus", corpus, "--published", "2024-10-04"])
        XCTAssertEqual(dated.status, 0, dated.stderr)
        XCTAssertTrue(dated.stdout.contains("outlet: Defence Talks"), dated.stdout)
    }

    func testAFullDiskWritesNothingAndSaysSo() throws {
        let corpus = try CLI.temporaryDirectory(self).appendingPathComponent("mine").path
        XCTAssertEqual(try CLI.run(["init", corpus]).status, 0)
        let manifest = try Data(contentsOf: URL(fileURLWithPath: corpus).appendingPathComponent("manifest.yaml"))
        // A file size limit of 2 kB stands in for a full disk: the article (larger) cannot be written.
        let line = "ulimit -f 4; '\(CLI.binary.path)' add '\(article("001_27b5e4c8cd52331d.txt"))' --corpus '\(corpus)'"
        let result = try CLI.run(["-c", line], binary: URL(fileURLWithPath: "/bin/sh"))
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("could not be written") && result.stderr.contains("larger than this system allows"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: corpus).appendingPathComponent("manifest.yaml")), manifest)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: corpus + "/articles"), [], "no article, no temporary file left")
    }

    func testAReadOnlyCorpusIsRefusedWithWhy() throws {
        let corpus = try CLI.copyOfSeeds(self)
        // As root every directory is writable: the check runs as `nobody` then.
        let asRoot = getuid() == 0
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: corpus.path)
        addTeardownBlock { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: corpus.path) }
        var command = ["'\(CLI.binary.path)' add '\(article("000_f8b73fe3254a15ca.txt"))' --corpus '\(corpus.path)'"]
        if asRoot {
            // nobody must reach the binary and the corpus.
            for path in [CLI.binary.path, corpus.path] where !Self.reachable(path) { throw XCTSkip("\(path) is not readable by nobody") }
            command = ["runuser", "-u", "nobody", "--", "sh", "-c", command[0]]
        } else {
            command = ["sh", "-c", command[0]]
        }
        let result = try CLI.run(Array(command.dropFirst()), binary: URL(fileURLWithPath: asRoot ? "/usr/sbin/runuser" : "/bin/sh"))
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("is read-only"), result.stderr)
    }

    /// Whether every directory up to `path` can be entered by others.
    static func reachable(_ path: String) -> Bool {
        var url = URL(fileURLWithPath: path)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let mode = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int) ?? 0
            if mode & 0o001 == 0 { return false }
        }
        return true
    }

    func testSavesKilledAtRandomMomentsLeaveAWholeFile() throws {
        let corpus = try CLI.copyOfSeeds(self)
        let events = corpus.appendingPathComponent("events.yaml")
        let original = try Data(contentsOf: events)
        var generator = SystemRandomNumberGenerator()
        var kills = 0, killedMidSave = 0
        for _ in 0..<40 {
            let before = try Data(contentsOf: events)
            var pid: pid_t = 0
            let words: [String] = [CLI.binary.path, "bench", "save-loop", "--corpus", corpus.path]
            let argv = words.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            XCTAssertEqual(posix_spawn(&pid, CLI.binary.path, nil, nil, argv, environ), 0)
            usleep(UInt32.random(in: 20_000...120_000, using: &generator))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            kills += status & 0x7f == SIGKILL ? 1 : 0
            let after = try Data(contentsOf: events)
            if after != before { killedMidSave += 1 }
            // Whole: one of the two versions the loop writes, and a corpus that validates.
            let text = String(decoding: after, as: UTF8.self)
            let saved = String(decoding: original, as: UTF8.self).replacingOccurrences(
                of: "title: Soviet invasion of Afghanistan\n", with: "title: Soviet invasion of Afghanistan (saved)\n")
            let differing = zip(text.split(separator: "\n"), saved.split(separator: "\n")).first { $0 != $1 }
            XCTAssertTrue(after == original || text == saved, "first line that differs: \(String(describing: differing))")
            let loaded = CorpusLoader.load(directory: corpus.path)
            XCTAssertEqual(loaded.diagnostics.errors, [])
        }
        XCTAssertGreaterThanOrEqual(kills, 35, "the loop was running when killed")
        print("save stress: \(kills) kills survived, \(killedMidSave) after at least one save; events.yaml whole every time")
        // A kill midway may leave a temporary file; the next editor removes it.
        XCTAssertEqual(try CLI.run(["bench", "save-loop", "--corpus", corpus.path, "--count", "1"]).status, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.contains(".chronicle-") }
        XCTAssertEqual(leftovers, [])
    }
}
