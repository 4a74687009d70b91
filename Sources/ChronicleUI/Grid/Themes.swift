/// The built-in themes: dark for a dark terminal (the default), light for
/// a light one. Each role has a look on 8 colours, where only the ANSI
/// colours exist and the terminal's palette decides their shade, and on
/// 256, where the xterm cube gives quieter shades. Every look keeps a
/// contrast of 4.5:1 as xterm draws it (ContrastTests): xterm shows a bold
/// ANSI colour in its bright form, so black text on a colour is never bold
/// on 8 colours, and on 256 it is the cube's black (16), which stays black.
extension Theme {
    private static func look(_ foreground: Int?, on background: Int? = nil, bold: Bool = false, underline: Bool = false,
                             dim: Bool = false) -> Appearance {
        Appearance(foreground: foreground.map(Color.index), background: background.map(Color.index), bold: bold, underline: underline, dim: dim)
    }

    static let black = 0, red = 1, green = 2, yellow = 3, blue = 4, magenta = 5, cyan = 6, white = 7

    public static let dark = Theme(name: "dark", background: .index(black), foreground: .index(white), looks: [
        .normal: (look(nil), look(nil)),
        .dim: (look(nil, dim: true), look(nil, dim: true)),
        .titleBar: (look(white, on: blue, bold: true), look(white, on: 24, bold: true)),
        .statusBar: (look(black, on: white), look(black, on: white)),
        .statusKey: (look(white, on: blue, bold: true), look(white, on: 24, bold: true)),
        .heading: (look(nil, bold: true), look(nil, bold: true)),
        .date: (look(cyan), look(cyan)),
        .dateInferred: (look(magenta, bold: true, underline: true), look(177, underline: true)),
        .spineMark: (look(yellow, bold: true), look(yellow, bold: true)),
        .outletMark: (look(green), look(green)),
        .yearSeparator: (look(white, bold: true), look(74, bold: true)),
        .selection: (look(black, on: cyan), look(black, on: cyan)),
        .selectionUnfocused: (look(black, on: white), look(black, on: 250)),
        .label: (look(cyan, bold: true), look(110, bold: true)),
        .quote: (look(yellow, bold: true, underline: true), look(yellow, bold: true, underline: true)),
        .quoteCurrent: (look(black, on: yellow), look(16, on: yellow, bold: true)),
        .citedPassage: (look(yellow, underline: true), look(180, underline: true)),
        .furniture: (look(nil, dim: true), look(245)),
        .frontMatter: (look(nil, dim: true), look(248)),
        .border: (look(nil, dim: true), look(244)),
        .borderFocused: (look(black, on: cyan), look(16, on: cyan, bold: true)),
        .helpKey: (look(yellow, bold: true), look(yellow, bold: true)),
        .error: (look(red, bold: true), look(red, bold: true)),
        .searchMatch: (look(black, on: green), look(black, on: green)),
        .readerNote: (look(magenta, bold: true), look(183)),
        .readerStar: (look(magenta, bold: true), look(213, bold: true)),
        .controlMarker: (look(black, on: white), look(16, on: 250)),
    ])

    /// On a light background yellow, green, cyan and white text cannot be
    /// read: they become backgrounds, and text takes the darker colours.
    public static let light = Theme(name: "light", background: .index(15), foreground: .index(black), looks: [
        .normal: (look(nil), look(nil)),
        .dim: (look(nil, dim: true), look(242)),
        .titleBar: (look(white, on: blue, bold: true), look(255, on: 24, bold: true)),
        .statusBar: (look(white, on: black), look(255, on: 238)),
        .statusKey: (look(white, on: blue, bold: true), look(255, on: 24, bold: true)),
        .heading: (look(nil, bold: true), look(nil, bold: true)),
        .date: (look(blue), look(25)),
        .dateInferred: (look(magenta, underline: true), look(90, underline: true)),
        .spineMark: (look(magenta), look(130, bold: true)),
        .outletMark: (look(nil, bold: true), look(28)),
        .yearSeparator: (look(blue, bold: true), look(24, bold: true)),
        .selection: (look(black, on: cyan), look(black, on: 117)),
        .selectionUnfocused: (look(black, on: white, underline: true), look(black, on: 252)),
        .label: (look(blue, bold: true), look(25, bold: true)),
        .quote: (look(magenta, underline: true), look(94, bold: true, underline: true)),
        .quoteCurrent: (look(black, on: yellow), look(16, on: 222, bold: true)),
        .citedPassage: (look(magenta, underline: true), look(94, underline: true)),
        .furniture: (look(nil, dim: true), look(242)),
        .frontMatter: (look(nil, dim: true), look(240)),
        .border: (look(nil, dim: true), look(242)),
        .borderFocused: (look(black, on: cyan), look(16, on: 117, bold: true)),
        .helpKey: (look(blue, bold: true), look(25, bold: true)),
        .error: (look(red), look(160, bold: true)),
        .searchMatch: (look(black, on: green), look(black, on: 156)),
        .readerNote: (look(magenta), look(91)),
        .readerStar: (look(magenta), look(127, bold: true)),
        .controlMarker: (look(white, on: black), look(255, on: 238)),
    ])
}
