import Foundation
import XCTest

/// chronicle config, list --starred, browse's places, and the manual page.
final class HabitsCLITests: XCTestCase {
    /// An environment whose user files are in a directory of the test's own.
    func home() throws -> (URL, [String: String]) {
        let home = try CLI.temporaryDirectory(self)
        return (home, ["HOME": home.path, "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "", "XDG_STATE_HOME": ""])
    }

    func testConfigPrintsTheDefaultsChecksAFileAndSaysWhereItIs() throws {
        let (home, environment) = try home()
        let path = try CLI.run(["config", "--path"], environment: environment)
        XCTAssertEqual(path.stdout, home.path + "/.config/chronicle/config.yaml\n")
        let none = try CLI.run(["config"], environment: environment)
        XCTAssertEqual(none.status, 0)
        XCTAssertTrue(none.stdout.contains("no file, so every setting is at its default"), none.stdout)

        let defaults = try CLI.run(["config", "--defaults"], environment: environment)
        XCTAssertEqual(defaults.status, 0)
        XCTAssertTrue(defaults.stdout.contains("theme: dark\n") && defaults.stdout.contains("    quit: [\"Q\"]  # Quit Chronicle\n"), defaults.stdout)
        let file = home.appendingPathComponent(".config/chronicle/config.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(defaults.stdout.utf8).write(to: file)
        let clean = try CLI.run(["config"], environment: environment)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(clean.stdout, file.path + ": no problems\n")

        try Data("theme: dark\nkeys:\n  timeline:\n    quit-now: [Q]\n".utf8).write(to: file)
        let broken = try CLI.run(["config", "--check", file.path], environment: environment)
        XCTAssertEqual(broken.status, 2)
        XCTAssertEqual(broken.stderr, """
            \(file.path):4: unknown action “quit-now”; chronicle config --defaults lists every action of every screen
            chronicle: \(file.path): 1 problem; Chronicle starts with the defaults for those settings

            """)
        let missing = try CLI.run(["config", "--check", home.path + "/nope.yaml"], environment: environment)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.yaml: no such file"), missing.stderr)
    }

    func testListStarredShowsTheReadersStarsAndNotes() throws {
        let (home, environment) = try home()
        let none = try CLI.run(["list", "--starred"], environment: environment)
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("no starred events in <built-in default corpus>: * in the browser stars the event selected"), none.stderr)
        let reader = home.appendingPathComponent(".local/share/chronicle/corpora/built-in/reader.json")
        try FileManager.default.createDirectory(at: reader.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"starred": ["soviet-invasion-of-afghanistan", "gone-event"], "notes": {"soviet-invasion-of-afghanistan": "two dates \u001b[31m"}}"#.utf8).write(to: reader)
        let starred = try CLI.run(["list", "--starred"], environment: environment)
        XCTAssertEqual(starred.status, 0, starred.stderr)
        XCTAssertEqual(starred.stdout, "1979    Soviet invasion of Afghanistan  (2 sources)\n    note: two dates ␛[31m\n")
        XCTAssertEqual(starred.stderr, "chronicle: 1 starred event no longer in the corpus: gone-event\n")
        let json = try CLI.run(["list", "--starred", "--format", "json"], environment: environment)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: [[String: String]]]
        XCTAssertEqual(decoded?["starred"]?.first?["id"], "soviet-invasion-of-afghanistan")
        XCTAssertEqual(decoded?["starred"]?.first?["note"], "two dates \u{1b}[31m")
        XCTAssertFalse(json.stdout.contains("\u{1b}"), "JSON escapes the control")
        // A corpus of one's own has stars of its own.
        let corpus = try CLI.copyOfSeeds(self)
        XCTAssertEqual(try CLI.run(["list", "--starred", "--corpus", corpus.path], environment: environment).status, 1)
    }

    func testBrowseRefusesAPlaceTheCorpusLacks() throws {
        let (_, environment) = try home()
        let event = try CLI.run(["browse", "--event", "soviet-invasion-of-afganistan"], environment: environment)
        XCTAssertEqual(event.status, 2)
        XCTAssertTrue(event.stderr.contains("no event soviet-invasion-of-afganistan in the corpus (did you mean soviet-invasion-of-afghanistan?)"), event.stderr)
        let line = try CLI.run(["browse", "--line", "4"], environment: environment)
        XCTAssertEqual(line.status, 2)
        XCTAssertTrue(line.stderr.contains("--line needs --source"), line.stderr)
        let source = try CLI.run(["browse", "--source", "tmt-2025-05-02", "--line", "4000"], environment: environment)
        XCTAssertEqual(source.status, 2)
        XCTAssertTrue(source.stderr.contains("tmt-2025-05-02 has 31 lines, so there is no line 4000"), source.stderr)
        // A place that exists, not on a terminal: the list, as without one.
        let fine = try CLI.run(["browse", "--event", "soviet-invasion-of-afghanistan"], environment: environment)
        XCTAssertEqual(fine.status, 0, fine.stderr)
        XCTAssertTrue(fine.stdout.contains("Soviet invasion of Afghanistan"))
    }

    /// The manual page is generated from the commands (scripts/manual.sh;
    /// CI regenerates it and compares). Here: every command and option the
    /// binary declares is on the page.
    func testTheManualPageNamesEveryCommandAndOption() throws {
        let page = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/man/chronicle.1"), encoding: .utf8)
        let dump = try CLI.run(["--experimental-dump-help"])
        let tool = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let root = try XCTUnwrap(tool["command"] as? [String: Any])
        var checked = 0
        func walk(_ command: [String: Any]) {
            guard command["shouldDisplay"] as? Bool != false else { return }
            if let name = command["commandName"] as? String, name != "chronicle", name != "help" {
                XCTAssertTrue(page.contains(".It Em \(name)"), "the page lacks the command \(name)")
                checked += 1
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                guard let names = argument["names"] as? [[String: String]], let long = names.first(where: { $0["kind"] == "long" })?["name"] else { continue }
                XCTAssertTrue(page.contains("Fl -\(long)"), "the page lacks --\(long) of \(command["commandName"] ?? "")")
                checked += 1
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub) }
        }
        walk(root)
        XCTAssertGreaterThan(checked, 40)
        XCTAssertTrue(page.contains(".It Fl -starred"))
    }
}
