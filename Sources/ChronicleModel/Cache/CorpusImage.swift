import Foundation

/// A checked corpus as a cache file: what loading gave (the corpus and
/// every message, in order), the bytes of its articles, and every file it
/// read with its stamp. Sources and events are tables, an offset per item,
/// so that one can be read without the others.
enum CorpusImage {
    static let kind: UInt32 = 1
    static let stampsKind: UInt32 = 3

    enum Section {
        static let meta = CacheSection(rawValue: 1)
        static let files = CacheSection(rawValue: 2)
        static let tables = CacheSection(rawValue: 3)
        static let actors = CacheSection(rawValue: 4)
        static let sources = CacheSection(rawValue: 5)
        static let articles = CacheSection(rawValue: 6)
        static let events = CacheSection(rawValue: 7)
        static let diagnostics = CacheSection(rawValue: 8)
        /// Each events file's events before they were taken in order (`CorpusParts.swift`).
        static let eventsFiles = CacheSection(rawValue: 9)
        /// Each date the events have, once (`CachePreview.swift`).
        static let dates = CacheSection(rawValue: 10)
        /// The manifest's YAML tree, when kept (`ManifestImage`): a flag, then the tree.
        static let manifest = CacheSection(rawValue: 11)
    }

    /// What an entry says of itself.
    struct Meta: Equatable {
        /// How the corpus was named when the entry was written (`cache info`).
        var corpusName: String
        /// `displayPath("")` of its files: messages name files so, and a
        /// corpus reached by another path is loaded again.
        var displayRoot: String
        /// The loader's limit on a file's size: another limit may refuse other files.
        var maxArticleSize: Int
        var sourceCount = 0
        var eventCount = 0
        var articleBytes = 0

        func encoded() -> [UInt8] {
            var out = CacheWriter()
            out.string(corpusName)
            out.string(displayRoot)
            out.count(maxArticleSize)
            out.count(sourceCount)
            out.count(eventCount)
            out.count(articleBytes)
            return out.bytes
        }

        static func read(from file: CacheFile) throws(CacheDamage) -> Meta {
            var input = CacheReader(try file.section(Section.meta))
            var meta = Meta(corpusName: try input.string(), displayRoot: try input.string(), maxArticleSize: 0)
            meta.maxArticleSize = try input.count()
            meta.sourceCount = try input.count()
            meta.eventCount = try input.count()
            meta.articleBytes = try input.count()
            return meta
        }
    }

    // MARK: Writing

    static func write(_ result: CorpusLoadResult, parts: [String: AnchoredEventsFile], manifest: [UInt8]? = nil, records: [FileRecord],
                      meta: Meta, into file: inout CacheFileWriter) throws(CacheWriteFailure) {
        let corpus = result.corpus
        var meta = meta
        meta.sourceCount = corpus.sources.count
        meta.eventCount = corpus.events.count
        meta.articleBytes = corpus.sources.reduce(0) { $0 + $1.raw.count }
        try file.section(Section.meta, meta.encoded())
        try file.section(Section.files, encoded(records))
        var shared = CorpusEncoding()

        var head = CacheWriter()
        head.optionalString(corpus.title)
        head.optionalString(corpus.description)
        head.count(corpus.actors.count)
        for actor in corpus.actors { head.actor(actor) }
        try file.section(Section.actors, head.bytes)

        // The articles' bytes end to end; each source knows where its own are.
        try file.begin(Section.articles)
        var spans: [Range<Int>] = []
        var at = 0
        // By index: `for source in` copied each source, and `for event in`
        // each event, retaining every string and array they hold.
        for k in corpus.sources.indices {
            try file.write(corpus.sources[k].raw)
            spans.append(at..<at + corpus.sources[k].raw.count)
            at += corpus.sources[k].raw.count
        }
        file.end()

        var sources = TableSectionWriter(Section.sources)
        for k in corpus.sources.indices {
            try sources.add(to: &file) { out in
                out.range(spans[k])
                out.sourceFields(corpus.sources[k])
            }
        }
        try sources.finish(to: &file)

        var events = TableSectionWriter(Section.events)
        for k in corpus.events.indices {
            try events.add(to: &file) { out in out.event(corpus.events[k], &shared) }
        }
        try events.finish(to: &file)

        var diagnostics = CacheWriter()
        diagnostics.diagnostics(result.diagnostics, &shared)
        try file.section(Section.diagnostics, diagnostics.bytes)
        try file.section(Section.eventsFiles, encodedParts(parts, corpus: corpus, &shared))
        try file.section(Section.dates, encodedDates(corpus.events))
        try file.section(Section.manifest, manifest.map { [1] + $0 } ?? [0])

        var tables = CacheWriter()
        shared.encodeTables(into: &tables)
        try file.section(Section.tables, tables.bytes)
    }

    static func encoded(_ records: [FileRecord]) -> [UInt8] {
        var out = CacheWriter()
        out.count(records.count)
        for record in records {
            out.string(record.path)
            out.bool(record.stamp.exists)
            out.u64(UInt64(bitPattern: record.stamp.size))
            out.u64(UInt64(bitPattern: record.stamp.modified))
            out.u64(UInt64(bitPattern: record.stamp.changed))
            out.u64(record.stamp.inode)
            out.u64(record.stamp.device)
            out.bool(record.hash != nil)
            out.u64(record.hash ?? 0)
            out.bool(record.racy)
        }
        return out.bytes
    }

    // MARK: Reading

    static func records(in bytes: UnsafeRawBufferPointer) throws(CacheDamage) -> [FileRecord] {
        var input = CacheReader(bytes)
        var records: [FileRecord] = []
        for _ in 0..<(try input.count(bytesEach: 50)) {
            let path = try input.string()
            let exists = try input.bool()
            let stamp = FileStamp(exists: exists, size: Int64(bitPattern: try input.u64()), modified: Int64(bitPattern: try input.u64()),
                                  changed: Int64(bitPattern: try input.u64()), inode: try input.u64(), device: try input.u64())
            let hashed = try input.bool()
            let hash = try input.u64()
            records.append(FileRecord(path: path, stamp: stamp, hash: hashed ? hash : nil, racy: try input.bool()))
        }
        return records
    }

    /// The load as it was: the corpus, every message in order.
    static func read(_ file: CacheFile) throws(CacheDamage) -> CorpusLoadResult {
        let shared = try tables(file)
        var head = CacheReader(try file.section(Section.actors))
        let title = try head.optionalString(), description = try head.optionalString()
        var actors: [Actor] = []
        for _ in 0..<(try head.count(bytesEach: 4)) { actors.append(try head.actor()) }
        let sources = try sources(file)
        let events = try events(file, shared)
        var diagnosticsInput = CacheReader(try file.section(Section.diagnostics))
        let diagnostics = try diagnosticsInput.diagnostics(shared)
        // Read only after a change, but checked now: damage is found when
        // the entry is opened, not at the next change.
        _ = try file.section(Section.eventsFiles)
        _ = try file.section(Section.dates)
        _ = try file.section(Section.manifest)
        // The events are in timeline order already: sorting them again keeps it.
        let corpus = Corpus(title: title, description: description, sources: sources, actors: actors, events: consume events)
        return CorpusLoadResult(corpus: corpus, diagnostics: diagnostics)
    }

    /// The manifest's tree as the entry keeps it, and its bytes (to be
    /// kept again as they are), or nil when it keeps none.
    static func manifest(_ file: CacheFile) throws(CacheDamage) -> ManifestImage.Kept? {
        let bytes = try file.section(Section.manifest)
        guard let flag = bytes.first else { throw CacheDamage("the manifest's section is empty") }
        switch flag {
        case 0 where bytes.count == 1: return nil
        case 1:
            let image = UnsafeRawBufferPointer(rebasing: bytes[1...])
            return ManifestImage.Kept(tree: try ManifestImage.decoded(image), image: Array(image))
        default: throw CacheDamage("the manifest's section is malformed")
        }
    }

    /// The texts values share (files, lists), for decoding the rest.
    static func tables(_ file: CacheFile, parsingDates: Bool = true) throws(CacheDamage) -> CorpusDecoding {
        var input = CacheReader(try file.section(Section.tables))
        return try CorpusDecoding(tables: &input, parsingDates: parsingDates)
    }

    static func sources(_ file: CacheFile) throws(CacheDamage) -> [Source] {
        let articles = try file.section(Section.articles)
        let sourceTable = try TableSection(try file.section(Section.sources))
        // Both cores: a source's line index and display projection are
        // worked out again from its bytes, the costliest part of an open.
        return try decodedOnBothCores(sourceTable.count) { (index) throws(CacheDamage) -> Source in
            var input = try sourceTable.item(index)
            let span = try input.range()
            guard span.upperBound <= articles.count else { throw CacheDamage("an article lies outside its section") }
            return try input.source(raw: Array(UnsafeRawBufferPointer(rebasing: articles[span])))
        }
    }

    /// The corpus's events, in timeline order.
    static func events(_ file: CacheFile, _ shared: CorpusDecoding) throws(CacheDamage) -> [Event] {
        let eventTable = try TableSection(try file.section(Section.events))
        return try decodedOnBothCores(eventTable.count) { (index) throws(CacheDamage) -> Event in
            var input = try eventTable.item(index)
            return try input.event(shared)
        }
    }
}

/// Items 0..<count decoded in two halves, one on each core, in order; the
/// first damage found is thrown.
func decodedOnBothCores<Item>(_ count: Int, _ decode: (Int) throws(CacheDamage) -> Item) throws(CacheDamage) -> [Item] {
    let middle = count / 2
    let halves = [0..<middle, middle..<count]
    let results = ConcurrentResults<Result<[Item], CacheDamage>>(count: 2)
    withoutActuallyEscaping(decode) { decode in
        // Each core only reads the file's bytes and the shared tables.
        let shared = UncheckedBox(decode)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var items: [Item] = []
            items.reserveCapacity(halves[half].count)
            do throws(CacheDamage) {
                for index in halves[half] { items.append(try shared.value(index)) }
                results.put(half, .success(items))
            } catch {
                results.put(half, .failure(error))
            }
        }
    }
    var all = try results.take(0).get()
    all += try results.take(1).get()
    return all
}

/// A section of items written one after another, then the offset of each
/// (and one past the last) and their number, so any one is found at once.
struct TableSectionWriter {
    let section: CacheSection
    private var offsets: [UInt64] = [0]
    private var chunk = CacheWriter(capacity: 1 << 18)
    private var begun = false

    init(_ section: CacheSection) { self.section = section }

    mutating func add(to file: inout CacheFileWriter, _ encode: (inout CacheWriter) -> Void) throws(CacheWriteFailure) {
        if !begun {
            try file.begin(section)
            begun = true
        }
        let before = chunk.count
        encode(&chunk)
        offsets.append(offsets[offsets.count - 1] + UInt64(chunk.count - before))
        if chunk.count >= 1 << 18 {
            try file.write(chunk.bytes)
            chunk.bytes.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish(to file: inout CacheFileWriter) throws(CacheWriteFailure) {
        if !begun { try file.begin(section) }
        try file.write(chunk.bytes)
        // Eight-byte numbers at an eight-byte boundary of the section.
        let payload = Int(offsets[offsets.count - 1])
        try file.write([UInt8](repeating: 0, count: (8 - payload % 8) % 8))
        var tail = CacheWriter(capacity: offsets.count * 8 + 16)
        tail.u64(UInt64(payload))
        for offset in offsets { tail.u64(offset) }
        tail.u64(UInt64(offsets.count - 1))
        try file.write(tail.bytes)
        file.end()
    }
}

/// Reads a `TableSectionWriter`'s section.
struct TableSection {
    let count: Int
    private let payload: UnsafeRawBufferPointer
    private let offsets: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) throws(CacheDamage) {
        guard bytes.count >= 16 else { throw CacheDamage("a table is too short") }
        var end = CacheReader(bytes, at: bytes.count - 8)
        let count = try end.u64()
        guard count < UInt64(bytes.count / 8) else { throw CacheDamage("a table's count is out of range") }
        let offsetsStart = bytes.count - 8 - (Int(count) + 1) * 8
        guard offsetsStart >= 8 else { throw CacheDamage("a table is too short") }
        var sizeReader = CacheReader(bytes, at: offsetsStart - 8)
        let payloadSize = try sizeReader.u64()
        guard payloadSize <= UInt64(offsetsStart - 8) else { throw CacheDamage("a table's items overrun it") }
        self.count = Int(count)
        payload = UnsafeRawBufferPointer(rebasing: bytes[0..<Int(payloadSize)])
        offsets = UnsafeRawBufferPointer(rebasing: bytes[offsetsStart..<bytes.count - 8])
    }

    func item(_ index: Int) throws(CacheDamage) -> CacheReader {
        guard index >= 0, index < count else { throw CacheDamage("a table item is out of range") }
        var reader = CacheReader(offsets, at: index * 8)
        let start = try reader.u64(), end = try reader.u64()
        guard start <= end, end <= UInt64(payload.count) else { throw CacheDamage("a table item lies outside its table") }
        return CacheReader(UnsafeRawBufferPointer(rebasing: payload[Int(start)..<Int(end)]))
    }
}
