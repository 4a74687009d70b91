import Foundation
import XCTest

/// A corpus from a stranger in the browser: what reaches outside its
/// folder, would hang or is too large is refused with its file and line,
/// before the screen is taken when nothing is left to show, and listed
/// under `!` otherwise; what lies outside is never shown.
final class ContainmentEndToEndTests: XCTestCase {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")
    static let secret = "hunter2-secret-passphrase"

    static let article = "Title line\nThe court removed the group from the list on Thursday.\nA second line says more.\n"
    static let manifest = """
        format: 1
        sources:
          - id: alpha
            file: articles/a.txt
            outlet: Alpha News
            published: 2025-05-02
            body: [2-3]

        """
    static let events = """
        events:
          - id: delisting
            date: 2025-04
            title: The court removes the group from the list
            citations:
              - source: alpha
                quote: The court removed the group

        """

    /// A corpus of one article in the test's work directory, and `outside/` beside it.
    func corpus(_ tmux: Tmux) throws -> (root: URL, outside: URL) {
        let root = tmux.workDirectory.appendingPathComponent("corpus"), outside = tmux.workDirectory.appendingPathComponent("outside")
        for directory in [root.appendingPathComponent("articles"), outside] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        try Data(Self.article.utf8).write(to: root.appendingPathComponent("articles/a.txt"))
        try Data(Self.manifest.utf8).write(to: root.appendingPathComponent("manifest.yaml"))
        try Data(Self.events.utf8).write(to: root.appendingPathComponent("events.yaml"))
        try Data((Self.article + "root:\(Self.secret):0:0\n").utf8).write(to: outside.appendingPathComponent("a.txt"))
        try Data(Self.manifest.utf8).write(to: outside.appendingPathComponent("manifest.yaml"))
        return (root, outside)
    }

    /// Each way a corpus of one article is refused: nothing is left to
    /// browse, so the browser says where and why before taking the screen,
    /// and exits 2; the terminal is as it was.
    func testEachRefusalIsSaidWithItsPlaceBeforeTheScreenAndExitsTwo() throws {
        let cases: [(String, (URL, URL) throws -> Void, String, String)] = [
            ("a link out", { root, outside in
                try FileManager.default.removeItem(at: root.appendingPathComponent("articles/a.txt"))
                try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("articles/a.txt").path, withDestinationPath: outside.appendingPathComponent("a.txt").path)
            }, "manifest.yaml:4:11: error:", "is a symbolic link to"),
            ("a directory linked out", { root, outside in
                try FileManager.default.removeItem(at: root.appendingPathComponent("articles"))
                try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("articles").path, withDestinationPath: outside.path)
            }, "manifest.yaml:4:11: error:", "a symbolic link to"),
            ("a pipe with no writer", { root, _ in
                let article = root.appendingPathComponent("articles/a.txt").path
                try FileManager.default.removeItem(atPath: article)
                XCTAssertEqual(mkfifo(article, 0o600), 0)
            }, "manifest.yaml:4:11: error:", "is a named pipe, not a file"),
            ("a sparse 4 GB article", { root, _ in
                XCTAssertEqual(truncate(root.appendingPathComponent("articles/a.txt").path, 4 << 30), 0)
            }, "manifest.yaml:4:11: error:", "is 4294967296 bytes (4.0 GB), over the limit"),
            ("the manifest linked out", { root, outside in
                try FileManager.default.removeItem(at: root.appendingPathComponent("manifest.yaml"))
                try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("manifest.yaml").path, withDestinationPath: outside.appendingPathComponent("manifest.yaml").path)
            }, "manifest.yaml: error:", "the manifest is a symbolic link to"),
        ]
        for (name, make, location, phrase) in cases {
            let tmux = try Tmux(test: self)
            let (root, outside) = try corpus(tmux)
            try make(root, outside)
            try tmux.start(["--corpus", root.path], width: 400, height: 20)
            let screen = try tmux.waitFor("\(name): the refusal, then the shell", timeout: 10) { $0.contains("CHRONICLE-DONE") }
            XCTAssertTrue(screen.contains("\(root.path)/\(location)") && screen.contains(phrase), "\(name):\n\(screen)")
            XCTAssertFalse(screen.contains(Self.secret), "\(name): the file outside was shown")
            XCTAssertEqual(tmux.contents(of: "status"), "exit=2\n", name)
            XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"), name)
        }
    }

    /// The built-in corpus with one article a link to a file outside and an
    /// event whose id would climb out of a directory: the browser opens on
    /// what is valid, `!` lists both with their lines, a search never finds
    /// the file outside, and the event's editor file is named by its slug.
    func testALinkOutIsListedItsTextNeverShownAndAHostileIdStaysOutOfPaths() throws {
        let tmux = try Tmux(test: self)
        let root = tmux.workDirectory.appendingPathComponent("corpus"), outside = tmux.workDirectory.appendingPathComponent("outside")
        try FileManager.default.copyItem(at: Self.seeds, to: root)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let linked = root.appendingPathComponent("articles/004_e4a18ec38eaa729b.txt")
        let text = try String(contentsOf: linked, encoding: .utf8)
        try Data((text + "root:\(Self.secret):0:0\n").utf8).write(to: outside.appendingPathComponent("article.txt"))
        try FileManager.default.removeItem(at: linked)
        try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: outside.appendingPathComponent("article.txt").path)
        let manifestLines = try String(contentsOf: root.appendingPathComponent("manifest.yaml"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let fileLine = try XCTUnwrap(manifestLines.firstIndex { $0.contains("file: articles/004_e4a18ec38eaa729b.txt") }) + 1
        let events = root.appendingPathComponent("events.yaml")
        var yaml = try String(contentsOf: events, encoding: .utf8)
        yaml += """
              - id: ../../etc/passwd
                date: "1900"
                title: An event with a hostile id
                citations:
                  - source: tmt-2025-05-02
                    quote: where it had been listed since 2003

            """
        try yaml.write(to: events, atomically: true, encoding: .utf8)
        let idLine = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("id: ../../etc/passwd") }! + 1
        // An editor that records the file it is given and changes nothing.
        let editor = tmux.workDirectory.appendingPathComponent("editor.sh"), opened = tmux.workDirectory.appendingPathComponent("opened")
        try "#!/bin/sh\necho \"$2\" >> '\(opened.path)'\n".write(to: editor, atomically: true, encoding: .utf8)
        chmod(editor.path, 0o755)

        try tmux.start(["--corpus", root.path], width: 200, height: 30, environment: Tmux.colourTerminal + " EDITOR=\(editor.path)")
        try tmux.waitFor("the timeline, the errors counted") { $0.contains("An event with a hostile id") && $0.contains("2 errors (!)") }
        try tmux.keys("!")
        let problems = try tmux.waitFor("the problems") { $0.contains("Problems") && $0.contains("outside the corpus directory") }
        XCTAssertTrue(problems.contains("manifest.yaml:\(fileLine):11"), problems)
        XCTAssertTrue(problems.contains("events.yaml:\(idLine):9") && problems.contains("not a readable slug"), problems)
        try tmux.keys("Escape")
        try tmux.waitFor("the timeline") { $0.contains("Timeline") && !$0.contains("Problems") }
        try tmux.keys("/")
        try tmux.keys("-l", "passphrase")
        let searched = try tmux.waitFor("the search") { $0.contains("/passphrase") && $0.contains("0 events, 0 in text") }
        XCTAssertFalse(searched.contains("hunter2"), searched)
        try tmux.keys("Escape")
        try tmux.waitFor("every event again") { !$0.contains("/passphrase") }
        try tmux.keys("g")
        try tmux.waitFor("the hostile event selected") { $0.contains(" 1/") }
        try tmux.keys("E")
        try tmux.waitFor("back from the editor") { $0.contains("no change to") }
        let path = try XCTUnwrap(try? String(contentsOf: opened, encoding: .utf8)).trimmingCharacters(in: .newlines)
        let temporary = FileManager.default.temporaryDirectory.path
        XCTAssertEqual((path as NSString).deletingLastPathComponent, temporary.hasSuffix("/") ? String(temporary.dropLast()) : temporary, path)
        XCTAssertNotNil((path as NSString).lastPathComponent.range(of: #"^chronicle-event-[0-9]+-etc-passwd\.yaml$"#, options: .regularExpression), path)
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "the editor's file is removed")
    }

    /// A corpus's file handed to $EDITOR (Enter on a problem), with
    /// --corpus ., never starts as `-x.yaml` does, which an editor would
    /// take for an option (and vi a `+…` for a command).
    func testAFileNameHandedToTheEditorIsNeverAnOption() throws {
        let tmux = try Tmux(test: self)
        let root = tmux.workDirectory.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Self.seeds, to: root)
        let manifest = root.appendingPathComponent("manifest.yaml")
        try Data((try String(contentsOf: manifest, encoding: .utf8) + "events: [events.yaml, \"-x.yaml\"]\n").utf8).write(to: manifest)
        try Data("events:\n  - id: broken\n    date: \"2024-13\"\n".utf8).write(to: root.appendingPathComponent("-x.yaml"))
        let editor = tmux.workDirectory.appendingPathComponent("editor.sh"), opened = tmux.workDirectory.appendingPathComponent("opened")
        try "#!/bin/sh\necho \"$2\" >> '\(opened.path)'\n".write(to: editor, atomically: true, encoding: .utf8)
        chmod(editor.path, 0o755)
        try tmux.start(["--corpus", "."], environment: Tmux.colourTerminal + " EDITOR=\(editor.path)", directory: root)
        try tmux.waitFor("the errors counted") { $0.contains("error") && $0.contains("(!)") }
        try tmux.keys("!")
        try tmux.waitFor("the problems") { $0.contains("Problems") && $0.contains("-x.yaml:3") }
        try tmux.keys("Enter")
        try tmux.waitFor("back from the editor") { !$0.contains("Problems") || (try? String(contentsOf: opened, encoding: .utf8)) != nil }
        Thread.sleep(forTimeInterval: 0.2)
        // Named from the corpus directory (absolute), or from here with ./ (EditorLaunch).
        let handed = try String(contentsOf: opened, encoding: .utf8)
        XCTAssertTrue((handed.hasPrefix("/") || handed.hasPrefix("./")) && handed.hasSuffix("/-x.yaml\n"), handed)
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
    }
}
