import ChronicleModel

/// An article laid out for a pane width: a header (outlet, title, date,
/// byline, URL), then its lines wrapped under a line-number gutter, page
/// furniture folded or dimmed, and cited passages styled.
public struct ArticleLayout: Sendable {
    public let rows: [[StyledGlyph]]
    /// Rows of each cited passage (index into `BrowserData.citedPassages(of:)`).
    public let passageRows: [Int: Range<Int>]
    /// For each passage, the first row of the line (paragraph) it starts in.
    public let passageLineStart: [Int: Int]
    /// The article's line each row shows (a fold: its first line); 0 for
    /// the header's rows.
    public let lineOfRow: [Int]

    /// - Parameters:
    ///   - eventID: the event the article is read for; its passages stand out.
    ///   - focusedPassage: the passage Tab has reached.
    ///   - matches: raw byte ranges of search matches, highlighted.
    public init(source: Source, data: BrowserData, width: Int, showFurniture: Bool, eventID: String?, focusedPassage: Int?,
                matches: [Range<Int>] = [], selection: Range<Int>? = nil) {
        var rows: [[StyledGlyph]] = []
        let width = max(1, width)
        func add(_ glyphs: [StyledGlyph]) { rows += TextLayout.wrap(glyphs, width: width) }

        add(TextLayout.styled(source.outlet, .heading))
        if let title = source.title {
            add(TextLayout.styled(title, .heading))
        } else {
            add(TextLayout.styled("(untitled: the article prints no headline)", .dim))
        }
        var meta = TextLayout.styled(source.published.date.displayText, .date)
        if source.published.inferred { meta += TextLayout.styled(" (inferred)", .dateInferred) }
        for part in [source.byline, source.dateline, source.agency.map { "via \($0)" }].compactMap({ $0 }) {
            meta += TextLayout.styled(" · " + part, .normal)
        }
        add(meta)
        if source.published.inferred, let basis = source.published.basis { add(TextLayout.styled("Date inferred: " + basis, .dim)) }
        if let url = source.url { add(TextLayout.styled(url, .dim)) }
        rows.append(TextLayout.styled(String(repeating: "─", count: width), .border))

        let passages = data.citedPassages(of: source.id)
        let gutter = String(source.lines.lineCount).count + 1
        let textWidth = max(1, width - gutter - 1)
        var passageRows: [Int: Range<Int>] = [:]
        var passageLineStart: [Int: Int] = [:]
        var lineOfRow: [Int] = []
        var line = 1
        while line <= source.lines.lineCount {
            if !showFurniture, let furniture = source.furniture(atLine: line) {
                let last = min(furniture.lines.upperBound, source.lines.lineCount)
                let label = furniture.label ?? "page furniture"
                let fold = "▸ \(label) (lines \(line)–\(last), folded: z shows)"
                let folded = TextLayout.wrap(TextLayout.styled(String(repeating: " ", count: gutter + 1) + fold, .furniture), width: width)
                lineOfRow += [Int](repeating: 0, count: rows.count - lineOfRow.count) + [Int](repeating: line, count: folded.count)
                rows += folded
                line = last + 1
                continue
            }
            let range = source.lines.contentRange(ofLine: line)
            let baseRole: Role = source.furniture(atLine: line) != nil ? .furniture : (source.isBody(line: line) ? .normal : .frontMatter)
            var glyphs = Self.lineGlyphs(source: source, range: range, baseRole: baseRole, passages: passages,
                                         eventID: eventID, focusedPassage: focusedPassage, matches: matches)
            if let selection, selection.overlaps(range) {
                for k in glyphs.indices where selection.contains(glyphs[k].offset) { glyphs[k].role = .selection }
            }
            let wrapped = TextLayout.wrap(glyphs, width: textWidth)
            let lineStart = rows.count
            for (index, row) in wrapped.enumerated() {
                let number = index == 0 ? String(line) : ""
                let prefix = TextLayout.styled(String(repeating: " ", count: gutter - number.count) + number + " ", .dim)
                for glyph in row where glyph.offset >= 0 {
                    if let p = Self.passage(containing: glyph.offset, in: passages) {
                        let row = rows.count
                        let existing = passageRows[p]
                        passageRows[p] = (existing?.lowerBound ?? row)..<(row + 1)
                        if passageLineStart[p] == nil { passageLineStart[p] = lineStart }
                    }
                }
                rows.append(prefix + row)
            }
            lineOfRow += [Int](repeating: 0, count: max(0, lineStart - lineOfRow.count)) + [Int](repeating: line, count: rows.count - lineStart)
            line += 1
        }
        self.rows = rows
        self.lineOfRow = lineOfRow + [Int](repeating: 0, count: max(0, rows.count - lineOfRow.count))
        self.passageRows = passageRows
        self.passageLineStart = passageLineStart
    }

    static func lineGlyphs(source: Source, range: Range<Int>, baseRole: Role, passages: [BrowserData.CitedPassage],
                           eventID: String?, focusedPassage: Int?, matches: [Range<Int>] = []) -> [StyledGlyph] {
        // Walk the display text of the line, glyph by glyph, carrying raw offsets.
        let display = source.display
        let lo = display.displayIndex(atOrAfterRaw: range.lowerBound)
        let hi = display.displayIndex(atOrAfterRaw: range.upperBound)
        var result: [StyledGlyph] = []
        // Offsets in the decoded text differ from the bytes' after invalid
        // UTF-8 (a U+FFFD takes three bytes where one byte stood).
        let decoded = DecodedText(display.bytes[lo..<max(lo, hi)])
        var textIndex = 0
        for glyph in Grid.glyphs(of: decoded.text) {
            let index = lo + (decoded.invalid.isEmpty ? textIndex : decoded.byteOffset(textIndex))
            let offset = index < display.bytes.count ? display.rawOffset(index) : range.upperBound
            var role = baseRole
            if let p = passage(containing: offset, in: passages) {
                if p == focusedPassage { role = .quoteCurrent }
                else if let eventID, passages[p].eventIDs.contains(eventID) { role = .quote }
                else { role = .citedPassage }
            }
            if Self.contains(matches, offset) { role = .searchMatch }
            result.append(StyledGlyph(glyph: glyph, role: role, offset: offset))
            textIndex += glyph.sourceBytes
        }
        return result
    }

    /// Whether sorted, disjoint `ranges` hold `offset` (binary search).
    static func contains(_ ranges: [Range<Int>], _ offset: Int) -> Bool {
        let lo = ranges.partitionPoint { $0.upperBound <= offset }
        return lo < ranges.count && ranges[lo].contains(offset)
    }

    /// The row that shows the raw byte `offset` (or the first after it).
    public func rowOfOffset(_ offset: Int) -> Int? {
        rows.firstIndex { row in row.contains { $0.offset >= offset } }
    }

    static func passage(containing offset: Int, in passages: [BrowserData.CitedPassage]) -> Int? {
        // Few passages per article: a scan is clearer than a search tree.
        passages.lastIndex { $0.range.contains(offset) }
    }
}

