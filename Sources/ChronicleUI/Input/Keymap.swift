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
        Binding(keys: [.character(":")], action: .openPalette),
        Binding(keys: [.character("M")], action: .toggleMouse),
        Binding(keys: [.control("l")], action: .redraw),
        Binding(keys: [.character("Q")], action: .quit),
    ]

    /// Places: marks, and back and forward through the places visited
    /// (a terminal sends Ctrl-I as Tab, so forward is Ctrl-N).
    static let places: [Binding] = [
        Binding(keys: [.character("m")], action: .setMark),
        Binding(keys: [.character("'")], action: .goToMark),
        Binding(keys: [.control("o")], action: .jumpBack),
        Binding(keys: [.control("n")], action: .jumpForward),
    ]

    /// What the reader keeps: copies with citations, stars and notes.
    static let keeping: [Binding] = [
        Binding(keys: [.character("y")], action: .copy),
        Binding(keys: [.character("Y")], action: .copyMarkdown),
        Binding(keys: [.character("*")], action: .toggleStar),
        Binding(keys: [.character("#")], action: .editNote),
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
        // Ctrl-H arrives as Backspace.
        Binding(keys: [.backspace], action: .deleteCharacter),
        Binding(keys: [.control("u")], action: .clearLine),
    ]
}
