/// A glyph with its role and, for article text, the raw byte offset it
/// came from (so passages map to rows and columns); -1 for decoration.
public struct StyledGlyph: Sendable, Hashable {
    public var glyph: Grid.Glyph
    public var role: Role
    public var offset: Int

    public var isSpace: Bool { glyph.text == " " }
}

/// Word wrapping by display width.
public enum TextLayout {
    /// Glyphs of `text`, all in one role.
    public static func styled(_ text: some StringProtocol, _ role: Role, offset: Int = -1) -> [StyledGlyph] {
        Grid.glyphs(of: text).map { StyledGlyph(glyph: $0, role: role, offset: offset) }
    }

    /// Breaks a line of glyphs into rows of at most `width` columns, at
    /// spaces where it can and inside a word only when the word alone is
    /// wider than a row. Spaces at a break are dropped; an empty line stays
    /// one empty row.
    public static func wrap(_ line: [StyledGlyph], width: Int) -> [[StyledGlyph]] {
        guard width > 0 else { return [] }
        guard !line.isEmpty else { return [[]] }
        var rows: [[StyledGlyph]] = []
        var row: [StyledGlyph] = []
        var rowWidth = 0
        var i = 0
        while i < line.count {
            if line[i].isSpace {
                // Spaces: kept inside a row, dropped at its end or start.
                var j = i
                while j < line.count && line[j].isSpace { j += 1 }
                if !row.isEmpty && j < line.count {
                    let spaces = line[i..<j]
                    if rowWidth + spaces.count < width {
                        row += spaces
                        rowWidth += spaces.count
                    } else {
                        rows.append(row); row = []; rowWidth = 0
                    }
                }
                i = j
                continue
            }
            var j = i, wordWidth = 0
            while j < line.count && !line[j].isSpace { wordWidth += line[j].glyph.width; j += 1 }
            if rowWidth + wordWidth > width && !row.isEmpty {
                // Trailing spaces stay off the row's end.
                while row.last?.isSpace == true { row.removeLast(); rowWidth -= 1 }
                rows.append(row); row = []; rowWidth = 0
            }
            if wordWidth > width {
                for glyph in line[i..<j] {
                    if rowWidth + glyph.glyph.width > width { rows.append(row); row = []; rowWidth = 0 }
                    row.append(glyph)
                    rowWidth += glyph.glyph.width
                }
            } else {
                row += line[i..<j]
                rowWidth += wordWidth
            }
            i = j
        }
        if !row.isEmpty || rows.isEmpty { rows.append(row) }
        return rows
    }

    public static func width(_ glyphs: [StyledGlyph]) -> Int { glyphs.reduce(0) { $0 + $1.glyph.width } }
}

extension Grid {
    /// Draws a row of styled glyphs from (x, y), clipped to `maxWidth`, as
    /// `put` draws text: never a split wide glyph, and an ellipsis (in the
    /// role of the text it replaces) where it is cut.
    public mutating func draw(_ row: [StyledGlyph], x: Int, y: Int, maxWidth: Int) {
        _ = lay(row, x: x, y: y, maxWidth: maxWidth, ellipsis: true, glyph: \.glyph, role: \.role)
    }
}
