import ArgumentParser
import ChronicleDefaultCorpus
import ChronicleModel
import Foundation
import Synchronization

struct ChronicleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "Read a chronology against its sources.",
        discussion: """
            Every event cites exact passages of the source articles. Without --corpus, \
            Chronicle uses its built-in corpus: five articles on Russia and the Taliban.
            Exit status: 0 success, 1 nothing found, 2 bad data or usage.
            """,
        version: "0.1.0",
        subcommands: [BrowseCommand.self, InitCommand.self, AddCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self, CoverageCommand.self,
                      SuggestCommand.self, DraftCommand.self, ExportCommand.self, ValidateCommand.self, ConfigCommand.self, CacheCommand.self, BenchCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}

/// An error the CLI reports itself, with its exit status.
struct CLIError: Error {
    let message: String
    let code: Int32

    static func data(_ message: String) -> CLIError { CLIError(message: message, code: 2) }
    static func notFound(_ message: String) -> CLIError { CLIError(message: message, code: 1) }
    static func usage(_ message: String) -> CLIError { CLIError(message: message, code: 2) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--corpus DIR`, `--max-article-size` and `--no-cache`, shared by every command that loads a corpus.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A corpus directory (manifest.yaml, events, articles). Default: the built-in corpus.",
        valueName: "dir"), completion: .directory)
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp(
        "The largest file of the corpus to read (an article, an events file, the manifest), in bytes or with K, M, G (powers of 1024); a larger one is refused unread.",
        valueName: "size"))
    var maxArticleSize = FileSizeLimit(bytes: CorpusLoader.defaultMaxArticleSize)

    @Flag(name: .long, help: "Read and check the corpus itself: neither read nor write its cache (see docs/performance.md).")
    var noCache = false

    var origin: CorpusOrigin {
        if let corpus { return .directory(corpus) }
        return .files(DefaultCorpus.files, name: DefaultCorpus.displayName)
    }

    var files: CorpusFiles { origin.files }

    /// Where the cache is kept, or nil without one.
    var store: CacheStore? { noCache ? nil : CacheStore.standard() }

    var name: String { corpus ?? DefaultCorpus.displayName }

    /// The corpus and every problem found loading it, through its cache;
    /// on a terminal, a progress bar on standard error while it is read
    /// and checked without one.
    func loadResult() -> CorpusLoadResult { loadCached().result }

    /// The same, with the cache entry that holds it (for its search index).
    /// What a one-shot command loads is kept to the end of the process,
    /// which frees it at once: freed value by value, a large corpus's
    /// strings and arrays cost a good part of a warm command. `keptToExit:
    /// false` lets it go (a check before the browser loads its own).
    func loadCached(keptToExit: Bool = true) -> CachedLoad {
        let line = ProgressLine.onStandardError()
        defer { line?.finish() }
        let loaded = CorpusCache.load(origin, store: store, maxArticleSize: maxArticleSize.bytes, progress: line?.progress,
                                      reading: TestHold.holding, notify: line?.say ?? Self.tell)
        if keptToExit { KeptToExit.keep(loaded) }
        return loaded
    }

    /// The search index of `corpus` (loaded as `cached`), from the cache
    /// when it holds it; a bar on standard error while it is built. The
    /// index built is written once `use` is done with it, so the answer
    /// does not wait for the cache.
    func withSearchIndex<T>(of corpus: Corpus, _ cached: CachedLoad, _ use: (SearchIndex) throws -> T) rethrows -> T {
        let (read, reason) = IndexCache.read(corpus, entry: cached.entry, notify: Self.tell)
        if let read {
            // Left to the exit to free, as the corpus is.
            KeptToExit.keep(read)
            return try use(read)
        }
        let line = ProgressLine.onStandardError()
        let index = SearchIndex(corpus, progress: line?.progress)
        line?.finish()
        KeptToExit.keep(index)
        defer { IndexCache.write(index, entry: cached.entry, reason: reason, notify: Self.tell) }
        return try use(index)
    }

    /// What the cache has to say (damaged, cannot be written), on standard error.
    static func tell(_ notice: String) {
        Terminal.standardError.write(SafeText.visible(notice) + "\n")
    }

    /// The corpus, or exit 2 with its errors: a corpus with unresolved
    /// quotes is never shown as if it were sourced.
    func load(keptToExit: Bool = true) throws -> Corpus {
        try accept(loadCached(keptToExit: keptToExit).result)
    }

    /// The loaded corpus, or exit 2 with its errors.
    func accept(_ result: CorpusLoadResult) throws -> Corpus {
        if result.hasErrors {
            for diagnostic in result.diagnostics.errors {
                Terminal.standardError.write(SafeText.visible(diagnostic.description, keepNewlines: true) + "\n")
            }
            throw CLIError.data("\(name) has \(Plural.count(result.diagnostics.errors.count, "error")); fix them (`chronicle validate` lists every problem)")
        }
        return result.corpus
    }
}

/// A size given as `256M`, `1G` or bytes (`ByteSize`).
struct FileSizeLimit: ExpressibleByArgument {
    let bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        guard let bytes = ByteSize.parse(argument) else { return nil }
        self.bytes = bytes
    }

    var defaultValueDescription: String { bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)" }
}

/// Values a one-shot command holds to the end of the process, never freed
/// before it: the exit gives their memory back whole.
enum KeptToExit {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
