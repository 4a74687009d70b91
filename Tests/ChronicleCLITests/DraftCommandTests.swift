import Foundation
import XCTest

/// `chronicle draft` on a corpus built here: the dated sentences no event
/// cites, by their dates, with how each date was worked out.
final class DraftCommandTests: XCTestCase {
    static let alpha = "Headline of the day\n"
        + "On Friday, the envoy said Russia would help. The court ruled <u>last month</u>.\n"
        + "In 2003 the group was listed. Officials met on 17 April 2025.\n"
        + "In the months that followed, nothing changed.\n"
        + "Explore\nUnrelated 2019 headline\n"
    static let beta = "Second article\nIn July, Putin spoke. Lawmakers will vote next month.\n"
    static let manifest = """
        format: 1
        title: Drafts
        sources:
          - id: alpha
            file: articles/a.txt
            outlet: Alpha News
            published: 2025-05-02
            body: [2-4]
            furniture:
              - lines: 5-6
                label: Explore list
          - id: beta
            file: articles/b.txt
            outlet: Beta Wire
            published: {edtf: 2024-10-04, inferred: true, basis: matches wire reports}
            body: [2]

        """
    static let events = """
        events:
          - id: listing
            date: "2003"
            title: The group is listed
            citations:
              - source: alpha
                quote: In 2003 the group was listed.

        """

    func corpus(events: String = DraftCommandTests.events) throws -> URL {
        let root = try CLI.temporaryDirectory(self).appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try Data(Self.alpha.utf8).write(to: root.appendingPathComponent("articles/a.txt"))
        try Data(Self.beta.utf8).write(to: root.appendingPathComponent("articles/b.txt"))
        try Data(Self.manifest.utf8).write(to: root.appendingPathComponent("manifest.yaml"))
        try Data(events.utf8).write(to: root.appendingPathComponent("events.yaml"))
        XCTAssertEqual(try CLI.run(["validate", "--corpus", root.path]).status, 0)
        return root
    }

    func testTheUncitedDatedSentencesByTheirDates() throws {
        let root = try corpus()
        let result = try CLI.run(["draft", "--corpus", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let heads = result.stdout.components(separatedBy: "\n").filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        XCTAssertEqual(heads, [
            "Jul 2024 (2024-07, worked out)  ·  Beta Wire, line 2",
            "Nov 2024 (2024-11, worked out)  ·  Beta Wire, line 2",
            "Apr 2025 (2025-04, worked out)  ·  Alpha News, line 2",
            "17 Apr 2025 (2025-04-17)  ·  Alpha News, line 3",
            "2 May 2025 (2025-05-02, worked out)  ·  Alpha News, line 2",
            "date unknown  ·  Alpha News, line 4",
        ])
        // The sentence as read (markup hidden), the date's words marked, and how.
        for line in ["  The court ruled ⟦last month⟧.", "  how: “last month” in an article of 2 May 2025",
                     "  On ⟦Friday⟧, the envoy said Russia would help.",
                     "  how: “July” in an article of 4 Oct 2024, a date itself inferred: the latest July before it",
                     "  how: “the months that followed” cannot be resolved: no earlier date in its paragraph to count from"] {
            XCTAssertTrue(result.stdout.contains(line + "\n"), "\(line) in:\n\(result.stdout)")
        }
        // The cited sentence and the furniture's year are not drafts.
        XCTAssertFalse(result.stdout.contains("2003"), result.stdout)
        XCTAssertFalse(result.stdout.contains("2019"), result.stdout)

        let alpha = try CLI.run(["draft", "--source", "alpha", "--corpus", root.path])
        XCTAssertFalse(alpha.stdout.contains("Beta Wire"), alpha.stdout)
        XCTAssertTrue(alpha.stdout.contains("Alpha News, line 3"), alpha.stdout)
        let unknown = try CLI.run(["draft", "--source", "gamma", "--corpus", root.path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no source with id `gamma`") && unknown.stderr.contains("alpha, beta"), unknown.stderr)
    }

    func testJSONGivesRawByteOffsets() throws {
        let root = try corpus()
        let result = try CLI.run(["draft", "--format", "json", "--corpus", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let drafts = try XCTUnwrap(object["drafts"] as? [[String: Any]])
        XCTAssertEqual(drafts.count, 6)
        let raws = ["alpha": Array(Self.alpha.utf8), "beta": Array(Self.beta.utf8)]
        for draft in drafts {
            let raw = try XCTUnwrap(raws[try XCTUnwrap(draft["source"] as? String)])
            let expression = try XCTUnwrap(draft["expression"] as? [String: Any])
            let start = try XCTUnwrap(expression["start"] as? Int), end = try XCTUnwrap(expression["end"] as? Int)
            XCTAssertEqual(String(decoding: raw[start..<end], as: UTF8.self), expression["text"] as? String, "the words at their bytes")
            let sentenceStart = try XCTUnwrap(draft["start"] as? Int), sentenceEnd = try XCTUnwrap(draft["end"] as? Int)
            XCTAssertTrue(sentenceStart <= start && end <= sentenceEnd, "\(draft)")
        }
        let july = try XCTUnwrap(drafts.first?["expression"] as? [String: Any])
        XCTAssertEqual(july["value"] as? String, "2024-07")
        XCTAssertEqual(july["value_display"] as? String, "Jul 2024")
        XCTAssertEqual(july["inferred"] as? Bool, true, "counted from an inferred article date")
        XCTAssertEqual(july["worked_out"] as? Bool, true)
        XCTAssertEqual(july["kind"] as? String, "relative")
        XCTAssertEqual(july["basis"] as? String, "article_date")
        // The sentence is read without its markup; its offsets cover the raw bytes, markup and all.
        let court = try XCTUnwrap(drafts.first { ($0["expression"] as? [String: Any])?["text"] as? String == "last month" })
        XCTAssertEqual(court["sentence"] as? String, "The court ruled last month.")
        let raw = Array(Self.alpha.utf8)
        let range = try XCTUnwrap(court["start"] as? Int)..<(try XCTUnwrap(court["end"] as? Int))
        XCTAssertEqual(String(decoding: raw[range], as: UTF8.self), "The court ruled <u>last month</u>.")
        let unresolved = try XCTUnwrap(drafts.last?["expression"] as? [String: Any])
        XCTAssertTrue(unresolved["value"] is NSNull || unresolved["value"] == nil, "no made-up date: \(unresolved)")
    }

    /// Article text is untrusted: its controls and bidirectional overrides
    /// are placeholders in the text, `\u` escapes in the JSON.
    func testControlSequencesInTheSentenceNeverReachTheOutput() throws {
        let root = try corpus()
        let hostile = "Second article\nIn July, \u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07} Putin spoke \u{202E}backwards\u{9B}31m.\n"
        try Data(hostile.utf8).write(to: root.appendingPathComponent("articles/b.txt"))
        let text = try CLI.run(["draft", "--source", "beta", "--corpus", root.path])
        XCTAssertEqual(text.status, 0, text.stderr)
        let json = try CLI.run(["draft", "--source", "beta", "--format", "json", "--corpus", root.path])
        XCTAssertEqual(json.status, 0, json.stderr)
        for output in [text.stdout, json.stdout] {
            for forbidden: Unicode.Scalar in ["\u{1B}", "\u{07}", "\u{202E}", "\u{9B}"] {
                XCTAssertFalse(output.unicodeScalars.contains(forbidden), "U+\(String(forbidden.value, radix: 16)) in:\n\(output)")
            }
        }
        XCTAssertTrue(text.stdout.contains("In ⟦July⟧, ␛[2J␛]52;c;SGVsbG8=␇ Putin spoke <U+202E>backwards<U+009B>31m."), text.stdout)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sentence = try XCTUnwrap((object["drafts"] as? [[String: Any]])?.first?["sentence"] as? String)
        XCTAssertEqual(sentence, "In July, \u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07} Putin spoke \u{202E}backwards\u{9B}31m.", "the JSON decodes to the text exactly")
    }

    func testEveryDatedSentenceCitedIsExitOne() throws {
        let all = Self.events + """
              - id: rest
                date: 2025-05-02
                date_inferred: true
                date_basis: on Friday
                title: Everything else
                citations:
                  - source: alpha
                    quote: On Friday, the envoy said Russia would help.
                  - source: alpha
                    quote: The court ruled last month.
                  - source: alpha
                    quote: Officials met on 17 April 2025.
                  - source: alpha
                    quote: In the months that followed, nothing changed.
                  - source: beta
                    quote: In July, Putin spoke. Lawmakers will vote next month.

            """
        let root = try corpus(events: all)
        let result = try CLI.run(["draft", "--corpus", root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "(none)\n")
        XCTAssertTrue(result.stderr.contains("no dated sentence is left uncited"), result.stderr)
    }
}
