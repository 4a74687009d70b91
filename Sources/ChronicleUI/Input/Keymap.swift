/// Which screen a keymap serves.
public enum ScreenKind: String, Hashable, Sendable, CaseIterable {
    case timeline, reader, compare, coverage, help
}

/// One line of a keymap: the keys, and the action they ask for.
public struct Binding: Hashable, Sendable {
    public let keys: [Key]
    public let action: Action
}

/// The key tables. The reducer looks keys up here and the help overlay
/// lists these same tables, so help cannot drift from behaviour (tig's
/// request table, Bubbles' key.Binding).
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

    public static func bindings(for screen: ScreenKind) -> [Binding] {
        switch screen {
        case .timeline:
            return movement + [
                Binding(keys: [.enter], action: .open),
                Binding(keys: [.tab, .backTab], action: .focusEvent),
                Binding(keys: [.character("s")], action: .sideBySide),
                Binding(keys: [.escape], action: .back),
                Binding(keys: [.character("q")], action: .backOrQuit),
            ] + searching + [
                Binding(keys: [.character("a")], action: .filterActor),
                Binding(keys: [.character("o")], action: .filterSource),
                Binding(keys: [.character("d")], action: .filterDate),
                Binding(keys: [.character("t")], action: .filterTag),
                Binding(keys: [.character("x")], action: .clearLastFilter),
                Binding(keys: [.character("X")], action: .clearFilters),
                Binding(keys: [.character("c")], action: .showCoverage),
                Binding(keys: [.character("D")], action: .compareDifferences),
                Binding(keys: [.character("r")], action: .toggleRelated),
            ] + general
        case .reader:
            return movement + [
                Binding(keys: [.tab, .character("p")], action: .nextPassage),
                Binding(keys: [.backTab, .character("P")], action: .previousPassage),
                Binding(keys: [.character("z")], action: .toggleFurniture),
                Binding(keys: [.character("s")], action: .sideBySide),
                Binding(keys: [.escape], action: .back),
                Binding(keys: [.character("q")], action: .backOrQuit),
            ] + searching + general
        case .compare:
            return movement + [
                Binding(keys: [.left, .right, .character("h"), .character("l"), .character("w")], action: .switchPane),
                Binding(keys: [.character("]")], action: .nextSource),
                Binding(keys: [.character("[")], action: .previousSource),
                Binding(keys: [.tab, .character("p")], action: .nextPassage),
                Binding(keys: [.backTab, .character("P")], action: .previousPassage),
                Binding(keys: [.character("z")], action: .toggleFurniture),
                Binding(keys: [.escape], action: .back),
                Binding(keys: [.character("q")], action: .backOrQuit),
            ] + searching + general
        case .coverage:
            return movement + [
                Binding(keys: [.right, .character("l")], action: .nextColumn),
                Binding(keys: [.left, .character("h")], action: .previousColumn),
                Binding(keys: [.enter], action: .open),
                Binding(keys: [.escape], action: .back),
                Binding(keys: [.character("q")], action: .backOrQuit),
            ] + general
        case .help:
            return [
                Binding(keys: [.down, .character("j")], action: .moveDown),
                Binding(keys: [.up, .character("k")], action: .moveUp),
                Binding(keys: [.character("?"), .escape, .character("q")], action: .toggleHelp),
                Binding(keys: [.character("Q")], action: .quit),
            ]
        }
    }

    public static func action(for key: Key, on screen: ScreenKind) -> Action? {
        bindings(for: screen).first { $0.keys.contains(key) }?.action
    }
}
