import Dispatch
import Foundation
@testable import ChronicleModel
import XCTest

/// What a corpus directory can make Chronicle read or write: only regular
/// files inside it, none over the size limit, each refusal with its path.
final class CorpusContainmentTests: XCTestCase {
    /// A corpus directory `corpus/` and a directory beside it, `outside/`,
    /// holding a file the corpus must not reach.
    func makeDirectories() throws -> (corpus: URL, outside: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-containment-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: base) }
        let corpus = base.appendingPathComponent("corpus"), outside = base.appendingPathComponent("outside")
        for directory in [corpus.appendingPathComponent("articles"), outside] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        try Data("inside\n".utf8).write(to: corpus.appendingPathComponent("articles/in.txt"))
        try Data("the secret\n".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        return (corpus, outside)
    }

    func link(_ path: URL, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: target)
    }

    func failure(_ files: CorpusFiles, _ path: String, maxSize: Int = CorpusLoader.defaultMaxArticleSize) -> CorpusFileError? {
        do { _ = try files.read(path, maxSize: maxSize); return nil } catch { return error }
    }

    func testASymbolicLinkOutOfTheCorpusIsRefusedAndOneThatStaysInIsRead() throws {
        let (corpus, outside) = try makeDirectories()
        let files = DirectoryCorpusFiles(root: corpus)
        let secret = outside.appendingPathComponent("secret.txt").path
        try link(corpus.appendingPathComponent("articles/relative-out.txt"), to: "../../outside/secret.txt")
        try link(corpus.appendingPathComponent("articles/absolute-out.txt"), to: secret)
        for name in ["articles/relative-out.txt", "articles/absolute-out.txt"] {
            let error = try XCTUnwrap(failure(files, name), name)
            XCTAssertEqual(error.path, corpus.path + "/" + name)
            XCTAssertEqual(error.problem, "is a symbolic link to \(secret), outside the corpus directory")
            XCTAssertTrue(error.hint?.contains("put a copy of what the link points to in its place") == true, error.hint ?? "")
        }
        // Links that stay inside, relative and absolute, and a link to a link.
        try link(corpus.appendingPathComponent("articles/relative-in.txt"), to: "in.txt")
        try link(corpus.appendingPathComponent("absolute-in.txt"), to: corpus.appendingPathComponent("articles/in.txt").path)
        try link(corpus.appendingPathComponent("chain.txt"), to: "absolute-in.txt")
        for name in ["articles/relative-in.txt", "absolute-in.txt", "chain.txt", "./articles/in.txt"] {
            XCTAssertEqual(try files.read(name), Array("inside\n".utf8), name)
        }
        // A corpus reached through a link of its own is still itself.
        let linkedRoot = corpus.deletingLastPathComponent().appendingPathComponent("corpus-link")
        try link(linkedRoot, to: corpus.path)
        XCTAssertEqual(try DirectoryCorpusFiles(root: linkedRoot).read("articles/relative-in.txt"), Array("inside\n".utf8))
        XCTAssertNotNil(failure(DirectoryCorpusFiles(root: linkedRoot), "articles/relative-out.txt"))
        // A link to a link out is out; a loop says so.
        try link(corpus.appendingPathComponent("via.txt"), to: "articles/absolute-out.txt")
        XCTAssertEqual(failure(files, "via.txt")?.problem.hasSuffix("outside the corpus directory"), true)
        try link(corpus.appendingPathComponent("loop-a"), to: "loop-b")
        try link(corpus.appendingPathComponent("loop-b"), to: "loop-a")
        XCTAssertEqual(failure(files, "loop-a")?.problem, "leads into a loop of symbolic links")
    }

    func testASymbolicLinkedDirectoryOnTheWayIsRefusedWhenItLeadsOut() throws {
        let (corpus, outside) = try makeDirectories()
        let files = DirectoryCorpusFiles(root: corpus)
        try link(corpus.appendingPathComponent("elsewhere"), to: outside.path)
        let error = try XCTUnwrap(failure(files, "elsewhere/secret.txt"))
        XCTAssertEqual(error.problem, "is reached through \(corpus.path)/elsewhere, a symbolic link to \(outside.path), outside the corpus directory")
        // Deeper, and through a link that itself stays inside first.
        try link(corpus.appendingPathComponent("articles/up"), to: "..")
        XCTAssertEqual(try files.read("articles/up/articles/in.txt"), Array("inside\n".utf8), "a link to the root stays inside")
        XCTAssertNotNil(failure(files, "articles/up/elsewhere/secret.txt"))
        try link(corpus.appendingPathComponent("inner"), to: "articles")
        XCTAssertEqual(try files.read("inner/in.txt"), Array("inside\n".utf8))
    }

    /// A pipe with no writer is refused at once: opened, it would wait forever.
    func testANamedPipeASocketAndADeviceAreRefusedUnopened() throws {
        let (corpus, _) = try makeDirectories()
        let files = DirectoryCorpusFiles(root: corpus)
        let pipe = corpus.appendingPathComponent("articles/pipe.txt").path
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var problem: String?
        Thread {
            do throws(CorpusFileError) { _ = try files.read("articles/pipe.txt") } catch { problem = error.problem }
            done.signal()
        }.start()
        if done.wait(timeout: .now() + 10) == .timedOut {
            // Let the reader go, so the test fails rather than hangs.
            let writer = open(pipe, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            done.wait()
            XCTFail("reading a named pipe waited for a writer")
        }
        XCTAssertEqual(problem, "is a named pipe, not a file")

        let socketPath = corpus.appendingPathComponent("articles/socket.txt").path
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0, String(cString: strerror(errno)))
        XCTAssertEqual(failure(files, "articles/socket.txt")?.problem, "is a socket, not a file")

        // A link to /dev/zero leads outside; a device inside (root may make one) is a device.
        try link(corpus.appendingPathComponent("zero.txt"), to: "/dev/zero")
        XCTAssertEqual(failure(files, "zero.txt")?.problem, "is a symbolic link to /dev/zero, outside the corpus directory")
        let device = corpus.appendingPathComponent("articles/zero.txt").path
        if mknod(device, S_IFCHR | 0o600, dev_t((1 << 8) | 5)) == 0 {
            XCTAssertEqual(failure(files, "articles/zero.txt")?.problem, "is a device, not a file")
        } else {
            XCTAssertEqual(errno, EPERM, "mknod fails only for want of the privilege")
        }
    }

    /// The limit is checked against the size on disk before a byte is read:
    /// a sparse file of 4 GB costs nothing to make and would cost 4 GB to read.
    func testAFileOverTheLimitIsRefusedUnreadWithItsSize() throws {
        let (corpus, _) = try makeDirectories()
        let files = DirectoryCorpusFiles(root: corpus)
        let huge = corpus.appendingPathComponent("articles/huge.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: huge, contents: nil))
        XCTAssertEqual(truncate(huge, 4 << 30), 0)
        let error = try XCTUnwrap(failure(files, "articles/huge.txt"))
        XCTAssertEqual(error.problem, "is 4294967296 bytes (4.0 GB), over the limit of 268435456 bytes (256 MB) for a file of a corpus")
        XCTAssertTrue(error.hint?.contains("--max-article-size") == true, error.hint ?? "")
        // Exactly at the limit is read; a byte over is not, whatever the limit.
        try Data(repeating: 0x61, count: 1000).write(to: corpus.appendingPathComponent("articles/k.txt"))
        XCTAssertEqual(try files.read("articles/k.txt", maxSize: 1000).count, 1000)
        XCTAssertEqual(failure(files, "articles/k.txt", maxSize: 999)?.problem,
                       "is 1000 bytes, over the limit of 999 bytes for a file of a corpus")
        let memory = InMemoryCorpusFiles(["a.txt": Array(repeating: 0x61, count: 1000)])
        XCTAssertEqual(try memory.read("a.txt", maxSize: 1000).count, 1000)
        XCTAssertEqual(failure(memory, "a.txt", maxSize: 999)?.problem, "is 1000 bytes, over the limit of 999 bytes for a file of a corpus")
    }

    /// A NUL would cut the name the system sees short; a control character
    /// would make the name shown differ from the file.
    func testANameWithANulOrAControlCharacterIsRefused() throws {
        let (corpus, _) = try makeDirectories()
        let files = DirectoryCorpusFiles(root: corpus)
        XCTAssertEqual(failure(files, "articles/in.txt\u{0}.png")?.problem, "has a control character (U+0000) in its name")
        XCTAssertEqual(failure(files, "articles/in\n.txt")?.problem, "has a control character (U+000A) in its name")
        XCTAssertEqual(failure(files, "articles/in\u{1B}[2J.txt")?.problem, "has a control character (U+001B) in its name")
        XCTAssertEqual(failure(files, "articles/in\u{9B}.txt")?.problem, "has a control character (U+009B) in its name")
        XCTAssertEqual(failure(files, "articles/../../outside/secret.txt")?.problem, "the path leaves the corpus directory")
        XCTAssertEqual(failure(files, "")?.problem, "the path leaves the corpus directory")
    }

    func testTheLoaderRefusesEachWithTheManifestsLineAndHonoursItsLimit() throws {
        let (corpus, outside) = try makeDirectories()
        let quote = "the secret"
        try Data("""
            format: 1
            sources:
              - id: alpha
                file: articles/secret.txt
                outlet: Alpha
                published: 2025
            events: [events.yaml]

            """.utf8).write(to: corpus.appendingPathComponent("manifest.yaml"))
        try Data("events:\n  - id: e\n    date: 2025\n    title: T\n    citations:\n      - source: alpha\n        quote: \(quote)\n".utf8)
            .write(to: corpus.appendingPathComponent("events.yaml"))
        try link(corpus.appendingPathComponent("articles/secret.txt"), to: outside.appendingPathComponent("secret.txt").path)
        var result = CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus))
        let error = try XCTUnwrap(result.diagnostics.errors.first)
        XCTAssertEqual(error.location.description, corpus.path + "/manifest.yaml:4:11")
        XCTAssertTrue(error.message.hasSuffix("is a symbolic link to \(outside.path)/secret.txt, outside the corpus directory"), error.message)
        XCTAssertTrue(result.corpus.sources.isEmpty, "the file outside is not read")

        // Such bytes inside load, under the limit and not over it.
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("articles/secret.txt"))
        try Data(("the secret\n" + String(repeating: "x", count: 1000) + "\n").utf8).write(to: corpus.appendingPathComponent("articles/secret.txt"))
        XCTAssertEqual(CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus), maxArticleSize: 1012).diagnostics.errors, [])
        result = CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus), maxArticleSize: 600)
        XCTAssertEqual(result.diagnostics.errors.map(\.location.description), [corpus.path + "/manifest.yaml:4:11"])
        XCTAssertTrue(result.diagnostics.errors.first?.message.contains("is 1012 bytes, over the limit of 600 bytes") == true, "\(result.diagnostics)")
        // The limit is every file's: here the manifest's, which has no line to give.
        result = CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus), maxArticleSize: 5)
        XCTAssertEqual(result.diagnostics.errors.map(\.location.description), [corpus.path + "/manifest.yaml"])
        XCTAssertTrue(result.diagnostics.errors.first?.message.hasPrefix("cannot load the corpus: the manifest is ") == true, "\(result.diagnostics)")

        // An events file out of the corpus, at the line that lists it.
        try FileManager.default.moveItem(at: corpus.appendingPathComponent("events.yaml"), to: outside.appendingPathComponent("events.yaml"))
        try link(corpus.appendingPathComponent("events.yaml"), to: outside.appendingPathComponent("events.yaml").path)
        result = CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus))
        XCTAssertEqual(result.diagnostics.errors.map(\.location.description), [corpus.path + "/manifest.yaml:7:10"])
        XCTAssertTrue(result.diagnostics.errors.first?.message.contains("outside the corpus directory") == true, "\(result.diagnostics)")
    }

    func testByteSizesReadAndShown() {
        XCTAssertEqual(ByteSize.parse("256M"), 256 << 20)
        XCTAssertEqual(ByteSize.parse("1g"), 1 << 30)
        XCTAssertEqual(ByteSize.parse("2GiB"), 2 << 30)
        XCTAssertEqual(ByteSize.parse("512KB"), 512 << 10)
        XCTAssertEqual(ByteSize.parse("1048576"), 1 << 20)
        XCTAssertEqual(ByteSize.parse("3T"), 3 << 40)
        for bad in ["", "M", "0", "-1", "1.5G", "12X", "1 G", "99999999999999999999", "9999999999T"] {
            XCTAssertNil(ByteSize.parse(bad), bad)
        }
        XCTAssertEqual(ByteSize.describe(1), "1 byte")
        XCTAssertEqual(ByteSize.describe(1023), "1023 bytes")
        XCTAssertEqual(ByteSize.describe(1536), "1536 bytes (1.5 KB)")
        XCTAssertEqual(ByteSize.describe(256 << 20), "268435456 bytes (256 MB)")
    }
}
