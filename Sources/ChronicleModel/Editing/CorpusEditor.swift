import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Changes a corpus directory on disk, one `CorpusEdit` at a time, each
/// written at once and atomically, each undoable. It holds the manifest and
/// events files as it last read or wrote them: the corpus is loaded from
/// those bytes, every change is checked by loading the changed corpus in
/// memory before anything is written, and a file another program changed
/// meanwhile is never overwritten.
public struct CorpusEditor: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case readOnly(String)
        /// The file changed on disk since it was read: nothing was written.
        case changedOnDisk(String)
        case io(String)
        /// The change would leave the corpus with an error: nothing was written.
        case invalid([String])
        case cannot(String)

        public var description: String {
            switch self {
            case .readOnly(let why): return why
            case .changedOnDisk(let path): return "\(path) was changed by another program since Chronicle read it; nothing was written"
            case .io(let message): return message
            case .invalid(let problems): return "the change would not validate, so nothing was written: " + problems.joined(separator: "; ")
            case .cannot(let why): return why
            }
        }
    }

    /// One change: each file's bytes before and after, in the order written.
    public struct Change: Sendable {
        public let summary: String
        let files: [(path: String, before: [UInt8], after: [UInt8])]
    }

    public let directory: String
    /// The largest file of the corpus read, in bytes (`CorpusLoader.load`).
    public let maxArticleSize: Int
    /// The YAML files by path relative to the corpus, as last read or written.
    public internal(set) var texts: [String: [UInt8]]
    public private(set) var done: [Change] = []
    public private(set) var undone: [Change] = []

    /// The corpus at `directory`, its YAML read now. Refused, saying why,
    /// when it cannot be written, or when one of its YAML files cannot be
    /// read (it lies outside the corpus, is not a regular file, is too
    /// large): the loader says the same with its place.
    public init(directory: String, maxArticleSize: Int = CorpusLoader.defaultMaxArticleSize) throws(Failure) {
        self.directory = directory
        self.maxArticleSize = maxArticleSize
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannot("\(directory) is not a directory: give the corpus's directory (chronicle init DIR makes one)")
        }
        guard access(directory, W_OK) == 0 else {
            throw .readOnly("\(directory) is read-only (\(AtomicFile.problem(errno))): Chronicle can read it but not change it")
        }
        let corpus = DirectoryCorpusFiles(path: directory)
        func read(_ name: String) throws(Failure) -> [UInt8]? {
            do { return try corpus.read(name, maxSize: maxArticleSize) } catch {
                if error.isMissing { return nil }
                throw .cannot("\(error.path) \(error.problem): Chronicle does not change this corpus")
            }
        }
        var texts: [String: [UInt8]] = [:]
        guard let manifest = try read(CorpusLoader.manifestName) else {
            throw .cannot("\(corpus.displayPath(CorpusLoader.manifestName)) does not exist: not a corpus (chronicle init makes one)")
        }
        texts[CorpusLoader.manifestName] = manifest
        let listed = (try? ManifestText(manifest))?.eventsFiles ?? [CorpusLoader.defaultEventsFile]
        for name in listed where !name.hasPrefix("/") && !name.split(separator: "/").contains("..") {
            if let bytes = try read(name) { texts[name] = bytes }
        }
        for name in texts.keys where access(directory + "/" + name, W_OK) != 0 {
            throw .readOnly("\(directory)/\(name) is read-only (\(AtomicFile.problem(errno))): Chronicle can read the corpus but not change it")
        }
        self.texts = texts
        Self.removeLeftovers(in: texts.keys.compactMap { try? corpus.placeToWrite($0) })
    }

    /// Temporary files a save killed midway left beside the files it was
    /// writing (`.events.yaml.chronicle-PID-…`), when that process is gone.
    static func removeLeftovers(in paths: [String]) {
        let folders = Set(paths.map { ($0 as NSString).deletingLastPathComponent })
        for folder in folders {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(".") {
                guard let mark = entry.range(of: ".chronicle-", options: .backwards) else { continue }
                let pid = entry[mark.upperBound...].split(separator: "-").first.flatMap { Int32($0) }
                if let pid, kill(pid, 0) != 0, errno == ESRCH { unlink(folder + "/" + entry) }
            }
        }
    }

    /// The corpus's files: its YAML as this editor holds it, its articles from disk.
    public var files: CorpusFiles { EditedCorpusFiles(directory: DirectoryCorpusFiles(path: directory), texts: texts) }

    public func load() -> CorpusLoadResult { CorpusLoader.load(from: files, maxArticleSize: maxArticleSize) }

    /// The events file a new event goes to: the last one the manifest lists.
    var newEventsFile: String {
        let listed = (try? ManifestText(texts[CorpusLoader.manifestName] ?? []))?.eventsFiles ?? []
        return listed.last ?? CorpusLoader.defaultEventsFile
    }

    // MARK: Changing

    /// Applies `edit` to the corpus as `current` (loaded from this editor),
    /// writes the files it changes, and returns the corpus as it now is.
    /// The id of an event it added, to select.
    public mutating func apply(_ edit: CorpusEdit, to current: CorpusLoadResult) throws(Failure) -> (result: CorpusLoadResult, summary: String, eventID: String?) {
        var changed = texts
        let (summary, eventID) = try Self.change(&changed, by: edit, in: current.corpus, eventsFile: newEventsFile)
        let result = try commit(changed, summary: summary, before: current)
        undone = []
        return (result, summary, eventID)
    }

    /// Takes back the last change (nil: there is none).
    public mutating func undo() throws(Failure) -> (result: CorpusLoadResult, summary: String)? {
        guard let change = done.last else { return nil }
        try write(change.files.reversed().map { ($0.path, $0.after, $0.before) })
        for file in change.files { texts[file.path] = file.before }
        done.removeLast()
        undone.append(change)
        return (load(), "undid: " + change.summary)
    }

    /// Makes the last change taken back again (nil: there is none).
    public mutating func redo() throws(Failure) -> (result: CorpusLoadResult, summary: String)? {
        guard let change = undone.last else { return nil }
        try write(change.files.map { ($0.path, $0.before, $0.after) })
        for file in change.files { texts[file.path] = file.after }
        undone.removeLast()
        done.append(change)
        return (load(), "redid: " + change.summary)
    }

    /// Reads the YAML files again from disk (after another program changed
    /// them). What was done in the session can no longer be undone.
    public mutating func reload() throws(Failure) -> CorpusLoadResult {
        self = try CorpusEditor(directory: directory, maxArticleSize: maxArticleSize)
        return load()
    }

    /// The name of the temporary file an event is edited in (`$EDITOR`):
    /// the id is the corpus's, so only its slug is in the name, never a
    /// `/`, a `..` or a control character.
    public static func editorFileName(forEvent id: String) -> String {
        "chronicle-event-\(getpid())-\(YAMLWriting.slug(id)).yaml"
    }

    /// The event's YAML for a person to edit (`$EDITOR`).
    public func text(ofEvent id: String, in corpus: Corpus) throws(Failure) -> String {
        guard let event = corpus.event(id), let path = relativePath(event.location.file) else { throw .cannot("no event `\(id)`") }
        do { return try EventsFileText(texts[path] ?? []).text(of: id) } catch { throw Self.failure(error) }
    }

    // MARK: How each edit changes the text

    static func change(_ texts: inout [String: [UInt8]], by edit: CorpusEdit, in corpus: Corpus, eventsFile: String) throws(Failure) -> (String, String?) {
        func eventsPath(of id: String) throws(Failure) -> String {
            guard let event = corpus.event(id) else { throw .cannot("there is no event `\(id)` (it may have been removed meanwhile)") }
            let file = event.location.file
            guard let path = texts.keys.first(where: { file == $0 || file.hasSuffix("/" + $0) }) else { throw .cannot("the file of event `\(id)` is not one Chronicle edits") }
            return path
        }
        func events(_ path: String, _ body: (inout EventsFileText) throws(YAMLText.Failure) -> Void) throws(Failure) {
            do {
                var text = try EventsFileText(texts[path] ?? Array("events: []\n".utf8))
                try body(&text)
                texts[path] = text.bytes
            } catch { throw failure(error) }
        }
        func addActors(_ actors: [ActorDraft]) throws(Failure) {
            guard !actors.isEmpty else { return }
            do {
                var manifest = try ManifestText(texts[CorpusLoader.manifestName] ?? [])
                for actor in actors { try manifest.append(actor: actor) }
                texts[CorpusLoader.manifestName] = manifest.bytes
            } catch { throw failure(error) }
        }
        switch edit {
        case .addEvent(let draft, let citation, let newActors):
            try addActors(newActors)
            let id = YAMLWriting.unique(YAMLWriting.slug(draft.title)) { corpus.event($0) != nil }
            try events(eventsFile) { text throws(YAMLText.Failure) in try text.append(id: id, draft, citation: citation) }
            return ("added event “\(draft.title)”", id)
        case .updateEvent(let id, let draft, let newActors):
            try addActors(newActors)
            try events(try eventsPath(of: id)) { text throws(YAMLText.Failure) in try text.update(id: id, draft) }
            return ("changed event “\(draft.title)”", id)
        case .addCitation(let id, let citation):
            try events(try eventsPath(of: id)) { text throws(YAMLText.Failure) in try text.addCitation(eventID: id, citation) }
            return ("cited \(corpus.source(citation.sourceID)?.outlet ?? citation.sourceID) for “\(corpus.event(id)?.title ?? id)”", id)
        case .removeCitation(let id, let index):
            try events(try eventsPath(of: id)) { text throws(YAMLText.Failure) in try text.removeCitation(eventID: id, index: index) }
            return ("removed citation [\(index + 1)] of “\(corpus.event(id)?.title ?? id)”", id)
        case .removeEvent(let id):
            try events(try eventsPath(of: id)) { text throws(YAMLText.Failure) in try text.remove(id: id) }
            return ("removed event “\(corpus.event(id)?.title ?? id)”", nil)
        case .replaceEvent(let id, let yaml):
            try events(try eventsPath(of: id)) { text throws(YAMLText.Failure) in try text.replace(id: id, with: yaml) }
            return ("edited event “\(corpus.event(id)?.title ?? id)”", id)
        }
    }

    static func failure(_ error: YAMLText.Failure) -> Failure {
        switch error {
        case .notFound(let what): return .cannot(what)
        case .unsupported(let what): return .cannot(what)
        case .broken(let what): return .cannot("the file could not be edited: \(what)")
        }
    }

    /// The corpus-relative path of a file as the loader names it in locations.
    func relativePath(_ file: String) -> String? {
        texts.keys.first { file == $0 || file.hasSuffix("/" + $0) }
    }

    /// Checks the changed texts in memory, then writes them.
    private mutating func commit(_ changed: [String: [UInt8]], summary: String, before current: CorpusLoadResult) throws(Failure) -> CorpusLoadResult {
        let loaded = CorpusLoader.load(from: EditedCorpusFiles(directory: DirectoryCorpusFiles(path: directory), texts: changed),
                                       maxArticleSize: maxArticleSize)
        // Errors the corpus had already may stay; the change may bring none.
        let previous = Set(current.diagnostics.errors.map(\.message))
        let new = loaded.diagnostics.errors.filter { !previous.contains($0.message) }
        guard new.isEmpty else { throw .invalid(new.map { "\($0.location): \($0.message)" }) }
        // The manifest first: an actor an event names exists before the event does.
        let manifest = CorpusLoader.manifestName
        let paths = changed.keys.filter { changed[$0] != texts[$0] }.sorted { ($0 == manifest ? 0 : 1, $0) < ($1 == manifest ? 0 : 1, $1) }
        let files = paths.map { (path: $0, before: texts[$0] ?? [], after: changed[$0] ?? []) }
        try write(files.map { ($0.path, $0.before, $0.after) })
        texts = changed
        done.append(Change(summary: summary, files: files))
        return loaded
    }

    /// Writes each file in turn; when one fails, those written are put back.
    /// Each is written where `placeToWrite` says, all worked out before
    /// the first is written: never through a link to outside the corpus.
    private func write(_ files: [(path: String, expected: [UInt8], bytes: [UInt8])]) throws(Failure) {
        let places = try files.map { file throws(Failure) in try place(of: file.path) }
        var written: [(place: String, expected: [UInt8], bytes: [UInt8])] = []
        for (file, place) in zip(files, places) {
            do {
                try AtomicFile.write(file.bytes, to: place, expected: file.expected)
                written.append((place, file.expected, file.bytes))
            } catch {
                for back in written.reversed() { try? AtomicFile.write(back.expected, to: back.place, expected: back.bytes) }
                if case .changedOnDisk = error { throw .changedOnDisk(directory + "/" + file.path) }
                throw .io(error.description)
            }
        }
    }

    /// The real path to write the corpus's file `path` at, inside the corpus.
    func place(of path: String) throws(Failure) -> String {
        do { return try DirectoryCorpusFiles(path: directory).placeToWrite(path) } catch {
            throw .cannot("\(error.path) \(error.problem); nothing was written")
        }
    }
}

/// A corpus directory whose YAML files are read from memory: the bytes an
/// editor holds, changed or not yet written.
struct EditedCorpusFiles: CorpusFiles {
    let directory: DirectoryCorpusFiles
    let texts: [String: [UInt8]]

    func read(_ path: String, maxSize: Int) throws(CorpusFileError) -> [UInt8] {
        if let bytes = texts[path] { return bytes }
        return try directory.read(path, maxSize: maxSize)
    }

    func displayPath(_ path: String) -> String { directory.displayPath(path) }
}
