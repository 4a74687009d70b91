import ChronicleModel
import Foundation
import XCTest

/// `chronicle export` run as a user runs it: the formats on standard
/// output, the browser's filters, --out's refusals, the exit codes.
final class ExportCommandTests: XCTestCase {
    static let seeds: Corpus = CorpusLoader.load(from: DirectoryCorpusFiles(root: CLI.packageRoot.appendingPathComponent("seeds"))).corpus

    /// The ids of the events an export holds, in order (TimelineJS's unique_id).
    func exportedIDs(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let result = try CLI.run(["export", "--format", "timelinejs"] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (object?["events"] as? [[String: Any]] ?? []).compactMap { $0["unique_id"] as? String }
    }

    func testEachFormatGoesToStandardOutputWhenNoFileIsNamed() throws {
        for format in ExportFormat.allCases {
            let result = try CLI.run(["export", "--format", format.rawValue])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr, "", format.rawValue)
            XCTAssertEqual(result.stdout, try format.render(Self.seeds, events: Self.seeds.events), format.rawValue)
        }
    }

    func testTheBrowsersFiltersChooseTheEvents() throws {
        let corpus = Self.seeds
        func ids(_ filter: EventFilter) -> [String] { corpus.events(matching: filter).map(\.id) }
        let cases: [([String], [String])] = [
            (["--actor", "Kremlin"], ids(EventFilter(actor: "Kremlin"))),
            (["--source", "aa-2025-05-02"], ids(EventFilter(source: "aa-2025-05-02"))),
            (["--tag", "LAW"], ids(EventFilter(tag: "law"))),
            (["--within", "2024"], ids(EventFilter(within: try PartialDate(parsing: "2024")))),
            (["--spine"], ids(EventFilter(spineOnly: true))),
            (["--spine", "--tag", "terrorism", "--within", "2024/2025"],
             ids(EventFilter(within: try PartialDate(parsing: "2024/2025"), tag: "terrorism", spineOnly: true))),
            (["--query", "Daesh"], SearchIndex(corpus).search(SearchQuery("Daesh")).matchingEvents.map { corpus.events[$0].id }),
            (["--query", "Kabul", "--source", "trt-global-2025-05-02"],
             SearchIndex(corpus).search(SearchQuery("Kabul"), filter: EventFilter(source: "trt-global-2025-05-02")).matchingEvents
                .map { corpus.events[$0].id }),
        ]
        var seen: Set<[String]> = []
        for (arguments, expected) in cases {
            XCTAssertFalse(expected.isEmpty, "\(arguments) keeps some events")
            XCTAssertLessThan(expected.count, corpus.events.count, "\(arguments) leaves some out")
            XCTAssertEqual(try exportedIDs(arguments), expected, "\(arguments)")
            seen.insert(expected)
        }
        XCTAssertEqual(seen.count, cases.count, "each case keeps different events, so an option ignored shows")
        XCTAssertTrue(try exportedIDs(["--spine"]).allSatisfy { corpus.event($0)?.spine == true })
        XCTAssertTrue(try exportedIDs(["--actor", "Kremlin"]).contains("putin-calls-taliban-allies"), "an actor's members count")
    }

    func testNothingMatchedExitsOneAndWritesNothing() throws {
        let directory = try CLI.temporaryDirectory(self)
        let out = directory.appendingPathComponent("none.md").path
        for arguments in [["--query", "zzzzqqq"], ["--tag", "no-such-tag"], ["--within", "1900"], ["--spine", "--tag", "history"]] {
            let result = try CLI.run(["export", "--format", "markdown", "--out", out] + arguments)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("nothing written"), result.stderr)
            XCTAssertEqual(result.stdout, "")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(arguments)")
        }
        for (arguments, phrase) in [(["--actor", "nobody"], "no actor named `nobody`"), (["--source", "nope"], "no source with id `nope`")] {
            let result = try CLI.run(["export", "--format", "csv"] + arguments)
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains(phrase), result.stderr)
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testBadUsageExitsTwoAndSaysWhy() throws {
        let cases: [([String], String)] = [
            (["export"], "--format"),
            (["export", "--format", "pdf"], "pdf"),
            (["export", "--format", "csv", "--within", "May 2024"], "not an EDTF date"),
            (["export", "--format", "csv", "--query", "!!"], "no words to search for"),
            (["export", "--format", "csv", "--force"], "give --out FILE too"),
            (["export", "--format", "csv", "--out", ""], "--out needs a file name"),
        ]
        for (arguments, phrase) in cases {
            let result = try CLI.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(phrase), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
        }
        let broken = try CLI.copyOfSeeds(self)
        try Data("events: [\n".utf8).write(to: broken.appendingPathComponent("events.yaml"))
        let refused = try CLI.run(["export", "--format", "html", "--corpus", broken.path])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("events.yaml:"), refused.stderr)
        XCTAssertEqual(refused.stdout, "", "a corpus with errors is never exported as if it were sourced")
    }

    func testOutWritesTheFileAndNeverReplacesOneUnlessForced() throws {
        let directory = try CLI.temporaryDirectory(self)
        let out = directory.appendingPathComponent("chronology.html").path
        let first = try CLI.run(["export", "--format", "html", "--out", out])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "")
        XCTAssertTrue(first.stderr.contains("wrote \(Self.seeds.events.count) events"), first.stderr)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(written, try ExportFormat.html.render(Self.seeds, events: Self.seeds.events))

        try Data("my own notes".utf8).write(to: URL(fileURLWithPath: out))
        let again = try CLI.run(["export", "--format", "html", "--out", out])
        XCTAssertEqual(again.status, 2, again.stderr)
        XCTAssertTrue(again.stderr.contains("exists; pass --force to replace it"), again.stderr)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "my own notes", "nothing the user has is overwritten")

        let forced = try CLI.run(["export", "--format", "markdown", "--spine", "--out", out, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("# Russia and the Taliban"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["chronology.html"],
                       "no temporary file is left behind")
    }

    func testOutRefusesASymbolicLinkADirectoryAndADirectoryThatIsNotThere() throws {
        let directory = try CLI.temporaryDirectory(self)
        let target = directory.appendingPathComponent("target.txt"), link = directory.appendingPathComponent("link.html")
        try Data("keep".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        for force in [[], ["--force"]] {
            let result = try CLI.run(["export", "--format", "html", "--out", link.path] + force)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("is a symbolic link"), result.stderr)
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "keep")
        let missing = try CLI.run(["export", "--format", "csv", "--out", directory.appendingPathComponent("no/such/dir.csv").path])
        XCTAssertEqual(missing.status, 2, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("there is no directory \(directory.path)/no/such to write in"), missing.stderr)
        let folder = try CLI.run(["export", "--format", "csv", "--out", directory.path, "--force"])
        XCTAssertEqual(folder.status, 2, folder.stderr)
        XCTAssertTrue(folder.stderr.contains("is not a file"), folder.stderr)
    }
}
