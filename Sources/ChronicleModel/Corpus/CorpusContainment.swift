import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeping a corpus's reads and writes inside its directory. A corpus is
/// a stranger's folder: a symbolic link in it (git keeps them) may point
/// at any file of the user's, so every name is resolved with its links
/// followed and must end under the root's real path.
extension DirectoryCorpusFiles {
    /// The real path of an existing file of the corpus, refused unless it
    /// lies inside the corpus directory.
    public func resolve(_ path: String) throws(CorpusFileError) -> String {
        try resolved(path).real
    }

    /// The real path of `path` and what `lstat` says of it. From the real
    /// root, component by component: where none is a link the path is
    /// already real, and the last `lstat` is the file's. That is fewer
    /// calls than `realpath`, which goes through every component of the
    /// root again for each file; a link on the way is resolved whole by
    /// `realpath`.
    func resolved(_ path: String) throws(CorpusFileError) -> (real: String, status: stat) {
        let shown = displayPath(path)
        try checkName(path, shown)
        guard let base = realRoot ?? Self.realPath(root.path) else { throw failure(errno, shown) }
        var real = base == "/" ? "" : base
        var status = stat()
        for part in path.split(separator: "/") where part != "." {
            real += "/" + part
            guard lstat(real, &status) == 0 else { throw failure(errno, shown) }
            guard status.st_mode & S_IFMT == S_IFLNK else { continue }
            // The link first: one out of the corpus is refused as such, whether what lies beyond it exists or not.
            if let linked = Self.realPath(real), !isInside(linked) { throw outside(path, real: linked) }
            guard let target = Self.realPath(base + "/" + path) else { throw failure(errno, shown) }
            guard isInside(target) else { throw outside(path, real: target) }
            guard lstat(target, &status) == 0 else { throw failure(errno, shown) }
            return (target, status)
        }
        if real.isEmpty || real == base { real = base; guard lstat(real, &status) == 0 else { throw failure(errno, shown) } }
        return (real, status)
    }

    /// Where to write the corpus's file `path`: the file itself, or, when
    /// it is a symbolic link to a file inside the corpus, that file (so the
    /// link stays a link). Refused when the file, or the directory it goes
    /// in, lies outside the corpus directory.
    public func placeToWrite(_ path: String) throws(CorpusFileError) -> String {
        let shown = displayPath(path)
        do {
            return try resolve(path)
        } catch where error.isMissing {
            var status = stat()
            if lstat(shown, &status) == 0 {
                throw CorpusFileError(path: shown, problem: "is a symbolic link to nothing (\(Self.linkText(shown) ?? "?"))",
                                      hint: "remove the link, or point it at a file inside the corpus")
            }
        }
        // A new file: its directory must be there, inside the corpus.
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        let realFolder: String
        do { realFolder = folder.isEmpty ? try resolve(".") : try resolve(folder) } catch where error.isMissing {
            throw CorpusFileError(path: shown, problem: "cannot be made: there is no directory \(displayPath(folder)) for it", hint: "make the directory first")
        }
        return (realFolder == "/" ? "" : realFolder) + "/" + name
    }

    /// A relative name, in the corpus, that names one file: a NUL would
    /// end the name the system sees early, and a control character would
    /// make the name shown differ from the file.
    func checkName(_ path: String, _ shown: String) throws(CorpusFileError) {
        if path.isEmpty || path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            throw CorpusFileError(path: shown, problem: "the path leaves the corpus directory",
                                  hint: "name files relative to the corpus directory, without \"..\" or a leading \"/\"")
        }
        if let control = path.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw CorpusFileError(path: shown, problem: "has a control character (\(String(format: "U+%04X", control.value))) in its name",
                                  hint: "rename the file without control characters, and its name in the corpus")
        }
    }

    /// Whether a real path lies under the root's real path.
    func isInside(_ real: String) -> Bool {
        guard let base = realRoot ?? Self.realPath(root.path) else { return false }
        if base == "/" { return real.hasPrefix("/") }
        return real == base || real.hasPrefix(base + "/")
    }

    /// What leads `path` outside the corpus: the first link on the way
    /// whose target is outside, the file itself or a directory.
    func outside(_ path: String, real: String) -> CorpusFileError {
        let shown = displayPath(path)
        let parts = path.split(separator: "/").map(String.init)
        let hint = "Chronicle reads and writes only inside the corpus directory (\(displayPath(""))): "
            + "put a copy of what the link points to in its place, or remove it"
        for end in parts.indices {
            let prefix = displayPath(parts[...end].joined(separator: "/"))
            var status = stat()
            guard lstat(prefix, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { continue }
            let target = Self.realPath(prefix) ?? Self.linkText(prefix) ?? "?"
            guard !isInside(target) else { continue }
            if end == parts.count - 1 {
                return CorpusFileError(path: shown, problem: "is a symbolic link to \(target), outside the corpus directory", hint: hint)
            }
            return CorpusFileError(path: shown, problem: "is reached through \(prefix), a symbolic link to \(target), outside the corpus directory", hint: hint)
        }
        return CorpusFileError(path: shown, problem: "lies outside the corpus directory (at \(real))", hint: hint)
    }

    /// The path with every symbolic link resolved (nil, with errno set, when
    /// it cannot be: it is not there, a loop, no permission).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a link holds, as written.
    static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
