import Foundation
import XCTest

/// The drafts view in a real terminal: on a copy of the built-in corpus
/// without its Kazan forum event, `+` shows the sentence that announced it
/// as a draft at May 2025, `e` makes it an event, and `chronicle list`
/// finds it with its date, inferred, and its quote at its bytes.
final class DraftsEndToEndTests: XCTestCase {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    func chronicle(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let quoted = ([Tmux.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let status = try Tmux.shell(quoted.joined(separator: " ") + " > '\(out.path)' 2>/dev/null")
        return (status, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    override func setUp() { continueAfterFailure = false }

    func testADraftIsAcceptedIntoTheCorpusAt100x30() throws { try acceptADraft(width: 100, height: 30) }
    func testADraftIsAcceptedIntoTheCorpusAt60x20() throws { try acceptADraft(width: 60, height: 20) }

    func acceptADraft(width: Int, height: Int) throws {
        let tmux = try Tmux(test: self)
        let corpus = tmux.workDirectory.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Self.seeds, to: corpus)
        let events = corpus.appendingPathComponent("events.yaml")
        let text = try String(contentsOf: events, encoding: .utf8)
        let kazan = try XCTUnwrap(text.range(of: "\n  - id: kazan-business-forum"))
        try (String(text[..<kazan.lowerBound]) + "\n").write(to: events, atomically: true, encoding: .utf8)
        let before = try chronicle(["draft", "--format", "json", "--corpus", corpus.path])
        XCTAssertEqual(before.status, 0, before.output)
        XCTAssertTrue(before.output.contains("\"text\" : \"later this month\""), before.output)

        try tmux.start(["--corpus", corpus.path], width: width, height: height)
        try tmux.waitFor("the timeline") { $0.contains("Timeline") && $0.contains("★") }
        try tmux.keys("+")
        try tmux.waitFor("the drafts") { $0.contains("Drafts") && $0.contains("◇ draft") && $0.contains("draft 1/1") }
        try tmux.keys("Enter")
        try tmux.waitFor("the sentence in its article") { $0.contains("Article") && $0.contains("TRT Global") && $0.contains("Kazan") }
        try tmux.keys("Escape")
        try tmux.waitFor("the drafts again") { $0.contains("Drafts") && $0.contains("draft 1/1") }
        try tmux.keys("e")
        try tmux.waitFor("the event form, filled in") { $0.contains("New event") && $0.contains("2025-05") && $0.contains("later this month") }
        try tmux.keys("-l", "Russia-Afghan business forum planned in Kazan")
        try tmux.keys("Enter")
        try tmux.waitFor("the event made") { $0.contains("added event") }
        try tmux.keys("Q")
        try tmux.waitFor("the shell") { $0.contains("CHRONICLE-DONE") }
        XCTAssertEqual(tmux.contents(of: "status"), "exit=0\n")
        XCTAssertEqual(tmux.contents(of: "stty-before"), tmux.contents(of: "stty-after"), "the terminal is restored")

        XCTAssertEqual(try chronicle(["validate", "--corpus", corpus.path]).status, 0)
        let listed = try chronicle(["list", "--format", "json", "--corpus", corpus.path])
        XCTAssertEqual(listed.status, 0, listed.output)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any])
        let all = try XCTUnwrap(json["events"] as? [[String: Any]])
        let event = try XCTUnwrap(all.first { $0["title"] as? String == "Russia-Afghan business forum planned in Kazan" }, "\(all.map { $0["title"] ?? "" })")
        XCTAssertEqual(event["date"] as? String, "2025-05")
        XCTAssertEqual(event["date_inferred"] as? Bool, true)
        let citation = try XCTUnwrap((event["citations"] as? [[String: Any]])?.first)
        XCTAssertEqual(citation["source"] as? String, "trt-global-2025-05-02")
        let raw = try Data(contentsOf: corpus.appendingPathComponent("articles/001_27b5e4c8cd52331d.txt"))
        let start = try XCTUnwrap(citation["start"] as? Int), end = try XCTUnwrap(citation["end"] as? Int)
        let quote = String(decoding: raw[start..<end], as: UTF8.self)
        XCTAssertEqual(quote, citation["quote"] as? String)
        XCTAssertTrue(quote.hasPrefix("Kabulov said joint economic projects") && quote.contains("later this month"), quote)
        // Between 17 April's delisting and 2 May's events, where the draft stood.
        let lines = try chronicle(["list", "--corpus", corpus.path]).output.components(separatedBy: "\n")
        let made = try XCTUnwrap(lines.firstIndex { $0.contains("Russia-Afghan business forum planned in Kazan  (1 source)") }, "\(lines)")
        XCTAssertTrue(lines[made].hasPrefix("May 2025 (inferred)"), lines[made])
        XCTAssertTrue(lines[made - 1].contains("Russia's Supreme Court removes the Taliban"), lines[made - 1])
        XCTAssertEqual(try chronicle(["draft", "--corpus", corpus.path]).status, 1, "no draft is left")
    }
}
