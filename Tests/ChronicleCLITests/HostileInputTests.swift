import Foundation
import XCTest

/// Bad corpora, built on disk, run through the real binary: each gives a
/// clear error (file, line, column, what, how to fix) and exit 2, or loads
/// and shows its text safely. Never a trap, a stack trace or a signal.
final class HostileInputTests: XCTestCase {
    static let article = "Title line\nThe court removed the group from the list on Thursday.\nA second line says more.\n"
    static let manifest = """
        format: 1
        sources:
          - id: alpha
            file: articles/a.txt
            outlet: Alpha News
            published: 2025-05-02
            body: [2-3]
        actors:
          - id: court
            name: Supreme Court

        """
    static let events = """
        events:
          - id: delisting
            date: 2025-04
            title: The court removes the group from the list
            actors: [court]
            citations:
              - source: alpha
                quote: The court removed the group

        """

    /// Writes a corpus (article bytes, manifest, events) to a fresh directory.
    func corpus(article: [UInt8] = Array(HostileInputTests.article.utf8), manifest: String = HostileInputTests.manifest,
                events: String = HostileInputTests.events) throws -> URL {
        let root = try CLI.temporaryDirectory(self).appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try Data(article).write(to: root.appendingPathComponent("articles/a.txt"))
        try Data(manifest.utf8).write(to: root.appendingPathComponent("manifest.yaml"))
        try Data(events.utf8).write(to: root.appendingPathComponent("events.yaml"))
        return root
    }

    /// Validates a corpus that must be refused: exit 2, every message located.
    func assertRefused(_ root: URL, file: String, line: Int, _ phrases: [String], source: StaticString = #filePath, at: UInt = #line) throws {
        let result = try CLI.run(["validate", "--corpus", root.path])
        XCTAssertEqual(result.status, 2, result.stderr, file: source, line: at)
        let location = "\(root.path)/\(file):\(line):"
        XCTAssertTrue(result.stderr.contains(location), "no `\(location)` in:\n\(result.stderr)", file: source, line: at)
        for phrase in phrases {
            XCTAssertTrue(result.stderr.contains(phrase), "no `\(phrase)` in:\n\(result.stderr)", file: source, line: at)
        }
        XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr, file: source, line: at)
        // The other commands refuse it the same way, without a trace.
        let list = try CLI.run(["list", "--corpus", root.path])
        XCTAssertEqual(list.status, 2, list.stderr, file: source, line: at)
    }

    func testTheBaseCorpusIsValid() throws {
        let result = try CLI.run(["validate", "--corpus", try corpus().path])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testMalformedManifestAndEvents() throws {
        try assertRefused(try corpus(manifest: "format: 1\nsources: [\n  - id: alpha\n"), file: "manifest.yaml", line: 3, ["error"])
        try assertRefused(try corpus(events: "events:\n  - id: delisting\n    date: 2025-04\n   title: bad indent\n"),
                          file: "events.yaml", line: 4, ["error"])
        try assertRefused(try corpus(manifest: Self.manifest.replacingOccurrences(of: "body: [2-3]", with: "body: {a: 1}")),
                          file: "manifest.yaml", line: 7, ["body"])
        try assertRefused(try corpus(manifest: Self.manifest.replacingOccurrences(of: "    outlet: Alpha News\n", with: "")),
                          file: "manifest.yaml", line: 3, ["outlet"])
        try assertRefused(try corpus(manifest: Self.manifest.replacingOccurrences(of: "outlet:", with: "outlt:")),
                          file: "manifest.yaml", line: 5, ["outlt", "outlet"])
        let twice = Self.events + Self.events.replacingOccurrences(of: "events:\n", with: "")
        try assertRefused(try corpus(events: twice), file: "events.yaml", line: 9, ["delisting", "used twice"])
        try assertRefused(try corpus(events: Self.events.replacingOccurrences(of: "source: alpha", with: "source: alpah")),
                          file: "events.yaml", line: 7, ["alpah", "did you mean `alpha`"])
        try assertRefused(try corpus(events: Self.events.replacingOccurrences(of: "[court]", with: "[cort]")),
                          file: "events.yaml", line: 5, ["cort"])
        // A key given twice: YAML would keep the last silently; Chronicle says where.
        try assertRefused(try corpus(events: Self.events.replacingOccurrences(of: "    actors: [court]\n", with: "    actors: [court]\n    title: Another title\n")),
                          file: "events.yaml", line: 6, ["`title` twice"])
        try assertRefused(try corpus(events: Self.events.replacingOccurrences(of: "quote: The court removed the group",
                                                                              with: "quote: The court removed the group\n        claims: {act: removed, act: kept}")),
                          file: "events.yaml", line: 9, ["`act` twice"])
    }

    func testBadQuotes() throws {
        try assertRefused(try corpus(events: Self.events.replacingOccurrences(of: "quote: The court removed the group", with: "quote: \"\"")),
                          file: "events.yaml", line: 8, ["empty"])
        try assertRefused(try corpus(events: Self.events.replacingOccurrences(of: "The court removed the group", with: "The court kept the group")),
                          file: "events.yaml", line: 8, ["not found", "delisting", "alpha"])
        try assertRefused(try corpus(events: Self.events.replacingOccurrences(of: "The court removed the group", with: "the")),
                          file: "events.yaml", line: 8, ["found 2 times", "prefix:"])
    }

    func testBadDates() throws {
        for (date, phrase) in [("2024-13-45", "2024-13-45"), ("2025-02-30", "2025-02-30"), ("2025/2024", "before")] {
            try assertRefused(try corpus(events: Self.events.replacingOccurrences(of: "date: 2025-04", with: "date: \"\(date)\"")),
                              file: "events.yaml", line: 3, [phrase])
        }
    }

    func testMissingEmptyAndDirectoryArticles() throws {
        let missing = try corpus()
        try FileManager.default.removeItem(at: missing.appendingPathComponent("articles/a.txt"))
        try assertRefused(missing, file: "manifest.yaml", line: 4, ["no such file"])
        let result = try CLI.run(["validate", "--corpus", missing.path])
        XCTAssertFalse(result.stderr.contains("unknown source"), "one error for one missing file:\n\(result.stderr)")

        let directory = try corpus()
        try FileManager.default.removeItem(at: directory.appendingPathComponent("articles/a.txt"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("articles/a.txt"), withIntermediateDirectories: false)
        try assertRefused(directory, file: "manifest.yaml", line: 4, ["is a directory"])

        try assertRefused(try corpus(article: []), file: "manifest.yaml", line: 7, ["run past the end", "1 line"])
    }

    func testAnUnreadableArticleIsReportedNotTrapped() throws {
        let root = try corpus()
        let article = root.appendingPathComponent("articles/a.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: article.path)
        // root reads any file: run as nobody, as a user without the permission.
        let asNobody = geteuid() == 0
        let binary = asNobody ? URL(fileURLWithPath: "/usr/bin/setpriv") : CLI.binary
        let prefix = asNobody ? ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path] : []
        var directory = root
        while directory.path != "/" {
            // Every directory on the way must let nobody in.
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            directory.deleteLastPathComponent()
            if directory.path == FileManager.default.temporaryDirectory.path { break }
        }
        let result = try CLI.run(prefix + ["validate", "--corpus", root.path], binary: binary)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(root.path)/manifest.yaml:4:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("permission denied"), result.stderr)
        XCTAssertTrue(result.stderr.contains("chmod a+r"), result.stderr)
    }

    /// Odd but legal article bytes load; offsets stay on the raw bytes.
    func assertLoadsWithQuoteAtRawOffsets(_ bytes: [UInt8], quote: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        // The quote is on line 2, which some of these articles end with (a
        // final line end opens no line 3).
        let root = try corpus(article: bytes, manifest: Self.manifest.replacingOccurrences(of: "body: [2-3]", with: "body: [2-2]"),
                              events: Self.events.replacingOccurrences(of: "The court removed the group", with: quote))
        let validate = try CLI.run(["validate", "--corpus", root.path])
        XCTAssertEqual(validate.status, 0, validate.stderr, file: file, line: line)
        let json = try CLI.run(["list", "--format", "json", "--corpus", root.path])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], file: file, line: line)
        let event = try XCTUnwrap((object["events"] as? [[String: Any]])?.first, file: file, line: line)
        let citation = try XCTUnwrap((event["citations"] as? [[String: Any]])?.first, file: file, line: line)
        let start = try XCTUnwrap(citation["start"] as? Int), end = try XCTUnwrap(citation["end"] as? Int)
        XCTAssertEqual(Array(bytes[start..<end]), Array(quote.utf8), "offsets into the raw file", file: file, line: line)
        return try CLI.run(["show", "delisting", "--corpus", root.path]).stdout
    }

    func testInvalidUTF8NulCRLFLoneCRAndBOM() throws {
        var invalid = Array("Title\nBad ".utf8) + [0xFF, 0xFE] + Array(" bytes, then The court removed the group.\u{0}\n".utf8)
        var shown = try assertLoadsWithQuoteAtRawOffsets(invalid, quote: "The court removed the group")
        XCTAssertTrue(shown.contains("\u{FFFD}"), "invalid UTF-8 is shown as U+FFFD:\n\(shown)")
        XCTAssertTrue(shown.contains("␀"), "a NUL is shown as a placeholder:\n\(shown)")
        XCTAssertFalse(shown.contains("\u{0}"))
        invalid = Array("Title\r\nThe court removed the group.\r\nMore.\r\n".utf8)
        shown = try assertLoadsWithQuoteAtRawOffsets(invalid, quote: "The court removed the group")
        XCTAssertTrue(shown.contains("line 2"), shown)
        XCTAssertFalse(shown.contains("\r"))
        shown = try assertLoadsWithQuoteAtRawOffsets(Array("Title\rThe court removed the group.\rMore.\r".utf8), quote: "The court removed the group")
        XCTAssertTrue(shown.contains("line 2"), "a lone CR ends a line:\n\(shown)")
        shown = try assertLoadsWithQuoteAtRawOffsets([0xEF, 0xBB, 0xBF] + Array("Title\nThe court removed the group.\n".utf8), quote: "The court removed the group")
        XCTAssertTrue(shown.contains("line 2"), shown)
    }

    func testAHundredThousandCharacterLineAndAFiftyMegabyteArticle() throws {
        let long = "Title\n" + String(repeating: "word ", count: 20_000) + "The court removed the group at the end.\n"
        _ = try assertLoadsWithQuoteAtRawOffsets(Array(long.utf8), quote: "The court removed the group")

        var big = Array("Title\nThe court removed the group first.\n".utf8)
        let filler = Array((String(repeating: "Türkiye “quoted” – dash paylaşın ", count: 30) + "\n").utf8)
        while big.count < 50_000_000 { big += filler }
        let lines = big.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count - 1
        let root = try corpus(article: big, manifest: Self.manifest.replacingOccurrences(of: "body: [2-3]", with: "body: [2-\(lines)]"))
        let result = try CLI.run(["validate", "--corpus", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("1 quote anchored"), result.stdout)
    }

    func testControlSequencesInCorpusTextNeverReachTheOutput() throws {
        let root = HostileCorpus.root
        let exports = ["markdown", "html", "timelinejs", "csv", "annotations"].map { ["export", "--format", $0] }
        for arguments in [["list"], ["show", "hostile"], ["search", "court"], ["list", "--format", "json"]] + exports {
            let result = try CLI.run(arguments + ["--corpus", root.path])
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            if arguments.last == "json" {
                // JSON escapes controls itself ("\u001b"), so no raw ESC leaves either.
                XCTAssertFalse(result.stdout.contains("\u{1B}"), "\(arguments)")
                continue
            }
            // CSV's records end in CRLF, as RFC 4180 has them: no other CR.
            let text = arguments.last == "csv" ? result.stdout.replacingOccurrences(of: "\r\n", with: "\n") : result.stdout
            for forbidden in HostileCorpus.forbidden {
                XCTAssertFalse(text.unicodeScalars.contains(forbidden), "\(arguments) let U+\(String(forbidden.value, radix: 16)) through:\n\(result.stdout)")
            }
            XCTAssertTrue(result.stdout.contains("␛"), "ESC is shown as a placeholder in \(arguments):\n\(result.stdout)")
        }
    }
}

/// Tests/Fixtures/hostile-corpus: article and event text carrying terminal
/// control sequences. The tmux tests run the browser on it too.
enum HostileCorpus {
    static let root = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/hostile-corpus")

    /// Scalars that must never be written to a terminal.
    static let forbidden: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\u{08}", "\r", "\u{9B}", "\u{85}", "\u{202E}"]
}
