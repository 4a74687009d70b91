/// An events file, changed an event (or one of its fields) at a time: the
/// lines of what changes are rewritten, every other byte kept.
struct EventsFileText {
    var yaml: YAMLText

    init(_ bytes: [UInt8]) throws(YAMLText.Failure) { yaml = try YAMLText(bytes) }

    var bytes: [UInt8] { yaml.bytes }

    /// The keys of an event in the order Chronicle writes them; a key added
    /// to an event goes before the first that comes after it.
    static let order = ["id", "date", "date_inferred", "date_basis", "spine", "title", "summary", "actors", "tags", "citations"]

    private var events: [YAMLOutline.OutlineNode] {
        yaml.sequence(under: "events")?.node?.sequence ?? []
    }

    private func event(_ id: String) throws(YAMLText.Failure) -> (index: Int, node: YAMLOutline.OutlineNode) {
        guard let index = events.firstIndex(where: { $0["id"]?.scalar == id }) else { throw .notFound("no event `\(id)` in the file") }
        let node = events[index]
        guard node.mapping != nil, !node.isFlow else {
            throw .unsupported("event `\(id)` is written in flow style ({…}); edit it in a text editor")
        }
        return (index, node)
    }

    // MARK: Events

    /// Appends an event after the last, in the file's own indentation.
    mutating func append(id: String, _ draft: EventDraft, citation: CitationDraft) throws(YAMLText.Failure) {
        let column = events.last.map { yaml.dashColumn(of: $0) } ?? 2
        try yaml.append(item: Self.eventLines(id: id, draft, citations: [citation], column: column), under: "events", defaultColumn: column)
    }

    static func eventLines(id: String, _ draft: EventDraft, citations: [CitationDraft], column: Int) -> [String] {
        let keyColumn = column + 2
        var lines = ["id: " + YAMLWriting.value(id, key: "id", column: keyColumn)]
        lines += draft.fields(column: keyColumn).map { "\($0.key): \($0.value)" }
        lines.append("citations:")
        let pad = String(repeating: " ", count: keyColumn)
        for citation in citations {
            lines.append(YAMLText.item(citation.yamlLines(column: keyColumn + 4), column: keyColumn + 2).dropLast().replacingPrefix(pad, with: ""))
        }
        return lines
    }

    mutating func remove(id: String) throws(YAMLText.Failure) {
        let (index, _) = try event(id)
        try yaml.removeItem(at: index, under: "events")
    }

    /// The event's fields set to `draft`; a field whose value does not
    /// change keeps its bytes (its quoting, its comment).
    mutating func update(id: String, _ draft: EventDraft) throws(YAMLText.Failure) {
        let (_, node) = try event(id)
        let wanted = Dictionary(uniqueKeysWithValues: draft.fields(column: yaml.outline.column(of: node.start)).map { ($0.key, $0.value) })
        let current = EventDraft(fields: node)
        // The date, its inferred mark and its basis go together: the long
        // form `date: {edtf, inferred, basis}` holds all three.
        let dateKeys: Set<String> = ["date", "date_inferred", "date_basis"]
        let dateChanged = (current.date, current.dateInferred, current.dateBasis) != (draft.date, draft.dateInferred, draft.dateBasis)
        for key in EventDraft.keys {
            if dateKeys.contains(key) && !dateChanged { continue }
            if !dateKeys.contains(key) && current.same(key, as: draft) { continue }
            try set(key, to: wanted[key], in: id)
        }
    }

    /// Sets one key of an event to a rendered value (nil removes it).
    private mutating func set(_ key: String, to value: String?, in id: String) throws(YAMLText.Failure) {
        let (_, node) = try event(id)
        guard let pairs = node.mapping else { return }
        let column = yaml.outline.column(of: node.start)
        let pad = String(repeating: " ", count: column)
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            guard index > 0 else { throw .unsupported("the event's first key is `\(key)`; edit it in a text editor") }
            let range = yaml.outline.lineStart(of: pairs[index].keyStart)..<yaml.contentEnd(of: pairs[index].value)
            guard let value else { try yaml.replace(range, with: ""); return }
            try yaml.replace(range, with: pad + "\(key): " + value + "\n")
            return
        }
        guard let value else { return }
        let rank = Self.order.firstIndex(of: key) ?? Self.order.count
        let text = pad + "\(key): " + value + "\n"
        if let next = pairs.firstIndex(where: { (Self.order.firstIndex(of: $0.key) ?? Self.order.count) > rank }), next > 0 {
            let at = yaml.outline.lineStart(of: pairs[next].keyStart)
            try yaml.replace(at..<at, with: text)
        } else {
            let at = yaml.contentEnd(of: node)
            try yaml.replace(at..<at, with: text)
        }
    }

    // MARK: Citations

    mutating func addCitation(eventID: String, _ citation: CitationDraft) throws(YAMLText.Failure) {
        let (_, node) = try event(eventID)
        guard let citations = node["citations"], let items = citations.sequence, let last = items.last, !citations.isFlow else {
            throw .unsupported("event `\(eventID)` has no block list of citations to add to")
        }
        let column = yaml.dashColumn(of: last)
        let text = (yaml.separatesItems(items) && items.count > 1 ? "\n" : "") + YAMLText.item(citation.yamlLines(column: column + 2), column: column)
        let at = yaml.contentEnd(of: last)
        try yaml.replace(at..<at, with: text)
    }

    mutating func removeCitation(eventID: String, index: Int) throws(YAMLText.Failure) {
        let (_, node) = try event(eventID)
        guard let items = node["citations"]?.sequence, items.indices.contains(index) else {
            throw .notFound("event `\(eventID)` has no citation \(index + 1)")
        }
        guard items.count > 1 else { throw .unsupported("an event must cite at least one passage: remove the event instead") }
        try yaml.replace(yaml.removalRange(of: items, at: index), with: "")
    }

    // MARK: An event as text

    /// The event's YAML without its list indentation, for a person to edit.
    func text(of id: String) throws(YAMLText.Failure) -> String {
        let (_, node) = try event(id)
        let column = yaml.outline.column(of: node.start)
        let text = String(decoding: yaml.bytes[node.start..<yaml.contentEnd(of: node)], as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 ? String(line) : String(line.dropFirst(min(column, line.prefix(while: { $0 == " " }).count)))
        }.joined(separator: "\n")
    }

    /// The event replaced by `text` (as `text(of:)` gives it, edited).
    mutating func replace(id: String, with text: String) throws(YAMLText.Failure) {
        let (_, node) = try event(id)
        let column = yaml.outline.column(of: node.start)
        let pad = String(repeating: " ", count: column)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.enumerated().map { index, line in index == 0 || line.isEmpty ? String(line) : pad + line }.joined(separator: "\n")
        try yaml.replace(node.start..<yaml.contentEnd(of: node), with: body.hasSuffix("\n") ? body : body + "\n")
    }
}

extension EventDraft {
    /// The fields an event's mapping gives, read as the loader reads them
    /// (a missing date reads as empty).
    init(fields node: YAMLOutline.OutlineNode) {
        let date = node["date"]
        let strings = { (key: String) in (node[key]?.sequence ?? []).compactMap(\.scalar) }
        let inferred = (node["date_inferred"]?.scalar ?? date?["inferred"]?.scalar).map { $0 == "true" } ?? false
        self.init(date: date?.scalar ?? date?["edtf"]?.scalar ?? "", dateInferred: inferred,
                  dateBasis: node["date_basis"]?.scalar ?? date?["basis"]?.scalar, title: node["title"]?.scalar ?? "",
                  summary: node["summary"]?.scalar, actors: strings("actors"), tags: strings("tags"),
                  spine: node["spine"]?.scalar == "true")
    }

    /// Whether a field other than the date's has the same value in both.
    func same(_ key: String, as other: EventDraft) -> Bool {
        switch key {
        case "spine": return spine == other.spine
        case "title": return title == other.title
        case "summary": return (summary ?? "") == (other.summary ?? "")
        case "actors": return actors == other.actors
        case "tags": return tags == other.tags
        default: return false
        }
    }
}

extension StringProtocol {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : String(self)
    }
}
