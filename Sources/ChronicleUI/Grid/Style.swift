/// What a cell means, not how it looks: the terminal layer maps each role
/// to colours and attributes through a `Theme`, so meaning survives on
/// monochrome terminals and under NO_COLOR.
public enum Role: UInt8, Sendable, Hashable, CaseIterable {
    case normal
    case dim
    case titleBar
    case statusBar
    case statusKey
    case heading
    case date
    case dateInferred
    case spineMark
    case outletMark
    case yearSeparator
    case selection
    case selectionUnfocused
    case label
    case quote
    case quoteCurrent
    case citedPassage
    case furniture
    case frontMatter
    case border
    case borderFocused
    case helpKey
    case error
    case searchMatch
    /// The reader's own note on an event: not a source's words.
    case readerNote
    /// The reader's star on an event.
    case readerStar
    /// A marker for a control or invisible character in corpus text
    /// (`^[`, `<U+202E>`), set apart from the text around it.
    case controlMarker

    /// The role's name in the configuration ("quote-current").
    public var name: String {
        var words = ""
        for character in String(describing: self) {
            if character.isUppercase { words += "-" + character.lowercased() } else { words.append(character) }
        }
        return words
    }

    public init?(name: String) {
        guard let role = Role.allCases.first(where: { $0.name == name }) else { return nil }
        self = role
    }
}

/// One screen cell: a grapheme cluster and its role. A wide glyph sits in
/// its first cell; the next cell is a continuation (width 0, empty text).
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: UInt8
    public var role: Role

    public static let blank = Cell(text: " ", width: 1, role: .normal)
    public static func blank(_ role: Role) -> Cell { Cell(text: " ", width: 1, role: role) }
    static func continuation(_ role: Role) -> Cell { Cell(text: "", width: 0, role: role) }

    public var isContinuation: Bool { width == 0 }
}

/// A rectangle of the screen, in cells.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var description: String { "(\(x),\(y) \(width)×\(height))" }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// Splits off `rows` rows from the top: (top, rest).
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let r = min(max(rows, 0), height)
        return (Rect(x: x, y: y, width: width, height: r), Rect(x: x, y: y + r, width: width, height: height - r))
    }

    /// Splits off `columns` columns from the left: (left, rest).
    public func splitLeft(_ columns: Int) -> (Rect, Rect) {
        let c = min(max(columns, 0), width)
        return (Rect(x: x, y: y, width: c, height: height), Rect(x: x + c, y: y, width: width - c, height: height))
    }

    public func inset(left: Int = 0, right: Int = 0, top: Int = 0, bottom: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }
}

public struct Size: Sendable, Hashable {
    public var width: Int, height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}
