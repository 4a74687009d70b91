import ChronicleDefaultCorpus
import Dispatch
import Foundation
@testable import ChronicleModel
import XCTest

/// Saving never writes through a link to a file outside the corpus, never
/// turns a link into a file, and never puts a corpus's name into a path
/// unescaped.
final class SavingContainmentTests: XCTestCase {
    /// A copy of the built-in corpus in `corpus/`, and an empty `outside/` beside it.
    func seeds() throws -> (corpus: URL, outside: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-saving-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: base) }
        let corpus = base.appendingPathComponent("corpus"), outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        for (path, bytes) in DefaultCorpus.files {
            let file = corpus.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
        return (corpus, outside)
    }

    func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    func isLink(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    func retitleFirstEvent(_ editor: inout CorpusEditor, _ loaded: CorpusLoadResult) throws -> CorpusLoadResult {
        let event = try XCTUnwrap(loaded.corpus.events.first)
        var draft = EventDraft(event)
        draft.title = "Retitled"
        return try editor.apply(.updateEvent(id: event.id, draft, newActors: []), to: loaded).result
    }

    /// A link inside the corpus is kept: the save writes the file it points to.
    func testASaveThroughALinkInsideWritesItsTargetAndKeepsTheLink() throws {
        let (corpus, _) = try seeds()
        let events = corpus.appendingPathComponent("events.yaml"), kept = corpus.appendingPathComponent("data/events.yaml")
        try FileManager.default.createDirectory(at: kept.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: events, to: kept)
        try FileManager.default.createSymbolicLink(atPath: events.path, withDestinationPath: "data/events.yaml")
        var editor = try CorpusEditor(directory: corpus.path)
        var loaded = editor.load()
        XCTAssertEqual(loaded.diagnostics.errors, [])
        loaded = try retitleFirstEvent(&editor, loaded)
        XCTAssertEqual(loaded.corpus.events.first?.title, "Retitled")
        XCTAssertTrue(isLink(events), "the link is still a link")
        XCTAssertTrue(String(decoding: try bytes(kept), as: UTF8.self).contains("title: Retitled"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kept.deletingLastPathComponent().path), ["events.yaml"], "no temporary file left")
        // Undone, through the same link.
        _ = try editor.undo()
        XCTAssertEqual(try bytes(kept), DefaultCorpus.files["events.yaml"])
        XCTAssertTrue(isLink(events))
    }

    /// The file swapped for a link to an outside copy after it was read:
    /// the bytes match, so only the place can refuse it.
    func testASaveNeverWritesThroughALinkToOutside() throws {
        let (corpus, outside) = try seeds()
        var editor = try CorpusEditor(directory: corpus.path)
        let loaded = editor.load()
        let events = corpus.appendingPathComponent("events.yaml"), copy = outside.appendingPathComponent("events.yaml")
        try FileManager.default.moveItem(at: events, to: copy)
        try FileManager.default.createSymbolicLink(atPath: events.path, withDestinationPath: copy.path)
        XCTAssertThrowsError(try retitleFirstEvent(&editor, loaded)) { error in
            XCTAssertTrue("\(error)".contains("is a symbolic link to \(copy.path), outside the corpus directory; nothing was written"), "\(error)")
        }
        XCTAssertEqual(try bytes(copy), DefaultCorpus.files["events.yaml"], "the file outside is as it was")
        XCTAssertTrue(isLink(events), "the link is as it was")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), ["events.yaml"], "nothing else written outside")

        // Opened so, the corpus is not edited at all: the loader says why, with the place.
        XCTAssertThrowsError(try CorpusEditor(directory: corpus.path)) { error in
            XCTAssertTrue("\(error)".contains("outside the corpus directory: Chronicle does not change this corpus"), "\(error)")
        }
    }

    /// A manifest that is a pipe: the editor refuses it at once instead of waiting.
    func testAnEditorRefusesAPipeUnopened() throws {
        let (corpus, _) = try seeds()
        let manifest = corpus.appendingPathComponent("manifest.yaml").path
        try FileManager.default.removeItem(atPath: manifest)
        XCTAssertEqual(mkfifo(manifest, 0o600), 0)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var refusal = ""
        Thread {
            do { _ = try CorpusEditor(directory: corpus.path) } catch { refusal = "\(error)" }
            done.signal()
        }.start()
        if done.wait(timeout: .now() + 10) == .timedOut {
            let writer = open(manifest, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            done.wait()
            XCTFail("the editor waited on a pipe")
        }
        XCTAssertTrue(refusal.contains("manifest.yaml is a named pipe, not a file"), refusal)
    }

    func testAtomicWritesRefuseALinkAndReadsRefuseAPipe() throws {
        let (corpus, outside) = try seeds()
        let target = outside.appendingPathComponent("notes.txt"), link = corpus.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        for expected in [nil, Array("mine".utf8)] {
            XCTAssertThrowsError(try AtomicFile.write(Array("theirs".utf8), to: link.path, expected: expected)) { error in
                XCTAssertEqual(error as? AtomicFile.Failure, .symbolicLink(link.path))
            }
        }
        XCTAssertEqual(try bytes(target), Array("mine".utf8))
        XCTAssertTrue(isLink(link))
        let dangling = corpus.appendingPathComponent("dangling.txt")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: outside.appendingPathComponent("new.txt").path)
        XCTAssertThrowsError(try AtomicFile.write(Array("theirs".utf8), to: dangling.path, expected: nil))
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.appendingPathComponent("new.txt").path), "nothing made through a dangling link")

        let pipe = outside.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        XCTAssertThrowsError(try AtomicFile.read(pipe)) { error in
            XCTAssertEqual(error as? AtomicFile.Failure, .io(path: pipe, problem: "it is a named pipe, not a file"))
        }
        let big = outside.appendingPathComponent("big").path
        XCTAssertTrue(FileManager.default.createFile(atPath: big, contents: nil))
        XCTAssertEqual(truncate(big, 4 << 30), 0)
        XCTAssertThrowsError(try AtomicFile.read(big, maxSize: 1 << 20)) { error in
            XCTAssertTrue("\(error)".contains("it is 4294967296 bytes (4.0 GB), over the limit of 1048576 bytes (1.0 MB)"), "\(error)")
        }
    }

    /// A corpus's names in the paths Chronicle makes: the temporary file of
    /// a save and the file an event is edited in hold only safe characters.
    func testNamesFromTheCorpusAreEscapedInThePathsChronicleMakes() throws {
        for name in ["../../etc/passwd", "a\nb\u{0}c\u{1B}[2J", "événements.yaml", String(repeating: "e", count: 300)] {
            let temporary = AtomicFile.temporaryName(for: name)
            XCTAssertTrue(temporary.hasPrefix(".") && temporary.utf8.count < 128, temporary)
            XCTAssertTrue(temporary.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) },
                          temporary.debugDescription)
            XCTAssertFalse(temporary.contains("/"))
        }
        for id in ["../../etc/passwd", "..", "a\nb", "x\u{0}y", "\u{1B}[2J", "ok-id"] {
            let file = CorpusEditor.editorFileName(forEvent: id)
            XCTAssertNotNil(file.range(of: #"^chronicle-event-[0-9]+-[a-z0-9-]+\.yaml$"#, options: .regularExpression), file.debugDescription)
        }
        XCTAssertTrue(CorpusEditor.editorFileName(forEvent: "ok-id").hasSuffix("-ok-id.yaml"))

        // An events file whose name, with the temporary file's marks, would
        // not fit in a name (255 bytes) saves all the same.
        let (corpus, _) = try seeds()
        let long = String(repeating: "e", count: 240) + ".yaml"
        try FileManager.default.moveItem(at: corpus.appendingPathComponent("events.yaml"), to: corpus.appendingPathComponent(long))
        let manifest = corpus.appendingPathComponent("manifest.yaml")
        try Data((String(decoding: try bytes(manifest), as: UTF8.self) + "events: [\(long)]\n").utf8).write(to: manifest)
        var editor = try CorpusEditor(directory: corpus.path)
        let loaded = editor.load()
        XCTAssertEqual(loaded.diagnostics.errors, [])
        XCTAssertEqual(try retitleFirstEvent(&editor, loaded).corpus.events.first?.title, "Retitled")
    }
}
