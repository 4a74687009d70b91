import Foundation
import XCTest

/// The terminal user's habits in the real binary in tmux: copying through
/// OSC 52 into tmux's buffer, stars and history that outlive a restart and
/// survive broken files, the configuration, the palette, the mouse switch,
/// and opening at an event, a search or an article's line.
final class HabitsEndToEndTests: XCTestCase {
    override func setUp() { continueAfterFailure = false }

    var home: (Tmux) -> String { { $0.workDirectory.appendingPathComponent("home").path } }

    /// Records what chronicle writes to the terminal, byte for byte.
    func recordOutput(_ tmux: Tmux) throws -> URL {
        let file = tmux.workDirectory.appendingPathComponent("wire")
        try Tmux.run(["-L", tmux.socket, "pipe-pane", "-t", tmux.session, "-o", "cat >> '\(file.path)'"])
        return file
    }

    func wire(_ file: URL) -> String { (try? String(contentsOf: file, encoding: .isoLatin1)) ?? "" }

    func testCopyingSendsOSC52AndReachesTmuxsBuffer() throws {
        let tmux = try Tmux(test: self)
        try tmux.start()
        try tmux.waitFor("the timeline") { $0.contains("Timeline") && $0.contains("2003") }
        try Tmux.run(["-L", tmux.socket, "set-option", "-g", "set-clipboard", "on"])
        let file = try recordOutput(tmux)
        try tmux.keys("j", "j")
        try tmux.waitFor("the 2003 event") { $0.contains("3/22") }
        try tmux.keys("y")
        try tmux.waitFor("the status line to say what was copied") { $0.contains("Copied “Russia lists the Taliban") }
        let buffer = try Tmux.run(["-L", tmux.socket, "show-buffer"])
        XCTAssertTrue(buffer.hasPrefix("2003 — Russia lists the Taliban as a terrorist organisation\n"), buffer)
        XCTAssertTrue(buffer.contains("[1] “where it had been listed since 2003” — The Moscow Times, “Russia Vows to Help Taliban Fight Islamic State in Afghanistan”, 2 May 2025, https://www.themoscowtimes.com/"), buffer)
        // On the wire: OSC 52 with the text in base64, ended by BEL.
        let sent = "\u{1b}]52;c;" + Data(buffer.utf8).base64EncodedString() + "\u{07}"
        let deadline = Date().addingTimeInterval(5)
        while !wire(file).contains(sent), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(wire(file).contains(sent), "no OSC 52 for the copied text on the wire")
        // Y: the event as Markdown, with its footnotes.
        try tmux.keys("Y")
        try tmux.waitFor("the Markdown copy") { $0.contains("as Markdown with 5 footnotes") }
        let markdown = try Tmux.run(["-L", tmux.socket, "show-buffer"])
        XCTAssertTrue(markdown.hasPrefix("### 2003 — Russia lists the Taliban as a terrorist organisation ★"), markdown)
        XCTAssertTrue(markdown.contains("\n[^5]: “"), markdown)
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
    }

    func testWithoutSetClipboardTheCopyStillReachesTmuxsBuffer() throws {
        let tmux = try Tmux(test: self)
        try tmux.start()
        try tmux.waitFor("the timeline") { $0.contains("Timeline") && $0.contains("2003") }
        try Tmux.run(["-L", tmux.socket, "set-option", "-g", "set-clipboard", "off"])
        try tmux.keys("Tab")
        try tmux.waitFor("the event pane in focus") { $0.contains("passage 1/") }
        try tmux.keys("y")
        try tmux.waitFor("the copy") { $0.contains("Copied passage [1]") }
        let buffer = try Tmux.run(["-L", tmux.socket, "show-buffer"])
        XCTAssertTrue(buffer.hasPrefix("“"), buffer)
        XCTAssertTrue(buffer.contains("” — "), buffer)
    }

    func testStarsNotesAndHistoryOutliveARestartAndBrokenFilesAreSetAside() throws {
        let tmux = try Tmux(test: self)
        try tmux.start()
        try tmux.waitFor("the timeline") { $0.contains("Timeline") && $0.contains("2003") }
        try tmux.keys("j", "j", "*")
        try tmux.waitFor("the star") { $0.contains("◆\u{00A0}starred") }
        try tmux.keys("#")
        try tmux.waitFor("the note prompt") { $0.contains("your note:") }
        try tmux.keys("-l", "ask Kabulov's office")
        try tmux.keys("Enter")
        try tmux.waitFor("the note") { $0.contains("Your note: ask Kabulov's") }
        try tmux.keys("/")
        try tmux.keys("-l", "Supreme Court")
        try tmux.keys("Enter")
        try tmux.waitFor("the search kept") { $0.contains("/Supreme Court") && $0.contains("n next") }
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }

        // Again: the star, the note and the search are there.
        try restart(tmux)
        try tmux.start()
        try tmux.waitFor("the timeline again") { $0.contains("Timeline") && $0.contains("2003") }
        try tmux.keys("j", "j")
        try tmux.waitFor("the starred event with its note") { $0.contains("◆\u{00A0}starred") && $0.contains("Your note: ask Kabulov's") }
        try tmux.keys("/", "Up")
        try tmux.waitFor("the last search recalled") { $0.contains("/Supreme Court") }
        try tmux.keys("Enter")
        try tmux.waitFor("the recalled search kept") { $0.contains("/Supreme Court") && $0.contains("n next") }
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }

        // list --starred shows the same.
        let listed = try run(["list", "--starred"], home: home(tmux))
        XCTAssertEqual(listed.status, 0, listed.output)
        XCTAssertTrue(listed.output.contains("Russia lists the Taliban as a terrorist organisation"), listed.output)
        XCTAssertTrue(listed.output.contains("    note: ask Kabulov's office"), listed.output)

        // Broken files: Chronicle starts, says so, and keeps them.
        let state = home(tmux) + "/.local/state/chronicle/history.json"
        let reader = home(tmux) + "/.local/share/chronicle/corpora/built-in/reader.json"
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: state))
        try Data([0x00, 0xFF, 0x1B]).write(to: URL(fileURLWithPath: reader))
        try restart(tmux)
        try tmux.start()
        try tmux.waitFor("the broken files named") { $0.contains("is not valid") && $0.contains("Timeline") }
        try tmux.keys("j", "*")
        try tmux.waitFor("a new star") { $0.contains("unreadable file before it is kept as") || $0.contains("◆\u{00A0}starred") }
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        let kept = try FileManager.default.contentsOfDirectory(atPath: (reader as NSString).deletingLastPathComponent)
        let aside = try XCTUnwrap(kept.first { $0.hasPrefix("reader.json.broken-") }, "\(kept)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: (reader as NSString).deletingLastPathComponent + "/" + aside)), Data([0x00, 0xFF, 0x1B]))
        XCTAssertTrue(try String(contentsOfFile: reader, encoding: .utf8).contains("soviet"), "the new star is saved")
    }

    func testTheConfigurationBindsKeysAndABrokenOneStillStarts() throws {
        let tmux = try Tmux(test: self)
        let config = home(tmux) + "/.config/chronicle"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try Data("theme: light\nmouse: false\nbogus: 1\nkeys:\n  timeline:\n    toggle-help: [h]\n    show-coverage: [C]\n".utf8)
            .write(to: URL(fileURLWithPath: config + "/config.yaml"))
        try tmux.start()
        try tmux.waitFor("the problem named with its line") { $0.contains("config.yaml:3: unknown setting “bogus”") }
        try tmux.keys("h")
        try tmux.waitFor("the help on h") { $0.contains("Keys: timeline") }
        try tmux.keys("Esc", "C")
        try tmux.waitFor("coverage on C") { $0.contains("Coverage") }
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        let checked = try run(["config", "--check", config + "/config.yaml"], home: home(tmux))
        XCTAssertEqual(checked.status, 2)
        XCTAssertTrue(checked.output.contains("config.yaml:3: unknown setting “bogus”"), checked.output)
        // A file that is not YAML at all: the defaults, and where it broke.
        try Data("keys: [\n".utf8).write(to: URL(fileURLWithPath: config + "/config.yaml"))
        try restart(tmux)
        try tmux.start()
        try tmux.waitFor("the syntax error named") { $0.contains("config.yaml:") && $0.contains("YAML syntax error") }
        try tmux.keys("?")
        try tmux.waitFor("the default help key") { $0.contains("Keys: timeline") }
    }

    func testThePaletteRunsACommandAndMTurnsTheMouseOff() throws {
        let tmux = try Tmux(test: self)
        try tmux.start()
        try tmux.waitFor("the timeline") { $0.contains("Timeline") && $0.contains("2003") }
        let file = try recordOutput(tmux)
        try tmux.keys(":")
        try tmux.waitFor("the palette") { $0.contains("Commands: Timeline") }
        try tmux.keys("-l", "coverage")
        try tmux.waitFor("one command left") { $0.contains("Coverage: which source reports which event") }
        try tmux.keys("Enter")
        try tmux.waitFor("the coverage screen") { $0.contains("Coverage") && !$0.contains("Commands:") }
        try tmux.keys("q", "M")
        try tmux.waitFor("the mouse off") { $0.contains("Mouse off: the terminal selects text") }
        // ncurses asks xterm to stop reporting the mouse.
        let deadline = Date().addingTimeInterval(5)
        while !wire(file).contains("1000l"), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(wire(file).contains("1000l"), "no mouse-off sequence on the wire")
    }

    func testOpeningAtAnEventASearchAndAnArticlesLine() throws {
        let tmux = try Tmux(test: self)
        try tmux.start(["browse", "--event", "russia-lists-taliban-as-terrorist"])
        try tmux.waitFor("the event selected") { $0.contains("3/22") && $0.contains("Russia adds the Taliban to") }
        try restart(tmux)
        try tmux.start(["browse", "--search", "Kabulov"])
        try tmux.waitFor("the search typed") { $0.contains("/Kabulov") && $0.contains("events,") }
        try restart(tmux)
        try tmux.start(["browse", "--source", "tmt-2025-05-02", "--line", "8"])
        try tmux.waitFor("the article at line 8") { screen in
            screen.contains("Article") && screen.split(separator: "\n").dropFirst(2).first?.trimmingCharacters(in: .whitespaces).hasPrefix("8") == true
        }
        let bad = try run(["browse", "--event", "no-such-event"], home: home(tmux))
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.output.contains("no event no-such-event in the corpus"), bad.output)
    }

    /// Ends the tmux server, and waits until it is gone, for a new start.
    func restart(_ tmux: Tmux) throws {
        try Tmux.run(["-L", tmux.socket, "kill-server"])
        let deadline = Date().addingTimeInterval(5)
        while (try? Tmux.run(["-L", tmux.socket, "has-session"])) != nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.2)
    }

    /// Runs `chronicle ARGS` with its output and exit status, with HOME set.
    func run(_ arguments: [String], home: String) throws -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let quoted = ([Tmux.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let status = try Tmux.shell("HOME='\(home)' env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_STATE_HOME " + quoted.joined(separator: " ") + " > '\(out.path)' 2>&1")
        return (status, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }
}
