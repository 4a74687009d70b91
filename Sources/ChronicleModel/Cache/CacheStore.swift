import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where caches live: `$XDG_CACHE_HOME/chronicle/` (by default
/// `~/.cache/chronicle/`), out of the corpus folder, which may be read-only
/// or under version control. An entry is named by a hash of the corpus's
/// real path (never by anything the corpus's own files say) and is a few
/// files side by side: `KEY.corpus` (the checked corpus), `KEY.stamps`
/// (newer file stamps for the same entry) and `KEY.index` (its search index).
public struct CacheStore: Sendable, Hashable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The standard place (`UserDirectories.cache`), or nil when there is
    /// no home directory to put it in.
    public static func standard(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> CacheStore? {
        UserDirectories(environment: environment).cache.map(CacheStore.init(directory:))
    }

    static let extensions = ["corpus", "stamps", "index"]

    func path(_ key: String, _ kind: String) -> String { directory + "/" + key + "." + kind }

    /// Makes the directory (and its parents) if need be, readable by its owner only.
    func makeDirectory() throws(CacheWriteFailure) {
        var status = stat()
        if stat(directory, &status) == 0 { return }
        var path = ""
        for part in directory.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o700) != 0 && errno != EEXIST { throw CacheWriteFailure(code: errno, path: path) }
        }
    }

    /// Writes `KEY.kind` whole or not at all: a temporary file beside it,
    /// renamed over it once written, so another process opening it at the
    /// same moment sees the old file or the new one, never part of one. Not
    /// flushed to disk: a file cut short by a crash fails its checksums and
    /// is rebuilt.
    func write(_ key: String, _ kind: String, _ body: (inout CacheFileWriter) throws(CacheWriteFailure) -> Void) throws(CacheWriteFailure) {
        try makeDirectory()
        let final = path(key, kind)
        let temporary = directory + "/." + key + "." + kind + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CacheWriteFailure(code: errno, path: directory) }
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            var writer = CacheFileWriter(descriptor: descriptor, path: temporary)
            try body(&writer)
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw CacheWriteFailure(code: errno, path: temporary) }
        guard rename(temporary, final) == 0 else { throw CacheWriteFailure(code: errno, path: final) }
        renamed = true
    }

    func remove(_ key: String, _ kind: String) { unlink(path(key, kind)) }

    /// What a listing shows of one entry.
    public struct Entry: Sendable {
        public let key: String
        /// The corpus it holds, as it was named when written.
        public let corpus: String?
        /// Each file of the entry and its size in bytes.
        public let files: [(name: String, bytes: Int)]
        /// Why the entry cannot be used, when it cannot.
        public let problem: String?
    }

    /// Every entry in the directory, by key.
    public func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var byKey: [String: [(String, Int)]] = [:]
        for name in names where !name.hasPrefix(".") {
            guard let dot = name.lastIndex(of: "."), Self.extensions.contains(String(name[name.index(after: dot)...])) else { continue }
            var status = stat()
            let size = stat(directory + "/" + name, &status) == 0 ? Int(status.st_size) : 0
            byKey[String(name[..<dot]), default: []].append((name, size))
        }
        return byKey.keys.sorted().map { key in
            var corpus: String?, problem: String?
            do throws(CacheDamage) {
                if let file = try CacheFile.open(path(key, "corpus"), kind: CorpusImage.kind) {
                    corpus = try CorpusImage.Meta.read(from: file).corpusName
                } else {
                    problem = "no corpus file"
                }
            } catch {
                problem = error.reason
            }
            return Entry(key: key, corpus: corpus, files: byKey[key]!.sorted { $0.0 < $1.0 }, problem: problem)
        }
    }

    /// Removes every entry (or those of `keys`), and temporary files left by
    /// writers that are gone; returns the bytes freed.
    @discardableResult
    public func clear(keys: Set<String>? = nil) -> Int {
        var freed = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            let path = directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            if name.hasPrefix(".") {
                // `.KEY.kind.tmp-PID-…`: only when that writer is gone.
                guard let mark = name.range(of: ".tmp-"),
                      let pid = name[mark.upperBound...].split(separator: "-").first.flatMap({ Int32($0) }),
                      kill(pid, 0) != 0, errno == ESRCH else { continue }
                if unlink(path) == 0 { freed += Int(status.st_size) }
                continue
            }
            guard let dot = name.lastIndex(of: "."), Self.extensions.contains(String(name[name.index(after: dot)...])) else { continue }
            if let keys, !keys.contains(String(name[..<dot])) { continue }
            if unlink(path) == 0 { freed += Int(status.st_size) }
        }
        return freed
    }

    /// The key of a corpus directory: a hash of its real path.
    static func key(ofDirectory path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(SHA256.hex(Array(String(cString: real).utf8)).prefix(32))
    }

    /// The key of a corpus held in memory (the built-in one): a hash of
    /// every file's name and bytes, so a binary with other seeds has its own.
    static func key(ofFiles files: [String: [UInt8]]) -> String {
        var all: [UInt8] = []
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            all += Array(name.utf8) + [0] + Array(String(bytes.count).utf8) + [0] + bytes
        }
        return "builtin-" + String(SHA256.hex(all).prefix(24))
    }
}

extension CacheWriteFailure {
    /// The reason in words a person can act on.
    var problem: String { AtomicFile.problem(code) }
}
