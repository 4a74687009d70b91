import XCTest
@testable import ChronicleModel

/// Issue 18 in the model: text as a stranger's corpus has it (a BOM, CRLF, a
/// final newline, invalid UTF-8), on Tests/Fixtures/fidelity-corpus.
final class FidelityTests: XCTestCase {
    var family: Source { FidelityCorpus.corpus.source("family")! }

    // Item 5: a file ending with a line end has as many lines as `wc -l` counts.
    func testAFinalLineEndOpensNoPhantomLine() {
        for wide in [false, true] {
            XCTAssertEqual(LineIndex(Array("a\n".utf8), wide: wide).lineCount, 1)
            XCTAssertEqual(LineIndex(Array("a\r\n".utf8), wide: wide).lineCount, 1)
            XCTAssertEqual(LineIndex(Array("a\r".utf8), wide: wide).lineCount, 1)
            XCTAssertEqual(LineIndex(Array("\n".utf8), wide: wide).lineCount, 1)
            let blankLast = LineIndex(Array("a\n\n".utf8), wide: wide)
            XCTAssertEqual(blankLast.lineCount, 2)
            XCTAssertEqual(blankLast.contentRange(ofLine: 2), 2..<2)
            XCTAssertEqual(blankLast.line(containing: 3), 2)
        }
        let raw = family.raw
        let newlines = raw.filter { $0 == 0x0A }.count
        XCTAssertEqual(raw.suffix(2), [0x0D, 0x0A])
        XCTAssertEqual(family.lines.lineCount, newlines, "as wc -l counts")
        XCTAssertEqual(family.displayLine(family.lines.lineCount), "More news from the valley")
        XCTAssertEqual(family.lines.line(containing: raw.count), family.lines.lineCount)
    }

    func testALineRangePastTheEndSaysHowManyLinesTheFileHas() {
        let result = FidelityCorpus.load(manifest: { $0.replacingOccurrences(of: "body: [4-12]", with: "body: [4-17]") })
        let messages = result.diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.contains("lines 4-17 run past the end of the article, which has 16 lines") }, "\(messages)")
        // Line 16 is the last: the range that ends there loads.
        XCTAssertFalse(FidelityCorpus.load(manifest: { $0.replacingOccurrences(of: "body: [4-12]", with: "body: [4-16]") }).hasErrors)
    }

    /// A YAML reader error at the start of a line is on that line, not the one before.
    func testAYAMLReaderErrorAtALineStartNamesThatLine() {
        var files = FidelityCorpus.onDisk
        files["events.yaml"] = Array("events:\n  - id: x\n\u{01}date: 2022\n".utf8)
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(files))
        let reader = result.diagnostics.first { $0.message.contains("cannot read YAML") }
        XCTAssertEqual(reader?.location.line, 3, "\(result.diagnostics)")
    }

    // Item 4: a leading byte-order mark is not text, but offsets stay raw.
    func testALeadingByteOrderMarkIsHiddenFromDisplayAndMatching() {
        XCTAssertEqual(Array(family.raw.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(family.displayLine(1), "A family day in the park")
        XCTAssertEqual(family.display.rawOffset(0), 3)
        XCTAssertEqual(family.display.displayIndex(atOrAfterRaw: 0), 0)
        // A quote of the first words anchors at raw byte 3, after the mark.
        let whole = Source(id: "bom", file: "bom.txt", outlet: "O", title: nil, published: family.published, raw: family.raw)
        XCTAssertEqual(QuoteAnchor.resolve(exact: "A family day", in: whole), .resolved(range: 3..<15, line: 1, endLine: 1))
        XCTAssertEqual(QuoteAnchor.resolve(exact: "A family day", in: family), .notFound(elsewhere: [1], nearMiss: nil))
        // A mark elsewhere is text (a zero-width no-break space) and stays visible.
        let inside = DisplayProjection(raw: Array("a\u{FEFF}b".utf8))
        XCTAssertEqual(inside.bytes.count, 5)
    }
}

/// Item 2: the map between bytes with invalid UTF-8 and their decoded text.
final class DecodedTextTests: XCTestCase {
    func testDecodingAgreesWithTheStandardLibraryAndMapsEveryOffset() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("ab ".utf8), Array("é".utf8), Array("👨‍👩‍👧".utf8), [0xFF], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
                                 [0xC3], [0x80], [0xED, 0xA0, 0x80], Array("end".utf8)]
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...12, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            let decoded = DecodedText(bytes)
            XCTAssertEqual(decoded.text, String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(decoded.invalid.count, decoded.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count)
            // Every valid scalar's bytes are the text's bytes at the mapped offset, both ways.
            var textIndex = 0
            for scalar in decoded.text.unicodeScalars {
                let at = decoded.byteOffset(textIndex)
                XCTAssertEqual(decoded.textOffset(at), textIndex)
                if scalar != "\u{FFFD}" {
                    XCTAssertEqual(Array(bytes[at..<(at + UTF8.width(scalar))]), Array(String(scalar).utf8))
                } else {
                    XCTAssertTrue(decoded.invalid.contains { $0.lowerBound == at }, "\(bytes)")
                }
                textIndex += UTF8.width(scalar)
            }
            XCTAssertEqual(decoded.byteOffset(textIndex), bytes.count)
            XCTAssertEqual(decoded.textOffset(bytes.count), decoded.text.utf8.count)
        }
    }

    func testWordsAfterInvalidBytesAreTheirRawBytes() throws {
        let family = try XCTUnwrap(FidelityCorpus.corpus.source("family"))
        let words = PassageSelection.words(in: family, family.lines.contentRange(ofLine: 6))
        XCTAssertEqual(words.map { family.rawText($0) }, ["Bad", "bytes", "end"])
    }
}

/// Item 7: one function says every count.
final class PluralTests: XCTestCase {
    func testACountAgreesWithItsNoun() {
        XCTAssertEqual(Plural.count(1, "passage"), "1 passage")
        XCTAssertEqual(Plural.count(0, "passage"), "0 passages")
        XCTAssertEqual(Plural.count(2, "valid event"), "2 valid events")
        XCTAssertEqual(Plural.count(2, "match"), "2 matches")
        XCTAssertEqual(Plural.count(3, "entry"), "3 entries")
        XCTAssertEqual(Plural.count(3, "day"), "3 days")
        XCTAssertEqual(Plural.noun("line", 1), "line")
    }
}

/// Item 9: the JSON every command and export writes.
final class MachineJSONTests: XCTestCase {
    func testEveryControlAndFormatCharacterIsEscapedAndTheValueKept() throws {
        let hostile = "a\u{1B}b\u{7F}c\u{9B}d\u{202E}e\u{200B}f\u{2066}g\u{2028}h\u{FEFF}i\u{E0041}j\u{200D}k\u{AD}l é 👨‍👩‍👧"
        let json = try MachineJSON.encode(["text": hostile])
        for scalar in json.unicodeScalars where scalar != "\n" && scalar != " " {
            XCTAssertFalse([.control, .format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory),
                           "U+\(String(scalar.value, radix: 16)) left raw in \(json)")
        }
        XCTAssertTrue(json.contains(#"\uDB40\uDC41"#), "a tag beyond the BMP as a surrogate pair: \(json)")
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        XCTAssertEqual(decoded["text"], hostile)
        XCTAssertEqual(SafeText.placeholder(for: "\u{E0041}"), "<U+E0041>", "tags hide text: shown, not passed")
    }
}

/// Item 12: an article published before the event can only report plans.
final class SuggestionsBeforeTheEventTests: XCTestCase {
    func testSentencesOfAnArticlePublishedBeforeTheEventRankLastAndSaySo() throws {
        let corpus = FidelityCorpus.corpus
        let event = try XCTUnwrap(corpus.event("playground-opens"))
        let suggestions = Suggestions.suggest(for: event, in: corpus, limit: 50)
        let early = suggestions.filter { $0.sourceID == "early" }
        // The Council Bulletin of March 2021 announces the June 2022 opening
        // in the event's own words: by score alone it would come first.
        XCTAssertEqual(early.count, 3, "\(suggestions)")
        XCTAssertTrue(suggestions.contains { $0.sourceID != "early" })
        let firstEarly = try XCTUnwrap(suggestions.firstIndex { $0.sourceID == "early" })
        XCTAssertTrue(suggestions[..<firstEarly].allSatisfy { !$0.publishedBeforeEvent && $0.sourceID != "early" })
        XCTAssertTrue(suggestions[firstEarly...].allSatisfy { $0.sourceID == "early" && $0.publishedBeforeEvent })
        XCTAssertGreaterThan(early.map(\.score).max() ?? 0, suggestions[0].score, "the plan outscores what came after")
        for suggestion in suggestions {
            XCTAssertEqual(suggestion.reasons.last == Suggestions.beforeEventReason, suggestion.sourceID == "early", "\(suggestion)")
        }
        // Within each group, best first.
        for group in [Array(suggestions[..<firstEarly]), Array(suggestions[firstEarly...])] {
            XCTAssertEqual(group.map(\.score), group.map(\.score).sorted(by: >))
        }
        // An event of 2021 or earlier: the bulletin of 10 March 2021 may have
        // been published after it, so it is ranked by score alone.
        let floods = try XCTUnwrap(corpus.event("valley-floods"))
        XCTAssertFalse(Suggestions.suggest(for: floods, in: corpus, limit: 50).contains { $0.publishedBeforeEvent })
    }
}

/// Items 10 and 11: amounts normalised; a claim stated in its passage.
final class AmountTests: XCTestCase {
    func amount(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Amount {
        let found = AmountReader.amounts(in: text)
        XCTAssertEqual(found.count, 1, "\(text): \(found)", file: file, line: line)
        return try XCTUnwrap(found.first, file: file, line: line)
    }

    func testMoneyCountsAndDurationsAreNormalised() throws {
        let million = try amount("The playground cost €41 million, the council said")
        XCTAssertEqual(million.measure, .money("€"))
        XCTAssertEqual(million.value, 41_000_000)
        XCTAssertTrue(million.isSame(as: try amount("It cost €41m and took")))
        XCTAssertTrue(million.isSame(as: try amount("a bill of 41 million euros")))
        XCTAssertTrue(million.isSame(as: try amount("€41,000,000 in all")))
        XCTAssertFalse(million.isSame(as: try amount("Repairs will cost €22 million.")))
        XCTAssertFalse(million.isSame(as: try amount("It cost $41m")), "another currency")
        XCTAssertEqual(try amount("€2.5bn").value, 2_500_000_000)
        XCTAssertEqual(try amount("€2.5bn").reading, "€2.5 billion")
        XCTAssertEqual(AmountReader.amounts(in: "It cost €41m").first.map { Array(Array("It cost €41m".utf8)[$0.range]) }, Array("€41m".utf8))

        let months = try amount("took 14 months to build")
        XCTAssertEqual(months.measure, .duration)
        let year = try amount("took more than a year to build")
        XCTAssertEqual(year.reading, "more than 1 year")
        XCTAssertTrue(months.isCompatible(with: year), "14 months is more than a year")
        XCTAssertFalse(months.isSame(as: year))
        XCTAssertFalse(try amount("took 10 months").isCompatible(with: year))
        XCTAssertTrue(try amount("for two decades").isSame(as: try amount("for 20 years")))
        XCTAssertTrue(try amount("for 2 years").isSame(as: try amount("for 24 months")))

        let killed = try amount("killed 145 people")
        XCTAssertTrue(killed.isSame(as: try amount("145 fatalities")))
        XCTAssertTrue(killed.isCompatible(with: try amount("more than 140 people")))
        XCTAssertFalse(killed.isCompatible(with: try amount("137 people")))
        XCTAssertEqual(AmountReader.amounts(in: "on 12 June 2022, in 2021, with 3 of them"), [], "dates and bare numbers are no amounts")
    }

    func event(_ corpus: Corpus, _ id: String) throws -> Event { try XCTUnwrap(corpus.event(id)) }

    func testWhichKindOfDifferenceAndOnlyOnce() throws {
        let corpus = FidelityCorpus.corpus
        // €41 million and €41m (recorded and found): the same, not a disagreement;
        // 14 months and more than a year: a difference of precision.
        let cost = Disagreement.find(in: try event(corpus, "playground-cost"), corpus: corpus)
        XCTAssertEqual(cost.map(\.subject), ["duration"], "\(cost)")
        XCTAssertEqual(cost.first?.kind, .precision)
        XCTAssertEqual(cost.first?.readings.map(\.text), ["14 months", "more than 1 year"])
        let floods = Disagreement.find(in: try event(corpus, "valley-floods"), corpus: corpus)
        XCTAssertEqual(floods.map(\.kind), [.value])
        XCTAssertEqual(floods.first?.readings.map(\.text), ["145 people", "137 people"])

        // Money is found without claims: €41 million against €22 million.
        let repairs = FidelityCorpus.load(events: {
            $0 + """

              - id: two-costs
                date: 2022-06
                title: Two costs
                citations:
                  - source: family
                    quote: The playground cost €41 million
                  - source: wire
                    quote: Repairs to the flood wall will cost €22 million.

            """
        })
        XCTAssertFalse(repairs.hasErrors, "\(repairs.diagnostics)")
        let money = Disagreement.find(in: try event(repairs.corpus, "two-costs"), corpus: repairs.corpus)
        XCTAssertEqual(money.map(\.subject), ["money (€)"])
        XCTAssertEqual(money.first?.kind, .value)
        XCTAssertEqual(money.first?.readings.map(\.text), ["€41 million", "€22 million"])
    }

    func testAnAmountRecordedAsAClaimIsReportedOnce() throws {
        // Valley Wire saying "about 14 months", both recorded as claims.
        var files = FidelityCorpus.onDisk
        let wire = String(decoding: files["articles/wire.txt"] ?? [], as: UTF8.self)
        files["articles/wire.txt"] = Array(wire.replacingOccurrences(of: "more than a year", with: "about 14 months").utf8)
        let manifest = String(decoding: files["manifest.yaml"] ?? [], as: UTF8.self)
        files["manifest.yaml"] = Array(manifest.replacingOccurrences(of: "    sha256: c21a22913c8475027d40078468d323c2b628780e01ade586ee5980ba7cc3109d\n", with: "").utf8)
        let events = String(decoding: files["events.yaml"] ?? [], as: UTF8.self)
        files["events.yaml"] = Array(events.replacingOccurrences(of: "more than a year", with: "about 14 months")
            .replacingOccurrences(of: "claims: {cost: €41 million}", with: "claims: {cost: €41 million, took: 14 months}")
            .replacingOccurrences(of: "claims: {cost: €41m}", with: "claims: {cost: €41m, took: about 14 months}").utf8)
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(files, name: "about"))
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        let found = Disagreement.find(in: try event(result.corpus, "playground-cost"), corpus: result.corpus)
        XCTAssertEqual(found.map(\.subject), ["took"], "once, as the claim, not again as a duration: \(found)")
        XCTAssertEqual(found.first?.kind, .precision)
        XCTAssertEqual(found.first?.readings.map(\.text), ["14 months", "about 14 months"])
    }

    func testAClaimMustBeStatedInItsPassage() throws {
        let corpus = FidelityCorpus.corpus
        let family = try XCTUnwrap(corpus.source("family"))
        let citation = try XCTUnwrap(try event(corpus, "playground-cost").citations.first)
        let range = citation.passage.range
        XCTAssertNil(ClaimCheck.problem(.init(name: "cost", value: "€41 million"), in: range, of: family))
        XCTAssertNil(ClaimCheck.problem(.init(name: "cost", value: "€41m"), in: range, of: family), "the same amount in other words")
        XCTAssertNil(ClaimCheck.problem(.init(name: "who", value: "the council"), in: range, of: family))
        XCTAssertNotNil(ClaimCheck.problem(.init(name: "cost", value: "€99 billion"), in: range, of: family))
        XCTAssertNotNil(ClaimCheck.problem(.init(name: "cost", value: "$41 million"), in: range, of: family))
        XCTAssertNotNil(ClaimCheck.problem(.init(name: "took", value: "about 14 months"), in: range, of: family), "more exact than the passage is no claim of it")
        XCTAssertNotNil(ClaimCheck.problem(.init(name: "who", value: "the mayor"), in: range, of: family))

        let result = FidelityCorpus.load(events: { $0.replacingOccurrences(of: "claims: {cost: €41 million}", with: "claims: {cost: €99 billion}") })
        let error = try XCTUnwrap(result.diagnostics.errors.first, "\(result.diagnostics)")
        XCTAssertEqual(result.diagnostics.errors.count, 1)
        XCTAssertEqual(error.location.file, "events.yaml")
        XCTAssertEqual(error.location.line, 28)
        XCTAssertTrue(error.message.contains("`cost: €99 billion` is not stated in its passage (articles/family.txt, line 8)"), error.message)
        XCTAssertTrue(error.message.contains("it states €41 million, 14 months"), error.message)
        XCTAssertNotNil(error.hint)
        // Left out, so nothing shows it as the source's.
        XCTAssertEqual(result.corpus.event("playground-cost")?.citations.first?.claims, [])
    }
}

/// Item 13: body and furniture named by the article's words.
final class LinesByTextTests: XCTestCase {
    func load(body: String, furniture: String = "      - lines: 15-16") -> CorpusLoadResult {
        FidelityCorpus.load(manifest: {
            $0.replacingOccurrences(of: "    body: [4-12]", with: "    body: \(body)").replacingOccurrences(of: "      - lines: 15-16", with: furniture)
        })
    }

    func testFromAndUntilNameTheSameLinesAsTheNumbers() throws {
        let result = load(body: #"{from: "The family", until: "Related:"}"#, furniture: "      - from: Explore")
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        let family = try XCTUnwrap(result.corpus.source("family"))
        let numbered = try XCTUnwrap(FidelityCorpus.corpus.source("family"))
        XCTAssertEqual(numbered.body, [4...12])
        XCTAssertEqual(family.body, numbered.body)
        XCTAssertEqual(family.furniture, numbered.furniture)
        XCTAssertEqual(family.furniture.first?.label, "Explore list")
        // Either end alone: from the words to the end, or from line 1 to before them.
        XCTAssertEqual(load(body: #"{from: "Bad bytes"}"#).corpus.source("family")?.body, [6...16])
        XCTAssertEqual(load(body: #"{until: "Flooding"}"#).corpus.source("family")?.body, [1...9])
        XCTAssertEqual(load(body: "[4-12]", furniture: "      - from: Related\n        until: Explore").corpus.source("family")?.furniture.first?.lines, 13...14)
    }

    func testTextsAreCheckedLikeQuotes() throws {
        func error(_ body: String, furniture: String = "      - lines: 15-16", file: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic {
            let result = load(body: body, furniture: furniture)
            XCTAssertEqual(result.diagnostics.errors.count, 1, "\(result.diagnostics)", file: file, line: line)
            let found = try XCTUnwrap(result.diagnostics.errors.first, file: file, line: line)
            XCTAssertEqual(found.location.file, "manifest.yaml", file: file, line: line)
            XCTAssertNotNil(found.hint, file: file, line: line)
            return found
        }
        let missing = try error(#"{from: "The family", until: "Related"}"#.replacingOccurrences(of: "Related", with: "See also"))
        XCTAssertEqual(missing.location.line, 21)
        XCTAssertTrue(missing.message.contains(#"the `until` text "See also" is not in articles/family.txt after line 4"#), missing.message)
        let capitals = try error(#"{until: "related:"}"#)
        XCTAssertTrue(capitals.hint?.contains("line 13 has these words with other capitals") == true, "\(capitals)")
        let twice = try error(#"{from: "the council"}"#)
        XCTAssertTrue(twice.message.contains("is on 2 lines of articles/family.txt: 4, 8"), twice.message)
        XCTAssertTrue(twice.hint?.contains("more of the line's words") == true)
        let backwards = try error(#"{from: "Bad bytes", until: "The family"}"#)
        XCTAssertTrue(backwards.message.contains("after line 6"), backwards.message)
        let both = try error("[4-12]", furniture: "      - lines: 15-16\n        from: Explore")
        XCTAssertEqual(both.location.line, 23)
        XCTAssertTrue(both.message.contains("both `lines` and `from`/`until`"), both.message)
        XCTAssertTrue(try error("{}").message.contains("names no line"))
        let unknown = try error("{start: The family}")
        XCTAssertTrue(unknown.message.contains("start"), unknown.message)
    }
}
