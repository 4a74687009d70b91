/// One article of a corpus: what is known about it, and its raw bytes as
/// published, never altered.
public struct Source: Sendable, Identifiable {
    /// A span of lines that is not article text: "Explore" lists, footers, links.
    public struct Furniture: Sendable, Hashable {
        public let lines: ClosedRange<Int>
        public let label: String?
    }

    public let id: String
    /// The file name relative to the corpus root, as the manifest gives it.
    public let file: String
    public let outlet: String
    /// Nil when the article prints no headline: never invent one.
    public let title: String?
    public let byline: String?
    public let dateline: String?
    /// The wire agency or credit the article names ("Reuters").
    public let agency: String?
    public let url: String?
    public let language: String?
    public let published: DatedValue
    /// The article's bytes exactly as on disk.
    public let raw: [UInt8]
    public let sha256: String
    public let lines: LineIndex
    public let display: DisplayProjection
    /// Line spans that are article text (1-based, inclusive).
    public let body: [ClosedRange<Int>]
    public let furniture: [Furniture]
    /// Raw byte ranges where quotes may anchor: body lines minus furniture.
    public let quotableRanges: [Range<Int>]

    public init(id: String, file: String, outlet: String, title: String?, byline: String? = nil,
                dateline: String? = nil, agency: String? = nil, url: String? = nil, language: String? = nil,
                published: DatedValue, raw: [UInt8], lines: LineIndex? = nil, body: [ClosedRange<Int>]? = nil,
                furniture: [Furniture] = []) {
        self.id = id
        self.file = file
        self.outlet = outlet
        self.title = title
        self.byline = byline
        self.dateline = dateline
        self.agency = agency
        self.url = url
        self.language = language
        self.published = published
        self.raw = raw
        self.sha256 = SHA256.hex(raw)
        // The loader indexes lines first, to check line ranges; not twice.
        let lines = lines ?? LineIndex(raw)
        self.lines = lines
        self.display = DisplayProjection(raw: raw)
        let body = body ?? [1...lines.lineCount]
        self.body = body
        self.furniture = furniture
        self.quotableRanges = Self.quotableRanges(lines: lines, body: body, furniture: furniture)
    }

    /// "Defence Talks (untitled)" where there is no headline.
    public var displayTitle: String { title ?? "(untitled)" }

    /// Whether a 1-based line is page furniture, and its label.
    public func furniture(atLine line: Int) -> Furniture? {
        furniture.first { $0.lines.contains(line) }
    }

    public func isBody(line: Int) -> Bool {
        body.contains { $0.contains(line) } && furniture(atLine: line) == nil
    }

    /// The raw bytes of `range` as text (invalid UTF-8 shown as U+FFFD).
    public func rawText(_ range: Range<Int>) -> String {
        String(decoding: raw[range], as: UTF8.self)
    }

    /// The reader's text of a raw range: markup hidden.
    public func displayText(_ range: Range<Int>) -> String {
        let lo = display.displayIndex(atOrAfterRaw: range.lowerBound)
        let hi = display.displayIndex(atOrAfterRaw: range.upperBound)
        return String(decoding: display.bytes[lo..<max(lo, hi)], as: UTF8.self)
    }

    /// The reader's text of one line.
    public func displayLine(_ line: Int) -> String {
        displayText(lines.contentRange(ofLine: line))
    }

    static func quotableRanges(lines: LineIndex, body: [ClosedRange<Int>], furniture: [Furniture]) -> [Range<Int>] {
        let count = lines.lineCount
        var quotable = [Bool](repeating: false, count: count + 1)
        for span in body {
            for line in span where line >= 1 && line <= count { quotable[line] = true }
        }
        for item in furniture {
            for line in item.lines where line >= 1 && line <= count { quotable[line] = false }
        }
        var ranges: [Range<Int>] = []
        var line = 1
        while line <= count {
            guard quotable[line] else { line += 1; continue }
            var last = line
            while last + 1 <= count && quotable[last + 1] { last += 1 }
            ranges.append(lines.contentRange(lines: line, last))
            line = last + 1
        }
        return ranges
    }
}

/// A span of a source's raw text that supports an event: authored as a W3C
/// TextQuoteSelector, resolved at load to UTF-8 byte offsets.
public struct Passage: Sendable, Hashable {
    public let sourceID: String
    /// The quote as written in the corpus (markup-free text).
    public let exact: String
    public let prefix: String?
    public let suffix: String?
    /// UTF-8 byte offsets into the raw file: start inclusive, end exclusive.
    public let range: Range<Int>
    /// 1-based lines of the first and last byte.
    public let line: Int
    public let endLine: Int

    public init(sourceID: String, exact: String, prefix: String?, suffix: String?, range: Range<Int>, line: Int, endLine: Int) {
        self.sourceID = sourceID
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
        self.range = range
        self.line = line
        self.endLine = endLine
    }
}

/// A person, state, group or organisation, with the other names sources use.
public struct Actor: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: String
    public let kind: String?
    public let aliases: [String]
    /// The actor this one belongs to (Putin → Russia), by id.
    public let partOf: String?

    public init(id: String, name: String, kind: String? = nil, aliases: [String] = [], partOf: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.partOf = partOf
    }

    /// Every name the actor goes by, its own first.
    public var names: [String] { [name] + aliases }
}

/// One cited passage of an event.
public struct Citation: Sendable, Hashable {
    /// A checkable detail the passage states, recorded by an editor
    /// (`claims: {killed: "145", place: a Moscow concert venue}`), so that
    /// citations of one event can be compared.
    public struct Claim: Sendable, Hashable {
        public let name: String
        public let value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public let passage: Passage
    /// Where the citation is written (events file and line), for messages.
    public let location: SourceLocation
    public let claims: [Claim]

    public init(passage: Passage, location: SourceLocation, claims: [Claim] = []) {
        self.passage = passage
        self.location = location
        self.claims = claims
    }

    public var sourceID: String { passage.sourceID }
}

/// Something that happened, dated as precisely as the sources allow, with
/// the passages that support it.
public struct Event: Sendable, Identifiable {
    public let id: String
    public let date: DatedValue
    public let title: String
    public let summary: String?
    /// Actor ids.
    public let actors: [String]
    public let tags: [String]
    /// One of the corpus's principal events (the "spine" of the chronology).
    public let spine: Bool
    public let citations: [Citation]
    public let location: SourceLocation

    /// How many distinct sources are cited, without building their list
    /// (the timeline asks for every row of every frame).
    public var sourceCount: Int {
        var count = 0
        for i in citations.indices where !citations[..<i].contains(where: { $0.sourceID == citations[i].sourceID }) { count += 1 }
        return count
    }

    /// Whether a passage of this source is cited.
    public func cites(_ sourceID: String) -> Bool { citations.contains { $0.sourceID == sourceID } }

    /// The distinct sources cited, in citation order.
    public var sourceIDs: [String] {
        var seen = Set<String>()
        return citations.map(\.sourceID).filter { seen.insert($0).inserted }
    }
}

/// A place in a corpus file, for messages: "events.yaml:12:7".
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// 1-based, 0 when not given: every event and citation holds one, and
    /// two optional Ints made it twice the size.
    private let storedLine: UInt32, storedColumn: UInt32

    public var line: Int? { storedLine == 0 ? nil : Int(storedLine) }
    public var column: Int? { storedColumn == 0 ? nil : Int(storedColumn) }

    /// A line or column past 4,294,967,295 is kept as that.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        storedLine = UInt32(clamping: line ?? 0)
        storedColumn = UInt32(clamping: column ?? 0)
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        return text
    }
}
