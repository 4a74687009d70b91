/// The corpus's values in the cache's bytes. Texts many values share (a
/// location's file, an event's list of actors or tags, its date, the
/// source a citation names) are written once in a table and named by
/// number, so that reading them back shares one string or array as
/// loading does, instead of a copy each, and parses each date once.
struct SharedTable<Value: Hashable> {
    private(set) var values: [Value] = []
    private var numbers: [Value: Int] = [:]

    mutating func number(_ value: Value) -> Int {
        if let known = numbers[value] { return known }
        numbers[value] = values.count
        values.append(value)
        return values.count - 1
    }
}

/// What encoding a corpus's values shares between them.
struct CorpusEncoding {
    var files = SharedTable<String>()
    var lists = SharedTable<[String]>()
    /// Events' dates, as EDTF.
    var dates = SharedTable<String>()
    /// The sources citations name.
    var sourceIDs = SharedTable<String>()
    /// What the lists hold (actors' ids, tags), each written once.
    var names = SharedTable<String>()
}

/// The shared values read back, for decoding the rest.
struct CorpusDecoding: Sendable {
    let files: [String]
    let lists: [[String]]
    /// Each date as written, and parsed (empty when each is parsed as it
    /// is asked for: a preview wants only its first events' dates).
    let dateTexts: [String]
    let dates: [PartialDate]
    let sourceIDs: [String]

    func file(_ number: Int) throws(CacheDamage) -> String {
        guard files.indices.contains(number) else { throw CacheDamage("a file number is out of range") }
        return files[number]
    }

    func list(_ number: Int) throws(CacheDamage) -> [String] {
        guard lists.indices.contains(number) else { throw CacheDamage("a list number is out of range") }
        return lists[number]
    }

    func date(_ number: Int) throws(CacheDamage) -> PartialDate {
        guard dateTexts.indices.contains(number) else { throw CacheDamage("a date number is out of range") }
        if dates.count == dateTexts.count { return dates[number] }
        return try Self.parsed(dateTexts[number])
    }

    /// Read again by the one parser, which made it: the same date.
    static func parsed(_ text: String) throws(CacheDamage) -> PartialDate {
        guard let date = try? PartialDate(parsing: text) else { throw CacheDamage("a date does not read") }
        return date
    }

    func sourceID(_ number: Int) throws(CacheDamage) -> String {
        guard sourceIDs.indices.contains(number) else { throw CacheDamage("a source number is out of range") }
        return sourceIDs[number]
    }
}

extension CorpusEncoding {
    /// The tables themselves, for their section.
    func encodeTables(into out: inout CacheWriter) {
        out.count(files.values.count)
        for file in files.values { out.string(file) }
        // The lists' items by number: an actor's id is one string however
        // many lists hold it.
        var names = self.names
        let numbered = lists.values.map { list in list.map { names.number($0) } }
        out.count(names.values.count)
        for name in names.values { out.string(name) }
        out.count(numbered.count)
        for list in numbered {
            out.count(list.count)
            for item in list { out.count(item) }
        }
        out.count(dates.values.count)
        for date in dates.values { out.string(date) }
        out.count(sourceIDs.values.count)
        for id in sourceIDs.values { out.string(id) }
    }
}

extension CorpusDecoding {
    /// `parsingDates: false` parses each date when it is asked for.
    init(tables input: inout CacheReader, parsingDates: Bool = true) throws(CacheDamage) {
        func strings(_ input: inout CacheReader) throws(CacheDamage) -> [String] {
            let count = try input.count(bytesEach: 1)
            var strings: [String] = []
            strings.reserveCapacity(count)
            for _ in 0..<count { strings.append(try input.string()) }
            return strings
        }
        files = try strings(&input)
        let names = try strings(&input)
        let listCount = try input.count(bytesEach: 1)
        var lists: [[String]] = []
        lists.reserveCapacity(listCount)
        for _ in 0..<listCount {
            let count = try input.count(bytesEach: 1)
            var list: [String] = []
            list.reserveCapacity(count)
            for _ in 0..<count {
                let number = try input.count()
                guard number < names.count else { throw CacheDamage("a name number is out of range") }
                list.append(names[number])
            }
            lists.append(list)
        }
        self.lists = lists
        dateTexts = try strings(&input)
        var dates: [PartialDate] = []
        if parsingDates {
            dates.reserveCapacity(dateTexts.count)
            for text in dateTexts { dates.append(try Self.parsed(text)) }
        }
        self.dates = dates
        sourceIDs = try strings(&input)
    }
}

extension CacheWriter {
    mutating func location(_ value: SourceLocation, _ shared: inout CorpusEncoding) {
        count(shared.files.number(value.file))
        count(value.line ?? 0)
        count(value.column ?? 0)
    }

    mutating func diagnostic(_ value: Diagnostic, _ shared: inout CorpusEncoding) {
        u8(value.severity == .error ? 1 : 0)
        location(value.location, &shared)
        string(value.message)
        optionalString(value.hint)
    }

    mutating func diagnostics(_ values: [Diagnostic], _ shared: inout CorpusEncoding) {
        count(values.count)
        for value in values { diagnostic(value, &shared) }
    }

    mutating func datedValue(_ value: DatedValue) {
        string(value.date.edtf)
        bool(value.inferred)
        optionalString(value.basis)
    }

    mutating func actor(_ value: Actor) {
        string(value.id)
        string(value.name)
        optionalString(value.kind)
        count(value.aliases.count)
        for alias in value.aliases { string(alias) }
        optionalString(value.partOf)
    }

    mutating func lineRange(_ value: ClosedRange<Int>) {
        int(value.lowerBound)
        int(value.upperBound)
    }

    /// A source but for its bytes, which the articles' section holds.
    mutating func sourceFields(_ value: Source) {
        string(value.id)
        string(value.file)
        string(value.outlet)
        optionalString(value.title)
        optionalString(value.byline)
        optionalString(value.dateline)
        optionalString(value.agency)
        optionalString(value.url)
        optionalString(value.language)
        datedValue(value.published)
        string(value.sha256)
        count(value.body.count)
        for span in value.body { lineRange(span) }
        count(value.furniture.count)
        for item in value.furniture {
            lineRange(item.lines)
            optionalString(item.label)
        }
        // What is worked out from the bytes, kept so that an open need not
        // scan them again: the lines, and the markup the reader does not see.
        count(value.lines.lineCount)
        value.lines.forEachLineLength { content, terminator in varint(UInt64(content) << 2 | UInt64(terminator)) }
        count(value.display.hiddenRanges.count)
        var at = 0
        for range in value.display.hiddenRanges {
            count(range.lowerBound - at)
            count(range.count)
            at = range.upperBound
        }
    }

    mutating func event(_ value: Event, _ shared: inout CorpusEncoding) {
        string(value.id)
        count(shared.dates.number(value.date.date.edtf))
        bool(value.date.inferred)
        optionalString(value.date.basis)
        string(value.title)
        optionalString(value.summary)
        count(shared.lists.number(value.actors))
        count(shared.lists.number(value.tags))
        bool(value.spine)
        location(value.location, &shared)
        count(value.citations.count)
        for citation in value.citations {
            let passage = citation.passage
            count(shared.sourceIDs.number(passage.sourceID))
            string(passage.exact)
            optionalString(passage.prefix)
            optionalString(passage.suffix)
            range(passage.range)
            count(passage.line)
            count(passage.endLine)
            location(citation.location, &shared)
            count(citation.claims.count)
            for claim in citation.claims {
                string(claim.name)
                string(claim.value)
            }
        }
    }
}

extension CacheReader {
    mutating func location(_ shared: CorpusDecoding) throws(CacheDamage) -> SourceLocation {
        let file = try shared.file(try count())
        let line = try count(), column = try count()
        return SourceLocation(file: file, line: line == 0 ? nil : line, column: column == 0 ? nil : column)
    }

    mutating func diagnostic(_ shared: CorpusDecoding) throws(CacheDamage) -> Diagnostic {
        let severity: Diagnostic.Severity
        switch try u8() {
        case 0: severity = .warning
        case 1: severity = .error
        default: throw CacheDamage("a message's severity is unknown")
        }
        let location = try location(shared)
        let message = try string()
        return Diagnostic(severity, location, message, hint: try optionalString())
    }

    mutating func diagnostics(_ shared: CorpusDecoding) throws(CacheDamage) -> [Diagnostic] {
        var values: [Diagnostic] = []
        for _ in 0..<(try count(bytesEach: 4)) { values.append(try diagnostic(shared)) }
        return values
    }

    mutating func datedValue() throws(CacheDamage) -> DatedValue {
        let text = try string()
        let inferred = try bool()
        let basis = try optionalString()
        return DatedValue(date: try CorpusDecoding.parsed(text), inferred: inferred, basis: basis)
    }

    mutating func actor() throws(CacheDamage) -> Actor {
        let id = try string(), name = try string(), kind = try optionalString()
        var aliases: [String] = []
        for _ in 0..<(try count(bytesEach: 1)) { aliases.append(try string()) }
        return Actor(id: id, name: name, kind: kind, aliases: aliases, partOf: try optionalString())
    }

    mutating func lineRange() throws(CacheDamage) -> ClosedRange<Int> {
        let lower = try int(), upper = try int()
        guard lower <= upper else { throw CacheDamage("a line range is reversed") }
        return lower...upper
    }

    /// A source's fields, and its bytes from `raw`.
    mutating func source(raw: [UInt8]) throws(CacheDamage) -> Source {
        let id = try string(), file = try string(), outlet = try string()
        let title = try optionalString(), byline = try optionalString(), dateline = try optionalString()
        let agency = try optionalString(), url = try optionalString(), language = try optionalString()
        let published = try datedValue()
        let sha256 = try string()
        var body: [ClosedRange<Int>] = []
        for _ in 0..<(try count(bytesEach: 2)) { body.append(try lineRange()) }
        var furniture: [Source.Furniture] = []
        for _ in 0..<(try count(bytesEach: 3)) {
            let lines = try lineRange()
            furniture.append(Source.Furniture(lines: lines, label: try optionalString()))
        }
        // The SHA-256, the lines and the hidden markup as recorded (the
        // bytes are checked against the entry's own checksums); the lines
        // and the markup must also fit the bytes, or the entry is damaged.
        let lineCount = try count(bytesEach: 1)
        let lines = try LineIndex(raw, lineCount: lineCount) { () throws(CacheDamage) -> (content: Int, terminator: Int) in
            let coded = try varint()
            guard coded >> 2 <= UInt64(raw.count) else { throw CacheDamage("a line is longer than its article") }
            return (Int(coded >> 2), Int(coded & 3))
        }
        guard let lines else { throw CacheDamage("an article's lines do not fit its bytes") }
        var hidden: [Range<Int>] = []
        var at = 0
        for _ in 0..<(try count(bytesEach: 2)) {
            let gap = try count(), length = try count()
            guard gap <= raw.count - at, length <= raw.count - at - gap else { throw CacheDamage("hidden markup lies outside its article") }
            hidden.append(at + gap..<at + gap + length)
            at += gap + length
        }
        guard let display = DisplayProjection(raw: raw, hidden: hidden) else { throw CacheDamage("an article's hidden markup does not fit its bytes") }
        return Source(id: id, file: file, outlet: outlet, title: title, byline: byline, dateline: dateline, agency: agency,
                      url: url, language: language, published: published, raw: raw, sha256: sha256, lines: lines, display: display,
                      body: body, furniture: furniture)
    }

    mutating func event(_ shared: CorpusDecoding) throws(CacheDamage) -> Event {
        let id = try string()
        let date = DatedValue(date: try shared.date(try count()), inferred: try bool(), basis: try optionalString())
        let title = try string(), summary = try optionalString()
        let actors = try shared.list(try count()), tags = try shared.list(try count())
        let spine = try bool()
        let location = try location(shared)
        var citations: [Citation] = []
        let citationCount = try count(bytesEach: 8)
        citations.reserveCapacity(citationCount)
        for _ in 0..<citationCount {
            let sourceID = try shared.sourceID(try count()), exact = try string(), prefix = try optionalString(), suffix = try optionalString()
            let range = try range(), line = try count(), endLine = try count()
            let at = try self.location(shared)
            var claims: [Citation.Claim] = []
            for _ in 0..<(try count(bytesEach: 2)) {
                let name = try string()
                claims.append(Citation.Claim(name: name, value: try string()))
            }
            let passage = Passage(sourceID: sourceID, exact: exact, prefix: prefix, suffix: suffix, range: range, line: line, endLine: endLine)
            citations.append(Citation(passage: passage, location: at, claims: claims))
        }
        return Event(id: id, date: date, title: title, summary: summary, actors: actors, tags: tags, spine: spine,
                     citations: citations, location: location)
    }
}
