/// One line of a keymap: the keys, the action they ask for, and, where the
/// action's own sentence does not say what it does on this screen, the
/// sentence the help shows.
public struct Binding: Hashable, Sendable {
    public let keys: [Key]
    public let action: Action
    let helpOverride: String?

    public init(keys: [Key], action: Action, help: String? = nil) {
        self.keys = keys
        self.action = action
        helpOverride = help
    }

    public var help: String { helpOverride ?? action.help }
}

/// The bindings several screens share. Each screen's own table is in its
/// file under Screens/; the reducer looks keys up there and the help
/// overlay lists the same tables, so help cannot drift from behaviour
/// (tig's request table, Bubbles' key.Binding).
public enum Keymap {
    static let movement: [Binding] = [
        Binding(keys: [.down, .character("j")], action: .moveDown),
        Binding(keys: [.up, .character("k")], action: .moveUp),
        Binding(keys: [.pageDown, .character(" "), .control("f")], action: .pageDown),
        Binding(keys: [.pageUp, .character("b"), .control("b")], action: .pageUp),
        Binding(keys: [.home, .character("g")], action: .top),
        Binding(keys: [.end, .character("G")], action: .bottom),
    ]

    static let searching: [Binding] = [
        Binding(keys: [.character("/")], action: .search),
        Binding(keys: [.character("n")], action: .nextHit),
        Binding(keys: [.character("N")], action: .previousHit),
    ]

    static let general: [Binding] = [
        Binding(keys: [.character("?")], action: .toggleHelp),
        Binding(keys: [.control("l")], action: .redraw),
        Binding(keys: [.character("Q")], action: .quit),
    ]

    /// Leaving a screen: Esc goes back, q goes back or quits at the top.
    static let leaving: [Binding] = [
        Binding(keys: [.escape], action: .back),
        Binding(keys: [.character("q")], action: .backOrQuit),
    ]

    /// Taking changes back, and the corpus's problems.
    static let authoring: [Binding] = [
        Binding(keys: [.character("u")], action: .undo),
        Binding(keys: [.control("r")], action: .redo),
        Binding(keys: [.character("!")], action: .showErrors),
    ]

    /// Editing a line: what a shell's line editor does.
    static let lineEditing: [Binding] = [
        Binding(keys: [.backspace, .control("h")], action: .deleteCharacter),
        Binding(keys: [.control("u")], action: .clearLine),
    ]

    /// The action `key` asks for on `screen`; on a screen that takes text,
    /// a character no binding claims is typed.
    public static func action(for key: Key, on screen: ScreenKind) -> Action? {
        let table = Screens[screen]
        if let binding = table.bindings.first(where: { $0.keys.contains(key) }) { return binding.action }
        if table.takesText != nil, case .character(let c) = key { return .insert(c) }
        return nil
    }
}
