import ChronicleModel

/// The event pane's content: date, title, summary, actors, then each cited
/// passage set in its sentence with the quoted words emphasised.
public struct EventDetail: Sendable {
    public let rows: [[StyledGlyph]]
    /// The rows of each citation's block, in citation order.
    public let passageRows: [Range<Int>]

    /// - Parameter related: uncited sentences likely about the event; they
    ///   follow the citations, and `focusedPassage` counts on into them.
    /// - Parameter reader: the reader's own star and note, shown as theirs.
    public init(event: Event, corpus: Corpus, width: Int, focusedPassage: Int?, matches: SearchResult.EventHit? = nil,
                related: [Suggestion] = [], reader: ReaderNotes? = nil) {
        var rows: [[StyledGlyph]] = []
        var passageRows: [Range<Int>] = []
        func add(_ glyphs: [StyledGlyph], indent: Int = 0) {
            let pad = TextLayout.styled(String(repeating: " ", count: indent), .normal)
            for row in TextLayout.wrap(glyphs, width: max(1, width - indent)) { rows.append(indent > 0 ? pad + row : row) }
        }
        func field(_ label: String, _ value: String, _ role: Role = .normal) {
            let padded = String(label.prefix(8)) + String(repeating: " ", count: max(0, 8 - label.count))
            add(TextLayout.styled(padded, .label) + TextLayout.styled(value, role))
        }
        var dateLine = TextLayout.styled(event.date.date.displayText, .date)
        if event.date.inferred { dateLine += TextLayout.styled(" (inferred)", .dateInferred) }
        if event.spine { dateLine += TextLayout.styled("  ★ principal event", .spineMark) }
        let disagreements = Disagreement.find(in: event, corpus: corpus)
        if !disagreements.isEmpty { dateLine += TextLayout.styled("  ≠\u{00A0}sources\u{00A0}differ", .error) }
        if reader?.starred.contains(event.id) == true { dateLine += TextLayout.styled("  ◆\u{00A0}starred\u{00A0}by\u{00A0}you", .readerStar) }
        add(dateLine)
        add(Self.marked(event.title, .heading, matches?.titleRanges ?? []))
        if let summary = event.summary {
            rows.append([])
            add(Self.marked(summary, .normal, matches?.summaryRanges ?? []))
        }
        if let note = reader?.notes[event.id] {
            rows.append([])
            add(TextLayout.styled("Your note: ", .readerStar) + TextLayout.styled(note, .readerNote))
        }
        rows.append([])
        let actorNames = event.actors.compactMap { corpus.actor($0)?.name }
        if !actorNames.isEmpty { field("Actors", actorNames.joined(separator: ", ")) }
        if !event.tags.isEmpty { field("Tags", event.tags.joined(separator: ", ")) }
        if let basis = event.date.basis { field("Dated", basis, .dim) }
        // Where the date came from, when a cited passage states it.
        let stated = DateAgreement.statements(of: event, in: corpus)
        if !stated.isEmpty {
            field("Stated", stated.map { "\($0.expression.statedIn($0.source)) [\($0.citation + 1)]" }.joined(separator: "; "), .dim)
        }
        rows.append([])
        let outlets = event.sourceCount
        add(TextLayout.styled("Sources: \(Plural.count(event.citations.count, "passage")) from \(Plural.count(outlets, "outlet"))", .label))
        for (index, citation) in event.citations.enumerated() {
            guard let source = corpus.source(citation.sourceID) else { continue }
            rows.append([])
            let start = rows.count
            let focused = index == focusedPassage
            // A no-break space keeps "line 21" together when the header wraps.
            let header = "[\(index + 1)] \(source.outlet) · \(source.published.displayText) · line\u{00A0}\(citation.passage.line)"
            add(TextLayout.styled(header, focused ? .selection : .label))
            if let note = source.inferredDateNote { add(TextLayout.styled(note, .dim), indent: 2) }
            let found = (matches?.passageRanges ?? []).filter { $0.sourceID == source.id }.map(\.range)
            add(Self.sentenceGlyphs(citation.passage, in: source, quoteRole: focused ? .quoteCurrent : .quote, matches: found), indent: 2)
            passageRows.append(start..<rows.count)
        }
        if !disagreements.isEmpty {
            rows.append([])
            add(TextLayout.styled("The sources differ (D: side by side)", .label))
            for disagreement in disagreements {
                add(TextLayout.styled(disagreement.heading, .heading), indent: 1)
                for reading in disagreement.readings {
                    let outlets = reading.sourceIDs.compactMap { corpus.source($0)?.outlet }.joined(separator: ", ")
                    let cited = reading.citations.map { "[\($0 + 1)]" }.joined(separator: " ")
                    add(TextLayout.styled(reading.text, .quote) + TextLayout.styled(" — \(outlets) \(cited)", .normal), indent: 3)
                }
            }
        }
        if !related.isEmpty {
            rows.append([])
            add(TextLayout.styled("Related passages it does not cite (r hides)", .label))
            for (offset, suggestion) in related.enumerated() {
                guard let source = corpus.source(suggestion.sourceID) else { continue }
                rows.append([])
                let start = rows.count
                let index = event.citations.count + offset
                let header = "[r\(offset + 1)] \(source.outlet) · line\u{00A0}\(suggestion.line) · \(suggestion.reasons.last ?? "")"
                add(TextLayout.styled(header, index == focusedPassage ? .selection : .dim))
                add(ArticleLayout.lineGlyphs(source: source, range: suggestion.range, baseRole: .normal, passages: [], eventID: nil,
                                             focusedPassage: nil), indent: 2)
                passageRows.append(start..<rows.count)
            }
        }
        self.rows = rows
        self.passageRows = passageRows
    }

    /// The sentence around a passage: context in the normal role, the quote in `quoteRole`.
    static func sentenceGlyphs(_ passage: Passage, in source: Source, quoteRole: Role, matches: [Range<Int>] = []) -> [StyledGlyph] {
        let sentence = source.sentenceRange(around: passage.range)
        if !matches.isEmpty {
            // With search matches, walk raw offsets so the matched bytes stand out.
            let roles: (Int) -> Role = { offset in
                ArticleLayout.contains(matches, offset) ? .searchMatch : (passage.range.contains(offset) ? quoteRole : .normal)
            }
            return ArticleLayout.lineGlyphs(source: source, range: sentence, baseRole: .normal, passages: [], eventID: nil,
                                            focusedPassage: nil).map { StyledGlyph(glyph: $0.glyph, role: roles($0.offset), offset: $0.offset) }
        }
        let before = source.displayText(sentence.lowerBound..<passage.range.lowerBound)
        let quote = source.displayText(passage.range)
        let after = source.displayText(passage.range.upperBound..<sentence.upperBound)
        return TextLayout.styled(before, .normal) + TextLayout.styled(quote, quoteRole) + TextLayout.styled(after, .normal)
    }
}

extension EventDetail {
    /// `text` in `role`, with UTF-8 byte `ranges` in the search-match role.
    static func marked(_ text: String, _ role: Role, _ ranges: [Range<Int>]) -> [StyledGlyph] {
        guard !ranges.isEmpty else { return TextLayout.styled(text, role) }
        var offset = 0
        return Grid.glyphs(of: text).map { glyph in
            defer { offset += glyph.sourceBytes }
            return StyledGlyph(glyph: glyph, role: ArticleLayout.contains(ranges, offset) ? .searchMatch : role, offset: -1)
        }
    }
}
