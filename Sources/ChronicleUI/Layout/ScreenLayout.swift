/// Where each pane goes for a screen size. The reducer and the renderer
/// both ask here, so scrolling clamps to exactly what is drawn.
public struct ScreenLayout: Sendable, Hashable {
    public static let minimum = Size(width: 24, height: 7)
    /// At this width and above, panes sit side by side; below, they stack.
    public static let sideBySideWidth = 80

    public let size: Size
    public let titleBar: Rect
    public let statusBar: Rect
    public let body: Rect

    public init(_ size: Size) {
        self.size = size
        let all = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (title, rest) = all.splitTop(1)
        titleBar = title
        statusBar = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        body = Rect(x: 0, y: rest.y, width: size.width, height: max(0, size.height - 2))
    }

    public var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }
    public var stacks: Bool { size.width < Self.sideBySideWidth }

    /// Which panes of a two-pane screen are shown: both, or one on the
    /// whole body (tig's maximize).
    public enum Panes: Sendable, Hashable { case both, first, second }

    /// Timeline screen: the list and the event pane, with a divider between.
    public var timeline: (list: Rect, divider: Rect, detail: Rect) { timeline() }

    /// The timeline's panes when the list's rows want `listWants` columns
    /// to show their whole titles: the list takes what it wants, within
    /// what leaves the event pane its least, and never less than its share.
    public func timeline(listWants: Int = 0, panes: Panes = .both) -> (list: Rect, divider: Rect, detail: Rect) {
        let none = Rect(x: body.x, y: body.y, width: 0, height: 0)
        switch panes {
        case .first: return (body, none, none)
        case .second: return (none, none, stacks ? body : body.inset(left: 1, right: 1))
        case .both: break
        }
        if stacks {
            let listHeight = max(3, body.height * 2 / 5)
            let (list, rest) = body.splitTop(listHeight)
            let (divider, detail) = rest.splitTop(1)
            return (list, divider, detail)
        }
        // Titles are what people scan: the list gets what its titles want,
        // the event pane wraps its prose to whatever width is left, down to
        // a width that still reads as prose.
        let share = max(36, body.width * 11 / 20)
        let leastDetail = max(30, body.width * 3 / 10)
        let listWidth = max(share, min(listWants, body.width - 1 - leastDetail))
        let (list, rest) = body.splitLeft(listWidth)
        let (divider, detail) = rest.splitLeft(1)
        return (list, divider, detail.inset(left: 1, right: 1))
    }

    /// Side-by-side screen: two article panes, stacked when narrow. Each
    /// pane's first row is its header line.
    public var sideBySide: (first: Rect, divider: Rect, second: Rect) { sideBySide() }

    public func sideBySide(panes: Panes = .both) -> (first: Rect, divider: Rect, second: Rect) {
        let none = Rect(x: body.x, y: body.y, width: 0, height: 0)
        switch panes {
        case .first: return (body, none, none)
        case .second: return (none, none, body)
        case .both: break
        }
        if stacks {
            let top = body.height / 2
            let (first, rest) = body.splitTop(top)
            let (divider, second) = rest.splitTop(1)
            return (first, divider, second)
        }
        let (first, rest) = body.splitLeft((body.width - 1) / 2)
        let (divider, second) = rest.splitLeft(1)
        return (first, divider, second)
    }

    /// The text area of an article pane below its one-line header, one
    /// column short of the pane's right edge so text never touches a divider.
    public static func articleText(in pane: Rect) -> Rect { pane.splitTop(1).1.inset(right: 1) }
}
