import ChronicleModel
import Foundation
import XCTest

/// The exports opened in the programs people open them with: headless
/// Chromium for the page, pandoc for the Markdown, LibreOffice for the
/// CSV. `.ci/run` installs them; on a machine without one these tests fail
/// and say what to install, never skip.
final class ExportRenderingTests: XCTestCase {
    static let seeds = CLI.packageRoot.appendingPathComponent("seeds")
    static let hostileMarkup = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/hostile-markup-corpus")
    static let hostileControls = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/hostile-corpus")

    static func corpus(_ root: URL) -> Corpus { CorpusLoader.load(from: DirectoryCorpusFiles(root: root)).corpus }

    /// Exports a corpus to a file in a fresh directory, through the command.
    func export(_ format: String, _ corpus: URL, to name: String) throws -> URL {
        let url = try CLI.temporaryDirectory(self).appendingPathComponent(name)
        let result = try CLI.run(["export", "--format", format, "--corpus", corpus.path, "--out", url.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return url
    }

    // MARK: Chromium

    /// The page's DOM after Chromium has parsed, styled and laid it out.
    func dom(_ page: URL, _ extra: [String] = []) throws -> String {
        let profile = try CLI.temporaryDirectory(self)
        let result = try Tools.run("chromium", package: "chromium", Tools.chromiumFlags(profile) + extra + ["--dump-dom", page.absoluteString])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("</html>"), "Chromium printed no DOM:\n\(result.stderr)")
        return result.stdout
    }

    func testChromiumShowsEveryEventAndQuoteOfTheSeeds() throws {
        let page = try export("html", Self.seeds, to: "seeds.html")
        let corpus = Self.corpus(Self.seeds)
        let dom = try self.dom(page)
        assertShownAsText(dom, corpus)
        XCTAssertEqual(dom.components(separatedBy: "<mark>").count - 1, corpus.events.reduce(0) { $0 + $1.citations.count })
        XCTAssertEqual(dom.components(separatedBy: "<article ").count - 1, corpus.events.count)

        let screenshot = page.deletingLastPathComponent().appendingPathComponent("seeds.png")
        let profile = try CLI.temporaryDirectory(self)
        let result = try Tools.run("chromium", package: "chromium", Tools.chromiumFlags(profile)
                                   + ["--window-size=1200,1600", "--screenshot=\(screenshot.path)", page.absoluteString])
        XCTAssertEqual(result.status, 0, result.stderr)
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        func bigEndian(_ offset: Int) -> Int { png.dropFirst(offset).prefix(4).reduce(0) { $0 << 8 | Int($1) } }
        XCTAssertEqual([bigEndian(16), bigEndian(20)], [1200, 1600], "the window's size")
        // A blank page of that size compresses to a few kB; text does not.
        XCTAssertGreaterThan(png.count, 40_000, "the screenshot shows the page")
    }

    func testChromiumShowsTheHostileCorporaAsTextAndRunsNothing() throws {
        for root in [Self.hostileMarkup, Self.hostileControls] {
            let page = try export("html", root, to: "hostile.html")
            let dom = try self.dom(page)
            assertShownAsText(dom, Self.corpus(root))
            HTMLTags.assertRunsNothing(dom, root.lastPathComponent)
        }
        let dom = try self.dom(try export("html", Self.hostileMarkup, to: "hostile.html"))
        for payload in ["&lt;script&gt;alert('quote')&lt;/script&gt;", "&lt;img src=x onerror=alert('img')&gt;",
                        "&lt;/textarea&gt;&lt;/title&gt;&lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt;",
                        "<code>javascript:alert(document.cookie)</code>", "&lt;U+202E&gt;override&lt;U+202C&gt;"] {
            XCTAssertTrue(dom.contains(payload), "\(payload) is shown as text")
        }
        XCTAssertTrue(dom.contains("<title>&lt;script&gt;alert('title')&lt;/script&gt; Hostile \"markup\" &amp; &lt;b&gt;corpus&lt;/b&gt;</title>"))
    }

    /// The policy forbids a script even if one got into the page; without
    /// the policy the same script runs, so the test can tell.
    func testTheContentSecurityPolicyStopsAScriptThatGotIn() throws {
        let page = try export("html", Self.seeds, to: "seeds.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        let injected = "<body>\n<script>document.title = 'ran'</script>"
        let withPolicy = page.deletingLastPathComponent().appendingPathComponent("injected.html")
        try Data(html.replacingOccurrences(of: "<body>", with: injected).utf8).write(to: withPolicy)
        XCTAssertFalse(try dom(withPolicy).contains("<title>ran</title>"), "the policy blocks the script")
        let policy = try XCTUnwrap(html.range(of: "<meta http-equiv=\"Content-Security-Policy\"[^>]*>\n", options: .regularExpression))
        let withoutPolicy = page.deletingLastPathComponent().appendingPathComponent("unprotected.html")
        try Data(html.replacingCharacters(in: policy, with: "").replacingOccurrences(of: "<body>", with: injected).utf8).write(to: withoutPolicy)
        XCTAssertTrue(try dom(withoutPolicy).contains("<title>ran</title>"), "without the policy the script runs: the check can fail")
    }

    /// Every event's title and every quote is in the DOM as text, as
    /// Chromium serialises text (`&`, `<`, `>` escaped).
    func assertShownAsText(_ dom: String, _ corpus: Corpus, file: StaticString = #filePath, line: UInt = #line) {
        func serialized(_ text: String) -> String {
            Shown.line(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
        }
        for event in corpus.events {
            XCTAssertTrue(dom.contains("id=\"event-\(event.id)\""), event.id, file: file, line: line)
            XCTAssertTrue(dom.contains("<bdi>\(serialized(event.title))</bdi>"), "\(event.id): its title", file: file, line: line)
            for citation in event.citations {
                XCTAssertTrue(dom.contains("<mark>\(serialized(citation.passage.exact))</mark>"), "\(event.id): \(citation.passage.exact)",
                              file: file, line: line)
            }
        }
    }

    // MARK: pandoc

    func testPandocRendersTheCitationsAsFootnotesInBothDialects() throws {
        let markdown = try export("markdown", Self.seeds, to: "seeds.md")
        let corpus = Self.corpus(Self.seeds)
        let citations = corpus.events.reduce(0) { $0 + $1.citations.count }
        for dialect in ["markdown", "gfm"] {
            let result = try Tools.run("pandoc", package: "pandoc", ["-f", dialect, "-t", "html", markdown.path])
            XCTAssertEqual(result.status, 0, result.stderr)
            let html = result.stdout
            XCTAssertEqual(html.components(separatedBy: "class=\"footnote-ref\"").count - 1, citations, dialect)
            XCTAssertEqual(html.components(separatedBy: "<li id=\"fn").count - 1, citations, "\(dialect): a footnote per citation")
            XCTAssertTrue(html.contains("<section class=\"footnotes"), dialect)
            XCTAssertEqual(html.components(separatedBy: "<h2").count - 1, 6, "\(dialect): a heading per year")
            XCTAssertEqual(html.components(separatedBy: "<h3").count - 1, corpus.events.count, dialect)
            for event in corpus.events {
                for citation in event.citations {
                    // pandoc writes `"` in text as is and breaks lines at spaces; its
                    // Markdown keeps "St." and "Mr." on the line with the next word
                    // by a no-break space, which reads the same.
                    let quote = Shown.line(citation.passage.exact).replacingOccurrences(of: "&", with: "&amp;")
                    let rendered = html.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "&quot;", with: "\"")
                        .replacingOccurrences(of: "\u{A0}", with: " ")
                    XCTAssertTrue(rendered.contains("“" + quote + "”"), "\(dialect): \(quote)")
                }
            }
        }
        for root in [Self.hostileMarkup, Self.hostileControls] {
            let hostile = try export("markdown", root, to: "hostile.md")
            for dialect in ["markdown", "gfm"] {
                let result = try Tools.run("pandoc", package: "pandoc", ["-f", dialect, "-t", "html", hostile.path])
                XCTAssertEqual(result.status, 0, result.stderr)
                HTMLTags.assertRunsNothing(result.stdout, "\(root.lastPathComponent) through pandoc's \(dialect)",
                                           allowed: HTMLTags.pandocTags)
                if root == Self.hostileMarkup {
                    XCTAssertTrue(result.stdout.contains("&lt;script&gt;alert(\"event\")&lt;/script&gt;"), "markup is shown as text")
                    XCTAssertTrue(result.stdout.contains("[x](javascript:alert(1))"), "a link's syntax is shown as text")
                } else {
                    XCTAssertTrue(result.stdout.contains("␛[2J"), "a control is shown as its placeholder")
                }
            }
        }
    }

    // MARK: LibreOffice

    func testLibreOfficeReadsTheDatesAsDatesAndRunsNoFormula() throws {
        let corpus = Self.corpus(Self.seeds)
        let rows = try spreadsheet(try export("csv", Self.seeds, to: "seeds.csv"))
        let citations = corpus.events.flatMap { event in event.citations.map { (event, $0) } }
        XCTAssertEqual(rows.count, citations.count + 1)
        for (row, (event, citation)) in zip(rows.dropFirst(), citations) {
            XCTAssertEqual(row[0].text, event.id)
            XCTAssertEqual(row[1].text, event.date.date.edtf, "the EDTF date is shown as written")
            for (cell, day) in [(row[3], event.date.date.earliestDay), (row[4], event.date.date.latestDay)] where day != nil {
                XCTAssertEqual(cell.type, "date", "\(event.id): \(cell.text) is a date to the spreadsheet")
                XCTAssertEqual(cell.dateValue, cell.text, "\(event.id): the day read is the day written")
            }
            XCTAssertEqual(row[13].text, Shown.line(citation.passage.exact))
            XCTAssertEqual(row[14].type, "float")
        }
        let hostile = try spreadsheet(try export("csv", Self.hostileMarkup, to: "hostile.csv"))
        XCTAssertTrue(hostile.joined().contains { $0.text == "'=cmd|' /C calc'!A0 was typed" }, "a formula stays text")
    }

    struct Cell { let type: String; let dateValue: String?; let text: String }

    /// The CSV as LibreOffice Calc reads it (UTF-8, comma, double quote),
    /// converted to flat OpenDocument and read back cell by cell. A cell
    /// holding a formula fails the test.
    func spreadsheet(_ csv: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [[Cell]] {
        let directory = csv.deletingLastPathComponent()
        let profile = try CLI.temporaryDirectory(self)
        let result = try Tools.run("soffice", package: "libreoffice-calc-nogui",
                                   ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--infilter=CSV:44,34,76,1",
                                    "--convert-to", "fods", "--outdir", directory.path, csv.path])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let fods = try String(contentsOf: csv.deletingPathExtension().appendingPathExtension("fods"), encoding: .utf8)
        XCTAssertFalse(fods.contains("table:formula="), "LibreOffice found a formula", file: file, line: line)
        return OpenDocument.rows(fods)
    }
}
