/// How roles look. Two palettes: colour (8 or 256 colours) and monochrome,
/// where bold, reverse, underline and dim alone carry the same meaning,
/// for monochrome terminals and NO_COLOR.
public struct Appearance: Sendable, Hashable {
    /// One of the eight ANSI colours (0 black … 7 white), or a 256-colour index.
    public var foreground: Int?
    public var background: Int?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(foreground: Int? = nil, background: Int? = nil, bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}

public enum Theme {
    public enum Palette: Sendable { case monochrome, colors8, colors256 }

    static let black = 0, red = 1, green = 2, yellow = 3, blue = 4, magenta = 5, cyan = 6, white = 7

    public static func appearance(_ role: Role, palette: Palette) -> Appearance {
        if palette == .monochrome { return monochrome(role) }
        let rich = palette == .colors256
        switch role {
        case .normal: return Appearance()
        case .dim: return Appearance(dim: true)
        case .titleBar: return Appearance(foreground: white, background: rich ? 24 : blue, bold: true)
        case .statusBar: return Appearance(foreground: black, background: white)
        case .statusKey: return Appearance(foreground: white, background: rich ? 24 : blue, bold: true)
        case .heading: return Appearance(bold: true)
        case .date: return Appearance(foreground: cyan)
        case .dateInferred: return Appearance(foreground: magenta, underline: true)
        case .spineMark: return Appearance(foreground: yellow, bold: true)
        case .outletMark: return Appearance(foreground: green)
        case .yearSeparator: return Appearance(foreground: rich ? 67 : blue, bold: true)
        case .selection: return Appearance(foreground: black, background: cyan)
        case .selectionUnfocused: return Appearance(foreground: black, background: rich ? 250 : white)
        case .label: return Appearance(foreground: rich ? 110 : cyan, bold: true)
        case .quote: return Appearance(foreground: yellow, bold: true, underline: true)
        case .quoteCurrent: return Appearance(foreground: black, background: yellow, bold: true)
        case .citedPassage: return Appearance(foreground: rich ? 180 : yellow, underline: true)
        case .furniture: return Appearance(foreground: rich ? 243 : nil, dim: !rich)
        case .frontMatter: return Appearance(foreground: rich ? 248 : nil, dim: !rich)
        case .border: return Appearance(foreground: rich ? 240 : nil, dim: !rich)
        case .borderFocused: return Appearance(foreground: black, background: cyan, bold: true)
        case .helpKey: return Appearance(foreground: yellow, bold: true)
        case .error: return Appearance(foreground: red, bold: true)
        case .searchMatch: return Appearance(foreground: black, background: green)
        }
    }

    static func monochrome(_ role: Role) -> Appearance {
        switch role {
        case .normal, .date, .outletMark: return Appearance()
        case .dim, .furniture, .frontMatter, .border: return Appearance(dim: true)
        case .titleBar, .statusBar, .selection, .borderFocused: return Appearance(reverse: true)
        case .statusKey, .quoteCurrent, .searchMatch: return Appearance(bold: true, reverse: true)
        case .selectionUnfocused: return Appearance(underline: true)
        case .heading, .label, .spineMark, .yearSeparator, .helpKey, .error: return Appearance(bold: true)
        case .dateInferred, .citedPassage: return Appearance(underline: true)
        case .quote: return Appearance(bold: true, underline: true)
        }
    }
}
