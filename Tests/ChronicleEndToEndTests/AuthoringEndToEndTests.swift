import Foundation
import XCTest

/// A new user builds a sourced chronology: init, add two articles, select a
/// passage, make an event of it with a date, cite a passage of the other
/// article for it, undo and redo, quit; then the corpus validates and lists
/// the event with both quotes at their bytes.
final class AuthoringEndToEndTests: XCTestCase {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds/articles")

    /// Runs `chronicle ARGS`, its output and exit status.
    func chronicle(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let quoted = ([Tmux.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let line = quoted.joined(separator: " ") + " > '\(out.path)' 2>&1"
        let status = try Tmux.shell(line)
        return (status, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    override func setUp() { continueAfterFailure = false }

    func testANewUserBuildsAChronologyAt100x30() throws { try buildAChronology(width: 100, height: 30) }
    func testANewUserBuildsAChronologyAt60x20() throws { try buildAChronology(width: 60, height: 20) }

    func buildAChronology(width: Int, height: Int) throws {
        let tmux = try Tmux(test: self)
        let corpus = tmux.workDirectory.appendingPathComponent("mine").path
        XCTAssertEqual(try chronicle(["init", corpus, "--title", "Kabulov's pledge"]).status, 0)
        let added = try chronicle(["add", Self.seeds.appendingPathComponent("000_f8b73fe3254a15ca.txt").path,
                                   Self.seeds.appendingPathComponent("001_27b5e4c8cd52331d.txt").path, "--corpus", corpus])
        XCTAssertEqual(added.status, 0, added.output)
        XCTAssertTrue(added.output.contains("published: 2025-05-02"), added.output)

        try tmux.start(["--corpus", corpus], width: width, height: height)
        try tmux.waitFor("the empty timeline") { $0.contains("No events in this corpus yet") }
        // The Moscow Times from the list of articles; the passage naming Kabulov.
        try tmux.keys("A")
        try tmux.waitFor("the articles") { $0.contains("Articles") && $0.contains("0 cited") }
        try tmux.keys("Enter")
        try tmux.waitFor("the article") { $0.contains("Article") }
        try tmux.keys("v")
        try tmux.waitFor("a selection") { $0.contains("word") && $0.contains("line 9") }
        // From line 9's caption to line 13's sentence about Kabulov: W moves on
        // a word at a time, and each move is waited for before the next.
        // (The highlight moves: the screen is compared with its attributes.)
        var screen = try tmux.capture(escapes: true)
        var moves = 0
        while !screen.contains("line 13"), moves < 80 {
            let before = screen
            try tmux.keys("W")
            moves += 1
            screen = try tmux.waitFor("the selection to move", escapes: true) { $0 != before }
        }
        try tmux.keys("s")
        try tmux.waitFor("the sentence selected") { $0.contains("words · line 13") }
        try tmux.keys("e")
        try tmux.waitFor("the event form") { $0.contains("New event") && $0.contains("Date") }
        // A date of our own, then the title and an actor.
        try tmux.keys("BTab", "BTab", "BTab", "C-u")
        try tmux.keys("-l", "2025-05-02")
        try tmux.keys("Tab", "Space", "Tab", "Tab")
        try tmux.keys("-l", "Kabulov pledges help against ISIS-K")
        try tmux.keys("Enter")
        try tmux.waitFor("the event made") { $0.contains("added event") }
        // Back to the articles (the event is cited once now), and TRT Global's first sentence.
        try tmux.keys("Escape")
        try tmux.waitFor("the articles") { $0.contains("Articles") && $0.contains("1 cited") }
        try tmux.keys("Escape")
        try tmux.waitFor("the timeline") { $0.contains("Timeline") && $0.contains("Kabulov pledges") }
        try tmux.keys("A")
        try tmux.waitFor("the articles") { $0.contains("Articles") }
        try tmux.keys("j", "Enter")
        try tmux.waitFor("TRT Global") { $0.contains("Article") && $0.contains("TRT Global") }
        try tmux.keys("v")
        try tmux.waitFor("a selection") { $0.contains("word") }
        try tmux.keys("s", "c")
        try tmux.waitFor("cited") { $0.contains("cited TRT Global") }
        // Undo the citation, redo it.
        try tmux.keys("u")
        try tmux.waitFor("undone") { $0.contains("undid: cited") }
        try tmux.keys("C-r")
        try tmux.waitFor("redone") { $0.contains("redid: cited") }
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"), "the terminal is restored")

        let validated = try chronicle(["validate", "--corpus", corpus])
        XCTAssertEqual(validated.status, 0, validated.output)
        let listed = try chronicle(["list", "--format", "json", "--corpus", corpus])
        XCTAssertEqual(listed.status, 0, listed.output)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any])
        let events = try XCTUnwrap(json["events"] as? [[String: Any]])
        XCTAssertEqual(events.count, 1)
        let event = events[0]
        XCTAssertEqual(event["title"] as? String, "Kabulov pledges help against ISIS-K")
        let citations = try XCTUnwrap(event["citations"] as? [[String: Any]])
        XCTAssertEqual(citations.count, 2)
        let sources = try XCTUnwrap(json["sources"] as? [[String: Any]])
        // Each quote is the article's bytes at its offsets.
        for citation in citations {
            let source = try XCTUnwrap(sources.first { $0["id"] as? String == citation["source"] as? String })
            let file = try XCTUnwrap(source["file"] as? String)
            let raw = try Data(contentsOf: URL(fileURLWithPath: corpus).appendingPathComponent(file))
            let start = try XCTUnwrap(citation["start"] as? Int), end = try XCTUnwrap(citation["end"] as? Int)
            XCTAssertEqual(String(decoding: raw[start..<end], as: UTF8.self), citation["quote"] as? String)
        }
        XCTAssertTrue((citations[0]["quote"] as? String)?.contains("Kabulov") ?? false, "\(citations[0])")
    }

    /// E opens the event's YAML in $EDITOR, as git commit does: what is saved
    /// replaces the event once it validates; a text that does not is kept
    /// for the next E, and nothing is written.
    func testTheEditorChangesAnEventAndARefusedTextIsOfferedAgain() throws {
        let tmux = try Tmux(test: self)
        let corpus = tmux.workDirectory.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Self.seeds.deletingLastPathComponent(), to: corpus)
        let before = try String(contentsOf: corpus.appendingPathComponent("events.yaml"), encoding: .utf8)
        // An editor that breaks the quote the first time, and fixes the title the second.
        let editor = tmux.workDirectory.appendingPathComponent("editor.sh")
        let runs = tmux.workDirectory.appendingPathComponent("runs")
        try """
            #!/bin/sh
            echo "$1" >> '\(runs.path)'
            if [ $(wc -l < '\(runs.path)') -eq 1 ]; then
              sed -i 's/quote: /quote: not in the article /' "$2"
            else
              sed -i 's/quote: not in the article /quote: /; s/^title: .*/title: Edited in the editor/' "$2"
            fi
            """.write(to: editor, atomically: true, encoding: .utf8)
        chmod(editor.path, 0o755)
        try tmux.start(["--corpus", corpus.path], environment: Tmux.colourTerminal + " EDITOR=\(editor.path)")
        try tmux.waitFor("the timeline") { $0.contains("Timeline") && $0.contains("★") }
        try tmux.keys("E")
        try tmux.waitFor("the refusal") { $0.contains("quote not found") || $0.contains("would not validate") }
        XCTAssertEqual(try String(contentsOf: corpus.appendingPathComponent("events.yaml"), encoding: .utf8), before, "nothing written")
        try tmux.keys("E")
        try tmux.waitFor("the edit saved") { $0.contains("Edited in the editor") }
        XCTAssertEqual(try String(contentsOf: runs, encoding: .utf8), "+3\n+3\n", "the editor opened at the event's first line, twice")
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        let after = try String(contentsOf: corpus.appendingPathComponent("events.yaml"), encoding: .utf8)
        XCTAssertEqual(after, before.replacingOccurrences(of: "    title: Soviet invasion of Afghanistan\n", with: "    title: Edited in the editor\n"))
    }

    /// A corpus with an error opens on what is valid; `!` lists it, Enter
    /// opens the file at the line in $EDITOR, and once it is fixed there the
    /// error is gone.
    func testAnErrorIsFixedFromTheBrowser() throws {
        let tmux = try Tmux(test: self)
        let corpus = tmux.workDirectory.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Self.seeds.deletingLastPathComponent(), to: corpus)
        let events = corpus.appendingPathComponent("events.yaml")
        let good = try String(contentsOf: events, encoding: .utf8)
        try good.replacingOccurrences(of: "quote: where it had been listed since 2003", with: "quote: where it had been listed since 2004")
            .write(to: events, atomically: true, encoding: .utf8)
        let editor = tmux.workDirectory.appendingPathComponent("fix.sh")
        try "#!/bin/sh\nsed -i 's/listed since 2004/listed since 2003/' \"$2\"\n".write(to: editor, atomically: true, encoding: .utf8)
        chmod(editor.path, 0o755)
        try tmux.start(["--corpus", corpus.path], environment: Tmux.colourTerminal + " EDITOR=\(editor.path)")
        try tmux.waitFor("the error counted") { $0.contains("1 error (!)") }
        try tmux.keys("!")
        try tmux.waitFor("the problem and its line") { $0.contains("Problems") && $0.contains("since 2004") }
        try tmux.keys("Enter")
        try tmux.waitFor("the error gone") { $0.contains("read the corpus again") && !$0.contains("1 error") }
        XCTAssertEqual(try String(contentsOf: events, encoding: .utf8), good)
        try tmux.keys("Escape")
        try tmux.waitFor("the whole timeline") { $0.contains("Timeline") && $0.contains("1/22") }
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
    }
}
