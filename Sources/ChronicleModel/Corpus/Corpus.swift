import Dispatch

/// A loaded corpus: its sources, actors and the events in timeline order.
public struct Corpus: Sendable {
    public let title: String?
    public let description: String?
    public let sources: [Source]
    public let actors: [Actor]
    /// In timeline order (see `PartialDate`'s order); ties keep file order.
    public let events: [Event]

    /// Every citation grouped by source, in order of position.
    public let citations: CitationTable
    /// How many events each source, actor and tag has.
    public let eventCounts: EventCounts

    private let sourceIndex: [String: Int]
    private let actorIndex: [String: Int]
    private let eventIndex: [String: Int]
    private let actorsByName: [String: [String]]

    /// Pass `events` with `consume` where it is a local of the caller's: it
    /// is then put in order where it lies, without a second array of every
    /// event (24 MB at 100,000 events, at the peak of loading).
    public init(title: String?, description: String?, sources: [Source], actors: [Actor], events: consuming [Event]) {
        self.title = title
        self.description = description
        self.sources = sources
        self.actors = actors
        // By index throughout: `map` or `for event in events` copies every event.
        let keys = events.indices.map { events[$0].date.date.sortKey }
        let order = events.indices.sorted { Self.precedes($0, $1, keys) }
        // Events from the cache are in timeline order already.
        if !order.elementsEqual(events.indices) { Self.permute(&events, into: order) }
        self.events = events
        self.sourceIndex = Dictionary(sources.indices.map { (sources[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        self.actorIndex = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var eventIndex: [String: Int] = [:]
        eventIndex.reserveCapacity(events.count)
        for index in events.indices where eventIndex[events[index].id] == nil { eventIndex[events[index].id] = index }
        self.eventIndex = eventIndex
        var byName: [String: [String]] = [:]
        for actor in actors {
            for name in Set(actor.names.map { $0.lowercased() } + [actor.id]) { byName[name, default: []].append(actor.id) }
        }
        self.actorsByName = byName
        // Two tables over every event, independent of each other: built on both cores.
        let citationTable = ConcurrentResults<CitationTable>(count: 1), counts = ConcurrentResults<EventCounts>(count: 1)
        let sorted = self.events, sourceIndex = self.sourceIndex, actorIndex = self.actorIndex, actorsByName = byName
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                citationTable.put(0, CitationTable(sources: sources, events: sorted) { sourceIndex[$0] })
            } else {
                counts.put(0, EventCounts(sources: sources, actors: actors, events: sorted, sourcePosition: { sourceIndex[$0] },
                                          actorsNamed: { name in (actorsByName[name.lowercased()] ?? []).compactMap { actorIndex[$0].map { actors[$0] } } }))
            }
        }
        citations = citationTable.take(0)
        eventCounts = counts.take(0)
    }

    /// The timeline's order of events `a` and `b` (as written), by their
    /// dates' keys: by date, and events with the same date in the order
    /// they were written. The loader's preview picks its first events by it.
    static func precedes(_ a: Int, _ b: Int, _ keys: [PartialDate.SortKey]) -> Bool {
        keys[a] != keys[b] ? keys[a] < keys[b] : a < b
    }

    /// Puts `items[order[i]]` at `i` for every `i`, one cycle of the
    /// permutation at a time, holding one item aside.
    static func permute<Item>(_ items: inout [Item], into order: [Int]) {
        var placed = [Bool](repeating: false, count: items.count)
        for start in items.indices where !placed[start] {
            let held = items[start]
            var at = start
            while true {
                placed[at] = true
                let from = order[at]
                if from == start { items[at] = held; break }
                items[at] = items[from]
                at = from
            }
        }
    }

    public func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }
    public func actor(_ id: String) -> Actor? { actorIndex[id].map { actors[$0] } }
    public func event(_ id: String) -> Event? { eventIndex[id].map { events[$0] } }
    /// The event's position in `events`.
    public func eventPosition(_ id: String) -> Int? { eventIndex[id] }
    /// The source's position in `sources`.
    public func sourcePosition(_ id: String) -> Int? { sourceIndex[id] }

    /// The actors a name stands for, by id, name or alias, ignoring case:
    /// "Daesh" and "IS Khorasan" both give ISIS-K.
    public func actors(named name: String) -> [Actor] {
        (actorsByName[name.lowercased()] ?? []).compactMap { actor($0) }
    }

    /// The actor and every actor that is part of it, however deep
    /// (Russia → its Supreme Court, Putin, …).
    public func actorWithMembers(_ id: String) -> Set<String> {
        var members: Set<String> = [id]
        var grew = true
        while grew {
            grew = false
            for actor in actors where !members.contains(actor.id) {
                if let parent = actor.partOf, members.contains(parent) {
                    members.insert(actor.id)
                    grew = true
                }
            }
        }
        return members
    }

    /// The events that pass every given filter, in timeline order.
    public func events(matching filter: EventFilter) -> [Event] {
        let actorIDs = actorIDs(of: filter)
        return events.filter { passes($0, filter, actorIDs: actorIDs) }
    }

    /// Whether one event passes every given filter.
    public func passes(_ event: Event, _ filter: EventFilter) -> Bool {
        passes(event, filter, actorIDs: actorIDs(of: filter))
    }

    /// The actors an actor filter keeps, members included when asked.
    func actorIDs(of filter: EventFilter) -> Set<String>? {
        filter.actor.map { name in
            let matched = actors(named: name).map(\.id)
            return filter.includeMemberActors ? matched.reduce(into: Set()) { $0.formUnion(actorWithMembers($1)) } : Set(matched)
        }
    }

    func passes(_ event: Event, _ filter: EventFilter, actorIDs: Set<String>?) -> Bool {
        if let within = filter.within, !event.date.date.isWithin(within) { return false }
        if let actorIDs, !event.actors.contains(where: actorIDs.contains) { return false }
        if let source = filter.source, !event.sourceIDs.contains(source) { return false }
        if let tag = filter.tag, !event.tags.contains(where: { $0.lowercased() == tag.lowercased() }) { return false }
        if filter.spineOnly && !event.spine { return false }
        if let eventIDs = filter.eventIDs, !eventIDs.contains(event.id) { return false }
        return true
    }
}

/// What `Corpus.events(matching:)` keeps; nil fields do not filter.
public struct EventFilter: Sendable, Hashable {
    /// Keep events whose every possible day lies within this date ("2024" keeps "Mar 2024").
    public var within: PartialDate?
    /// An actor id, name or alias.
    public var actor: String?
    /// Also keep events of actors that are part of the named one.
    public var includeMemberActors: Bool
    /// A source id.
    public var source: String?
    public var tag: String?
    public var spineOnly: Bool
    /// Only these events, by ID (the reader's starred ones).
    public var eventIDs: Set<String>?

    public init(within: PartialDate? = nil, actor: String? = nil, includeMemberActors: Bool = true,
                source: String? = nil, tag: String? = nil, spineOnly: Bool = false, eventIDs: Set<String>? = nil) {
        self.eventIDs = eventIDs
        self.within = within
        self.actor = actor
        self.includeMemberActors = includeMemberActors
        self.source = source
        self.tag = tag
        self.spineOnly = spineOnly
    }
}
