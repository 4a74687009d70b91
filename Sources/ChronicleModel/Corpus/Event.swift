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
