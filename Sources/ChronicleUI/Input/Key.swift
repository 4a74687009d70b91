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
        let named: [String: Key] = [
            "Up": .up, "Down": .down, "Left": .left, "Right": .right, "PgUp": .pageUp, "PgDn": .pageDown,
            "Home": .home, "End": .end, "Enter": .enter, "Esc": .escape, "Tab": .tab, "S-Tab": .backTab,
            "Bksp": .backspace, "Del": .delete, "Space": .character(" "),
        ]
        if let key = named[word] { self = key; return }
        if word.count == 2, word.hasPrefix("^"), let c = word.last { self = .control(Character(c.lowercased())); return }
        if word.count == 1, let c = word.first { self = .character(c); return }
        return nil
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
