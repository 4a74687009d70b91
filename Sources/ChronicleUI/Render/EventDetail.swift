import ChronicleModel

/// The event pane's content: date, title, summary, actors, then each cited
/// passage set in its sentence with the quoted words emphasised.
public struct EventDetail: Sendable {
    public let rows: [[StyledGlyph]]
    /// The rows of each citation's block, in citation order.
    public let passageRows: [Range<Int>]

    public init(event: Event, corpus: Corpus, width: Int, focusedPassage: Int?) {
        var rows: [[StyledGlyph]] = []
        var passageRows: [Range<Int>] = []
        func add(_ glyphs: [StyledGlyph], indent: Int = 0) {
            let pad = TextLayout.styled(String(repeating: " ", count: indent), .normal)
            for row in TextLayout.wrap(glyphs, width: max(1, width - indent)) { rows.append(indent > 0 ? pad + row : row) }
        }
        func field(_ label: String, _ value: String, _ role: Role = .normal) {
            add(TextLayout.styled(label.padding(toLength: 8, withPad: " ", startingAt: 0), .label) + TextLayout.styled(value, role))
        }
        var dateLine = TextLayout.styled(event.date.date.displayText, .date)
        if event.date.inferred { dateLine += TextLayout.styled(" (inferred)", .dateInferred) }
        if event.spine { dateLine += TextLayout.styled("  ★ principal event", .spineMark) }
        add(dateLine)
        add(TextLayout.styled(event.title, .heading))
        if let summary = event.summary {
            rows.append([])
            add(TextLayout.styled(summary, .normal))
        }
        rows.append([])
        let actorNames = event.actors.compactMap { corpus.actor($0)?.name }
        if !actorNames.isEmpty { field("Actors", actorNames.joined(separator: ", ")) }
        if !event.tags.isEmpty { field("Tags", event.tags.joined(separator: ", ")) }
        if let basis = event.date.basis { field("Dated", basis, .dim) }
        rows.append([])
        add(TextLayout.styled("Sources: \(event.citations.count) passage\(event.citations.count == 1 ? "" : "s") from \(event.sourceIDs.count) outlet\(event.sourceIDs.count == 1 ? "" : "s")", .label))
        for (index, citation) in event.citations.enumerated() {
            guard let source = corpus.source(citation.sourceID) else { continue }
            rows.append([])
            let start = rows.count
            let focused = index == focusedPassage
            // A no-break space keeps "line 21" together when the header wraps.
            let header = "[\(index + 1)] \(source.outlet) · \(source.published.displayText) · line\u{00A0}\(citation.passage.line)"
            add(TextLayout.styled(header, focused ? .selection : .label))
            add(Self.sentenceGlyphs(citation.passage, in: source, quoteRole: focused ? .quoteCurrent : .quote), indent: 2)
            passageRows.append(start..<rows.count)
        }
        self.rows = rows
        self.passageRows = passageRows
    }

    /// The sentence around a passage: context in the normal role, the quote in `quoteRole`.
    static func sentenceGlyphs(_ passage: Passage, in source: Source, quoteRole: Role) -> [StyledGlyph] {
        let sentence = source.sentenceRange(around: passage.range)
        let before = source.displayText(sentence.lowerBound..<passage.range.lowerBound)
        let quote = source.displayText(passage.range)
        let after = source.displayText(passage.range.upperBound..<sentence.upperBound)
        return TextLayout.styled(before, .normal) + TextLayout.styled(quote, quoteRole) + TextLayout.styled(after, .normal)
    }
}
