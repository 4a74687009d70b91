import ChronicleModel
import Foundation
import XCTest

/// Reading a corpus directory's files: the bytes exactly, and each failure
/// named with its path.
final class CorpusFilesTests: XCTestCase {
    func makeDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testReadsEveryByteOfEmptySmallAndLargeFiles() throws {
        let root = try makeDirectory()
        // Sizes around the old 64 kB chunk and a few MB, with every byte value.
        for size in [0, 1, 4095, 65_535, 65_536, 65_537, 3_000_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
            try Data(bytes).write(to: root.appendingPathComponent("f\(size).txt"))
            XCTAssertEqual(try DirectoryCorpusFiles(root: root).read("f\(size).txt"), bytes, "size \(size)")
        }
    }

    func testFailuresSayWhatAndWhere() throws {
        let root = try makeDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("plain.txt"))
        let files = DirectoryCorpusFiles(root: root)
        func failure(_ path: String) -> CorpusFileError? {
            do { _ = try files.read(path); return nil } catch { return error }
        }
        XCTAssertEqual(failure("missing.txt")?.problem, "no such file")
        XCTAssertEqual(failure("missing.txt")?.path, root.path + "/missing.txt")
        XCTAssertEqual(failure("plain.txt/inner")?.problem, "no such file")
        XCTAssertEqual(failure("sub")?.problem, "is a directory, not a file")
        XCTAssertEqual(failure("../plain.txt")?.problem, "the path leaves the corpus directory")
        XCTAssertEqual(failure("/etc/passwd")?.problem, "the path leaves the corpus directory")
        XCTAssertNil(failure("plain.txt"))
        // A link to a device that never ends is refused, not read forever
        // (it leads outside; CorpusContainmentTests has a device inside).
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(failure("zero.txt")?.problem, "is a symbolic link to /dev/zero, outside the corpus directory")
    }
}
