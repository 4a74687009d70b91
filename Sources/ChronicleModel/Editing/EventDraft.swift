/// An event's fields as the event form (or a draft) gives them, before
/// they are written: what `CorpusEditor` turns into YAML.
public struct EventDraft: Sendable, Hashable {
    /// EDTF, as typed.
    public var date: String
    public var dateInferred: Bool
    /// How the date is known, when it is not printed in the cited passage.
    public var dateBasis: String?
    public var title: String
    public var summary: String?
    /// Actor ids.
    public var actors: [String]
    public var tags: [String]
    public var spine: Bool

    public init(date: String, dateInferred: Bool = false, dateBasis: String? = nil, title: String, summary: String? = nil,
                actors: [String] = [], tags: [String] = [], spine: Bool = false) {
        self.date = date
        self.dateInferred = dateInferred
        self.dateBasis = dateBasis
        self.title = title
        self.summary = summary
        self.actors = actors
        self.tags = tags
        self.spine = spine
    }

    /// The fields of an event as loaded.
    public init(_ event: Event) {
        self.init(date: event.date.date.edtf, dateInferred: event.date.inferred, dateBasis: event.date.basis, title: event.title,
                  summary: event.summary, actors: event.actors, tags: event.tags, spine: event.spine)
    }

    /// The fields as YAML keys and values, in the order Chronicle writes
    /// them; absent and default values are left out.
    func fields(column: Int) -> [(key: String, value: String)] {
        var fields: [(String, String)] = [("date", YAMLWriting.doubleQuoted(date))]
        if dateInferred { fields.append(("date_inferred", "true")) }
        if let dateBasis, !dateBasis.isEmpty { fields.append(("date_basis", YAMLWriting.value(dateBasis, key: "date_basis", column: column))) }
        if spine { fields.append(("spine", "true")) }
        fields.append(("title", YAMLWriting.value(title, key: "title", column: column)))
        if let summary, !summary.isEmpty { fields.append(("summary", YAMLWriting.value(summary, key: "summary", column: column))) }
        if !actors.isEmpty { fields.append(("actors", YAMLWriting.flowList(actors))) }
        if !tags.isEmpty { fields.append(("tags", YAMLWriting.flowList(tags))) }
        return fields
    }

    /// The keys this draft owns in an event's mapping (the rest, `id` and
    /// `citations`, are written by their own edits).
    static let keys = ["date", "date_inferred", "date_basis", "spine", "title", "summary", "actors", "tags"]
}

/// A passage to cite: the quote as a W3C TextQuoteSelector.
public struct CitationDraft: Sendable, Hashable {
    public var sourceID: String
    public var exact: String
    public var prefix: String?
    public var suffix: String?

    public init(sourceID: String, exact: String, prefix: String? = nil, suffix: String? = nil) {
        self.sourceID = sourceID
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }

    func yamlLines(column: Int) -> [String] {
        var lines = ["source: " + YAMLWriting.value(sourceID, key: "source", column: column)]
        lines.append("quote: " + YAMLWriting.value(exact, key: "quote", column: column))
        if let prefix { lines.append("prefix: " + YAMLWriting.doubleQuoted(prefix)) }
        if let suffix { lines.append("suffix: " + YAMLWriting.doubleQuoted(suffix)) }
        return lines
    }
}

/// An actor new to the corpus, named in the event form.
public struct ActorDraft: Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var kind: String?

    public init(id: String, name: String, aliases: [String] = [], kind: String? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.kind = kind
    }
}

/// One change to a corpus, as the browser or the command line asks for it.
public enum CorpusEdit: Sendable, Hashable {
    /// A new event citing one passage, with any actors it names that the
    /// corpus does not have yet.
    case addEvent(EventDraft, citation: CitationDraft, newActors: [ActorDraft])
    case updateEvent(id: String, EventDraft, newActors: [ActorDraft])
    case addCitation(eventID: String, CitationDraft)
    case removeCitation(eventID: String, index: Int)
    case removeEvent(id: String)
    /// An event's YAML replaced by text a person edited (`$EDITOR`).
    case replaceEvent(id: String, yaml: String)
}
