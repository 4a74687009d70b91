import Foundation

/// Where Chronicle keeps what is the user's own and not the corpus's, by
/// the XDG base directory rules: settings in the config directory, stars
/// and notes in the data directory, remembered searches in the state one,
/// checked corpora in the cache one (docs/performance.md).
/// A relative XDG path is ignored, as the specification says.
public struct UserDirectories: Sendable, Hashable {
    public let config: String?
    public let data: String?
    public let state: String?
    public let cache: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        func base(_ variable: String, _ fallback: String) -> String? {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return home.map { $0 + "/" + fallback }
        }
        config = base("XDG_CONFIG_HOME", ".config").map { $0 + "/chronicle" }
        data = base("XDG_DATA_HOME", ".local/share").map { $0 + "/chronicle" }
        state = base("XDG_STATE_HOME", ".local/state").map { $0 + "/chronicle" }
        cache = base("XDG_CACHE_HOME", ".cache").map { $0 + "/chronicle" }
    }

    /// `config.yaml` in the config directory.
    public var configFile: String? { config.map { $0 + "/config.yaml" } }

    /// The history of searches and dates, shared by every corpus (as less
    /// keeps one ~/.lesshst).
    public var historyFile: String? { state.map { $0 + "/history.json" } }

    /// The reader's stars, notes and marks for one corpus: a directory per
    /// corpus, named by its folder and a digest of its real path, so two
    /// corpora of one name never share.
    public func readerFile(corpusPath: String?) -> String? {
        guard let data else { return nil }
        return data + "/corpora/" + Self.corpusKey(corpusPath) + "/reader.json"
    }

    /// "built-in", or "my-story-3f2a…": the folder's name and the first
    /// bytes of the SHA-256 of its real path.
    public static func corpusKey(_ corpusPath: String?) -> String {
        guard let corpusPath else { return "built-in" }
        let real = realPath(corpusPath)
        let name = YAMLWriting.slug(URL(fileURLWithPath: real).lastPathComponent, limit: 40, fallback: "corpus")
        return name + "-" + String(SHA256.hex(Array(real.utf8)).prefix(16))
    }

    /// The path with symbolic links and `..` resolved, or as given when it
    /// does not exist.
    public static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Makes `directory` and its parents, readable by the user alone.
    public static func make(_ directory: String) throws(AtomicFile.Failure) {
        var made = ""
        for part in directory.split(separator: "/") {
            made += "/" + part
            if mkdir(made, 0o700) != 0 && errno != EEXIST {
                throw .io(path: made, problem: AtomicFile.problem(errno))
            }
        }
    }
}
