import ChronicleBench
import ChronicleDefaultCorpus
import Foundation
@testable import ChronicleModel
import XCTest

/// Editing a corpus on disk: each operation, its bytes, its undo, and what
/// is refused.
final class EditingTests: XCTestCase {
    /// A copy of the built-in corpus in a temporary directory.
    func seeds() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-edit-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        for (path, bytes) in DefaultCorpus.files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
        return url
    }

    func bytes(_ url: URL, _ path: String) throws -> [UInt8] { Array(try Data(contentsOf: url.appendingPathComponent(path))) }

    func editor(_ url: URL) throws -> (CorpusEditor, CorpusLoadResult) {
        let editor = try CorpusEditor(directory: url.path)
        let loaded = editor.load()
        XCTAssertEqual(loaded.diagnostics.errors, [])
        return (editor, loaded)
    }

    func testSavingEveryEventUnchangedKeepsEveryByte() throws {
        let url = try seeds()
        var (editor, loaded) = try editor(url)
        let before = try bytes(url, "events.yaml")
        for event in loaded.corpus.events {
            loaded = try editor.apply(.updateEvent(id: event.id, EventDraft(event), newActors: []), to: loaded).result
        }
        XCTAssertEqual(try bytes(url, "events.yaml"), before, "no change, no byte changed")
        XCTAssertEqual(loaded.corpus.events.count, 22)
    }

    /// The other corpora the tests read: saving every event unchanged keeps every byte there too.
    func testSavingUnchangedKeepsEveryByteOfTheFixturesAndAGeneratedCorpus() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
        let hostile = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-hostile-\(UUID().uuidString)")
        let generated = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-generated-\(UUID().uuidString)")
        addTeardownBlock {
            try? FileManager.default.removeItem(at: hostile)
            try? FileManager.default.removeItem(at: generated)
        }
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("hostile-corpus"), to: hostile)
        try CorpusGenerator(articles: 12, eventsPerArticle: 2, seed: 5).write(to: generated)
        for url in [hostile, generated] {
            var editor = try CorpusEditor(directory: url.path)
            var loaded = editor.load()
            XCTAssertFalse(loaded.corpus.events.isEmpty, url.path)
            let before = editor.texts
            for event in loaded.corpus.events {
                loaded = try editor.apply(.updateEvent(id: event.id, EventDraft(event), newActors: []), to: loaded).result
            }
            for (path, bytes) in before {
                XCTAssertEqual(Array(try Data(contentsOf: url.appendingPathComponent(path))), bytes, "\(url.lastPathComponent)/\(path)")
            }
        }
    }

    func testChangingATitleRewritesThatLineOnly() throws {
        let url = try seeds()
        var (editor, loaded) = try editor(url)
        let before = String(decoding: try bytes(url, "events.yaml"), as: UTF8.self)
        let event = try XCTUnwrap(loaded.corpus.event("lavrov-meets-muttaqi"))
        var draft = EventDraft(event)
        draft.title = "Lavrov meets Muttaqi: \"pragmatic dialogue\" # and more"
        draft.tags.append("meeting")
        loaded = try editor.apply(.updateEvent(id: event.id, draft, newActors: []), to: loaded).result
        let after = String(decoding: try bytes(url, "events.yaml"), as: UTF8.self)
        // The file is the old one with the event's title and tags lines replaced, and nothing else.
        let block = try XCTUnwrap(before.range(of: "  - id: lavrov-meets-muttaqi\n"))
        let end = before.range(of: "\n  - id: ", range: block.upperBound..<before.endIndex)?.lowerBound ?? before.endIndex
        let edited = before[block.lowerBound..<end]
            .replacingOccurrences(of: "    title: \(event.title)\n", with: "    title: \"Lavrov meets Muttaqi: \\\"pragmatic dialogue\\\" # and more\"\n")
            .replacingOccurrences(of: "    tags: [diplomacy]\n", with: "    tags: [diplomacy, meeting]\n")
        XCTAssertEqual(after, before[..<block.lowerBound] + edited + before[end...])
        XCTAssertEqual(loaded.corpus.event(event.id)?.title, draft.title)
        XCTAssertEqual(loaded.corpus.event(event.id)?.tags, draft.tags)
        XCTAssertEqual(loaded.corpus.event(event.id)?.citations.map(\.passage), event.citations.map(\.passage))
        // Undo gives back every byte; redo the change.
        XCTAssertEqual(try editor.undo()?.result.corpus.event(event.id)?.title, event.title)
        XCTAssertEqual(String(decoding: try bytes(url, "events.yaml"), as: UTF8.self), before)
        XCTAssertEqual(try editor.redo()?.result.corpus.event(event.id)?.title, draft.title)
        XCTAssertEqual(String(decoding: try bytes(url, "events.yaml"), as: UTF8.self), after)
        XCTAssertNil(try editor.redo())
    }

    func testANewEventWithANewActorCitesTheSelectionExactly() throws {
        let url = try seeds()
        var (editor, loaded) = try editor(url)
        let source = try XCTUnwrap(loaded.corpus.source("aa-2025-05-02"))
        let line = source.lines.contentRange(ofLine: 32)
        let text = source.rawText(line)
        let phrase = try XCTUnwrap(text.range(of: "Leonid Slutsky"))
        let start = line.lowerBound + text.utf8.distance(from: text.startIndex, to: phrase.lowerBound)
        let range = start..<(start + "Leonid Slutsky".utf8.count)
        let citation = try XCTUnwrap(QuoteChooser.citation(of: range, in: source))
        let draft = EventDraft(date: "2024-12", dateInferred: true, dateBasis: "“in December” in an article of 2 May 2025",
                               title: "Slutsky speaks on the bill", summary: "A long summary that is written as a folded block because it runs past the width of a line in the file.",
                               actors: ["slutsky", "new-party"], tags: ["law"])
        let actor = ActorDraft(id: "new-party", name: "New Party", aliases: ["NP", "the: party"])
        loaded = try editor.apply(.addEvent(draft, citation: citation, newActors: [actor]), to: loaded).result
        XCTAssertEqual(loaded.diagnostics.errors, [])
        let event = try XCTUnwrap(loaded.corpus.event("slutsky-speaks-on-the-bill"))
        XCTAssertEqual(event.citations.map(\.passage.range), [range])
        XCTAssertEqual(event.summary, draft.summary)
        XCTAssertEqual(event.date.basis, draft.dateBasis)
        XCTAssertTrue(event.date.inferred)
        XCTAssertEqual(loaded.corpus.actor("new-party")?.aliases, ["NP", "the: party"])
        // Undone, both files are as they were.
        let manifest = try bytes(url, "manifest.yaml")
        _ = try editor.undo()
        XCTAssertNotEqual(try bytes(url, "manifest.yaml"), manifest)
        XCTAssertEqual(try bytes(url, "manifest.yaml"), DefaultCorpus.files["manifest.yaml"])
        XCTAssertEqual(try bytes(url, "events.yaml"), DefaultCorpus.files["events.yaml"])
    }

    func testCitingAndUnciting() throws {
        let url = try seeds()
        var (editor, loaded) = try editor(url)
        let event = try XCTUnwrap(loaded.corpus.event("kazan-business-forum"))
        let source = try XCTUnwrap(loaded.corpus.source("tmt-2025-05-02"))
        let range = source.lines.contentRange(ofLine: 13)
        let citation = try XCTUnwrap(QuoteChooser.citation(of: range.lowerBound..<(range.lowerBound + 13), in: source))
        loaded = try editor.apply(.addCitation(eventID: event.id, citation), to: loaded).result
        XCTAssertEqual(loaded.corpus.event(event.id)?.citations.count, event.citations.count + 1)
        loaded = try editor.apply(.removeCitation(eventID: event.id, index: 0), to: loaded).result
        XCTAssertEqual(loaded.corpus.event(event.id)?.citations.map(\.sourceID), Array(event.citations.dropFirst().map(\.sourceID)) + ["tmt-2025-05-02"])
        loaded = try editor.apply(.removeEvent(id: event.id), to: loaded).result
        XCTAssertNil(loaded.corpus.event(event.id))
        XCTAssertEqual(loaded.corpus.events.count, 21)
        XCTAssertEqual(loaded.diagnostics.errors, [])
        // Three undos: the file is the built-in one again.
        for _ in 0..<3 { _ = try editor.undo() }
        XCTAssertEqual(try bytes(url, "events.yaml"), DefaultCorpus.files["events.yaml"])
        XCTAssertNil(try editor.undo())
    }

    func testAnEventsOwnYAMLCanBeEditedAndAnInvalidEditIsRefused() throws {
        let url = try seeds()
        var (editor, loaded) = try editor(url)
        let text = try editor.text(ofEvent: "kazan-business-forum", in: loaded.corpus)
        XCTAssertTrue(text.hasPrefix("id: kazan-business-forum\n"), text)
        loaded = try editor.apply(.replaceEvent(id: "kazan-business-forum", yaml: text.replacingOccurrences(of: "title: ", with: "title: Edited, ")), to: loaded).result
        XCTAssertTrue(loaded.corpus.event("kazan-business-forum")?.title.hasPrefix("Edited, ") ?? false)
        // Text that is not YAML is refused with the reason.
        XCTAssertThrowsError(try editor.apply(.replaceEvent(id: "kazan-business-forum", yaml: text.replacingOccurrences(of: "title: ", with: "title: a: b")), to: loaded)) { error in
            XCTAssertTrue("\(error)".contains("mapping values are not allowed"), "\(error)")
        }
        let written = try bytes(url, "events.yaml")
        let broken = text.replacingOccurrences(of: "quote: ", with: "quote: not in the article ")
        XCTAssertThrowsError(try editor.apply(.replaceEvent(id: "kazan-business-forum", yaml: broken), to: loaded)) { error in
            guard case CorpusEditor.Failure.invalid(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(problems.joined().contains("quote not found"), "\(problems)")
        }
        XCTAssertEqual(try bytes(url, "events.yaml"), written, "nothing written")
    }

    func testAFileChangedByAnotherProgramIsNeverOverwritten() throws {
        let url = try seeds()
        var (editor, loaded) = try editor(url)
        let events = url.appendingPathComponent("events.yaml")
        let theirs = Array((String(decoding: try bytes(url, "events.yaml"), as: UTF8.self) + "# a note from another editor\n").utf8)
        try Data(theirs).write(to: events)
        let event = try XCTUnwrap(loaded.corpus.events.first)
        var draft = EventDraft(event)
        draft.title = "Changed"
        XCTAssertThrowsError(try editor.apply(.updateEvent(id: event.id, draft, newActors: []), to: loaded)) { error in
            XCTAssertEqual(error as? CorpusEditor.Failure, .changedOnDisk(events.path))
        }
        XCTAssertEqual(try bytes(url, "events.yaml"), theirs)
        // Reloaded, the same change goes through, their note kept.
        loaded = try editor.reload()
        loaded = try editor.apply(.updateEvent(id: event.id, draft, newActors: []), to: loaded).result
        XCTAssertTrue(String(decoding: try bytes(url, "events.yaml"), as: UTF8.self).hasSuffix("# a note from another editor\n"))
        XCTAssertEqual(loaded.corpus.event(event.id)?.title, "Changed")
    }

    func testTheQuoteChooserAddsTheShortestContextThatIsUnique() throws {
        let loaded = CorpusBuilder().load()
        let source = try XCTUnwrap(loaded.corpus.source("alpha"))
        // "was listed in 2003" occurs twice, on lines 3 and 4.
        let text = String(decoding: source.raw, as: UTF8.self)
        var ranges: [Range<Int>] = []
        var from = text.startIndex
        while let found = text.range(of: "was listed in 2003", range: from..<text.endIndex) {
            let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
            ranges.append(start..<(start + "was listed in 2003".utf8.count))
            from = found.upperBound
        }
        XCTAssertEqual(ranges.count, 2)
        let first = try XCTUnwrap(QuoteChooser.citation(of: ranges[0], in: source))
        let second = try XCTUnwrap(QuoteChooser.citation(of: ranges[1], in: source))
        XCTAssertEqual(first.exact, "was listed in 2003")
        // The first is followed by "." and a line end, the second by " too": one word tells each apart.
        XCTAssertEqual([first.prefix, first.suffix], [nil, "."])
        XCTAssertEqual([second.prefix, second.suffix], [nil, " too,"])
        for (citation, range) in zip([first, second], ranges) {
            guard case .resolved(let found, _, _) = QuoteAnchor.resolve(exact: citation.exact, prefix: citation.prefix, suffix: citation.suffix, in: source) else {
                return XCTFail("\(citation)")
            }
            XCTAssertEqual(found, range)
        }
        // Outside the body (the headline, furniture), nothing can be cited.
        XCTAssertNil(QuoteChooser.citation(of: 0..<8, in: source))
    }

    func testYAMLValuesReadBackAsWritten() throws {
        let values = ["plain words", "2003", "yes", "a: colon", "# hash", "- dash", "quote \"inside\"", "back\\slash", " lead",
                      "tab\there", "line\nbreak", "\u{202E}bidi", "C1 \u{9B}", "long " + String(repeating: "word ", count: 30) + "end",
                      "émoji 👨‍👩‍👧 and “typographic” quotes", "trailing: ", "[flow]", "{map}", "@at", "`tick`", "%percent", ""]
        for value in values {
            let yaml = "key: " + YAMLWriting.value(value, key: "key", column: 0) + "\nlist: " + YAMLWriting.flowList([value, "x"]) + "\n"
            let outline = try YAMLOutline(Array(yaml.utf8))
            XCTAssertEqual(outline.root?["key"]?.scalar, value, yaml)
            XCTAssertEqual(outline.root?["list"]?.sequence?.compactMap(\.scalar), [value, "x"], yaml)
        }
        XCTAssertEqual(YAMLWriting.slug("Russia's Supreme Court removes the Taliban — from the list!"), "russias-supreme-court-removes-the-taliban-from")
        XCTAssertEqual(YAMLWriting.slug("Ərdoğan: ¿qué?"), "rdogan-que")
        XCTAssertEqual(YAMLWriting.unique("a") { ["a", "a-2"].contains($0) }, "a-3")
    }
}
