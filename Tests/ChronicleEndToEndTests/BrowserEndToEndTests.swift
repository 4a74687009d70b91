import Foundation
import XCTest

/// The real binary in tmux at 100×30: what a newcomer does on first use.
final class BrowserEndToEndTests: XCTestCase {
    /// Rows of the timeline list (left of the divider) that hold an event.
    func timelineRows(_ screen: String) -> [String] {
        screen.split(separator: "\n").dropFirst().map { line in
            String(line.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        }.filter { !$0.hasPrefix("──") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    func testNewcomerFindsTheDelistingReadsItsSourcesComparesAndQuits() throws {
        let tmux = try Tmux(test: self)
        try tmux.start()
        let first = try tmux.waitFor("the timeline") { $0.contains("Chronicle ·") && $0.contains("★") }

        // The five principal events, in date order.
        let spine = timelineRows(first).filter { $0.contains("★") }
        let dates = spine.map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first ?? "" }
        XCTAssertEqual(dates, ["2003", "Mar 2024", "4 Jul 2024*", "17 Apr 2025*", "2 May 2025*"], first)

        // Find the April 2025 delisting and open its passages.
        let rows = timelineRows(first)
        let delisting = try XCTUnwrap(rows.firstIndex { $0.contains("17 Apr 2025") })
        for _ in 0..<delisting { try tmux.keys("j") }
        try tmux.waitFor("the delisting selected") { $0.contains(" \(delisting + 1)/") }
        try tmux.keys("Enter")
        // The event pane scrolls to the first passage; the rest are below it.
        let pane = try tmux.waitFor("the event's passages") { $0.contains("[1] The Moscow Times") && $0.contains("passage 1/") }
        let outlets = ["The Moscow Times", "TRT Global", "Anadolu Agency"]
        let passages = try XCTUnwrap(pane.components(separatedBy: "passage 1/").last?.prefix { $0.isNumber }).flatMap { Int($0) } ?? 0
        XCTAssertGreaterThanOrEqual(passages, 3, pane)

        // Read each passage in its article, highlighted: the three outlets among them.
        var seen: [String] = []
        for index in 0..<passages {
            if index > 0 { try tmux.keys("j") }
            try tmux.keys("Enter")
            let reader = try tmux.waitFor("the article", escapes: true) { $0.contains("Article") && $0.contains("passage ") }
            let header = reader.split(separator: "\n")[1]
            let outlet = try XCTUnwrap(outlets.first { header.contains($0) }, String(header))
            seen.append(outlet)
            // The passage is on screen, black on yellow (the cube's black, which bold keeps black).
            XCTAssertTrue(reader.contains("\u{1B}[38;5;16m\u{1B}[43m"), "no highlighted passage in:\n\(reader)")
            try tmux.keys("Escape")
            try tmux.waitFor("back on the timeline") { $0.contains("Timeline") }
        }
        XCTAssertEqual(Set(seen), Set(outlets))

        // Two of them side by side.
        try tmux.keys("s")
        let compare = try tmux.waitFor("side by side") { $0.contains("Side by side") }
        let paneHeaders = compare.split(separator: "\n")[1]
        XCTAssertEqual(outlets.filter { paneHeaders.contains($0) }.count, 2, String(paneHeaders))

        // Resize to 40×12 and back: each redraws.
        try tmux.resize(40, 12)
        try tmux.waitFor("the 40-column screen") { screen in
            let lines = screen.split(separator: "\n")
            return lines.count >= 11 && lines.allSatisfy { $0.count <= 40 } && screen.contains("Chronicle")
        }
        try tmux.resize(100, 30)
        try tmux.waitFor("the 100-column screen") { $0.contains("Side by side") && $0.split(separator: "\n")[0].count > 60 }

        // q goes back, then quits from the timeline; the terminal is as it was.
        try tmux.keys("q")
        try tmux.waitFor("the timeline again") { $0.contains("Timeline") }
        try tmux.keys("q")
        try tmux.keys("q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"))
    }

    func testSideBySideShowsTwoOutletsForTheAttack() throws {
        let tmux = try Tmux(test: self)
        try tmux.start()
        let first = try tmux.waitFor("the timeline") { $0.contains("★") }
        let attack = try XCTUnwrap(timelineRows(first).firstIndex { $0.contains("Mar 2024") && $0.contains("★") })
        for _ in 0..<attack { try tmux.keys("j") }
        try tmux.keys("s")
        // The highlight is checked once the whole frame is there.
        let screen = try tmux.waitFor("side by side, highlighted", escapes: true) { $0.contains("Side by side") && $0.contains("43m") }
        let plain = try tmux.capture()
        let header = plain.split(separator: "\n")[1]
        let outlets = ["The Moscow Times", "TRT Global", "TRT World", "Defence Talks"].filter { header.contains($0) }
        XCTAssertEqual(outlets.count, 2, String(header))
        XCTAssertTrue(plain.contains("145"), plain)
        XCTAssertTrue(screen.contains("\u{1B}[4m"), "the other passages cited in each article are underlined")
    }

    func testSignalsRestoreTheTerminal() throws {
        for signal in ["INT", "TERM", "HUP", "QUIT"] {
            let tmux = try Tmux(test: self)
            try tmux.start()
            try tmux.waitFor("the timeline") { $0.contains("★") }
            try Tmux.run(["-L", tmux.socket, "run-shell", "pkill -\(signal) -f '\(Tmux.binary.path)$' || pkill -\(signal) -x chronicle"])
            try tmux.waitFor("the shell after SIG\(signal)") { $0.contains("CHRONICLE-DONE") }
            XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"), "SIG\(signal)")
            XCTAssertNotEqual(tmux.contents(of: "status"), "exit=0\n", "SIG\(signal) ends the program as the signal does")
        }
    }

    func testDumbTerminalGetsTheListAndAMessage() throws {
        let tmux = try Tmux(test: self)
        // Wide enough that neither the message nor a list line wraps.
        try tmux.start(width: 200, height: 50, environment: "TERM=dumb")
        let screen = try tmux.waitFor("the list") { $0.contains("CHRONICLE-DONE") }
        XCTAssertTrue(screen.contains("cannot open the browser"), screen)
        XCTAssertTrue(screen.contains("★"), screen)
    }

    func testWithoutColourThePassageIsInReverseVideo() throws {
        let tmux = try Tmux(test: self)
        try tmux.start(environment: "NO_COLOR=1 TERM=xterm-256color")
        try tmux.waitFor("the timeline") { $0.contains("★") }
        try tmux.keys("Enter", "Enter")
        let reader = try tmux.waitFor("the article", escapes: true) { $0.contains("Article") && Tmux.sgrParameters(in: $0).contains("7") }
        XCTAssertFalse(reader.contains("43m"), "NO_COLOR is honoured:\n\(reader)")
        XCTAssertFalse(reader.contains("38;5;"), "NO_COLOR is honoured:\n\(reader)")
    }

    func testCtrlZSuspendsAndFgRedrawsTheWholeScreen() throws {
        let tmux = try Tmux(test: self)
        try tmux.startShell()
        try tmux.waitFor("the prompt") { $0.contains("PROMPT$") }
        try tmux.keys("stty -g > \(tmux.workDirectory.path)/stty-before; env \(Tmux.colourTerminal) \(Tmux.binary.path)", "Enter")
        try tmux.waitFor("the timeline") { $0.contains("★") }
        try tmux.keys("j", "j")
        try tmux.waitFor("the third event") { $0.contains(" 3/") }
        try tmux.keys("C-z")
        try tmux.waitFor("the shell") { $0.contains("Stopped") }
        // Back at the shell, the terminal is in the shell's modes.
        try tmux.keys("stty -g > \(tmux.workDirectory.path)/stty-after; clear", "Enter")
        try tmux.waitFor("a cleared shell") { !$0.contains("Stopped") && $0.contains("PROMPT$") }
        XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"))
        try tmux.keys("fg", "Enter")
        let screen = try tmux.waitFor("the whole screen again") { $0.contains("Chronicle ·") && $0.contains(" 3/22") }
        XCTAssertTrue(screen.contains("2003"), screen)
        XCTAssertFalse(screen.contains("PROMPT$"), "the redraw covers the shell's lines:\n\(screen)")
        try tmux.keys("Q")
        try tmux.waitFor("the prompt after quitting") { $0.contains("PROMPT$") }
    }

    func testSearchKabulovNarrowsHighlightsAndNMovesToTheNextHit() throws {
        let tmux = try Tmux(test: self)
        try tmux.start()
        try tmux.waitFor("the timeline") { $0.contains("★") && $0.contains(" 1/22") }
        try tmux.keys("/")
        try tmux.waitFor("the search line") { $0.contains("type to search") }
        try tmux.keys("-l", "Kabulov")
        let screen = try tmux.waitFor("the narrowed timeline") { $0.contains("/Kabulov") && $0.contains("7 events,") }
        // Only events that name Kabulov remain, the spine's 2003 listing among the gone.
        let rows = timelineRows(screen).filter { $0.contains("20") && !$0.contains("in article text") }
        XCTAssertTrue(rows.contains { $0.contains("Kabulov pledges") }, screen)
        XCTAssertFalse(rows.contains { $0.contains("Russia lists the Taliban") }, screen)
        XCTAssertTrue(screen.contains("in article text, outside cited passages"), screen)
        // The matched word is highlighted: black on green.
        let styled = try tmux.waitFor("the highlight", escapes: true) { Tmux.sgrParameters(in: $0).contains("42") }
        XCTAssertTrue(styled.contains("Kabulov"), styled)
        try tmux.keys("Enter")
        try tmux.waitFor("the search kept") { $0.contains("n next") && $0.contains(" 1/7") }
        try tmux.keys("n")
        try tmux.waitFor("the next hit selected") { $0.contains(" 2/7") }
        try tmux.keys("Escape")
        try tmux.waitFor("the whole timeline again") { $0.contains("/22") && !$0.contains("/Kabulov") }
        try tmux.keys("q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
    }

    /// `chronicle bench generate`: 400 articles and 2,000 events (seed 3), in
    /// a directory removed after the test.
    func generatedCorpus() throws -> URL { try GeneratedCorpora.generated(for: self) }

    /// A generated corpus of 400 articles and 2,000 events, through the real
    /// binary: loaded on both cores, indexed on a background thread after
    /// the first frame, and searched as one types.
    func testAGeneratedCorpusLoadsAndItsPlantedWordIsFound() throws {
        let directory = try generatedCorpus()

        let tmux = try Tmux(test: self)
        try tmux.start(["--corpus", directory.path])
        try tmux.waitFor("the timeline") { $0.contains("Generated corpus") && $0.contains("1/2000") }
        try tmux.keys("/")
        try tmux.keys("-l", "zygomorphic")
        // Typed before the index may be ready: the search runs when it is.
        let screen = try tmux.waitFor("the one event") { $0.contains("/zygomorphic") && $0.contains("1 event, 0 in text") }
        XCTAssertTrue(screen.contains("1/1"), screen)
        let styled = try tmux.waitFor("the highlight", escapes: true) { Tmux.sgrParameters(in: $0).contains("42") }
        XCTAssertTrue(styled.contains("zygomorphic") || styled.contains("Zygomorphic"), styled)
        try tmux.keys("Escape")
        try tmux.waitFor("every event again") { $0.contains("/2000") && !$0.contains("/zygomorphic") }
        try tmux.keys("q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
    }

    /// A generated corpus (400 articles, 2,000 events) plus one source whose
    /// article is not there yet, cited by the last event of the timeline:
    /// started with `heldBack` in its environment, the browser's whole load
    /// waits for that article (CHRONICLE_TEST_HOLD) until the test writes
    /// it, while the first events (which do not cite it) make the preview.
    func corpusHeldBack(quote: String) throws -> (directory: URL, article: URL) {
        try GeneratedCorpora.heldBack(articles: 400, quote: quote, for: self)
    }

    /// The environment that holds the load back until `release`.
    static let heldBack = GeneratedCorpora.heldBackEnvironment

    func release(_ article: URL) throws { try GeneratedCorpora.release(article) }

    /// The first screen comes from the preview while the rest is checked;
    /// keys typed meanwhile are kept and applied to the whole corpus.
    func testTheFirstScreenComesBeforeTheWholeCorpusIsCheckedAndKeysWait() throws {
        let (directory, article) = try corpusHeldBack(quote: "held back until now")
        let tmux = try Tmux(test: self)
        try tmux.start(["--corpus", directory.path], environment: Self.heldBack)
        var screen = try tmux.waitFor("the preview") { $0.contains("checking every quote of 2001 events") && $0.contains("1/2001") }
        XCTAssertTrue(screen.contains("Generated corpus"), screen)
        try tmux.keys("j", "j")
        Thread.sleep(forTimeInterval: 0.3)
        screen = try tmux.capture()
        XCTAssertTrue(screen.contains("1/2001") && screen.contains("checking every quote"), "keys wait for the whole corpus:\n" + screen)
        // A resize redraws the preview at once, at the new size.
        try tmux.resize(80, 24)
        screen = try tmux.waitFor("the preview at 80×24") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            // tmux drops trailing spaces: the position ends the 80th column but one.
            return lines.contains { $0.contains("checking every quote") && $0.hasSuffix("1/2001") && $0.count == 79 }
        }
        try release(article)
        screen = try tmux.waitFor("the whole corpus, both keys applied") { $0.contains("3/2001") && !$0.contains("checking every quote") }
        XCTAssertTrue(screen.split(separator: "\n").allSatisfy { $0.count <= 80 }, "laid out at the new size:\n" + screen)
        XCTAssertTrue(screen.contains("q quit"), screen)
        try tmux.keys("G")
        try tmux.waitFor("the held-back event, at the end") { $0.contains("The last event") && $0.contains("2001/2001") }
        try tmux.keys("q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
    }

    /// An error in what the preview did not show: the browser opens on
    /// what is valid, the error counted on the status line, and `!` lists
    /// it with its file and line.
    func testAnErrorFoundAfterThePreviewIsCountedAndListed() throws {
        let (directory, article) = try corpusHeldBack(quote: "words the article does not have")
        let tmux = try Tmux(test: self)
        try tmux.start(["--corpus", directory.path], environment: Self.heldBack)
        try tmux.waitFor("the preview") { $0.contains("checking every quote of 2001 events") }
        try release(article)
        try tmux.waitFor("the whole corpus, with its error") { $0.contains("1 error (!)") && $0.contains("1/2000") && !$0.contains("checking every quote") }
        try tmux.keys("!")
        let screen = try tmux.waitFor("the problems") { $0.contains("Problems") }
        XCTAssertTrue(screen.contains("events-late.yaml:7") && screen.contains("quote not found"), screen)
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"))
    }

    /// A first `q` on the preview quits at once, whatever is still loading.
    func testQuitOnThePreview() throws {
        let (directory, _) = try corpusHeldBack(quote: "held back until now")
        let tmux = try Tmux(test: self)
        try tmux.start(["--corpus", directory.path], environment: Self.heldBack)
        try tmux.waitFor("the preview") { $0.contains("checking every quote of 2001 events") }
        try tmux.keys("q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"))
    }

    static let hostileCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile-corpus").path

    /// What the hostile corpus carries that tmux would record if it reached the terminal.
    func assertNoInjectedSequence(_ screen: String, file: StaticString = #filePath, line: UInt = #line) {
        for sequence in ["\u{1B}]52", "\u{1B}]8;", "\u{1B}]0;", "\u{1B}P", "\u{1B}[2J", "\u{1B}[H", "\u{07}", "\u{08}", "\u{9B}", "\u{202E}", "SGVsbG8=\u{07}"] {
            XCTAssertFalse(screen.contains(sequence), "the screen holds \(sequence.debugDescription):\n\(screen)", file: file, line: line)
        }
        // tmux keeps SGR only: the corpus's red (31) must not be among it.
        XCTAssertFalse(Tmux.sgrParameters(in: screen).contains("31"), "the corpus's own colour reached the terminal", file: file, line: line)
    }

    func testControlSequencesInTheCorpusNeverReachTheTerminal() throws {
        let tmux = try Tmux(test: self)
        try tmux.start(["--corpus", Self.hostileCorpus])
        let timeline = try tmux.waitFor("the timeline", escapes: true) { $0.contains("Hostile") && $0.contains("1/1") }
        assertNoInjectedSequence(timeline)
        let plain = try tmux.capture()
        let lines = plain.split(separator: "\n", omittingEmptySubsequences: false)
        // The layout is intact: title bar on the first row, status bar on the last, none wider than the screen.
        XCTAssertTrue(lines[0].contains("Chronicle ·"), plain)
        XCTAssertTrue(lines[29].contains("1/1"), plain)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 100 }, plain)
        XCTAssertTrue(plain.contains("^[[2J"), "ESC is shown in caret notation:\n\(plain)")
        XCTAssertFalse(plain.contains("␛"), "no control picture, which many fonts lack:\n\(plain)")
        // The event pane, the article and the search line see the same text safely.
        try tmux.keys("Enter")
        assertNoInjectedSequence(try tmux.waitFor("the passages", escapes: true) { $0.contains("passage 1/1") })
        try tmux.keys("Enter")
        let article = try tmux.waitFor("the article", escapes: true) { $0.contains("Article") }
        assertNoInjectedSequence(article)
        XCTAssertEqual(try tmux.capture().split(separator: "\n", omittingEmptySubsequences: false).first.map { $0.contains("Chronicle ·") }, true)
        try tmux.keys("/")
        try tmux.keys("-l", "court")
        assertNoInjectedSequence(try tmux.waitFor("the search", escapes: true) { $0.contains("/court") })
        try tmux.keys("Enter", "Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"))
    }

    func testFiftyResizesInASecondAndResizesUnderOverlays() throws {
        let tmux = try Tmux(test: self)
        try tmux.start()
        try tmux.waitFor("the timeline") { $0.contains("★") }
        let sizes = [(1, 1), (400, 120), (24, 7), (23, 6), (80, 24), (200, 50), (2, 30), (100, 2), (60, 20), (40, 12)]
        for index in 0..<50 {
            let (width, height) = sizes[index % sizes.count]
            try tmux.resize(width, height)
        }
        try tmux.resize(100, 30)
        try tmux.waitFor("a whole frame at 100×30") { $0.split(separator: "\n").first?.contains("Timeline") == true && $0.contains("1/22") }
        // A resize while the help overlay, the search line and side by side are open.
        for (open, check) in [("?", "Keys: timeline"), ("/", "type to search"), ("s", "Side by side")] {
            try tmux.keys(open)
            try tmux.waitFor(check) { $0.contains(check) }
            try tmux.resize(30, 8)
            try tmux.waitFor("the small screen") { $0.split(separator: "\n").allSatisfy { $0.count <= 30 } && $0.contains("Chronicle") }
            try tmux.resize(1, 1)
            try tmux.resize(100, 30)
            try tmux.waitFor("\(check) after the resizes") { $0.contains(check) }
            try tmux.keys("Escape")
            try tmux.waitFor("the timeline") { $0.contains("Timeline") && !$0.contains(check) }
        }
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
    }

    func testUnsetOrUnknownTermAndNonTerminalInputGetTheList() throws {
        for environment in ["-u TERM", "TERM=no-such-terminal-xyz"] {
            let tmux = try Tmux(test: self)
            try tmux.start(width: 200, height: 50, environment: environment)
            let screen = try tmux.waitFor("the list (\(environment))") { $0.contains("CHRONICLE-DONE") }
            XCTAssertTrue(screen.contains("cannot open the browser"), screen)
            XCTAssertTrue(screen.contains("★"), screen)
            XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
            XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"))
            // Asked for by name, the browser's absence is an error.
            let named = try Tmux(test: self)
            try named.start(["browse"], width: 200, height: 50, environment: environment)
            let refused = try named.waitFor("the refusal") { $0.contains("CHRONICLE-DONE") }
            XCTAssertTrue(refused.contains("cannot open the browser"), refused)
            XCTAssertEqual(named.contents(of: "status"), "exit=2\n")
        }
        // Standard input not a terminal: no browser, the list.
        let piped = try Tmux(test: self)
        try piped.start(["< /dev/null"], width: 200, height: 50)
        let screen = try piped.waitFor("the list") { $0.contains("CHRONICLE-DONE") }
        XCTAssertTrue(screen.contains("★"), screen)
        XCTAssertEqual(piped.contents(of: "status"), "exit=0\n")
    }

    func testCoverageViewShowsTheMatrixAndOpensACell() throws {
        let tmux = try Tmux(test: self)
        try tmux.start()
        try tmux.waitFor("the timeline") { $0.contains("★") && $0.contains(" 1/22") }
        try tmux.keys("c")
        let screen = try tmux.waitFor("the coverage view") { $0.contains("Coverage") && $0.contains("source 1/5") }
        let rows = screen.split(separator: "\n").map(String.init)
        // The header names the outlets; the 2003 listing is cited by all five.
        XCTAssertTrue(rows[1].hasSuffix("T  G  A  W  D"), rows[1])
        XCTAssertTrue(rows.contains { $0.contains("Russia lists the Taliban") && $0.hasSuffix("●  ●  ●  ●  ●") }, screen)
        XCTAssertTrue(rows.contains { $0.contains("Foreign Ministry") && $0.hasSuffix("○  ○  ○  ·  ●") }, screen)
        XCTAssertTrue(screen.contains("The Moscow Times · 2 May 2025 — published on or after it, does not cite it"), screen)
        // The focused cell is highlighted (black on cyan).
        XCTAssertTrue(Tmux.sgrParameters(in: try tmux.capture(escapes: true)).contains("46"))
        // Down to the 2003 listing, over to TRT World, Enter: the article at the passage.
        try tmux.keys("j", "j", "l", "l", "l")
        try tmux.waitFor("the cell") { $0.contains("event 3/22 · source 4/5") && $0.contains("TRT World · 4 Jul 2024 — cites it") }
        try tmux.keys("Enter")
        // The header changes before the body is painted: wait for the body
        // (its status line names the passage), then look at the highlight.
        let article = try tmux.waitFor("the article", escapes: true) { $0.contains("Article") && $0.contains("TRT World") && $0.contains("passage ") }
        XCTAssertTrue(article.contains("\u{1B}[38;5;16m\u{1B}[43m"), "the passage is highlighted:\n\(article)")
        try tmux.keys("Escape")
        try tmux.waitFor("the coverage view again") { $0.contains("Coverage") }
        try tmux.keys("q", "q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
    }
}
