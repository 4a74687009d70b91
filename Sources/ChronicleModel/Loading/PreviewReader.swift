extension CorpusReader {
    /// The first `count` events of the timeline with their quotes anchored,
    /// reading only the articles they cite; nil when anything reported so
    /// far is an error (the corpus will be refused) or one of them does not
    /// anchor.
    func makePreview(of checked: [CheckedEventsFile], count: Int, sourceNodes: [Node], in file: YAMLFile,
                     manifest: YAMLFields, earlier: [Diagnostic]) -> CorpusPreview? {
        guard !log.items.hasErrors, !earlier.hasErrors else { return nil }
        // Where each event is (file, outcome) and its date's key.
        guard checked.allSatisfy({ $0.sortKeys != nil }) else { return nil }
        var places: [(file: Int, outcome: Int)] = []
        var keys: [PartialDate.SortKey] = []
        for (fileIndex, file) in checked.enumerated() {
            places += file.outcomes.indices.map { (fileIndex, $0) }
            keys += file.sortKeys!
        }
        func event(_ place: (file: Int, outcome: Int)) -> PendingEvent { checked[place.file].outcomes[place.outcome].item! }
        // The first `count` in the timeline's order (as Corpus sorts: by
        // date, then as written), kept sorted as they are met rather than
        // sorting all 100,000: once it is full, most events are not earlier
        // than its last.
        func precedes(_ a: Int, _ b: Int) -> Bool { Corpus.precedes(a, b, keys) }
        var firstPlaces: [Int] = []
        firstPlaces.reserveCapacity(count + 1)
        for index in places.indices where firstPlaces.count < count || precedes(index, firstPlaces[firstPlaces.count - 1]) {
            firstPlaces.insert(index, at: firstPlaces.partitionPoint { precedes($0, index) })
            if firstPlaces.count > count { firstPlaces.removeLast() }
        }
        let first = firstPlaces.map { event(places[$0]) }
        let cited = Set(first.flatMap { $0.citations.compactMap(\.sourceID) })

        var worker = self
        worker.log = DiagnosticLog()
        for node in sourceNodes {
            guard case .mapping(let mapping) = node, let idNode = mapping["id"], case .scalar(let id) = idNode,
                  cited.contains(id.string), worker.sourcePositions[id.string] == nil else { continue }
            let reader = worker
            let outcome = reader.readItem(node, in: file, kind: "source", allowed: CorpusLoader.sourceFields) { fields, id, context in
                reader.loadArticle(fields, id: id, context: context, in: file)
            }
            guard !outcome.before.hasErrors, !outcome.after.hasErrors, let (_, location) = outcome.id,
                  let article = outcome.item, let source = article.source else { return nil }
            worker.add(source, listedAt: location, changed: article.changed)
        }
        let events = first.compactMap { worker.anchor($0) }
        guard events.count == first.count, !worker.log.items.hasErrors else { return nil }
        return CorpusPreview(corpus: Corpus(title: manifest.string("title"), description: manifest.string("description"),
                                            sources: worker.sources, actors: actors, events: events),
                             eventCount: places.count, sourceCount: sourceNodes.count,
                             dates: places.map { event($0).date! })
    }
}
