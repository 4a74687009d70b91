import ChronicleModel
import Foundation
import XCTest
@testable import ChronicleUI

/// Issue 18 in a real terminal: Tests/Fixtures/fidelity-corpus (a BOM, a
/// ZWJ family, invalid bytes before a word) with an article of one 190 kB
/// line, read, searched, resized and left in tmux. After every step the
/// screen tmux holds is the grid the browser renders for the same keys,
/// row by row: a glyph the terminal measures otherwise would shift the
/// cells after it, or leave one behind, and the two would differ.
final class FidelityEndToEndTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fidelity-corpus")
    static let longLine = (1...3_600).map { "Sentence \($0) of the long report says nothing much." }.joined(separator: " ")

    /// The fixture and the long article, on disk.
    func corpus() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-fidelity-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: directory)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        try Data(("A long report\n\n" + Self.longLine + "\n").utf8).write(to: directory.appendingPathComponent("articles/long.txt"))
        let manifest = directory.appendingPathComponent("manifest.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8) + """
              - id: long
                file: articles/long.txt
                outlet: Long Reads
                title: A long report
                published: 2022-06-20
                body: [3]

            """
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        return directory
    }

    /// The browser in this process, fed the keys tmux is sent.
    struct Browser {
        var state: AppState

        init(_ corpus: Corpus, width: Int, height: Int) {
            state = AppState(data: BrowserData(corpus: corpus), size: Size(width: width, height: height), index: SearchIndex(corpus))
            _ = Reducer.reduce(&state, .resize(Size(width: width, height: height)))
        }

        mutating func keys(_ script: String) {
            for word in script.split(separator: " ") {
                guard let key = Key(scriptWord: String(word)) else { XCTFail("no key \(word)"); continue }
                _ = Reducer.handle(key, &state)
            }
        }

        mutating func type(_ text: String) {
            for character in text { _ = Reducer.handle(.character(character), &state) }
        }

        mutating func resize(_ width: Int, _ height: Int) {
            _ = Reducer.reduce(&state, .resize(Size(width: width, height: height)))
        }

        var screen: String { Renderer.render(state).text }
    }

    /// tmux's rows as the grid's text: trailing spaces dropped, no final line end.
    static func rows(_ captured: String) -> String {
        var lines = captured.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    func testAStrangersArticleIsReadSearchedResizedAndLeftWithTheScreenIntact() throws {
        let directory = try corpus()
        let loaded = CorpusLoader.load(from: DirectoryCorpusFiles(root: directory))
        XCTAssertFalse(loaded.hasErrors, "\(loaded.diagnostics)")
        var browser = Browser(loaded.corpus, width: 100, height: 30)
        let tmux = try Tmux(test: self)
        try tmux.start(["--corpus", directory.path])

        var step = 0
        func same(_ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
            step += 1
            let expected = browser.screen
            let screen = try tmux.waitFor("\(step). \(what): the grid\n\(expected)", file: file, line: line) { Self.rows($0) == expected }
            XCTAssertEqual(Self.rows(screen), expected, "\(step). \(what)", file: file, line: line)
        }
        func press(_ tmuxKeys: [String], _ script: String) throws {
            for key in tmuxKeys { try tmux.keys(key) }
            browser.keys(script)
        }
        try same("the timeline")

        // The family's article, opened at the match after the invalid bytes.
        try tmux.keys("/")
        try tmux.keys("-l", "end")
        browser.keys("/")
        browser.type("end")
        try press(["Enter"], "Enter")
        try same("the hit for end")
        XCTAssertTrue(browser.screen.contains("Bad bytes: \u{FFFD}\u{FFFD}\u{FFFD} end."), browser.screen)
        try press(["Tab", "Enter"], "Tab Enter")
        XCTAssertEqual(browser.state.screen, .article)
        try same("the article at the hit")
        XCTAssertTrue(browser.screen.contains("\u{1F468}\u{1F469}\u{1F467} went to the riverside park"), browser.screen)
        XCTAssertFalse(browser.screen.contains("FEFF"), "the BOM is not shown")
        try press(["s"], "s")
        try same("side by side")
        try tmux.resize(60, 20)
        browser.resize(60, 20)
        try same("side by side at 60×20")
        try press(["Escape"], "Esc")
        try same("the article at 60×20")
        try tmux.resize(100, 30)
        browser.resize(100, 30)
        try press(["q"], "q")
        try same("back from the article")
        try press(["Escape"], "Esc")
        try same("the timeline again, nothing left behind")

        // The long line: read in its middle, resized, and left.
        // `/` offers the last query again: erased first.
        try press(["/", "BSpace", "BSpace", "BSpace"], "/ Bksp Bksp Bksp")
        try tmux.keys("-l", "\"Sentence 1800 of\"")
        browser.type("\"Sentence 1800 of\"")
        try press(["Enter", "Tab", "Enter"], "Enter Tab Enter")
        XCTAssertEqual(browser.state.screen, .article)
        try press(["j", "j", "j"], "j j j")
        try same("the middle of the long line")
        // The sentence at the top stays in view through every size, as in less.
        let top = try XCTUnwrap(browser.screen.components(separatedBy: "Sentence ").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) })
        XCTAssertGreaterThan(top, 1700)
        for (width, height) in [(30, 8), (200, 60), (100, 30)] {
            try tmux.resize(width, height)
            browser.resize(width, height)
            try same("the long line at \(width)×\(height)")
            let shown = Self.rows(try tmux.capture())
            XCTAssertTrue(shown.contains("Sentence \(top) ") || shown.contains("\(top) of the long"), "\(width)×\(height):\n\(shown)")
        }
        try press(["q"], "q")
        try same("back from the long line")
        try press(["Escape"], "Esc")
        try same("the timeline at the end")

        try tmux.keys("q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"), "the terminal modes are restored")
    }
}
