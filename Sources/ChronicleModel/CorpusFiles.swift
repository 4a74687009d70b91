import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a corpus's files come from: a directory on disk, or bytes held in
/// memory (the default corpus compiled into the binary, and tests).
public protocol CorpusFiles: Sendable {
    /// The bytes of a file named relative to the corpus root.
    func read(_ path: String) throws(CorpusFileError) -> [UInt8]
    /// How to name a file in messages.
    func displayPath(_ path: String) -> String
}

public struct CorpusFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let problem: String
    public let hint: String?
    public var description: String { "\(path): \(problem)" }
}

/// A corpus directory on disk.
public struct DirectoryCorpusFiles: CorpusFiles {
    public let root: URL

    public init(root: URL) { self.root = root }
    public init(path: String) { self.root = URL(fileURLWithPath: path, isDirectory: true) }

    public func displayPath(_ path: String) -> String {
        let rootPath = root.path
        if rootPath == "." || rootPath.isEmpty { return path }
        return rootPath.hasSuffix("/") ? rootPath + path : rootPath + "/" + path
    }

    public func read(_ path: String) throws(CorpusFileError) -> [UInt8] {
        let shown = displayPath(path)
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            throw CorpusFileError(path: shown, problem: "the path leaves the corpus directory",
                                  hint: "name files relative to the corpus directory, without \"..\" or a leading \"/\"")
        }
        let url = root.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CorpusFileError(path: shown, problem: "no such file",
                                  hint: "check the file name, or put the file in \(displayPath(""))")
        }
        if isDirectory.boolValue {
            throw CorpusFileError(path: shown, problem: "is a directory, not a file", hint: "name a file")
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CorpusFileError(path: shown, problem: "cannot be read (permission denied)",
                                  hint: "make it readable, for example: chmod a+r \(shown)")
        }
        // POSIX reads, not Data(contentsOf:): that leaks a 4 kB buffer for an
        // empty file on Linux (found by LeakSanitizer), and this reads a
        // large article straight into its final array.
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CorpusFileError(path: shown, problem: "cannot be read: \(String(cString: strerror(errno)))", hint: nil)
        }
        defer { close(descriptor) }
        var status = stat()
        var bytes: [UInt8] = []
        if fstat(descriptor, &status) == 0 { bytes.reserveCapacity(Int(status.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw CorpusFileError(path: shown, problem: "cannot be read: \(String(cString: strerror(errno)))", hint: nil)
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
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

    public func read(_ path: String) throws(CorpusFileError) -> [UInt8] {
        guard let bytes = files[path] else {
            throw CorpusFileError(path: displayPath(path), problem: "no such file in \(name)", hint: nil)
        }
        return bytes
    }
}
