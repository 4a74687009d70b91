/// Where the coverage matrix goes: a header row of source columns, one row
/// per event (date and title on the left, a cell per source), and a line
/// under it that explains the focused cell. Shared by the reducer (scrolling
/// both ways, mouse) and the renderer.
public struct CoverageLayout: Sendable {
    public static let cellWidth = 3

    public let header: Rect
    public let rows: Rect
    public let explanation: Rect
    /// The event labels' width, left of the cells.
    public let labelWidth: Int
    /// How many source columns fit.
    public let visibleColumns: Int

    public init(_ size: Size, _ sourceCount: Int) {
        let body = ScreenLayout(size).body
        let (header, rest) = body.splitTop(1)
        self.header = header
        rows = Rect(x: body.x, y: rest.y, width: body.width, height: max(0, rest.height - 1))
        explanation = Rect(x: body.x, y: rest.maxY - 1, width: body.width, height: rest.height > 0 ? 1 : 0)
        let wanted = sourceCount * Self.cellWidth
        labelWidth = max(12, min(body.width - Self.cellWidth, max(body.width - wanted - 1, body.width / 2)))
        visibleColumns = max(1, min(sourceCount, (body.width - labelWidth - 1) / Self.cellWidth))
    }

    public func row(atY y: Int, scroll: Int) -> Int? {
        guard y >= rows.y, y < rows.maxY else { return nil }
        return scroll + y - rows.y
    }

    public func column(atX x: Int, scroll: Int) -> Int? {
        let left = rows.x + labelWidth + 1
        guard x >= left else { return nil }
        let column = (x - left) / Self.cellWidth
        return column < visibleColumns ? scroll + column : nil
    }
}
