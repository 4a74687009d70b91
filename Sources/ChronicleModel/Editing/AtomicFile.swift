import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that a crash, a kill or a full disk at any instant
/// leaves either the old file or the new one, whole: the bytes go to a
/// temporary file in the same directory, which is flushed, then renamed
/// over the original, and the directory is flushed. Before the rename the
/// file on disk is compared with what the writer last read: another
/// program's change is never overwritten.
public enum AtomicFile {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file on disk is not the one last read: someone else changed it.
        case changedOnDisk(String)
        /// A new file's name is taken.
        case exists(String)
        /// The name is a symbolic link, which is never written through nor replaced.
        case symbolicLink(String)
        case io(path: String, problem: String)

        public var description: String {
            switch self {
            case .changedOnDisk(let path): return "\(path) was changed by another program since Chronicle read it; nothing was written"
            case .exists(let path): return "\(path) already exists; nothing was written"
            case .symbolicLink(let path): return "\(path) is a symbolic link, which Chronicle neither writes through nor replaces; nothing was written"
            case .io(let path, let problem): return "\(path) could not be written (\(problem)); it is as it was"
            }
        }
    }

    /// Reads a whole regular file, or nil when there is none. A pipe, a
    /// socket or a device is refused unopened (a pipe would wait for a
    /// writer), and so is a file over `maxSize` bytes, unread.
    public static func read(_ path: String, maxSize: Int = .max) throws(Failure) -> [UInt8]? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw .io(path: path, problem: String(cString: strerror(errno)))
        }
        try checkRegular(status, path)
        if Int(status.st_size) > maxSize {
            throw .io(path: path, problem: "it is \(ByteSize.describe(Int(status.st_size))), over the limit of \(ByteSize.describe(maxSize))")
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .io(path: path, problem: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        // What was opened, should it have been swapped since.
        guard fstat(descriptor, &status) == 0 else { throw .io(path: path, problem: String(cString: strerror(errno))) }
        try checkRegular(status, path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got > 0 { bytes.append(contentsOf: chunk[0..<got]) } else if got == 0 { break } else if errno != EINTR {
                throw .io(path: path, problem: String(cString: strerror(errno)))
            }
            if bytes.count > maxSize { throw .io(path: path, problem: "it grew past the limit of \(ByteSize.describe(maxSize)) while it was read") }
        }
        return bytes
    }

    static func checkRegular(_ status: stat, _ path: String) throws(Failure) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .io(path: path, problem: "it is a directory, not a file")
        case S_IFIFO: throw .io(path: path, problem: "it is a named pipe, not a file")
        default: throw .io(path: path, problem: "it is not a regular file")
        }
    }

    /// Writes `bytes` to `path`. With `expected`, the file must still hold
    /// exactly those bytes; without, it must not exist. A symbolic link is
    /// refused either way: renaming over it would make the link a file, and
    /// writing through it would change a file somewhere else (a corpus
    /// resolves its links first, `DirectoryCorpusFiles.placeToWrite`). A
    /// test may stop the write between steps (`pause`) to kill the process there.
    public static func write(_ bytes: [UInt8], to path: String, expected: [UInt8]?, pause: (Int) -> Void = { _ in }) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var mode: mode_t = 0o644
        var status = stat()
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path) }
            mode = status.st_mode & 0o7777
        }
        let current = try read(path)
        if let expected {
            guard current == expected else { throw .changedOnDisk(path) }
        } else if current != nil {
            throw .exists(path)
        }
        let temporary = directory + "/" + temporaryName(for: url.lastPathComponent)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .io(path: path, problem: problem(errno)) }
        var removeTemporary = true
        defer { if removeTemporary { unlink(temporary) } }
        var written = 0
        let failed: Int32 = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let done = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if done > 0 { written += done; pause(written) } else if errno != EINTR { return errno }
            }
            return 0
        }
        if failed != 0 { close(descriptor); throw .io(path: path, problem: problem(failed)) }
        if fsync(descriptor) != 0 { let code = errno; close(descriptor); throw .io(path: path, problem: problem(code)) }
        close(descriptor)
        pause(-1)
        if expected == nil {
            // A name taken meanwhile is not replaced: link fails where rename would overwrite.
            guard link(temporary, path) == 0 else { throw errno == EEXIST ? .exists(path) : .io(path: path, problem: problem(errno)) }
        } else {
            guard rename(temporary, path) == 0 else { throw .io(path: path, problem: problem(errno)) }
            removeTemporary = false
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// The temporary file beside `name` (`.events.yaml.chronicle-PID-N`):
    /// the name is a corpus's, so anything but letters, digits, `.`, `-`
    /// and `_` is written `_`, and it is cut short enough to leave room
    /// (a name holds 255 bytes). `CorpusEditor.removeLeftovers` reads the
    /// PID back from after the last `.chronicle-`.
    static func temporaryName(for name: String) -> String {
        let kept = name.unicodeScalars.prefix(64).map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
        }
        return "." + String(kept) + ".chronicle-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The reason in words a person can act on.
    static func problem(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "the disk is full"
        case EFBIG: return "the file would be larger than this system allows"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case ENOENT: return "its directory no longer exists"
        default: return String(cString: strerror(code))
        }
    }
}
