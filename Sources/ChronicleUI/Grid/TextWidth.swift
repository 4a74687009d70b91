/// Display width in terminal columns, from a table in this file rather than
/// libc's wcwidth, which depends on the locale. Wide: East Asian wide and
/// fullwidth ranges and emoji presentation; zero: combining marks, format
/// characters and variation selectors.
public enum TextWidth {
    /// Columns a grapheme cluster takes as the grid draws it: each scalar
    /// that takes columns in a cell of its own (`Grid.glyphs`), as a terminal
    /// fed through ncurses draws it, so a ZWJ family takes three emoji's
    /// columns and VS16 widens nothing. A flag is one glyph of two columns.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var rest = scalars.makeIterator()
        guard let first = rest.next() else { return 0 }
        // One scalar (nearly every character of a text): no more to look at.
        guard rest.next() != nil else { return of(first) }
        if isFlag(character) { return 2 }
        return scalars.reduce(0) { $0 + of($1) }
    }

    /// Two regional indicators: a flag, which terminals draw in two columns
    /// (each indicator is one column to wcwidth).
    static func isFlag(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, (0x1F1E6...0x1F1FF).contains(first.value) else { return false }
        var count = 0
        for scalar in scalars {
            guard (0x1F1E6...0x1F1FF).contains(scalar.value) else { return false }
            count += 1
        }
        return count == 2
    }

    /// Zero-width scalars inside a cluster that are not drawn: joiners and
    /// other format characters, and variation selectors. Sent to a
    /// terminal, a ZWJ made it join the next emoji into its cell and VS16
    /// made some terminals widen the one before.
    static func isUndrawn(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }
        return v >= 0x80 && scalar.properties.generalCategory == .format
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        // Typographic quotes and dashes, Greek, Cyrillic and the like are
        // looked up in a table worked out once: asking for their Unicode
        // properties was a seventh of a keystroke's frame.
        if v < Self.tabled { return Int(Self.table[Int(v)]) }
        return computed(v, scalar)
    }

    /// Scalars below this have their width in `table`.
    static let tabled: UInt32 = 0x3000
    /// Every value below U+3000 is a scalar (surrogates start at U+D800),
    /// so the space is never used.
    static let table: [UInt8] = (0..<tabled).map { v in UInt8(computed(v, Unicode.Scalar(v) ?? " ")) }

    /// The width from the scalar's properties.
    static func computed(_ v: UInt32, _ scalar: Unicode.Scalar) -> Int {
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII followed by ASCII takes a column of its own, as in
        // `Grid.glyphs`, without splitting the text into characters (which
        // was a seventh of a keystroke's frame); the rest is measured a
        // character at a time. (The rule is written out in both: a shared
        // helper made the slowest keystrokes 1% dearer in callgrind.)
        let utf8 = text.utf8
        var width = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            guard byte < 0x80, next == utf8.endIndex || utf8[next] < 0x80 else { break }
            if byte >= 0x20 && byte != 0x7F { width += 1 }
            index = next
        }
        guard index != utf8.endIndex else { return width }
        return width + text[index...].reduce(0) { $0 + of($1) }
    }
}
