/// The manifest, changed a source or an actor at a time.
struct ManifestText {
    var yaml: YAMLText

    init(_ bytes: [UInt8]) throws(YAMLText.Failure) { yaml = try YAMLText(bytes) }

    var bytes: [UInt8] { yaml.bytes }

    /// The events files the manifest lists (or the default one).
    var eventsFiles: [String] {
        guard let root = yaml.outline.root, let listed = root["events"] else { return [CorpusLoader.defaultEventsFile] }
        if let one = listed.scalar { return one.isEmpty ? [] : [one] }
        return (listed.sequence ?? []).compactMap(\.scalar)
    }

    func ids(under key: String) -> [String] {
        (yaml.sequence(under: key)?.node?.sequence ?? []).compactMap { $0["id"]?.scalar }
    }

    /// The line of each source's `file` value, by id, and each source's file.
    var sourceFiles: [(id: String, file: String)] {
        (yaml.sequence(under: "sources")?.node?.sequence ?? []).compactMap { item in
            guard let id = item["id"]?.scalar, let file = item["file"]?.scalar else { return nil }
            return (id, file)
        }
    }

    mutating func append(actor: ActorDraft) throws(YAMLText.Failure) {
        let column = (yaml.sequence(under: "actors")?.node?.sequence?.last).map { yaml.dashColumn(of: $0) } ?? 2
        let key = column + 2
        var lines = ["id: " + YAMLWriting.value(actor.id, key: "id", column: key),
                     "name: " + YAMLWriting.value(actor.name, key: "name", column: key)]
        if let kind = actor.kind { lines.append("kind: " + YAMLWriting.value(kind, key: "kind", column: key)) }
        if !actor.aliases.isEmpty { lines.append("aliases: " + YAMLWriting.flowList(actor.aliases)) }
        try yaml.append(item: lines, under: "actors", defaultColumn: column)
    }

    /// Appends a source given as its lines (`id: …`, `file: …`, …).
    mutating func append(sourceLines lines: [String]) throws(YAMLText.Failure) {
        let column = (yaml.sequence(under: "sources")?.node?.sequence?.last).map { yaml.dashColumn(of: $0) } ?? 2
        try yaml.append(item: lines, under: "sources", defaultColumn: column)
    }
}
