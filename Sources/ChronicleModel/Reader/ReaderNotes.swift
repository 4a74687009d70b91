import Foundation

/// What a reader keeps of their own about one corpus, outside it: the
/// events they starred, their notes on events, and their marks. None of it
/// is a source's: the browser labels it as the reader's.
public struct ReaderNotes: Sendable, Hashable, Codable {
    public var starred: Set<String> = []
    /// Event ID → the reader's note.
    public var notes: [String: String] = [:]
    /// A letter → the place it marks.
    public var marks: [String: SavedPlace] = [:]
    /// The corpus the file is about, for a person reading the file.
    public var corpus: String?

    public init(corpus: String? = nil) { self.corpus = corpus }

    public mutating func apply(_ change: ReaderChange) {
        switch change {
        case .star(let id, let on):
            if on { starred.insert(id) } else { starred.remove(id) }
        case .note(let id, let text):
            let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            notes[id] = trimmed.isEmpty ? nil : trimmed
        case .mark(let letter, let place):
            marks[String(letter)] = place
        }
    }

    enum CodingKeys: String, CodingKey { case version, corpus, starred, notes, marks }

    // Every field may be missing: a file written by hand, or by an older
    // Chronicle, is read for what it has.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        corpus = try container.decodeIfPresent(String.self, forKey: .corpus)
        starred = Set(try container.decodeIfPresent([String].self, forKey: .starred) ?? [])
        notes = try container.decodeIfPresent([String: String].self, forKey: .notes) ?? [:]
        marks = try container.decodeIfPresent([String: SavedPlace].self, forKey: .marks) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(1, forKey: .version)
        try container.encodeIfPresent(corpus, forKey: .corpus)
        try container.encode(starred.sorted(), forKey: .starred)
        try container.encode(notes, forKey: .notes)
        try container.encode(marks, forKey: .marks)
    }
}

/// One change to the reader's notes. Changes, not whole files, are what
/// a browser saves: each is applied to the file as it is on disk at that
/// moment, so two Chronicles open on one corpus never undo each other.
public enum ReaderChange: Sendable, Hashable {
    case star(eventID: String, Bool)
    /// nil or empty text removes the note.
    case note(eventID: String, String?)
    case mark(Character, SavedPlace)
}

/// A place in the browser, by what it shows rather than by rows, so that
/// it means the same at any window size: the screen, the event, the
/// article and the article's line at the top of the view.
public struct SavedPlace: Sendable, Hashable, Codable {
    public var screen: String
    public var eventID: String?
    public var sourceID: String?
    /// 1-based, the article's own line numbers.
    public var line: Int?

    public init(screen: String, eventID: String? = nil, sourceID: String? = nil, line: Int? = nil) {
        self.screen = screen
        self.eventID = eventID
        self.sourceID = sourceID
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case screen, eventID = "event", sourceID = "source", line
    }
}

/// Searches and date filters typed, oldest first, shared by every corpus.
public struct History: Sendable, Hashable, Codable {
    public var searches: [String] = []
    public var dates: [String] = []

    public static let limit = 200

    public init() {}

    public enum Kind: Sendable, Hashable { case search, date }

    public mutating func remember(_ text: String, as kind: Kind) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        func add(_ list: inout [String]) {
            list.removeAll { $0 == text }
            list.append(text)
            if list.count > Self.limit { list.removeFirst(list.count - Self.limit) }
        }
        switch kind {
        case .search: add(&searches)
        case .date: add(&dates)
        }
    }

    enum CodingKeys: String, CodingKey { case version, searches, dates }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        searches = try container.decodeIfPresent([String].self, forKey: .searches) ?? []
        dates = try container.decodeIfPresent([String].self, forKey: .dates) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(1, forKey: .version)
        try container.encode(searches, forKey: .searches)
        try container.encode(dates, forKey: .dates)
    }
}
