import Foundation
import XCTest
@testable import ChronicleModel

/// The export formats as pure functions of a corpus and its events: each
/// against its reviewed file on the seeds, then what each must hold.
final class ExportTests: XCTestCase {
    let seeds = ExportFixtures.seeds

    /// Every citation of the seeds, in export order.
    var seedCitations: [(event: Event, citation: Citation)] {
        seeds.events.flatMap { event in event.citations.map { (event, $0) } }
    }

    func testEachFormatOnTheSeedsMatchesItsReviewedFile() throws {
        for format in ExportFormat.allCases {
            assertMatchesReviewedFile(try format.render(seeds, events: seeds.events), named: "seeds.\(format.fileExtension)")
        }
    }

    // MARK: Markdown

    func testMarkdownHasAHeadingPerYearAnEventPerHeadingAndAFootnotePerCitation() {
        let text = MarkdownExport.render(seeds, events: seeds.events)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("## ") }, ["## 1979", "## 1980s", "## 2003", "## 2021", "## 2024", "## 2025"])
        let eventHeadings = lines.filter { $0.hasPrefix("### ") }
        XCTAssertEqual(eventHeadings.count, seeds.events.count)
        for (heading, event) in zip(eventHeadings, seeds.events) {
            // The date as the browser shows it: precision and "(inferred)" kept.
            XCTAssertTrue(heading.hasPrefix("### " + MarkdownText.escape(event.date.displayText) + " — " + MarkdownText.escape(event.title)),
                          heading)
        }
        XCTAssertTrue(text.contains("### Jun 2024 (inferred) — "), "an inferred month stays a month, and says so")
        XCTAssertTrue(text.contains("### 1980s — "), "a decade stays a decade")
        let definitions = lines.filter { $0.hasPrefix("[^") }
        XCTAssertEqual(definitions.count, seedCitations.count)
        for (number, item) in seedCitations.enumerated() {
            let label = "[^\(number + 1)]"
            XCTAssertEqual(text.components(separatedBy: label).count - 1, 2, "\(label) is referenced once and defined once")
            let definition = definitions[number]
            let source = try? XCTUnwrap(seeds.source(item.citation.sourceID))
            guard let source else { continue }
            XCTAssertTrue(definition.hasPrefix(label + ": “" + MarkdownText.escape(item.citation.passage.exact) + "” — "), definition)
            XCTAssertTrue(definition.contains(MarkdownText.escape(source.outlet)), definition)
            XCTAssertTrue(definition.contains(source.title.map { "*" + MarkdownText.escape($0) + "*" } ?? "untitled"), definition)
            XCTAssertTrue(definition.contains(MarkdownText.escape(source.published.displayText)), definition)
            XCTAssertTrue(definition.contains(source.url.map { "<\($0)>" } ?? "file " + MarkdownText.escape(source.file)), definition)
        }
    }

    func testMarkdownEscapesWhatEitherDialectWouldReadAsMarkup() {
        XCTAssertEqual(MarkdownText.escape("a *b* [c](d) <e> & f_g _h_ 'i' \"j\" -- k... :l: 1:2 x: y"),
                       #"a \*b\* \[c\](d) \<e\> \& f_g \_h\_ \'i\' \"j\" \-- k\.\.. \:l: 1\:2 x: y"#)
        XCTAssertEqual(MarkdownText.escape("1. x", startsParagraph: true), #"1\. x"#)
        XCTAssertEqual(MarkdownText.escape("12) x", startsParagraph: true), #"12\) x"#)
        XCTAssertEqual(MarkdownText.escape("- x", startsParagraph: true), #"\- x"#)
        XCTAssertEqual(MarkdownText.escape("+ x", startsParagraph: true), #"\+ x"#)
        XCTAssertEqual(MarkdownText.escape("- x 1. y"), "- x 1. y", "mid-line, a dash and a number are text")
        XCTAssertEqual(MarkdownText.escape("one\n# two\r\n\tthree"), ##"one \# two three"##, "line breaks and tabs are spaces")
        XCTAssertEqual(MarkdownText.escape("\u{1B}[2J \u{202E}x"), #"␛\[2J \<U+202E\>x"#)
    }

    // MARK: HTML

    func testHTMLIsOnePageThatRequestsNothingAndAllowsNoScript() throws {
        let html = HTMLExport.render(seeds, events: seeds.events)
        let hash = Data(SHA256.digest(Array(HTMLStyle.css.utf8))).base64EncodedString()
        XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                    + "style-src 'sha256-\(hash)'; img-src 'none'; script-src 'none'; "), "the policy allows this stylesheet only")
        XCTAssertTrue(html.contains("<style>\(HTMLStyle.css)</style>"))
        XCTAssertTrue(HTMLStyle.css.contains("@media print"))
        XCTAssertFalse(html.contains("<script"))
        for request in [" src=", "url(", "@import", "<link", "<iframe", "<object", "<img"] {
            XCTAssertFalse(html.contains(request), "the page requests nothing: \(request)")
        }
        for tag in HTMLTags.tags(in: html) {
            XCTAssertFalse(tag.attributes.contains { $0.name.hasPrefix("on") }, tag.text)
            for href in tag.attributes where href.name == "href" || href.name == "cite" {
                XCTAssertTrue(href.value.hasPrefix("#") || href.value.hasPrefix("https://"), tag.text)
            }
        }
    }

    func testHTMLShowsEveryEventAndPassageInItsSentenceAndTheCoverage() throws {
        let html = HTMLExport.render(seeds, events: seeds.events)
        XCTAssertEqual(html.components(separatedBy: "<h2>").count - 1, 6 + 2, "six years, the coverage and the sources")
        for event in seeds.events {
            XCTAssertTrue(html.contains("<article class=\"event\(event.spine ? " spine" : "")\" id=\"event-\(event.id)\">"), event.id)
            XCTAssertTrue(html.contains("<span class=\"date\">\(ExportText.html(event.date.displayText))</span>"), event.id)
            for (number, citation) in event.citations.enumerated() {
                let source = try XCTUnwrap(seeds.source(citation.sourceID))
                let sentence = source.sentenceRange(around: citation.passage.range)
                let before = ExportText.html(source.displayText(sentence.lowerBound..<citation.passage.range.lowerBound))
                let rest = source.displayText(citation.passage.range.upperBound..<sentence.upperBound)
                let after = (rest.first?.isWhitespace == true ? " " : "") + ExportText.html(rest)
                let quote = "<mark>\(ExportText.html(citation.passage.exact))</mark>"
                XCTAssertTrue(html.contains("<li id=\"passage-\(event.id)-\(number + 1)\">"), event.id)
                XCTAssertTrue(html.contains(before + (before.isEmpty ? "" : " ") + quote), "\(event.id): the quote marked, after its sentence's start")
                XCTAssertTrue(html.contains(quote + after), "\(event.id): the quote, before its sentence's end")
            }
        }
        func article(_ id: String) -> String {
            guard let start = html.range(of: "id=\"event-\(id)\"") else { return "" }
            return html[start.lowerBound...].components(separatedBy: "</article>")[0]
        }
        for event in seeds.events {
            let differs = !Disagreement.find(in: event, corpus: seeds).isEmpty
            XCTAssertEqual(article(event.id).contains("title=\"the sources differ\">≠</span>"), differs, event.id)
        }
        let attack = article("moscow-concert-hall-attack")
        XCTAssertTrue(attack.contains("<strong>people</strong>"), attack)
        let trtWorld = (seeds.event("moscow-concert-hall-attack")?.citations.firstIndex { $0.sourceID == "trt-world-2024-07-04" } ?? -1) + 1
        XCTAssertTrue(attack.contains("more than 140 people (TRT World <a href=\"#passage-moscow-concert-hall-attack-\(trtWorld)\">[\(trtWorld)]</a>)"), attack)
        let coverage = Coverage(seeds)
        let cells = html.components(separatedBy: "<td class=\"mark").count - 1
        XCTAssertEqual(cells, seeds.events.count * seeds.sources.count)
        XCTAssertEqual(html.components(separatedBy: "<td class=\"mark cited\"").count - 1,
                       coverage.marks.joined().filter { $0 == .cited }.count)
    }

    func testACorpusOfManySourcesGetsNoCoverageTableAndListsTheSourcesCited() throws {
        let count = HTMLExport.maximumCoverageColumns + 1
        let result = CorpusBuilder.plainArticles((0..<count).map { "Headline \($0)\nThe court ruled in case \($0) today.\n" },
                                                 quoting: 7, "ruled in case 7")
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        let html = HTMLExport.render(result.corpus, events: result.corpus.events)
        XCTAssertFalse(html.contains("<table"))
        XCTAssertTrue(html.contains("The corpus has \(count) sources, too many for a column each"))
        XCTAssertEqual(html.components(separatedBy: "<li id=\"source-").count - 1, 1, "only the source cited is listed")
        XCTAssertTrue(html.contains("<li id=\"source-s7\">"))
        let fewer = CorpusBuilder.plainArticles((0..<(count - 1)).map { "Headline \($0)\nThe court ruled in case \($0) today.\n" },
                                                quoting: 7, "ruled in case 7")
        XCTAssertTrue(HTMLExport.render(fewer.corpus, events: fewer.corpus.events).contains("<table class=\"coverage\">"))
    }

    // MARK: TimelineJS

    func testTimelineJSFollowsItsDocumentedFormat() throws {
        for corpus in [seeds, ExportFixtures.hostileMarkup, ExportFixtures.hostileControls] {
            let text = try TimelineJSExport.render(corpus, events: corpus.events)
            let timeline = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            TimelineJSFormat.check(timeline, events: corpus.events.count)
        }
    }

    func testTimelineJSDatesCarryThePrecisionKnownAndSayWhenTheyArePartial() throws {
        let text = try TimelineJSExport.render(seeds, events: seeds.events)
        let timeline = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let slides = timeline["events"]?.array ?? []
        XCTAssertEqual(slides.compactMap { $0["unique_id"]?.string }, seeds.events.map(\.id))
        func slide(_ id: String) -> JSONValue? { slides.first { $0["unique_id"]?.string == id } }
        func date(_ value: JSONValue?) -> [String: Int] { (value?.object ?? [:]).compactMapValues(\.int) }
        // 198X: the decade, 1980 to 1989; shown as "1980s".
        XCTAssertEqual(date(slide("soviet-afghan-war")?["start_date"]), ["year": 1980])
        XCTAssertEqual(date(slide("soviet-afghan-war")?["end_date"]), ["year": 1989])
        XCTAssertEqual(slide("soviet-afghan-war")?["display_date"]?.string, "1980s")
        // 2024-03: a month, no day.
        XCTAssertEqual(date(slide("moscow-concert-hall-attack")?["start_date"]), ["year": 2024, "month": 3])
        XCTAssertNil(slide("moscow-concert-hall-attack")?["end_date"])
        XCTAssertEqual(slide("moscow-concert-hall-attack")?["display_date"]?.string, "Mar 2024")
        // /2024-10-04, inferred: placed at its only known day, shown as "by".
        XCTAssertEqual(date(slide("kazakhstan-kyrgyzstan-lift-bans")?["start_date"]), ["year": 2024, "month": 10, "day": 4])
        XCTAssertEqual(slide("kazakhstan-kyrgyzstan-lift-bans")?["display_date"]?.string, "by 4 Oct 2024 (inferred)")
        // A day worked out ("On April 17" in an article of 2 May 2025) says it is inferred;
        // a day printed as it is needs nothing added.
        XCTAssertEqual(date(slide("supreme-court-delists-taliban")?["start_date"]), ["year": 2025, "month": 4, "day": 17])
        XCTAssertEqual(slide("supreme-court-delists-taliban")?["display_date"]?.string, "17 Apr 2025 (inferred)")
        XCTAssertTrue(ExportDate(DatedValue(date: try PartialDate(parsing: "2025-04-17"))).isPlainDay)
        XCTAssertFalse(ExportDate(DatedValue(date: try PartialDate(parsing: "2025-04-17"), inferred: true)).isPlainDay)
        XCTAssertEqual(slide("supreme-court-delists-taliban")?["group"]?.string, TimelineJSExport.principalGroup)
        XCTAssertEqual(slide("kazan-business-forum")?["group"]?.string, TimelineJSExport.otherGroup)
        // The quotes, with outlet, date and link, in the text.
        let text17 = slide("supreme-court-delists-taliban")?["text"]?["text"]?.string ?? ""
        XCTAssertTrue(text17.contains("<blockquote><p>“On April 17, Russia&#39;s Supreme Court removed the Taliban from its list of designated terrorist organizations”</p>"
                                      + "<p>— The Moscow Times, <cite>Russia Vows to Help Taliban Fight Islamic State in Afghanistan</cite>, 2 May 2025, "
                                      + "<a href=\"https://www.themoscowtimes.com/"), text17)
    }

    // MARK: CSV

    func testCSVHasARowPerCitationInRFC4180() throws {
        let text = CSVExport.render(seeds, events: seeds.events)
        XCTAssertTrue(text.hasPrefix("event,date,date_inferred,earliest_day,latest_day,precision,title,actors,tags,source,outlet,"
                                     + "published,published_inferred,quote,start_byte,end_byte,url\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").unicodeScalars.contains { $0 == "\n" || $0 == "\r" },
                       "every line ends in CRLF, and no field holds a line break")
        let rows = try CSVRecords.parse(text)
        XCTAssertEqual(rows.first, CSVExport.header)
        XCTAssertEqual(rows.count - 1, seedCitations.count)
        for (row, item) in zip(rows.dropFirst(), seedCitations) {
            XCTAssertEqual(row.count, CSVExport.header.count)
            let source = try XCTUnwrap(seeds.source(item.citation.sourceID))
            let range = item.citation.passage.range
            XCTAssertEqual(row[0], item.event.id)
            XCTAssertEqual(row[1], item.event.date.date.edtf)
            XCTAssertEqual(row[2], String(item.event.date.inferred))
            XCTAssertEqual(row[9], source.id)
            XCTAssertEqual(row[13], item.citation.passage.exact)
            XCTAssertEqual(Int(row[14]), range.lowerBound)
            XCTAssertEqual(Int(row[15]), range.upperBound)
            XCTAssertEqual(source.displayText((Int(row[14]) ?? 0)..<(Int(row[15]) ?? 0)), row[13], "the bytes hold the quote")
            XCTAssertEqual(row[16], source.url ?? "")
        }
        func row(_ id: String) -> [String] { rows.first { $0[0] == id } ?? [] }
        XCTAssertEqual(Array(row("soviet-afghan-war")[1...5]), ["198X", "false", "1980-01-01", "1989-12-31", "decade"])
        XCTAssertEqual(Array(row("kazakhstan-kyrgyzstan-lift-bans")[1...5]), ["/2024-10-04", "true", "", "2024-10-04", "day"])
        XCTAssertEqual(Array(row("moscow-concert-hall-attack")[1...5]), ["2024-03", "false", "2024-03-01", "2024-03-31", "month"])
        XCTAssertEqual(row("moscow-concert-hall-attack")[7], "Islamic State Khorasan (ISIS-K); Russia")
    }

    func testCSVQuotesFieldsAndNeverStartsACellWithAFormula() throws {
        XCTAssertEqual(CSVExport.field("plain"), "plain")
        XCTAssertEqual(CSVExport.field("a, \"b\""), "\"a, \"\"b\"\"\"")
        for formula in ["=1+1", "+1", "-2", "@SUM(A1)"] { XCTAssertEqual(CSVExport.text(formula), "'" + formula) }
        XCTAssertEqual(CSVExport.text("1 = 1"), "1 = 1")
        let rows = try CSVRecords.parse(CSVExport.render(ExportFixtures.hostileMarkup, events: ExportFixtures.hostileMarkup.events))
        XCTAssertEqual(rows.count, 8)
        for cell in rows.joined() { XCTAssertFalse(cell.first.map { "=+-@".contains($0) } ?? false, cell) }
        XCTAssertTrue(rows.contains { $0[13] == "'=cmd|' /C calc'!A0 was typed" })
    }

    // MARK: Web Annotations

    func testEveryAnnotationRefindsItsQuoteFromItsCodePointPositions() throws {
        for corpus in [seeds, ExportFixtures.hostileMarkup, ExportFixtures.hostileControls, Self.emojiCorpus()] {
            let annotations = try Self.annotations(corpus)
            let citations = corpus.events.flatMap { event in event.citations.map { (event, $0) } }
            XCTAssertEqual(annotations.total, citations.count)
            XCTAssertEqual(annotations.first.items.count, citations.count)
            for (annotation, (event, citation)) in zip(annotations.first.items, citations) {
                let source = try XCTUnwrap(corpus.source(citation.sourceID))
                let text = Array(String(decoding: source.display.bytes, as: UTF8.self).unicodeScalars)
                let quote = try XCTUnwrap(annotation.target.selector.first { $0.type == "TextQuoteSelector" })
                let position = try XCTUnwrap(annotation.target.selector.first { $0.type == "TextPositionSelector" })
                let start = try XCTUnwrap(position.start), end = try XCTUnwrap(position.end)
                // Out of the text's range is a wrong position, not a crash.
                func slice(_ range: Range<Int>) -> String? {
                    range.lowerBound >= 0 && range.upperBound <= text.count ? String(String.UnicodeScalarView(text[range])) : nil
                }
                XCTAssertEqual(slice(start..<end), citation.passage.exact, "\(event.id): the positions hold the quote")
                XCTAssertEqual(quote.exact, citation.passage.exact)
                let prefix = try XCTUnwrap(quote.prefix), suffix = try XCTUnwrap(quote.suffix)
                XCTAssertEqual(slice((start - prefix.unicodeScalars.count)..<start), prefix)
                XCTAssertEqual(slice(end..<(end + suffix.unicodeScalars.count)), suffix)
                XCTAssertEqual(prefix.unicodeScalars.count, min(start, AnnotationExport.contextLength))
                XCTAssertEqual(annotation.id, "#passage-\(event.id)-\((event.citations.firstIndex(of: citation) ?? 0) + 1)")
                XCTAssertEqual(annotation.body.first?.id, "#event-\(event.id)")
                XCTAssertEqual(annotation.body.filter { $0.purpose == "tagging" }.map(\.value), event.tags.map(ExportText.line))
                let web = WebLink.linkable(source.url ?? "")
                XCTAssertEqual(annotation.target.source, web ?? WebLink.encoded(source.file))
                XCTAssertEqual(annotation.target.state?.cached, web == nil ? nil : WebLink.encoded(source.file))
            }
        }
    }

    func testPositionsCountCodePointsNotBytesNorUTF16Units() throws {
        let annotations = try Self.annotations(Self.emojiCorpus())
        let position = try XCTUnwrap(annotations.first.items.first?.target.selector.first { $0.type == "TextPositionSelector" })
        // "Headline\n" 9, "“Quoted” " 9, "😀 " 2, "ü " 2 (its <u> markup hidden), U+FFFD for the bad byte, "x " 2.
        XCTAssertEqual(position.start, 25)
        XCTAssertEqual(position.end, 25 + "The court removed the group".count)
        // The seeds: typographic quotes make bytes differ, and the emoji in
        // TRT Global's page makes JavaScript's UTF-16 units differ.
        let seedItems = try Self.annotations(seeds).first.items
        var differsFromBytes = false, differsFromUTF16 = false
        for (annotation, (_, citation)) in zip(seedItems, seedCitations) {
            guard let start = annotation.target.selector.first(where: { $0.type == "TextPositionSelector" })?.start,
                  let source = seeds.source(citation.sourceID) else { continue }
            let display = source.display
            let before = String(decoding: display.bytes[..<display.displayIndex(atOrAfterRaw: citation.passage.range.lowerBound)], as: UTF8.self)
            differsFromBytes = differsFromBytes || before.utf8.count != start
            differsFromUTF16 = differsFromUTF16 || before.utf16.count != start
            XCTAssertEqual(before.unicodeScalars.count, start)
        }
        XCTAssertTrue(differsFromBytes && differsFromUTF16)
    }

    func testLinksGoOnlyToTheWebAndCannotLeaveTheirQuotes() {
        XCTAssertEqual(WebLink.linkable(" HTTPS://example.com/a b\"<>\u{202E}"), "HTTPS://example.com/a%20b%22%3C%3E%E2%80%AE")
        for address in ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "https://", "https:///path", "//example.com"] {
            XCTAssertNil(WebLink.linkable(address), address)
        }
        XCTAssertEqual(WebLink("https://user@www.example.com:8080/path?q#f")?.host, "www.example.com:8080")
        XCTAssertEqual(WebLink.encoded("articles/my article.txt"), "articles/my%20article.txt")
    }

    // MARK: Hostile corpora

    func testHostileCorporaComeOutAsTextInEveryFormat() throws {
        for corpus in [ExportFixtures.hostileControls, ExportFixtures.hostileMarkup] {
            for format in ExportFormat.allCases {
                let text = try format.render(corpus, events: corpus.events)
                let scalars = Array(text.unicodeScalars)
                for (index, scalar) in scalars.enumerated() where scalar != "\n" {
                    let endsALine = format == .csv && scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
                    XCTAssertTrue(SafeText.placeholder(for: scalar) == nil || endsALine,
                                  "\(format) lets U+\(String(scalar.value, radix: 16, uppercase: true)) through")
                }
                HostileChecks.assertNothingRuns(text, format: format)
            }
        }
    }

    // MARK: Dates

    func testDaysConvertBackToTheCalendar() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (year, month, day) = CivilDay.civil(days)
            XCTAssertEqual(DayNumber.from(year: year, month: month, day: day), days)
        }
        XCTAssertEqual(CivilDay.iso(0), "1970-01-01")
        XCTAssertEqual(CivilDay.iso(DayNumber.from(year: 2024, month: 2, day: 29)), "2024-02-29")
        XCTAssertEqual(CivilDay.iso(DayNumber.from(year: 44, month: 3, day: 15)), "0044-03-15")
    }

    func testYearHeadingsAreTheYearDecadeOrCenturyOfTheKnownStart() throws {
        let headings = try ["2024-03-05", "2024-03", "198X", "19XX", "1979/1989", "/2024-10", "../1985", "2024~"].map {
            try PartialDate(parsing: $0).yearHeading
        }
        XCTAssertEqual(headings, ["2024", "2024", "1980s", "1900–1999", "1979", "2024", "1985", "2024"])
    }

    func testExportDatesKeepThePrecisionAndQualifiers() throws {
        func date(_ edtf: String, inferred: Bool = false) throws -> ExportDate {
            ExportDate(DatedValue(date: try PartialDate(parsing: edtf), inferred: inferred))
        }
        let decade = try date("198X")
        XCTAssertEqual([decade.start, decade.end], [.init(year: 1980, month: nil, day: nil), .init(year: 1989, month: nil, day: nil)])
        XCTAssertEqual(try date("19XX").end, .init(year: 1999, month: nil, day: nil))
        XCTAssertEqual(try date("2024-XX").start, .init(year: 2024, month: nil, day: nil))
        XCTAssertEqual(try date("2024-03-XX").start, .init(year: 2024, month: 3, day: nil))
        XCTAssertEqual(try date("2024-03/2024-05").end, .init(year: 2024, month: 5, day: nil))
        XCTAssertNil(try date("2024-03-05/..").end)
        XCTAssertTrue(try date("2024-03-05").isPlainDay)
        XCTAssertFalse(try date("2024-03-05", inferred: true).isPlainDay)
        XCTAssertFalse(try date("2024-03-05~").isPlainDay)
        XCTAssertEqual(try date("2024-03-05~").display, "c. 5 Mar 2024")
        XCTAssertEqual(try date("2024-03-05?", inferred: true).display, "5 Mar 2024? (inferred)")
        XCTAssertEqual(try date("2024-03").latestDay, "2024-03-31")
        XCTAssertNil(try date("../2024").earliestDay)
    }

    // MARK: Helpers

    /// One article whose quote follows typographic quotes, an emoji, a
    /// hidden `<u>` tag and a byte that is not UTF-8.
    static func emojiCorpus() -> Corpus {
        let article = Array("Headline\n“Quoted” 😀 <u>ü</u> ".utf8) + [0xFF] + Array("x The court removed the group today.\n".utf8)
        let manifest = "format: 1\nsources:\n  - id: e\n    file: e.txt\n    outlet: Emoji Wire\n    url: https://example.com/e\n"
            + "    published: 2024-05-01\n    body: [2]\n"
        let events = "events:\n  - id: removal\n    date: 2024-04\n    title: Removal\n    tags: [law]\n"
            + "    citations:\n      - source: e\n        quote: The court removed the group\n"
        return ExportFixtures.load(InMemoryCorpusFiles(["e.txt": article, "manifest.yaml": Array(manifest.utf8),
                                                        "events.yaml": Array(events.utf8)]))
    }

    struct Annotations: Decodable {
        struct Selector: Decodable { let type: String; let exact: String?; let prefix: String?; let suffix: String?; let start: Int?; let end: Int? }
        struct State: Decodable { let type: String; let cached: String }
        struct Target: Decodable { let source: String; let state: State?; let selector: [Selector] }
        struct Body: Decodable { let id: String?; let type: String; let purpose: String; let format: String; let value: String }
        struct Annotation: Decodable { let id: String; let type: String; let motivation: String; let body: [Body]; let target: Target }
        struct Page: Decodable { let id: String; let type: String; let items: [Annotation] }
        let context: String
        let id: String
        let type: String
        let total: Int
        let first: Page
        enum CodingKeys: String, CodingKey { case context = "@context", id, type, total, first }
    }

    static func annotations(_ corpus: Corpus) throws -> Annotations {
        let decoded = try JSONDecoder().decode(Annotations.self, from: Data(try AnnotationExport.render(corpus, events: corpus.events).utf8))
        XCTAssertEqual(decoded.context, "http://www.w3.org/ns/anno.jsonld")
        XCTAssertEqual([decoded.type, decoded.first.type], ["AnnotationCollection", "AnnotationPage"])
        for item in decoded.first.items {
            XCTAssertEqual([item.type, item.motivation], ["Annotation", "describing"])
            XCTAssertEqual(Set(item.body.map(\.type)), ["TextualBody"])
            XCTAssertEqual(item.target.selector.map(\.type), ["TextQuoteSelector", "TextPositionSelector"])
        }
        return decoded
    }
}
