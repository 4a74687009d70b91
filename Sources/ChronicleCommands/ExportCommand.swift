import ArgumentParser
import ChronicleModel
import Foundation

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the chronology with its sources as Markdown, HTML, TimelineJS, CSV or Web Annotations.",
        discussion: """
            The browser's filters choose the events: --actor, --source, --tag, --within, --query \
            and --spine, all of which must hold. Without --out the export goes to standard \
            output; --out never replaces a file unless --force is given. Exit status 1 when no \
            event matches (nothing is written). docs/cli.md describes each format.
            """
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp("What to write (docs/cli.md shows each).", valueName: "format"))
    var format: ExportFormat

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"),
            completion: .file())
    var out: String?

    @Flag(help: "Replace the --out file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Only events with this actor (id, name or alias; members included).", valueName: "actor"))
    var actor: String?

    @Option(help: ArgumentHelp("Only events citing this source.", valueName: "source-id"))
    var source: String?

    @Option(help: ArgumentHelp("Only events with this tag.", valueName: "tag"))
    var tag: String?

    @Option(help: ArgumentHelp("Only events dated within this EDTF date or interval: 2024, 2024-03/2025.", valueName: "date"))
    var within: String?

    @Option(help: ArgumentHelp("Only events matching this search, as `chronicle search` matches.", valueName: "words"))
    var query: String?

    @Flag(help: "Only the principal events (★).")
    var spine = false

    func validate() throws {
        if let within, (try? PartialDate(parsing: within)) == nil {
            throw ValidationError("--within `\(SafeText.visible(within))` is not an EDTF date; try 2024, 2024-03 or 2024/2025")
        }
        if force && out == nil { throw ValidationError("--force replaces the --out file; give --out FILE too") }
        if let out, out.isEmpty { throw ValidationError("--out needs a file name") }
    }

    func run() throws {
        // Said before the corpus is loaded and the export made, not after.
        if let out { try checkWritable(out) }
        let cached = corpus.loadCached()
        let loaded = try corpus.accept(cached.result)
        if let source, loaded.source(source) == nil {
            throw CLIError.notFound("no source with id `\(SafeText.visible(source))` in \(corpus.name)")
        }
        if let actor, loaded.actors(named: actor).isEmpty {
            throw CLIError.notFound("no actor named `\(SafeText.visible(actor))` in \(corpus.name)")
        }
        let filter = EventFilter(within: within.flatMap { try? PartialDate(parsing: $0) }, actor: actor, source: source,
                                 tag: tag, spineOnly: spine)
        let events: [Event]
        if let query {
            let parsed = SearchQuery(query)
            guard !parsed.isEmpty else {
                throw CLIError.usage("the query `\(SafeText.visible(query))` has no words to search for")
            }
            // The events are exported, not the article lines: one is enough.
            events = corpus.withSearchIndex(of: loaded, cached) { index in
                index.search(parsed, filter: filter, articleHitLimit: 1).matchingEvents.map { loaded.events[$0] }
            }
        } else {
            events = loaded.events(matching: filter)
        }
        guard !events.isEmpty else {
            throw CLIError.notFound("no event in \(corpus.name) passes the filters given; nothing written")
        }
        let text = try format.render(loaded, events: events)
        guard let out else {
            Terminal.standardOutput.write(text)
            return
        }
        try write(Array(text.utf8), to: out)
        let citations = events.reduce(0) { $0 + $1.citations.count }
        Terminal.standardError.write("wrote \(Plural.count(events.count, "event")) and \(Plural.count(citations, "citation")) "
                                     + "as \(format.rawValue) to \(SafeText.visible(out))\n")
    }

    /// Writes the file atomically (`AtomicFile`): a new name, or with
    /// --force the file as read just before, so a change made meanwhile by
    /// another program is not overwritten either. A symbolic link is
    /// refused: replacing it would turn the link into a file, and writing
    /// through it would change a file the user did not name.
    func write(_ bytes: [UInt8], to path: String) throws {
        try checkWritable(path)
        do {
            let current = force ? try AtomicFile.read(path) : nil
            try AtomicFile.write(bytes, to: path, expected: current)
        } catch .exists {
            throw CLIError.usage("\(SafeText.visible(path)) appeared while exporting; pass --force to replace it, or name another file")
        } catch {
            throw CLIError.usage(SafeText.visible(error.description))
        }
    }

    /// The path names a file in a directory that is there: a new one, or
    /// one to replace with --force; never a link, a directory or a device.
    func checkWritable(_ path: String) throws {
        let shown = SafeText.visible(path)
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !directory.isEmpty, !(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw CLIError.usage("there is no directory \(SafeText.visible(directory)) to write in; make it first, or name another file")
        }
        var status = stat()
        if lstat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                throw CLIError.usage("\(shown) is a symbolic link; Chronicle does not write through links: name the file it points to")
            case S_IFREG:
                guard force else { throw CLIError.usage("\(shown) exists; pass --force to replace it, or name another file") }
            default:
                throw CLIError.usage("\(shown) is not a file; name a file to write")
            }
        }
    }
}
