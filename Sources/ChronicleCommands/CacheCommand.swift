import ArgumentParser
import ChronicleModel
import Foundation

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or remove the cache of checked corpora.",
        discussion: """
            Chronicle keeps each corpus it has read and checked in \
            $XDG_CACHE_HOME/chronicle (by default ~/.cache/chronicle), so that the next start \
            reads only what changed. An entry is checked before use and rebuilt when it is \
            damaged or out of date; removing one only costs the next start its time.
            """,
        subcommands: [CacheInfo.self, CacheClear.self]
    )
}

struct CacheInfo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "List the cache's entries: the corpus each holds, its files and their sizes."
    )

    @Option(name: .long, help: ArgumentHelp("Only this corpus's entry.", valueName: "dir"), completion: .directory)
    var corpus: String?

    func run() throws {
        guard let store = CacheStore.standard() else {
            throw CLIError.usage("there is no cache: neither XDG_CACHE_HOME nor HOME names a directory")
        }
        var entries = store.entries()
        if let corpus {
            let key = CorpusOrigin.directory(corpus).cacheKey
            entries = entries.filter { $0.key == key }
        }
        var out = "cache: \(SafeText.visible(store.directory))\n"
        var total = 0
        for entry in entries {
            let bytes = entry.files.reduce(0) { $0 + $1.bytes }
            total += bytes
            out += "\(entry.key)  \(SafeText.visible(entry.corpus ?? "?"))  \(megabytes(bytes))"
            out += entry.problem.map { "  (unusable: \(SafeText.visible($0)); rebuilt on next use)" } ?? ""
            out += "\n"
            for file in entry.files { out += "    \(file.name)  \(megabytes(file.bytes))\n" }
        }
        out += "\(entries.count) \(entries.count == 1 ? "entry" : "entries"), \(megabytes(total))\n"
        Terminal.standardOutput.write(out)
    }
}

struct CacheClear: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Remove the cache's entries (every one, or one corpus's)."
    )

    @Option(name: .long, help: ArgumentHelp("Only this corpus's entry.", valueName: "dir"), completion: .directory)
    var corpus: String?

    func run() throws {
        guard let store = CacheStore.standard() else {
            throw CLIError.usage("there is no cache: neither XDG_CACHE_HOME nor HOME names a directory")
        }
        var keys: Set<String>?
        if let corpus {
            guard let key = CorpusOrigin.directory(corpus).cacheKey else {
                throw CLIError.notFound("\(SafeText.visible(corpus)) is not a directory Chronicle can find")
            }
            keys = [key]
        }
        let freed = store.clear(keys: keys)
        Terminal.standardOutput.write("removed \(megabytes(freed)) from \(SafeText.visible(store.directory))\n")
    }
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
