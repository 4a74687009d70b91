import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file, as git's index keeps it: a file whose stamp
/// is unchanged is taken to hold what it held, one whose stamp differs is
/// hashed again. A missing file has a stamp too (`exists` false).
struct FileStamp: Hashable, Sendable {
    var exists: Bool
    var size: Int64
    var modified: Int64
    var changed: Int64
    var inode: UInt64
    var device: UInt64

    static let missing = FileStamp(exists: false, size: 0, modified: 0, changed: 0, inode: 0, device: 0)

    /// The file at `path`, following links as reading does.
    static func of(_ path: String) -> FileStamp {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return FileStamp(status)
    }

    /// The file `name` in the directory open as `directory`.
    static func of(_ name: String, in directory: Int32) -> FileStamp {
        var status = stat()
        guard fstatat(directory, name, &status, 0) == 0 else { return .missing }
        return FileStamp(status)
    }

    init(exists: Bool, size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
        self.exists = exists
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    init(_ status: stat) {
        exists = true
        size = Int64(status.st_size)
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
        inode = UInt64(status.st_ino)
        device = UInt64(status.st_dev)
    }

    /// Whether a file stamped so may have changed since without its stamp
    /// changing: file systems stamp times from a clock that moves in ticks
    /// of some milliseconds, so a file written in the tick its stamp was
    /// read in could change again, later in that tick, under the same
    /// stamp ("racily clean", as git calls it). `scanStart` is the file
    /// system's time when reading began; a file stamped at or after it, or
    /// less than a tick before, is not trusted and is hashed on the next
    /// open. Times in whole seconds come from a file system that stamps no
    /// finer (FAT's tick is two seconds).
    func isRacy(scanStart: Int64) -> Bool {
        guard exists else { return false }
        let coarse = modified % 1_000_000_000 == 0 && changed % 1_000_000_000 == 0
        let tick: Int64 = coarse ? 2_000_000_000 : 20_000_000
        return modified >= scanStart - tick || changed >= scanStart - tick
    }
}

/// One file a load read, as it stood: its stamp, and a hash of what was
/// read (nil: it could not be read).
struct FileRecord: Sendable, Equatable {
    var path: String
    var stamp: FileStamp
    var hash: UInt64?
    /// Stamped too close to the time it was read: hash it next time.
    var racy: Bool
}

/// The file system's clock now: the change time of a file made for the
/// purpose, which is what a file written now would be stamped with.
/// Where no file can be made, the system's clock, which is the one file
/// systems stamp from.
enum FileSystemClock {
    static func now(in directory: String) -> Int64? {
        let path = directory + "/.chronicle-clock-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            var spec = timespec()
            guard clock_gettime(CLOCK_REALTIME, &spec) == 0 else { return nil }
            return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
        }
        defer {
            close(descriptor)
            unlink(path)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return FileStamp(status).changed
    }
}

/// A corpus's files read through, each read recorded with its stamp (taken
/// before reading, so a change during the read shows as a later stamp) and
/// a hash of the bytes read. The loader reads on several threads.
final class RecordingCorpusFiles: CorpusFiles, @unchecked Sendable {
    let base: CorpusFiles
    /// The directory the paths are relative to, for their stamps.
    let root: String
    /// Paths `base` reads from elsewhere than the directory (an editor's
    /// copy): their stamp vouches for their bytes only if the file on disk
    /// holds the same.
    let fromElsewhere: Set<String>
    private let lock = NSLock()
    private var records: [String: FileRecord] = [:]

    init(base: CorpusFiles, root: String, fromElsewhere: Set<String> = []) {
        self.base = base
        self.root = root
        self.fromElsewhere = fromElsewhere
    }

    func displayPath(_ path: String) -> String { base.displayPath(path) }

    func read(_ path: String, maxSize: Int) throws(CorpusFileError) -> [UInt8] {
        let stamp = FileStamp.of(root + "/" + path)
        do {
            let bytes = try base.read(path, maxSize: maxSize)
            let hash = bytes.withUnsafeBytes { Hash64.of($0) }
            var racy = false
            if fromElsewhere.contains(path) {
                let onDisk = (try? DirectoryCorpusFiles(path: root).read(path, maxSize: maxSize)).map { $0.withUnsafeBytes { Hash64.of($0) } }
                racy = onDisk != hash
            }
            lock.withLock { records[path] = FileRecord(path: path, stamp: stamp, hash: hash, racy: racy) }
            return bytes
        } catch {
            lock.withLock { records[path] = FileRecord(path: path, stamp: stamp, hash: nil, racy: false) }
            throw error
        }
    }

    /// Every file read, by path, racy ones marked against `scanStart`.
    func taken(scanStart: Int64?) -> [FileRecord] {
        lock.withLock {
            records.values.sorted { $0.path < $1.path }.map { record in
                var record = record
                record.racy = record.racy || (scanStart.map { record.stamp.isRacy(scanStart: $0) } ?? true)
                return record
            }
        }
    }
}
