/// A key press, as the terminal layer decodes it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case control(Character)

    /// How the help overlay names the key.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .control(let c): return "^" + String(c).uppercased()
        }
    }

    /// Parses a key script word: "j", "Enter", "S-Tab", "PgDn", "^L", "Space".
    public init?(scriptWord word: String) {
        if let key = Self.named[word] { self = key; return }
        if word.count == 2, word.hasPrefix("^"), let c = word.last { self = .control(Character(c.lowercased())); return }
        if word.count == 1, let c = word.first { self = .character(c); return }
        return nil
    }

    private static let named: [String: Key] = [
        "Up": .up, "Down": .down, "Left": .left, "Right": .right, "PgUp": .pageUp, "PgDn": .pageDown,
        "Home": .home, "End": .end, "Enter": .enter, "Esc": .escape, "Tab": .tab, "S-Tab": .backTab,
        "Bksp": .backspace, "Del": .delete, "Space": .character(" "),
    ]

    /// Other ways people write keys in a configuration file, by their
    /// lower-cased spelling.
    private static let aliases: [String: Key] = [
        "↑": .up, "↓": .down, "←": .left, "→": .right, "pageup": .pageUp, "pagedown": .pageDown,
        "return": .enter, "escape": .escape, "backtab": .backTab, "shift-tab": .backTab,
        "backspace": .backspace, "delete": .delete,
    ]

    /// Parses a key as a configuration names it: a script word ("j",
    /// "Enter", "PgDn", "^L"), a label the help shows ("↑"), another usual
    /// spelling ("Escape", "PageDown") or a control key as "C-x" or "Ctrl-x".
    public init?(name: String) {
        let lower = name.lowercased()
        if let key = Self.aliases[lower] { self = key; return }
        if let key = Key(scriptWord: name) { self = key.asTyped; return }
        if let key = Self.named.first(where: { $0.key.lowercased() == lower })?.value ?? Self.aliases[lower] { self = key; return }
        for prefix in ["c-", "ctrl-", "ctrl+", "control-"] where lower.hasPrefix(prefix) && lower.count == prefix.count + 1 {
            guard let c = lower.last, c.isLetter, c.isASCII else { return nil }
            self = Key.control(c).asTyped
            return
        }
        return nil
    }

    /// The key as a terminal delivers it: Ctrl-I arrives as Tab, Ctrl-M
    /// and Ctrl-J as Enter, Ctrl-H as Backspace.
    var asTyped: Key {
        switch self {
        case .control("i"): return .tab
        case .control("m"), .control("j"): return .enter
        case .control("h"): return .backspace
        default: return self
        }
    }

    /// How a configuration file and a key script write the key.
    public var scriptWord: String {
        if let name = Self.named.first(where: { $0.value == self })?.key { return name }
        switch self {
        case .character(let c): return String(c)
        case .control(let c): return "^" + String(c).uppercased()
        default: return label
        }
    }
}

/// A mouse event in screen cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public let kind: Kind
    public let x: Int
    public let y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
