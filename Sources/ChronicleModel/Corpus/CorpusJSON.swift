/// The stable JSON form of a corpus, for `chronicle list --format json` and
/// any tool that reads Chronicle's output. Documented in docs/cli.md;
/// fields are only ever added, and every one is written, `null` when the
/// corpus has no value (JSONEncoder leaves out a nil optional).
public struct CorpusJSON: Codable, Sendable, Equatable {
    public struct Source: Codable, Sendable, Equatable {
        public let id: String
        public let outlet: String
        @NullWhenAbsent public var title: String?
        @NullWhenAbsent public var byline: String?
        @NullWhenAbsent public var agency: String?
        /// EDTF.
        public let published: String
        public let publishedInferred: Bool
        @NullWhenAbsent public var url: String?
        public let file: String
        public let sha256: String
    }

    public struct Citation: Codable, Sendable, Equatable {
        public let source: String
        /// The raw bytes at `start..<end`, markup included.
        public let quote: String
        /// The quote as a reader sees it (markup removed), as authored.
        public let text: String
        /// UTF-8 byte offsets into the raw file, end exclusive.
        public let start: Int
        public let end: Int
        public let line: Int
    }

    public struct Event: Codable, Sendable, Equatable {
        public let id: String
        /// EDTF.
        public let date: String
        public let dateInferred: Bool
        public let dateDisplay: String
        public let title: String
        @NullWhenAbsent public var summary: String?
        public let actors: [String]
        public let tags: [String]
        public let spine: Bool
        public let citations: [Citation]
    }

    @NullWhenAbsent public var title: String?
    public let sources: [Source]
    public let events: [Event]


    public init(_ corpus: Corpus, events: [ChronicleModel.Event]? = nil) {
        title = corpus.title
        sources = corpus.sources.map {
            Source(id: $0.id, outlet: $0.outlet, title: $0.title, byline: $0.byline, agency: $0.agency,
                   published: $0.published.date.edtf, publishedInferred: $0.published.inferred,
                   url: $0.url, file: $0.file, sha256: $0.sha256)
        }
        self.events = (events ?? corpus.events).map { event in
            Event(id: event.id, date: event.date.date.edtf, dateInferred: event.date.inferred,
                  dateDisplay: event.date.displayText, title: event.title, summary: event.summary,
                  actors: event.actors, tags: event.tags, spine: event.spine,
                  citations: event.citations.map { citation in
                      let passage = citation.passage
                      let source = corpus.source(passage.sourceID)
                      return Citation(source: passage.sourceID,
                                      quote: source?.rawText(passage.range) ?? "",
                                      text: passage.exact,
                                      start: passage.range.lowerBound, end: passage.range.upperBound,
                                      line: passage.line)
                  })
        }
    }
}
