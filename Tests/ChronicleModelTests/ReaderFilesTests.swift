import Foundation
import XCTest
@testable import ChronicleModel

/// The reader's own files: where they are, what is kept, and that nothing
/// is lost, whether another Chronicle writes between or the file is broken.
final class ReaderFilesTests: XCTestCase {
    func directory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-reader-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testTheDirectoriesFollowXDG() {
        let defaults = UserDirectories(environment: ["HOME": "/home/ana"])
        XCTAssertEqual(defaults.configFile, "/home/ana/.config/chronicle/config.yaml")
        XCTAssertEqual(defaults.historyFile, "/home/ana/.local/state/chronicle/history.json")
        XCTAssertEqual(defaults.readerFile(corpusPath: nil), "/home/ana/.local/share/chronicle/corpora/built-in/reader.json")
        XCTAssertEqual(defaults.cache, "/home/ana/.cache/chronicle")
        XCTAssertEqual(CacheStore.standard(["HOME": "/home/ana"])?.directory, "/home/ana/.cache/chronicle")
        let set = UserDirectories(environment: ["HOME": "/home/ana", "XDG_CONFIG_HOME": "/etc/ana", "XDG_DATA_HOME": "/data", "XDG_STATE_HOME": "/state",
                                                "XDG_CACHE_HOME": "/cache"])
        XCTAssertEqual(set.configFile, "/etc/ana/chronicle/config.yaml")
        XCTAssertEqual(set.data, "/data/chronicle")
        XCTAssertEqual(set.state, "/state/chronicle")
        XCTAssertEqual(set.cache, "/cache/chronicle")
        XCTAssertEqual(UserDirectories(environment: ["HOME": "/h", "XDG_CACHE_HOME": "cache"]).cache, "/h/.cache/chronicle")
        XCTAssertNil(CacheStore.standard([:]))
        // A relative path is ignored, as the specification says.
        XCTAssertEqual(UserDirectories(environment: ["HOME": "/h", "XDG_DATA_HOME": "data"]).data, "/h/.local/share/chronicle")
        XCTAssertNil(UserDirectories(environment: [:]).configFile)
    }

    func testTwoCorporaOfOneNameKeepSeparateNotes() throws {
        let root = try directory()
        for name in ["a/story", "b/story"] { try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true) }
        let first = UserDirectories.corpusKey(root + "/a/story"), second = UserDirectories.corpusKey(root + "/b/story")
        XCTAssertNotEqual(first, second)
        XCTAssertTrue(first.hasPrefix("story-"), first)
        // The same corpus by another path is the same corpus.
        XCTAssertEqual(UserDirectories.corpusKey(root + "/a/../a/story"), first)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/a/story")
        XCTAssertEqual(UserDirectories.corpusKey(root + "/link"), first)
    }

    func testChangesFromTwoWritersAreBothKept() throws {
        let path = try directory() + "/deep/er/reader.json"
        let one = UserFile(path: path, empty: { ReaderNotes() })
        let two = UserFile(path: path, empty: { ReaderNotes() })
        try one.update { $0.apply(.star(eventID: "a", true)) }
        // The second never read the first's star, and keeps it anyway.
        let (saved, _) = try two.update { $0.apply(.note(eventID: "b", "call back")) }
        XCTAssertEqual(saved.starred, ["a"])
        XCTAssertEqual(saved.notes, ["b": "call back"])
        try one.update { $0.apply(.mark("q", SavedPlace(screen: "article", eventID: "b", sourceID: "s", line: 4))) }
        let (loaded, problem) = one.load()
        XCTAssertNil(problem)
        XCTAssertEqual(loaded.starred, ["a"])
        XCTAssertEqual(loaded.marks["q"], SavedPlace(screen: "article", eventID: "b", sourceID: "s", line: 4))
        // Readable by a person, and by the user alone in its directory.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("\"starred\" : [\n    \"a\"\n  ]"), text)
        var status = stat()
        XCTAssertEqual(stat((path as NSString).deletingLastPathComponent, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o700)
    }

    func testABrokenFileIsIgnoredThenSetAsideNeverLost() throws {
        let path = try directory() + "/reader.json"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let broken = Data("{\"starred\": [\"a\", ".utf8)
        try broken.write(to: URL(fileURLWithPath: path))
        let file = UserFile(path: path, empty: { ReaderNotes() })
        let (loaded, problem) = file.load()
        XCTAssertEqual(loaded, ReaderNotes())
        let message = try XCTUnwrap(problem)
        XCTAssertTrue(message.hasPrefix("reader.json is not valid (The given data was not valid JSON."), message)
        XCTAssertTrue(message.hasSuffix("(in \((path as NSString).deletingLastPathComponent))"), message)
        XCTAssertTrue(message.contains("set aside as reader.json.broken-"), message)
        // Loading changed nothing on disk.
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), broken)
        let (_, setAside) = try file.update { $0.apply(.star(eventID: "b", true)) }
        let aside = try XCTUnwrap(setAside)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: aside)), broken)
        XCTAssertEqual(file.load().content.starred, ["b"])
        // A file of the wrong shape is as unreadable as broken JSON.
        try Data("{\"starred\": 5}".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertTrue(file.load().problem?.contains("starred") == true, file.load().problem ?? "")
        // Fields missing are read as empty: a file by hand, or an older Chronicle.
        try Data("{\"notes\": {\"x\": \"y\"}}".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertNil(file.load().problem)
        XCTAssertEqual(file.load().content.notes, ["x": "y"])
    }

    func testAFileThatCannotBeWrittenSaysWhy() throws {
        let root = try directory()
        try Data().write(to: URL(fileURLWithPath: root + "-file"))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root + "-file") }
        // Its directory would have to be made inside a plain file.
        let file = UserFile(path: root + "-file/reader.json", empty: { ReaderNotes() })
        XCTAssertThrowsError(try file.update { $0.apply(.star(eventID: "a", true)) }) { error in
            XCTAssertTrue("\(error)".contains("could not be written"), "\(error)")
        }
    }

    func testHistoryKeepsTheLatestOnceAndAtMostTheLimit() {
        var history = History()
        for query in ["a", "b", "a", "  ", "c"] { history.remember(query, as: .search) }
        XCTAssertEqual(history.searches, ["b", "a", "c"])
        for n in 0..<(History.limit + 10) { history.remember("\(n)", as: .date) }
        XCTAssertEqual(history.dates.count, History.limit)
        XCTAssertEqual(history.dates.last, "\(History.limit + 9)")
        XCTAssertEqual(history.searches, ["b", "a", "c"])
    }

    func testANoteOfOnlySpaceRemovesIt() {
        var notes = ReaderNotes()
        notes.apply(.note(eventID: "e", " keep \n"))
        XCTAssertEqual(notes.notes["e"], "keep")
        notes.apply(.note(eventID: "e", "   "))
        XCTAssertNil(notes.notes["e"])
        notes.apply(.star(eventID: "e", true))
        notes.apply(.star(eventID: "e", false))
        XCTAssertEqual(notes.starred, [])
    }
}
