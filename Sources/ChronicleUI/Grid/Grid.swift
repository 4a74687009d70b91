import ChronicleModel

/// The whole screen as cells. Renderers draw into it; the terminal layer
/// paints it; tests read it back as text.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Fills a rectangle with blanks of a role.
    public mutating func fill(_ rect: Rect, role: Role) {
        let area = clip(rect)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y] = .blank(role) }
        }
    }

    /// Sets the role of existing cells without changing their text.
    public mutating func restyle(_ rect: Rect, role: Role) {
        let area = clip(rect)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y].role = role }
        }
    }

    /// Writes `text` at (x, y), using at most `maxWidth` columns (and never
    /// past the grid's edge). Control characters show as placeholders, a wide
    /// glyph that does not fit is replaced by a space, never split, and with
    /// `ellipsis` a cut line ends in "…". Returns the columns used.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, role: Role, ellipsis: Bool = true) -> Int {
        lay(Self.glyphs(of: text), x: x, y: y, maxWidth: maxWidth, ellipsis: ellipsis, glyph: { $0 }, role: { _ in role })
    }

    /// What `put` and `draw` share: glyphs from (x, y) within `maxWidth`,
    /// never a split wide glyph, and where the text is cut, a gap padded and
    /// (with `ellipsis`) "…" in the role of the first glyph left out.
    mutating func lay<Items: RandomAccessCollection>(_ items: Items, x: Int, y: Int, maxWidth: Int?, ellipsis: Bool,
                                                     glyph: (Items.Element) -> Glyph, role: (Items.Element) -> Role) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let total = items.reduce(0) { $0 + glyph($1).width }
        let cut = total > limit
        let budget = cut && ellipsis ? limit - 1 : limit
        var column = 0
        var next = items.startIndex
        while next != items.endIndex {
            let item = glyph(items[next])
            let itemRole = item.isMarker ? .controlMarker : role(items[next])
            if column + item.width > budget { break }
            if x + column >= 0 {
                self[x + column, y] = Cell(text: item.text, width: UInt8(item.width), role: itemRole)
                if item.width == 2 { self[x + column + 1, y] = .continuation(itemRole) }
            }
            column += item.width
            next = items.index(after: next)
        }
        if cut, next != items.endIndex {
            // Pad a gap left by a wide glyph that did not fit, then the ellipsis.
            let leftOut = role(items[next])
            while column < budget { self[x + column, y] = .blank(leftOut); column += 1 }
            if ellipsis { self[x + column, y] = Cell(text: "…", width: 1, role: leftOut); column += 1 }
        }
        return column
    }

    /// One displayable unit: a grapheme cluster with its width, controls
    /// already replaced by visible placeholders, and how many UTF-8 bytes of
    /// the original text it stands for (so glyphs map back to offsets).
    public struct Glyph: Sendable, Hashable {
        public let text: String
        public let width: Int
        public let sourceBytes: Int
        /// Part of a marker standing for a control or an invisible
        /// character (`^[`, `<U+202E>`): drawn in its own role.
        public var isMarker = false
    }

    /// Printable ASCII, a glyph each, made once.
    private static let asciiGlyphs: [Glyph] = (0x20..<0x7F).map { Glyph(text: String(Unicode.Scalar(UInt8($0))), width: 1, sourceBytes: 1) }

    public static func glyphs(of text: some StringProtocol) -> [Glyph] {
        var result: [Glyph] = []
        result.reserveCapacity(text.utf8.count)
        let utf8 = text.utf8
        var index = text.startIndex
        while index < text.endIndex {
            // Printable ASCII followed by ASCII (or the end) is a cluster of
            // its own: most text needs no grapheme breaking, which was the
            // largest part of drawing a frame.
            let byte = utf8[index]
            if byte >= 0x20 && byte < 0x7F {
                let next = utf8.index(after: index)
                if next == text.endIndex || utf8[next] < 0x80 {
                    result.append(asciiGlyphs[Int(byte) - 0x20])
                    index = next
                    continue
                }
            }
            let character = text[index]
            index = text.index(after: index)
            let scalars = character.unicodeScalars
            if scalars.count > 1, !TextWidth.isFlag(character) || scalars.contains(where: { SafeText.screenMarker(for: $0) != nil }) {
                appendParts(of: character, to: &result)
                continue
            }
            if let first = scalars.first, let shown = SafeText.screenMarker(for: first) {
                appendPlaceholder(shown, standingFor: UTF8.width(first), to: &result)
                continue
            }
            let width = TextWidth.of(character)
            let bytes = character.utf8.count
            if width == 0 {
                attach(scalars.first.map(TextWidth.isUndrawn) == true ? "" : String(character), bytes: bytes, to: &result)
                continue
            }
            result.append(Glyph(text: String(character), width: width, sourceBytes: bytes))
        }
        return result
    }

    /// A cluster of several scalars (a ZWJ family, an emoji with a skin
    /// tone or VS16, a letter with marks) as the terminal will draw it:
    /// ncurses and the terminal measure each scalar with wcwidth and draw
    /// each one that takes columns in cells of its own, so every such scalar
    /// is a glyph of its own. Joiners and variation selectors are counted
    /// in the bytes but not drawn: a terminal that joins after a ZWJ, or
    /// widens after VS16, would no longer take the columns the grid gives.
    /// Marks stay on their letter; controls become placeholders.
    static func appendParts(of character: Character, to result: inout [Glyph]) {
        var text = "", width = 0, bytes = 0
        func flush() {
            guard bytes > 0 else { return }
            if width > 0 {
                result.append(Glyph(text: text, width: width, sourceBytes: bytes))
            } else {
                attach(text, bytes: bytes, to: &result)
            }
            text = ""; width = 0; bytes = 0
        }
        for scalar in character.unicodeScalars {
            let size = UTF8.width(scalar)
            if let shown = SafeText.screenMarker(for: scalar) {
                flush()
                appendPlaceholder(shown, standingFor: size, to: &result)
                continue
            }
            let columns = TextWidth.of(scalar)
            if columns > 0 {
                flush()
                text = String(scalar); width = columns; bytes = size
            } else {
                if !TextWidth.isUndrawn(scalar) { text.unicodeScalars.append(scalar) }
                bytes += size
            }
        }
        flush()
    }

    /// A placeholder such as "<U+202E>" is one glyph per character; the first carries the source bytes.
    static func appendPlaceholder(_ shown: String, standingFor bytes: Int, to result: inout [Glyph]) {
        // A tab is a space, not a marker.
        let isMarker = shown != " "
        for (index, piece) in shown.enumerated() {
            result.append(Glyph(text: String(piece), width: max(1, TextWidth.of(piece)), sourceBytes: index == 0 ? bytes : 0,
                                isMarker: isMarker))
        }
    }

    /// A lone mark or zero-width character joins the glyph before it (a
    /// dotted circle carries it at the start).
    static func attach(_ text: String, bytes: Int, to result: inout [Glyph]) {
        if let last = result.popLast() {
            result.append(Glyph(text: last.text + text, width: last.width, sourceBytes: last.sourceBytes + bytes))
        } else {
            result.append(Glyph(text: "\u{25CC}" + text, width: 1, sourceBytes: bytes))
        }
    }

    func clip(_ rect: Rect) -> Rect {
        let x0 = max(rect.x, 0), y0 = max(rect.y, 0)
        let x1 = min(rect.maxX, width), y1 = min(rect.maxY, height)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The grid as text, one string per row, trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { y in
            (0..<width).reduce(into: "") { line, x in line += self[x, y].text }
        }
    }

    /// The text with every row's trailing spaces removed: what snapshots compare.
    public var text: String {
        lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// Runs of non-normal roles, "row 3 col 5-12 quote", for snapshots of style.
    public var styleRuns: [String] {
        var runs: [String] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let role = self[x, y].role
                var end = x
                while end + 1 < width && self[end + 1, y].role == role { end += 1 }
                if role != .normal { runs.append("row \(y) col \(x)-\(end) \(role)") }
                x = end + 1
            }
        }
        return runs
    }
}
