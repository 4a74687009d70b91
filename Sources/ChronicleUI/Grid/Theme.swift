/// A colour as a theme or a configuration gives it: one of the terminal's
/// 256 indexed colours (0–7 the ANSI ones, whose look the terminal's own
/// palette decides), or an exact 24-bit colour.
public enum Color: Sendable, Hashable {
    case index(Int)
    case rgb(Int, Int, Int)

    /// The ANSI names, 0–7, and their bright forms, 8–15.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses "yellow", "bright-blue", "208" or "#ffaf00"; nil for anything else.
    public init?(name: String) {
        let lower = name.lowercased()
        if let at = Self.names.firstIndex(of: lower) { self = .index(at); return }
        if lower.hasPrefix("bright-"), let at = Self.names.firstIndex(of: String(lower.dropFirst(7))) { self = .index(at + 8); return }
        if let number = Int(lower), (0...255).contains(number) { self = .index(number); return }
        if lower.count == 7, lower.hasPrefix("#"), let value = Int(lower.dropFirst(), radix: 16) {
            self = .rgb(value >> 16, (value >> 8) & 0xFF, value & 0xFF)
            return
        }
        return nil
    }

    /// How a configuration writes it.
    public var name: String {
        switch self {
        case .index(let n) where n < 8: return Self.names[n]
        case .index(let n) where n < 16: return "bright-" + Self.names[n - 8]
        case .index(let n): return String(n)
        case .rgb(let r, let g, let b):
            let hex = String((r << 16) | (g << 8) | b, radix: 16)
            return "#" + String(repeating: "0", count: 6 - hex.count) + hex
        }
    }

    /// Its red, green and blue, with xterm's values for the indexed colours.
    public var components: (r: Int, g: Int, b: Int) {
        switch self {
        case .rgb(let r, let g, let b): return (r, g, b)
        case .index(let n) where n < 16:
            let ansi = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
            return ansi[n]
        case .index(let n) where n < 232:
            let levels = [0, 95, 135, 175, 215, 255], k = n - 16
            return (levels[k / 36], levels[(k / 6) % 6], levels[k % 6])
        case .index(let n):
            let grey = 8 + 10 * (min(n, 255) - 232)
            return (grey, grey, grey)
        }
    }

    /// The colour a palette can show: itself, or the nearest it has.
    public func resolved(for palette: Theme.Palette) -> Color {
        switch (palette, self) {
        case (.direct, .index(let n)) where n >= 16: return .rgb(components.r, components.g, components.b)
        case (.direct, _): return self
        case (.colors256, .index): return self
        case (.colors256, .rgb): return nearest(in: 0..<256)
        case (.colors8, .index(let n)) where n < 8: return self
        case (.colors8, .index(let n)) where n < 16: return .index(n - 8)
        case (.colors8, _), (.monochrome, _): return nearest(in: 0..<8)
        }
    }

    /// The indexed colour closest to this one (by squared distance, green
    /// weighted as the eye weighs it).
    func nearest(in candidates: Range<Int>) -> Color {
        .index(candidates.min { distance(Color.index($0)) < distance(Color.index($1)) } ?? 0)
    }

    private func distance(_ other: Color) -> Int {
        let (r1, g1, b1) = components, (r2, g2, b2) = other.components
        return 2 * (r1 - r2) * (r1 - r2) + 4 * (g1 - g2) * (g1 - g2) + 3 * (b1 - b2) * (b1 - b2)
    }

    /// The number the terminal takes: an index, or on a direct-colour
    /// terminal 0xRRGGBB.
    public var terminalNumber: Int32 {
        switch self {
        case .index(let n): return Int32(n)
        case .rgb(let r, let g, let b): return Int32((r << 16) | (g << 8) | b)
        }
    }
}

/// How one role looks: colours and attributes.
public struct Appearance: Sendable, Hashable {
    /// nil: the terminal's own.
    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// The same look with colours a palette can show.
    func resolved(for palette: Theme.Palette) -> Appearance {
        var look = self
        look.foreground = foreground?.resolved(for: palette)
        look.background = background?.resolved(for: palette)
        return look
    }
}

/// How roles look: for each role, its look on 8 and on 256 colours (a
/// 24-bit terminal shows the 256-colour look with exact colours, and any
/// colour a configuration gives as #rrggbb as it is), and a monochrome
/// look, where bold, reverse, underline and dim alone carry the meaning,
/// for monochrome terminals and NO_COLOR.
public struct Theme: Sendable {
    public enum Palette: Sendable, Hashable { case monochrome, colors8, colors256, direct }

    public let name: String
    /// What the theme assumes behind the text: dark or light.
    public let background: Color
    public let foreground: Color
    var looks: [Role: (colors8: Appearance, colors256: Appearance)]
    /// The configuration's looks, over the theme's on every palette.
    var overrides: [Role: Appearance] = [:]

    public static let builtIn = [dark, light]

    public static func named(_ name: String) -> Theme? { builtIn.first { $0.name == name } }

    public func appearance(_ role: Role, palette: Palette) -> Appearance {
        if palette == .monochrome { return Self.monochrome(role) }
        if let override = overrides[role] { return override.resolved(for: palette) }
        guard let look = looks[role] else { return Appearance() }
        return (palette == .colors8 ? look.colors8 : look.colors256).resolved(for: palette)
    }

    /// The theme with `look` for `role`, whatever the palette.
    public func overriding(_ role: Role, with look: Appearance) -> Theme {
        var theme = self
        theme.overrides[role] = look
        return theme
    }

    static func monochrome(_ role: Role) -> Appearance {
        switch role {
        case .normal, .date, .outletMark, .readerNote: return Appearance()
        case .dim, .furniture, .frontMatter, .border: return Appearance(dim: true)
        case .titleBar, .statusBar, .selection, .borderFocused, .controlMarker: return Appearance(reverse: true)
        case .statusKey, .quoteCurrent, .searchMatch: return Appearance(bold: true, reverse: true)
        case .selectionUnfocused: return Appearance(underline: true)
        case .heading, .label, .spineMark, .yearSeparator, .helpKey, .error, .readerStar: return Appearance(bold: true)
        case .dateInferred, .citedPassage: return Appearance(underline: true)
        case .quote: return Appearance(bold: true, underline: true)
        }
    }
}
