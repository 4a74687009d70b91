import Foundation
import XCTest

/// A corpus from a stranger, through the real binary: it cannot make
/// Chronicle read outside its folder, wait forever or read a huge file
/// whole, nor write outside it. Each refusal exits 2 with its file and
/// line. Every run is killed after `hangs` seconds, so what would hang
/// fails instead (the issue asks for a second; a bound that loose on a
/// shared machine still tells a hang, or 30 s of reading, from a refusal).
final class ContainmentCLITests: XCTestCase {
    static let hangs: TimeInterval = 10
    static let secret = "hunter2-secret-passphrase"

    /// The base corpus of HostileInputTests (one article, `articles/a.txt`,
    /// named at manifest.yaml:4), and beside it a folder `outside/` with a
    /// file of the same text plus a secret.
    func corpus() throws -> (root: URL, outside: URL) {
        let base = try CLI.temporaryDirectory(self)
        let root = base.appendingPathComponent("corpus"), outside = base.appendingPathComponent("outside")
        for directory in [root.appendingPathComponent("articles"), outside] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        try Data(HostileInputTests.article.utf8).write(to: root.appendingPathComponent("articles/a.txt"))
        try Data(HostileInputTests.manifest.utf8).write(to: root.appendingPathComponent("manifest.yaml"))
        try Data(HostileInputTests.events.utf8).write(to: root.appendingPathComponent("events.yaml"))
        // The secret in the body (line 3), where a search would find it.
        try Data(HostileInputTests.article.replacingOccurrences(of: "says more.", with: "says more: root:\(Self.secret):0:0").utf8)
            .write(to: outside.appendingPathComponent("a.txt"))
        return (root, outside)
    }

    func run(_ arguments: [String]) throws -> CLIResult {
        let result = try CLI.run(arguments, timeout: Self.hangs)
        XCTAssertFalse(result.timedOut, "\(arguments) was still running after \(Self.hangs) s")
        return result
    }

    /// validate, list, search and export each refuse the corpus: exit 2,
    /// the message at `file:line`, holding `phrases`; the secret never printed.
    func assertRefused(_ root: URL, at location: String, _ phrases: [String], options: [String] = [],
                       file: StaticString = #filePath, line: UInt = #line) throws {
        for command in [["validate"], ["list"], ["search", "passphrase"], ["export", "--format", "html"]] {
            let result = try run(command + ["--corpus", root.path] + options)
            XCTAssertEqual(result.status, 2, "\(command): \(result.stderr)", file: file, line: line)
            XCTAssertTrue(result.stderr.contains("\(root.path)/\(location): error: "), "\(command): no \(location) in:\n\(result.stderr)", file: file, line: line)
            for phrase in phrases {
                XCTAssertTrue(result.stderr.contains(phrase), "\(command): no `\(phrase)` in:\n\(result.stderr)", file: file, line: line)
            }
            XCTAssertFalse((result.stdout + result.stderr).contains("hunter2"), "\(command) printed the file outside", file: file, line: line)
        }
    }

    func testAnArticleLinkedOutOfTheCorpusIsRefusedAndOneLinkedInsideLoads() throws {
        let (root, outside) = try corpus()
        let article = root.appendingPathComponent("articles/a.txt")
        try FileManager.default.removeItem(at: article)
        try FileManager.default.createSymbolicLink(atPath: article.path, withDestinationPath: "../../outside/a.txt")
        try assertRefused(root, at: "manifest.yaml:4:11", ["source `alpha`", "is a symbolic link to \(outside.path)/a.txt, outside the corpus directory",
                                                            "fix: Chronicle reads and writes only inside the corpus directory"])
        // The same link to a copy inside the corpus is fine.
        try FileManager.default.removeItem(at: article)
        try Data(HostileInputTests.article.utf8).write(to: root.appendingPathComponent("kept.txt"))
        try FileManager.default.createSymbolicLink(atPath: article.path, withDestinationPath: "../kept.txt")
        let validate = try run(["validate", "--corpus", root.path])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        let search = try run(["search", "second line", "--corpus", root.path])
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertTrue(search.stdout.contains("alpha:3"), search.stdout)
    }

    func testADirectoryLinkedOutOfTheCorpusIsRefused() throws {
        let (root, outside) = try corpus()
        try FileManager.default.removeItem(at: root.appendingPathComponent("articles"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("articles").path, withDestinationPath: outside.path)
        try assertRefused(root, at: "manifest.yaml:4:11", ["is reached through \(root.path)/articles, a symbolic link to \(outside.path), outside the corpus directory"])
    }

    func testTheManifestAndAnEventsFileLinkedOutAreRefused() throws {
        let (root, outside) = try corpus()
        let manifest = root.appendingPathComponent("manifest.yaml")
        try FileManager.default.moveItem(at: manifest, to: outside.appendingPathComponent("manifest.yaml"))
        try FileManager.default.createSymbolicLink(atPath: manifest.path, withDestinationPath: outside.appendingPathComponent("manifest.yaml").path)
        // A file not read has no line to give: the manifest is named alone.
        let refused = try run(["validate", "--corpus", root.path])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("\(root.path)/manifest.yaml: error: cannot load the corpus: the manifest is a symbolic link to \(outside.path)/manifest.yaml, outside the corpus directory"), refused.stderr)

        // An events file listed in the manifest: at its line.
        try FileManager.default.removeItem(at: manifest)
        try Data((HostileInputTests.manifest + "events: [events.yaml]\n").utf8).write(to: manifest)
        let events = root.appendingPathComponent("events.yaml")
        try FileManager.default.moveItem(at: events, to: outside.appendingPathComponent("events.yaml"))
        try FileManager.default.createSymbolicLink(atPath: events.path, withDestinationPath: outside.appendingPathComponent("events.yaml").path)
        try assertRefused(root, at: "manifest.yaml:11:10", ["cannot read the events file \(root.path)/events.yaml: is a symbolic link to \(outside.path)/events.yaml"])
    }

    /// A pipe with no writer: opened for reading, it would wait forever.
    func testANamedPipeIsRefusedAtOnce() throws {
        let (root, _) = try corpus()
        let article = root.appendingPathComponent("articles/a.txt").path
        try FileManager.default.removeItem(atPath: article)
        XCTAssertEqual(mkfifo(article, 0o600), 0)
        try assertRefused(root, at: "manifest.yaml:4:11", ["the article file \(article) is a named pipe, not a file"])
    }

    /// A sparse file of 4 GB costs nothing to make; read, it took 30 s and 4 GB.
    func testAnArticleOverTheLimitIsRefusedUnreadAndTheLimitIsAnOption() throws {
        let (root, _) = try corpus()
        let article = root.appendingPathComponent("articles/a.txt").path
        XCTAssertEqual(truncate(article, 4 << 30), 0)
        try assertRefused(root, at: "manifest.yaml:4:11", ["is 4294967296 bytes (4.0 GB), over the limit of 268435456 bytes (256 MB)",
                                                            "--max-article-size"])
        // The option sets the limit, in bytes or with a unit, for every command.
        // An article of 2,000 bytes, larger than the YAML files.
        var text = HostileInputTests.article + "Filler"
        text += String(repeating: ".", count: 1999 - text.utf8.count) + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: article))
        try assertRefused(root, at: "manifest.yaml:4:11", ["is 2000 bytes (2.0 KB), over the limit of 1999 bytes (2.0 KB)"], options: ["--max-article-size", "1999"])
        try assertRefused(root, at: "manifest.yaml:4:11", ["over the limit of 1024 bytes (1.0 KB)"], options: ["--max-article-size", "1K"])
        for limit in ["2000", "2K", "1m", "2GiB"] {
            let loaded = try run(["validate", "--corpus", root.path, "--max-article-size", limit])
            XCTAssertEqual(loaded.status, 0, "\(limit): \(loaded.stderr)")
        }
        let bad = try run(["list", "--corpus", root.path, "--max-article-size", "lots"])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("--max-article-size"), bad.stderr)
        let help = try run(["list", "--help"])
        XCTAssertTrue(help.stdout.contains("--max-article-size <size>") && help.stdout.contains("default: 256M"), help.stdout)
    }

    /// Names are data: an id or a file name with `../`, a NUL, a newline or
    /// a control character is refused where it is written.
    func testHostileNamesAreRefusedWhereTheyAreWritten() throws {
        let manifest = HostileInputTests.manifest
        let cases: [(String, String, String)] = [
            (manifest.replacingOccurrences(of: "id: alpha", with: "id: ../../etc/passwd"), "manifest.yaml:3:9", "the source id `../../etc/passwd` is not a readable slug"),
            (manifest.replacingOccurrences(of: "id: alpha", with: "id: \"al\\npha\""), "manifest.yaml:3:9", "is not a readable slug"),
            (manifest.replacingOccurrences(of: "id: alpha", with: "id: \"al\\0pha\""), "manifest.yaml:3:9", "is not a readable slug"),
            (manifest.replacingOccurrences(of: "id: court", with: "id: \"c\\eourt/..\""), "manifest.yaml:9:9", "the actor id"),
            (manifest.replacingOccurrences(of: "file: articles/a.txt", with: "file: \"articles/a.txt\\0.png\""), "manifest.yaml:4:11",
             "has a control character (U+0000) in its name"),
            (manifest.replacingOccurrences(of: "file: articles/a.txt", with: "file: \"articles/a\\n.txt\""), "manifest.yaml:4:11",
             "has a control character (U+000A) in its name"),
            (manifest.replacingOccurrences(of: "file: articles/a.txt", with: "file: articles/../../outside/a.txt"), "manifest.yaml:4:11",
             "the path leaves the corpus directory"),
        ]
        for (text, location, phrase) in cases {
            let (root, _) = try corpus()
            try Data(text.utf8).write(to: root.appendingPathComponent("manifest.yaml"))
            let result = try run(["validate", "--corpus", root.path])
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("\(root.path)/\(location): error: ") && result.stderr.contains(phrase), "\(location) \(phrase) in:\n\(result.stderr)")
            XCTAssertFalse(result.stderr.contains("\u{0}") || result.stderr.contains("\u{1B}"), "no raw control reaches the terminal")
        }
        // Outlets and titles are text, never a file name: an export of them
        // writes the one file named, and nothing else.
        let (root, _) = try corpus()
        try Data(manifest.replacingOccurrences(of: "outlet: Alpha News", with: "outlet: \"../../x\\n\\e[2J\"\n    title: \"../../../tmp/t\"").utf8)
            .write(to: root.appendingPathComponent("manifest.yaml"))
        let out = try CLI.temporaryDirectory(self)
        let export = try run(["export", "--format", "html", "--corpus", root.path, "--out", out.appendingPathComponent("page.html").path])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["page.html"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["articles", "events.yaml", "manifest.yaml"])
    }

    /// `add` copies into articles/: never through a link out of the corpus.
    func testAddNeverCopiesThroughALinkOutOfTheCorpus() throws {
        let base = try CLI.temporaryDirectory(self)
        let corpus = base.appendingPathComponent("mine"), outside = base.appendingPathComponent("outside")
        XCTAssertEqual(try run(["init", corpus.path]).status, 0)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("articles"))
        try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("articles").path, withDestinationPath: outside.path)
        let manifest = try Data(contentsOf: corpus.appendingPathComponent("manifest.yaml"))
        let article = AuthoringCLITests.articles.appendingPathComponent("002_49e56f66ff81d9e7.txt").path
        let refused = try run(["add", article, "--corpus", corpus.path])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("is reached through \(corpus.path)/articles, a symbolic link to \(outside.path), outside the corpus directory; nothing was written"),
                      refused.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [], "nothing copied outside")
        XCTAssertEqual(try Data(contentsOf: corpus.appendingPathComponent("manifest.yaml")), manifest)

        // articles/ linked to a folder inside: the copy goes there.
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("articles"))
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("store"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("articles").path, withDestinationPath: "store")
        let added = try run(["add", article, "--corpus", corpus.path])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("store").path), ["002_49e56f66ff81d9e7.txt"])
        XCTAssertEqual(try run(["validate", "--corpus", corpus.path]).status, 0)

        // A pipe given to add is refused, not waited on.
        let pipe = base.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        let piped = try run(["add", pipe, "--corpus", corpus.path])
        XCTAssertEqual(piped.status, 2, piped.stderr)
        XCTAssertTrue(piped.stderr.contains("pipe.txt: cannot be read (it is a named pipe, not a file)"), piped.stderr)
    }

    /// `export --out` writes only the file named: never through a link,
    /// dangling or not, nor into a pipe, nor over a file without --force.
    func testExportOutNeverFollowsALinkNorOverwrites() throws {
        let directory = try CLI.temporaryDirectory(self), elsewhere = try CLI.temporaryDirectory(self)
        let dangling = directory.appendingPathComponent("page.html")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: elsewhere.appendingPathComponent("made.html").path)
        for force in [[], ["--force"]] {
            let result = try run(["export", "--format", "html", "--out", dangling.path] + force)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("is a symbolic link"), result.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [], "nothing made where the link points")
        let pipe = directory.appendingPathComponent("pipe.html").path
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        let piped = try run(["export", "--format", "html", "--out", pipe, "--force"])
        XCTAssertEqual(piped.status, 2, piped.stderr)
        XCTAssertTrue(piped.stderr.contains("is not a file"), piped.stderr)
        let mine = directory.appendingPathComponent("mine.html")
        try Data("mine".utf8).write(to: mine)
        XCTAssertEqual(try run(["export", "--format", "html", "--out", mine.path]).status, 2)
        XCTAssertEqual(try String(contentsOf: mine, encoding: .utf8), "mine")
    }
}
