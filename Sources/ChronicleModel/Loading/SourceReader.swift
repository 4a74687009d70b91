import Foundation

extension CorpusLoader {
    static let sourceFields = ["id", "file", "sha256", "outlet", "title", "byline", "dateline", "agency",
                               "url", "language", "published", "body", "furniture"]
    static let furnitureFields = ["lines", "label", "from", "until"]
}

extension CorpusReader {
    /// What reading a source's article gave.
    struct ArticleRead {
        var source: Source?
        var changed = false
        /// The file could not be read (citations of it are not reported again).
        var unreadable = false
    }

    mutating func loadSources(_ nodes: [Node], in file: YAMLFile) {
        let outcomes = readInRuns(nodes, of: 32, in: file, kind: "source", allowed: CorpusLoader.sourceFields) { loader, fields, id, context in
            loader.loadArticle(fields, id: id, context: context, in: file)
        }
        var read: [(String, SourceLocation, ArticleRead)] = []
        // A source's id is taken once its article is (as in one pass in order).
        var taken = Set(sourcePositions.keys)
        takeInOrder(outcomes, isRepeated: { id, location in
            guard taken.contains(id) else { return false }
            log.error(location, "the source id `\(id)` is used twice", hint: "give each source its own id")
            return true
        }, accept: { id, location, article in
            if article.source != nil { taken.insert(id) }
            read.append((id, location, article))
        })
        for (id, location, article) in read {
            if article.unreadable { unloadedSources.insert(id) }
            guard let source = article.source else { continue }
            add(source, listedAt: location, changed: article.changed)
        }
    }

    /// A source read, for citations to find.
    mutating func add(_ source: Source, listedAt location: SourceLocation, changed: Bool) {
        sourceManifestLocations[source.id] = (location, changed)
        sourcePositions[source.id] = sources.count
        sources.append(source)
    }

    /// The rest of a source, once its id is known: its article, read and checked.
    func loadArticle(_ named: YAMLFields, id: String, context: String, in file: YAMLFile) -> ArticleRead {
        var outcome = ArticleRead()
        guard let path = named.string("file", required: true) else { return outcome }
        let outlet = named.string("outlet", required: true) ?? "?"
        let published = datedValue(named, key: "published", required: true) ?? DatedValue(date: try! PartialDate(parsing: "0000"), inferred: true)
        let raw: [UInt8]
        // The same bytes as an earlier load's: their tables are its.
        let earlier = reuse?.article(path)
        if let earlier {
            raw = earlier.raw
        } else {
            do {
                raw = try files.read(path, maxSize: maxFileSize)
            } catch {
                log.error(named.location("file"), "\(context): the article file \(error.path) \(error.problem)", hint: error.hint)
                outcome.unreadable = true
                return outcome
            }
        }
        let lines = earlier?.lines ?? LineIndex(raw), lineCount = lines.lineCount
        var body: [ClosedRange<Int>] = []
        if let given = named.values["body"], case .mapping(let pairs) = given {
            // `body: {from: …, until: …}`: the lines the article's words name.
            if let piece = YAMLFields(given, in: file, context: "body of \(context)", allowed: CorpusReader.textRangeFields, log: log) {
                if pairs.isEmpty {
                    log.error(named.location("body"), "body of \(context) names no line", hint: "give `from:` and/or `until:` with words of the article, or line ranges (`body: [9-27]`)")
                } else if piece.has("from") || piece.has("until"), let range = linesByText(piece, lines: lines, raw: raw, path: path, context: "body of \(context)") {
                    body.append(range)
                }
            }
        } else {
            for (text, item) in named.strings("body") {
                if let range = lineRange(text, at: file.location(item), lineCount: lineCount, context: context) { body.append(range) }
            }
        }
        var furniture: [Source.Furniture] = []
        for item in named.list("furniture") {
            guard let piece = YAMLFields(item, in: file, context: "furniture of \(context)", allowed: CorpusLoader.furnitureFields, log: log) else { continue }
            let range: ClosedRange<Int>?
            if !piece.has("lines"), piece.has("from") || piece.has("until") {
                range = linesByText(piece, lines: lines, raw: raw, path: path, context: "furniture of \(context)")
            } else if piece.has("from") || piece.has("until") {
                log.error(piece.location("lines"), "furniture of \(context) gives both `lines` and `from`/`until`", hint: "keep one: line numbers, or the words of the article")
                range = nil
            } else {
                range = piece.string("lines", required: true).flatMap { lineRange($0, at: piece.location("lines"), lineCount: lineCount, context: context) }
            }
            guard let range else { continue }
            furniture.append(.init(lines: range, label: piece.string("label")))
        }
        // The strings a source keeps are copied out of the manifest's tree:
        // each was allocated among the tree's nodes, and kept, it held their
        // page resident once the tree was freed (27 MB at 20,000 sources).
        func kept(_ text: String?) -> String? { text?.copiedAnew }
        let source = Source(id: id.copiedAnew, file: path.copiedAnew, outlet: outlet.copiedAnew, title: kept(named.string("title")),
                            byline: kept(named.string("byline")), dateline: kept(named.string("dateline")),
                            agency: kept(named.string("agency")), url: kept(named.string("url")), language: kept(named.string("language")),
                            published: DatedValue(date: published.date, inferred: published.inferred, basis: kept(published.basis)),
                            raw: raw, sha256: earlier?.sha256, lines: lines, display: earlier?.display, body: body.isEmpty ? nil : body,
                            furniture: furniture.map { .init(lines: $0.lines, label: kept($0.label)) })
        if let pinned = named.string("sha256") {
            if pinned.lowercased() != source.sha256 {
                outcome.changed = true
                log.warning(named.location("sha256"),
                            "\(context): \(files.displayPath(path)) has changed since it was pinned (sha256 is \(source.sha256), the manifest says \(pinned)); its quotes are checked again below",
                            hint: "if the change is intended, set `sha256: \(source.sha256)`")
            }
        } else {
            log.warning(named.location("id"), "\(context) pins no sha256, so a change to \(path) would go unnoticed",
                        hint: "add `sha256: \(source.sha256)`")
        }
        if source.quotableRanges.isEmpty {
            log.warning(named.location("body"), "\(context) has no article text left to quote (its body is all furniture)")
        }
        outcome.source = source
        return outcome
    }

    func lineRange(_ text: String, at location: SourceLocation, lineCount: Int, context: String) -> ClosedRange<Int>? {
        // Digits, a dash and spaces only (every range, nearly): read as bytes.
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).map { part -> Int? in
            let digits = part.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let range: ClosedRange<Int>?
        switch parts.count {
        case 1: range = parts[0].map { $0...$0 }
        case 2: range = parts[0].flatMap { a in parts[1].flatMap { b in a <= b ? a...b : nil } }
        default: range = nil
        }
        guard let range, range.lowerBound >= 1 else {
            log.error(location, "\(context): \"\(text)\" is not a line range", hint: "write `12` or `9-27`: 1-based line numbers, first ≤ last")
            return nil
        }
        guard range.upperBound <= lineCount else {
            log.error(location, "\(context): lines \(text) run past the end of the article, which has \(Plural.count(lineCount, "line"))")
            return nil
        }
        return range
    }
}
