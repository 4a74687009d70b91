/// What the terminal layer writes for a cell so that it takes exactly the
/// cell's columns as the terminal's C library measures them (`wcwidth`, by
/// which ncurses lays out what it is given, and tmux too): a glyph the
/// library measures otherwise than the grid is padded with spaces or
/// replaced, never left to push the cells after it aside or to spill into
/// the next row.
public enum CellPainting {
    /// The pieces to write for `cell`, one a column from the cell's own:
    /// its text, then a space for each column the library says it leaves;
    /// or, when the library would give it more columns than the cell has or
    /// cannot print it, a replacement character in its place.
    public static func pieces(for cell: Cell, columns: (Unicode.Scalar) -> Int) -> [String] {
        let width = Int(cell.width)
        guard width > 0 else { return [] }
        var measured = 0
        for scalar in cell.text.unicodeScalars {
            let columns = columns(scalar)
            guard columns >= 0 else { measured = -1; break }
            measured += columns
        }
        if measured == width { return [cell.text] }
        let spaces = { (count: Int) in Array(repeating: " ", count: max(0, count)) }
        if measured > 0 && measured < width { return [cell.text] + spaces(width - measured) }
        let replacement = columns("\u{FFFD}") == 1 ? "\u{FFFD}" : "?"
        return [replacement] + spaces(width - 1)
    }
}
