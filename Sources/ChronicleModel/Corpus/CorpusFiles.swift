import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a corpus's files come from: a directory on disk, or bytes held in
/// memory (the default corpus compiled into the binary, and tests).
public protocol CorpusFiles: Sendable {
    /// The bytes of a file named relative to the corpus root, refused
    /// unread when it is larger than `maxSize` bytes.
    func read(_ path: String, maxSize: Int) throws(CorpusFileError) -> [UInt8]
    /// How to name a file in messages.
    func displayPath(_ path: String) -> String
}

extension CorpusFiles {
    /// The bytes of a file, under the default limit.
    public func read(_ path: String) throws(CorpusFileError) -> [UInt8] {
        try read(path, maxSize: CorpusLoader.defaultMaxArticleSize)
    }
}

public struct CorpusFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let problem: String
    public let hint: String?
    /// There is no file by that name (one may be made there).
    public var isMissing = false
    public var description: String { "\(path): \(problem)" }

    /// A file of `size` bytes over the limit of `limit`.
    static func tooLarge(_ shown: String, size: Int, limit: Int) -> CorpusFileError {
        CorpusFileError(path: shown, problem: "is \(ByteSize.describe(size)), over the limit of \(ByteSize.describe(limit)) for a file of a corpus",
                        hint: "Chronicle refuses a larger file before reading it: split the article, or raise the limit (chronicle --max-article-size 1G)")
    }
}

/// A corpus directory on disk. Only regular files inside it are read: a
/// name is followed through its symbolic links and refused when it ends
/// outside the directory, or on a pipe, a socket or a device
/// (docs/robustness.md, "What a corpus can and cannot do").
public struct DirectoryCorpusFiles: CorpusFiles {
    public let root: URL
    /// The root with its symbolic links resolved, once; nil when it cannot
    /// be (it is not there), and then worked out at each read.
    let realRoot: String?

    public init(root: URL) {
        self.root = root
        realRoot = Self.realPath(root.path)
    }

    public init(path: String) { self.init(root: URL(fileURLWithPath: path, isDirectory: true)) }

    public func displayPath(_ path: String) -> String {
        let rootPath = root.path
        if rootPath == "." || rootPath.isEmpty { return path }
        return rootPath.hasSuffix("/") ? rootPath + path : rootPath + "/" + path
    }

    public func read(_ path: String, maxSize: Int) throws(CorpusFileError) -> [UInt8] {
        let shown = displayPath(path)
        // Looked at (lstat) before it is opened: opening a named pipe waits
        // for a writer, and a device may act on being opened.
        var (real, status) = try resolved(path)
        try checkRegular(status, shown)
        if Int(status.st_size) > maxSize { throw .tooLarge(shown, size: Int(status.st_size), limit: maxSize) }
        // POSIX calls only: Foundation's fileExists/isReadableFile and a 64 kB
        // zeroed buffer per file were a third of reading 20,000 articles.
        // (Not Data(contentsOf:) either: it leaks 4 kB for an empty file on
        // Linux, found by LeakSanitizer.) The errno says what went wrong.
        // Should the file be swapped meanwhile, a link is not followed and a
        // pipe not waited on; fstat says what was opened.
        let descriptor = open(real, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno, shown) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { throw failure(errno, shown) }
        try checkRegular(status, shown)
        // The size fstat gives, read straight into the array; a file that
        // grows meanwhile is read to its end all the same, up to the limit.
        let size = max(Int(status.st_size), 0)
        if size > maxSize { throw .tooLarge(shown, size: size, limit: maxSize) }
        var failed: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got > 0 { count += got } else if got == 0 { break } else if errno != EINTR { failed = errno; break }
            }
        }
        var chunk = [UInt8](repeating: 0, count: bytes.count > size && failed == 0 ? 1 << 16 : 0)
        while !chunk.isEmpty && bytes.count <= maxSize {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got > 0 { bytes.append(contentsOf: chunk[0..<got]) } else if got == 0 { break } else if errno != EINTR { failed = errno; break }
        }
        if failed != 0 { throw failure(failed, shown) }
        if bytes.count > maxSize { throw .tooLarge(shown, size: bytes.count, limit: maxSize) }
        return bytes
    }

    /// Refuses what is not a regular file, saying what it is.
    func checkRegular(_ status: stat, _ shown: String) throws(CorpusFileError) {
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return
        case S_IFDIR:
            throw failure(EISDIR, shown)
        case S_IFIFO:
            throw CorpusFileError(path: shown, problem: "is a named pipe, not a file",
                                  hint: "a corpus's files are regular files: put the file's text in place of the pipe")
        case S_IFSOCK:
            throw CorpusFileError(path: shown, problem: "is a socket, not a file", hint: "a corpus's files are regular files: name one")
        case S_IFCHR, S_IFBLK:
            // /dev/zero (say, by a symbolic link) would be read forever.
            throw CorpusFileError(path: shown, problem: "is a device, not a file", hint: "name a regular file")
        default:
            // A link where its target was a moment ago.
            throw CorpusFileError(path: shown, problem: "changed while it was read (it is now a symbolic link)", hint: "read the corpus again")
        }
    }

    func failure(_ code: Int32, _ shown: String) -> CorpusFileError {
        switch code {
        case ENOENT, ENOTDIR:
            return CorpusFileError(path: shown, problem: "no such file",
                                   hint: "check the file name, or put the file in \(displayPath(""))", isMissing: true)
        case EISDIR:
            return CorpusFileError(path: shown, problem: "is a directory, not a file", hint: "name a file")
        case EACCES, EPERM:
            return CorpusFileError(path: shown, problem: "cannot be read (permission denied)",
                                   hint: "make it readable, for example: chmod a+r \(shown)")
        case ELOOP:
            return CorpusFileError(path: shown, problem: "leads into a loop of symbolic links", hint: "remove the link, or point it at a file")
        default:
            return CorpusFileError(path: shown, problem: "cannot be read: \(String(cString: strerror(code)))", hint: nil)
        }
    }
}

/// A corpus held in memory, by path relative to its root.
public struct InMemoryCorpusFiles: CorpusFiles {
    public let files: [String: [UInt8]]
    public let name: String

    public init(_ files: [String: [UInt8]], name: String = "<memory>") {
        self.files = files
        self.name = name
    }

    public func displayPath(_ path: String) -> String { path.isEmpty ? name : path }

    public func read(_ path: String, maxSize: Int) throws(CorpusFileError) -> [UInt8] {
        guard let bytes = files[path] else {
            throw CorpusFileError(path: displayPath(path), problem: "no such file in \(name)", hint: nil, isMissing: true)
        }
        if bytes.count > maxSize { throw .tooLarge(displayPath(path), size: bytes.count, limit: maxSize) }
        return bytes
    }
}
