/// Names a screen: the key of the screen table and of the stack of open
/// screens. Each screen's file declares its own (`ScreenKind.timeline`).
public struct ScreenKind: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }
}

/// A suggestion on the status line: the action's first key and a word or two.
public struct Hint: Sendable, Hashable {
    public let action: Action
    public let words: String
    public init(_ action: Action, _ words: String) {
        self.action = action
        self.words = words
    }
}

/// What one screen is and does, in one value (tig's `struct view_ops`): its
/// titles, its keys and hints, how it changes the state, takes the mouse,
/// keeps its scrolling in range and draws itself. Each screen is a file
/// under Screens/ that makes one of these, and `Screens.all` lists them; the
/// reducer, the renderer, the help overlay and docs/keys.md all read it.
public struct Screen: Sendable {
    public let kind: ScreenKind
    /// The title bar's right-hand name ("Timeline"); an overlay keeps the
    /// name of the screen beneath it.
    public let title: String
    /// The heading of this screen's keys in the help overlay and docs/keys.md.
    public let helpTitle: String
    /// Drawn over the screen beneath it, which stays in view (the help, the
    /// filter list, the lines typed into the status bar).
    public let isOverlay: Bool
    public let bindings: [Binding]
    /// For a screen that types text: what a typed character does, for the
    /// help ("Type the query"); characters no binding claims are text.
    public let takesText: String?
    /// The inputs this screen opens, whose keys its help lists after its own
    /// (an input that takes text cannot open the help itself).
    public let inputs: [ScreenKind]
    /// The status line's suggestions.
    let hints: @Sendable (AppState) -> [Hint]
    let reduce: @Sendable (Action, inout AppState) -> [Effect]
    let mouse: @Sendable (MouseEvent, inout AppState) -> [Effect]
    /// Brings the screen's own scrolling back into range for the current
    /// size and content; the reducer runs it for every open screen.
    let clamp: @Sendable (inout AppState) -> Void
    /// Draws the screen into its part of the grid (the body, or for an
    /// overlay what it covers); title and status bars are drawn around it.
    let draw: @Sendable (AppState, ScreenLayout, inout Grid) -> Void
    /// Where the reader is, for the right of the status bar ("12/340").
    let position: @Sendable (AppState) -> String

    init(kind: ScreenKind, title: String, helpTitle: String, isOverlay: Bool = false, bindings: [Binding],
         takesText: String? = nil, inputs: [ScreenKind] = [],
         hints: @escaping @Sendable (AppState) -> [Hint] = { _ in [] },
         reduce: @escaping @Sendable (Action, inout AppState) -> [Effect],
         mouse: @escaping @Sendable (MouseEvent, inout AppState) -> [Effect] = { _, _ in [] },
         clamp: @escaping @Sendable (inout AppState) -> Void = { _ in },
         draw: @escaping @Sendable (AppState, ScreenLayout, inout Grid) -> Void,
         position: @escaping @Sendable (AppState) -> String = { _ in "" }) {
        self.kind = kind
        self.title = title
        self.helpTitle = helpTitle
        self.isOverlay = isOverlay
        self.bindings = bindings
        self.takesText = takesText
        self.inputs = inputs
        self.hints = hints
        self.reduce = reduce
        self.mouse = mouse
        self.clamp = clamp
        self.draw = draw
        self.position = position
    }

    /// The rows of its keys, as the help overlay and docs/keys.md list them.
    public var keyRows: [(keys: String, help: String, group: String)] {
        var rows = bindings.map { (keys: $0.keys.map(\.label).joined(separator: " "), help: $0.help, group: $0.action.group) }
        if let takesText { rows.append((keys: Self.textKeys, help: takesText, group: Action.insert(" ").group)) }
        return rows
    }

    /// How the help names the keys that type text.
    public static let textKeys = "other keys"
}

/// Every screen of the browser. A new screen is a file under Screens/ that
/// makes a `Screen`, and one line here.
public enum Screens {
    public static let all: [Screen] = [
        TimelineScreen.screen,
        ArticleScreen.screen,
        SideBySideScreen.screen,
        CoverageScreen.screen,
        HelpScreen.screen,
        PickerScreen.screen,
        DatePromptScreen.screen,
        SearchLineScreen.screen,
        SelectionScreen.screen,
        EventFormScreen.screen,
        ConfirmScreen.screen,
        ErrorsScreen.screen,
        SourcesScreen.screen,
        DraftsScreen.screen,
        PaletteScreen.screen,
        MarkPromptScreen.screen,
        NotePromptScreen.screen,
    ]

    private static let byKind: [ScreenKind: Screen] = Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })

    public static subscript(kind: ScreenKind) -> Screen {
        guard let screen = byKind[kind] else { preconditionFailure("no screen \(kind) in Screens.all") }
        return screen
    }
}
