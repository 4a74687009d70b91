import Foundation

/// Where a corpus comes from, as the cache needs to know it.
public enum CorpusOrigin: Sendable {
    /// A corpus directory, as the user named it.
    case directory(String)
    /// Files held in memory under a name (the built-in corpus).
    case files([String: [UInt8]], name: String)

    /// The files to load.
    public var files: CorpusFiles {
        switch self {
        case .directory(let path): return DirectoryCorpusFiles(path: path)
        case .files(let files, let name): return InMemoryCorpusFiles(files, name: name)
        }
    }

    /// The name of its entry in the cache (nil: a directory that cannot be found).
    public var cacheKey: String? { key }

    var key: String? {
        switch self {
        case .directory(let path): return CacheStore.key(ofDirectory: path)
        case .files(let files, _): return CacheStore.key(ofFiles: files)
        }
    }

    /// The directory whose files are stamped (none for files in memory).
    var root: String? {
        if case .directory(let path) = self { return DirectoryCorpusFiles(path: path).root.path }
        return nil
    }
}

/// What became of the cache in one load.
public enum CacheOutcome: Sendable, Equatable {
    /// The entry was valid: nothing was read but the stamps (and any file
    /// whose stamp had changed or was too recent to trust).
    case hit(rehashed: Int)
    /// Loaded from the files, and the entry written; `reason` says why.
    case rebuilt(reason: String)
    /// Loaded from the files without a cache (`--no-cache`, or none could be written).
    case off(reason: String)
}

/// The corpus loaded through its cache, and what became of the cache.
public struct CachedLoad: Sendable {
    public let result: CorpusLoadResult
    public let outcome: CacheOutcome
    /// Of a load from the files after a change: how many articles and
    /// events files it took from the entry instead of reading them again.
    public var reusedArticles = 0
    public var reusedEventsFiles = 0
    /// Whether it took the manifest's tree from the entry instead of parsing it.
    public var reusedManifest = false
    /// The entry that holds this very corpus (nil without one): its
    /// search index is cached beside it (`IndexCache`).
    public var entry: CacheEntry?
}

/// One entry of the cache, as it was when a load read or wrote it: an
/// index cached for it names its generation, so a rewritten entry's old
/// index is never taken for its own.
public struct CacheEntry: Sendable, Hashable {
    let store: CacheStore
    let key: String
    let generation: UInt64
}

/// Loads a corpus through its cache entry: a valid entry is read instead of
/// the corpus (whose files are only stamped), otherwise the corpus is
/// loaded and checked and the entry written for next time. The entry is
/// never trusted blindly: see `CacheFile` (checksums, version, length) and
/// `FileStamp` (when a file counts as unchanged).
public enum CorpusCache {
    /// `store` nil: no cache (`--no-cache`). `texts`: YAML files held by an
    /// editor, read from there instead of the directory. `notify` is given
    /// what a person should know (a damaged entry, one that cannot be
    /// written), once each.
    /// `maxArticleSize` is the loader's limit, and part of what an entry
    /// vouches for. `reading` wraps the files a load reads (the end-to-end
    /// tests' hold). `progress` is told what a load from the files does
    /// (nothing, when the entry is valid).
    public static func load(_ origin: CorpusOrigin, store: CacheStore?, texts: [String: [UInt8]] = [:],
                            maxArticleSize: Int = CorpusLoader.defaultMaxArticleSize, progress: LoadProgress? = nil,
                            reading: (CorpusFiles) -> CorpusFiles = { $0 }, previewing count: Int = 0,
                            _ preview: (CorpusPreview) -> Void = { _ in }, notify: (String) -> Void = { _ in }) -> CachedLoad {
        let plainFiles = origin.files
        let files = reading(texts.isEmpty ? plainFiles : EditedCorpusFiles(directory: DirectoryCorpusFiles(path: origin.root ?? "."), texts: texts))
        func uncached(_ reason: String) -> CachedLoad {
            progress?.because(reason)
            return CachedLoad(result: CorpusLoader.load(from: files, maxArticleSize: maxArticleSize, progress: progress, previewing: count, preview),
                       outcome: .off(reason: reason))
        }
        guard let store else { return uncached("--no-cache") }
        guard let key = origin.key else { return uncached("the corpus directory cannot be found") }
        let name = files.displayPath("")
        var reason = "there was no cache yet"
        var reuse: (LoadReuse, [String: FileRecord])?
        do throws(CacheDamage) {
            if let file = try CacheFile.open(store.path(key, "corpus"), kind: CorpusImage.kind) {
                let meta = try CorpusImage.Meta.read(from: file)
                if meta.displayRoot != name {
                    reason = "the cache was made for \(meta.displayRoot)"
                } else if meta.maxArticleSize != maxArticleSize {
                    reason = "the cache was made with another --max-article-size"
                } else {
                    let check = try Validation(file: file, store: store, key: key, origin: origin, texts: texts, maxArticleSize: maxArticleSize)
                    if let changed = check.changed {
                        reason = changed
                        reuse = (try reusable(file, check), Dictionary(check.records.map { ($0.path, $0) }) { a, _ in a })
                    } else {
                        // The first screen first, then the rest of the entry.
                        if count > 0, let first = try CorpusImage.preview(file, count: count) { preview(first) }
                        let result = try CorpusImage.read(file)
                        if check.refreshed { writeStamps(check.records, for: file, store: store, key: key, notify: notify) }
                        var loaded = CachedLoad(result: result, outcome: .hit(rehashed: check.rehashed))
                        loaded.entry = CacheEntry(store: store, key: key, generation: file.generation)
                        return loaded
                    }
                }
            }
        } catch {
            reuse = nil
            reason = "the cache was damaged (\(error.reason))"
            notify("chronicle: the cache of \(name) (\(store.path(key, "corpus"))) cannot be used: \(error.reason); it is built again")
        }
        return build(origin, files: files, texts: texts, maxArticleSize: maxArticleSize, store: store, key: key, reason: reason,
                     reuse: reuse, progress: progress, previewing: count, preview, notify: notify)
    }

    /// What an out-of-date entry still vouches for: every article whose
    /// bytes are unchanged and, while the manifest is unchanged (the same
    /// sources, actors and ranges), every unchanged events file whose
    /// events cite only sources that were loaded and whose articles are
    /// unchanged. A citation of any other source is anchored again.
    static func reusable(_ file: CacheFile, _ check: Validation) throws(CacheDamage) -> LoadReuse {
        // Its sources and events only: the corpus's tables are not needed.
        let unchanged = Set(check.records.map(\.path)).subtracting(check.changedPaths)
        var articles: [String: Source] = [:]
        var fileOfSource: [String: String] = [:]
        for source in try CorpusImage.sources(file) {
            fileOfSource[source.id] = source.file
            if unchanged.contains(source.file) { articles[source.file] = source }
        }
        var eventsFiles: [String: AnchoredEventsFile] = [:]
        var manifest: ManifestImage.Kept?
        if unchanged.contains(CorpusLoader.manifestName) {
            let shared = try CorpusImage.tables(file)
            for (name, part) in try CorpusImage.parts(file, events: try CorpusImage.events(file, shared), shared) where unchanged.contains(name) {
                if part.citedSources.allSatisfy({ fileOfSource[$0].map(unchanged.contains) ?? false }) { eventsFiles[name] = part }
            }
            manifest = try CorpusImage.manifest(file)
        }
        return LoadReuse(articles: articles, eventsFiles: eventsFiles, manifest: manifest)
    }

    /// Loads the corpus from its files, recording each file read, and
    /// writes the entry.
    static func build(_ origin: CorpusOrigin, files: CorpusFiles, texts: [String: [UInt8]], maxArticleSize: Int, store: CacheStore, key: String,
                      reason: String, reuse: (LoadReuse, [String: FileRecord])? = nil, progress: LoadProgress?,
                      previewing count: Int, _ preview: (CorpusPreview) -> Void, notify: (String) -> Void) -> CachedLoad {
        progress?.because(reason)
        let scanStart = FileSystemClock.now(in: store.directory)
        let recording = origin.root.map { RecordingCorpusFiles(base: files, root: $0, fromElsewhere: Set(texts.keys)) }
        let load = CorpusLoader.load(from: recording ?? files, maxArticleSize: maxArticleSize, progress: progress, reuse: reuse?.0,
                                     keepingParts: true, previewing: count, preview)
        let result = load.result
        progress?.begin(.writingCache)
        var records = recording?.taken(scanStart: scanStart) ?? []
        // What was taken from the entry stands for files read: their
        // records (stamps renewed by the check) go on.
        let taken = reuse?.0.taken ?? []
        let read = Set(records.map(\.path))
        records += taken.subtracting(read).compactMap { reuse?.1[$0] }
        records.sort { $0.path < $1.path }
        let meta = CorpusImage.Meta(corpusName: files.displayPath(""), displayRoot: files.displayPath(""), maxArticleSize: maxArticleSize)
        let generation = UInt64.random(in: 1...UInt64.max)
        do throws(CacheWriteFailure) {
            try store.write(key, "corpus") { (writer) throws(CacheWriteFailure) in
                try CorpusImage.write(result, parts: load.parts, manifest: load.manifest, records: records, meta: meta, into: &writer)
                try writer.finish(generation: generation, parent: 0, kind: CorpusImage.kind)
            }
            store.remove(key, "stamps")
        } catch {
            let why = "cannot write the cache in \(store.directory) (\(error.problem)); working without it"
            notify("chronicle: " + why)
            return CachedLoad(result: result, outcome: .off(reason: why))
        }
        var loaded = CachedLoad(result: result, outcome: .rebuilt(reason: reason))
        loaded.entry = CacheEntry(store: store, key: key, generation: generation)
        loaded.reusedArticles = taken.filter { reuse?.0.articles[$0] != nil }.count
        loaded.reusedEventsFiles = taken.filter { reuse?.0.eventsFiles[$0] != nil }.count
        loaded.reusedManifest = taken.contains(CorpusLoader.manifestName)
        return loaded
    }

    /// Newer stamps for files found unchanged, beside the entry: rewriting
    /// the whole entry for them would cost what the cache saves.
    static func writeStamps(_ records: [FileRecord], for file: CacheFile, store: CacheStore, key: String, notify: (String) -> Void) {
        do throws(CacheWriteFailure) {
            try store.write(key, "stamps") { (writer) throws(CacheWriteFailure) in
                try writer.section(CorpusImage.Section.files, CorpusImage.encoded(records))
                try writer.finish(generation: UInt64.random(in: 1...UInt64.max), parent: file.generation, kind: CorpusImage.stampsKind)
            }
        } catch {
            notify("chronicle: cannot update the cache in \(store.directory) (\(error.problem)); it is used as it is")
        }
    }
}

/// Whether an entry's files are as they were: each stamped again, and
/// hashed again when its stamp differs or was too recent to trust.
struct Validation {
    /// Why the entry is out of date (its first changed file), or nil when it is not.
    var changed: String?
    /// Every file that changed, appeared or went.
    var changedPaths: Set<String> = []
    /// The records as they now are (stamps of unchanged files renewed).
    var records: [FileRecord] = []
    /// Files hashed again.
    var rehashed = 0
    /// Whether any record changed (a newer stamp for the same bytes).
    var refreshed = false

    init(file: CacheFile, store: CacheStore, key: String, origin: CorpusOrigin, texts: [String: [UInt8]], maxArticleSize: Int) throws(CacheDamage) {
        var records = try CorpusImage.records(in: try file.section(CorpusImage.Section.files))
        // Newer stamps written for this very entry, if any.
        if let stamps = try? CacheFile.open(store.path(key, "stamps"), kind: CorpusImage.stampsKind), stamps.parent == file.generation,
           let newer = try? CorpusImage.records(in: try stamps.section(CorpusImage.Section.files)), newer.map(\.path) == records.map(\.path) {
            records = newer
        }
        guard let root = origin.root else {
            // Files in memory: the entry's name is their checksum.
            self.records = records
            return
        }
        let scanStart = FileSystemClock.now(in: store.directory)
        let disk = DirectoryCorpusFiles(path: root)
        // Every file is looked at, not only up to the first change: a load
        // after a change takes what did not.
        func change(_ path: String, _ why: String) {
            changedPaths.insert(path)
            if changed == nil { changed = why }
        }
        // One stat a file, on both cores: most of what opening a valid entry costs.
        let stamps = try decodedOnBothCores(records.count) { [records] index in FileStamp.of(root + "/" + records[index].path) }
        for index in records.indices {
            let record = records[index]
            let now = stamps[index]
            if let held = texts[record.path], held.withUnsafeBytes({ Hash64.of($0) }) != record.hash {
                change(record.path, "\(record.path) changed")
                continue
            }
            if now == record.stamp && !record.racy { continue }
            guard now.exists == record.stamp.exists else {
                change(record.path, now.exists ? "\(record.path) appeared" : "\(record.path) was removed")
                continue
            }
            guard now.exists else { continue }
            // The stamp differs (or was too recent): the bytes decide.
            rehashed += 1
            let hash = (try? disk.read(record.path, maxSize: maxArticleSize)).map { bytes in bytes.withUnsafeBytes { Hash64.of($0) } }
            guard hash == record.hash else {
                change(record.path, "\(record.path) changed")
                continue
            }
            records[index].stamp = now
            records[index].racy = scanStart.map { now.isRacy(scanStart: $0) } ?? true
            refreshed = true
        }
        self.records = records
    }
}
