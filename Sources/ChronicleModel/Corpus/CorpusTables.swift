import Dispatch

/// Every citation's span, line and event in one array, grouped by source
/// and in order of position. An article's cited passages (its citations
/// with equal spans taken together) are put together when asked for; the
/// browser and the search index both read this one table.
public struct CitationTable: Sendable {
    public struct Entry: Sendable, Hashable {
        public let range: Range<Int>
        public let line: Int32
        /// The citing event's position in `Corpus.events`.
        public let event: Int32
    }

    /// A span of an article that one or more events cite.
    public struct CitedPassage: Sendable, Hashable {
        public let range: Range<Int>
        public let line: Int
        /// The citing events' ids, in timeline order.
        public let eventIDs: [String]

        public init(range: Range<Int>, line: Int, eventIDs: [String]) {
            self.range = range
            self.line = line
            self.eventIDs = eventIDs
        }
    }

    private let entries: [Entry]
    /// Where each source's entries start (by position in the corpus), and one past the last.
    private let starts: [Int]

    init(sources: [Source], events: [Event], sourcePosition: (String) -> Int?) {
        // Counted per source, then filled in timeline order and sorted
        // within each source by position.
        var starts = [Int](repeating: 0, count: sources.count + 1)
        // By index: a loop variable would be a copy of every event. Each
        // citation's source is looked up once, for both passes.
        var cited: [Int32] = []
        for index in events.indices {
            for citation in events[index].citations {
                let source = sourcePosition(citation.sourceID)
                cited.append(source.map { Int32(truncatingIfNeeded: $0) } ?? -1)
                if let source { starts[source + 1] += 1 }
            }
        }
        for k in starts.indices.dropFirst() { starts[k] += starts[k - 1] }
        var next = starts
        var entries = [Entry](repeating: Entry(range: 0..<0, line: 0, event: 0), count: starts.last ?? 0)
        var k = 0
        for index in events.indices {
            for citation in events[index].citations {
                defer { k += 1 }
                guard cited[k] >= 0 else { continue }
                let source = Int(cited[k])
                entries[next[source]] = Entry(range: citation.passage.range, line: Int32(clamping: citation.passage.line), event: Int32(index))
                next[source] += 1
            }
        }
        for source in sources.indices {
            entries[starts[source]..<starts[source + 1]].sort(by: Self.precedes)
        }
        self.entries = entries
        self.starts = starts
    }

    static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        (a.range.lowerBound, a.range.upperBound, a.event) < (b.range.lowerBound, b.range.upperBound, b.event)
    }

    /// The citations of the source at `position` in `Corpus.sources`, in order of position.
    public func entries(ofSource position: Int) -> ArraySlice<Entry> {
        guard position >= 0, position + 1 < starts.count else { return [] }
        return entries[starts[position]..<starts[position + 1]]
    }

    /// Where, among the source's entries, `event` cites `range` (a binary search).
    public func entryIndex(source position: Int, range: Range<Int>, event: Int) -> Int? {
        let slice = entries(ofSource: position)
        let probe = Entry(range: range, line: 0, event: Int32(clamping: event))
        let k = slice.partitionPoint { Self.precedes($0, probe) }
        guard k < slice.endIndex, slice[k].range == range, slice[k].event == Int32(clamping: event) else { return nil }
        return k - slice.startIndex
    }

    /// The passages cited in the source at `position`, in order of
    /// position, each with its citing events' ids in timeline order.
    public func passages(ofSource position: Int, events: [Event]) -> [CitedPassage] {
        var passages: [CitedPassage] = []
        var ids: [String] = []
        let slice = entries(ofSource: position)
        for k in slice.indices {
            let entry = slice[k], id = events[Int(entry.event)].id
            if !ids.contains(id) { ids.append(id) }
            if Self.isLastOfPassage(k, slice) {
                passages.append(CitedPassage(range: entry.range, line: Int(entry.line), eventIDs: ids))
                ids = []
            }
        }
        return passages
    }

    /// How many passages of the source at `position` are cited.
    public func passageCount(ofSource position: Int) -> Int {
        let slice = entries(ofSource: position)
        return slice.indices.filter { Self.isLastOfPassage($0, slice) }.count
    }

    /// The index, among the source's passages, of the one spanning `range`.
    public func passageIndex(ofSource position: Int, range: Range<Int>) -> Int? {
        let slice = entries(ofSource: position)
        var passage = 0
        for k in slice.indices {
            if slice[k].range == range { return passage }
            if Self.isLastOfPassage(k, slice) { passage += 1 }
        }
        return nil
    }

    /// Whether entry `k` is the last of its passage (the next spans other bytes).
    private static func isLastOfPassage(_ k: Int, _ slice: ArraySlice<Entry>) -> Bool {
        k + 1 == slice.endIndex || slice[k + 1].range != slice[k].range
    }
}

/// How many events each source, actor and tag has: the counts the browser's
/// filter lists show, worked out once with the corpus.
public struct EventCounts: Sendable {
    /// By source position: the events citing it.
    public let ofSource: [Int]
    /// By actor id: the events an actor filter for it keeps (its own, and
    /// those of the actors that are part of it).
    public let ofActor: [String: Int]
    /// By tag as written: the events tagged with it.
    public let ofTag: [String: Int]

    init(sources: [Source], actors: [Actor], events: [Event], sourcePosition: (String) -> Int?,
         actorsNamed: (String) -> [Actor]) {
        // An actor filter for A keeps the events of every actor named like
        // A's id and of their members: an event counts for A when one of
        // its actors has such an actor at or above it. What an actor of an
        // event counts for is worked out once per name, as positions in
        // `actors`, and an event is counted once for each by a mark of the
        // last event counted (no set per event).
        var countedFor: [String: [Int]] = [:]
        // An id given twice counts once: by its first actor's position.
        let firstOfID = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for actor in actors {
            for named in actorsNamed(actor.id) { countedFor[named.id, default: []].append(firstOfID[actor.id] ?? 0) }
        }
        var parent: [String: String] = [:]
        for actor in actors { if let partOf = actor.partOf { parent[actor.id] = partOf } }
        var reach: [String: [Int]] = [:]
        func reached(from actor: String) -> [Int] {
            if let known = reach[actor] { return known }
            var found: [Int] = [], visited = Set<String>()
            var current: String? = actor
            while let id = current, visited.insert(id).inserted {
                for counted in countedFor[id] ?? [] where !found.contains(counted) { found.append(counted) }
                current = parent[id]
            }
            reach[actor] = found
            return found
        }
        var ofSource = [Int](repeating: 0, count: sources.count)
        var ofActorAt = [Int](repeating: 0, count: actors.count)
        var ofTag: [String: Int] = [:]
        var sourceCountedBy = [Int](repeating: -1, count: sources.count)
        var actorCountedBy = [Int](repeating: -1, count: actors.count)
        // By index, not `for event in events`: a loop variable is a copy of every event.
        for index in events.indices {
            for citation in events[index].citations {
                if let source = sourcePosition(citation.sourceID), sourceCountedBy[source] != index {
                    sourceCountedBy[source] = index
                    ofSource[source] += 1
                }
            }
            // Each tag once: by looking back along a short list, by a set along a long one.
            let tags = events[index].tags
            if tags.count <= 16 {
                for (k, tag) in tags.enumerated() where !tags[..<k].contains(tag) { ofTag[tag, default: 0] += 1 }
            } else {
                for tag in Set(tags) { ofTag[tag, default: 0] += 1 }
            }
            for actor in events[index].actors {
                for counted in reached(from: actor) where actorCountedBy[counted] != index {
                    actorCountedBy[counted] = index
                    ofActorAt[counted] += 1
                }
            }
        }
        var ofActor: [String: Int] = [:]
        for (position, count) in ofActorAt.enumerated() where count > 0 { ofActor[actors[position].id, default: 0] += count }
        self.ofSource = ofSource
        self.ofActor = ofActor
        self.ofTag = ofTag
    }
}
