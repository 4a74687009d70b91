@testable import ChronicleUI
import XCTest

/// Every role of every theme is legible: its text against its background
/// has a contrast ratio of at least 4.5:1 (WCAG 2, level AA), worked out
/// from the colour values as xterm shows them.
final class ContrastTests: XCTestCase {
    func testEveryRoleOfEveryThemeHasAContrastOfAtLeastFourAndAHalf() {
        var failures: [String] = []
        for theme in Theme.builtIn {
            for palette in [Theme.Palette.colors8, .colors256] {
                for role in Role.allCases {
                    let ratio = Contrast.ratio(theme.appearance(role, palette: palette), theme: theme)
                    if ratio < 4.5 {
                        failures.append("\(theme.name) \(palette) \(role.name): \(String(format: "%.2f", ratio)):1")
                    }
                }
            }
        }
        XCTAssertEqual(failures, [], "roles below 4.5:1")
    }

    func testTheModelAgreesWithWCAGsOwnFigures() {
        // Black on white is 21:1, a colour on itself 1:1 (WCAG 2's definition).
        let plain = Theme.dark
        XCTAssertEqual(Contrast.ratio(Appearance(foreground: .rgb(0, 0, 0), background: .rgb(255, 255, 255)), theme: plain), 21, accuracy: 0.01)
        XCTAssertEqual(Contrast.ratio(Appearance(foreground: .index(4), background: .index(4)), theme: plain), 1, accuracy: 0.01)
        // #767676 on white is the lightest grey that passes: 4.54:1.
        XCTAssertEqual(Contrast.ratio(Appearance(foreground: .rgb(0x76, 0x76, 0x76), background: .rgb(255, 255, 255)), theme: plain), 4.54, accuracy: 0.01)
        // xterm shows bold ANSI colours bright: bold black on cyan is grey on cyan.
        let boldBlack = Contrast.ratio(Appearance(foreground: .index(0), background: .index(6), bold: true), theme: plain)
        let black = Contrast.ratio(Appearance(foreground: .index(0), background: .index(6)), theme: plain)
        XCTAssertLessThan(boldBlack, 4.5)
        XCTAssertGreaterThan(black, 4.5)
        // Reverse swaps; faint is two thirds of the foreground, as xterm draws it.
        XCTAssertEqual(Contrast.ratio(Appearance(foreground: .rgb(255, 255, 255), reverse: true), theme: plain),
                       Contrast.ratio(Appearance(foreground: .rgb(0, 0, 0), background: .rgb(255, 255, 255)), theme: plain), accuracy: 0.01)
        XCTAssertLessThan(Contrast.ratio(Appearance(foreground: .rgb(255, 255, 255), dim: true), theme: plain),
                          Contrast.ratio(Appearance(foreground: .rgb(255, 255, 255)), theme: plain))
    }
}

/// WCAG 2's contrast ratio of a look, as xterm draws it: the theme's own
/// colours where the look has none, bold ANSI colours 0–7 in their bright
/// form (xterm's boldColors, on by default), faint as two thirds of the foreground
/// (xterm's MakeDim), reverse swapping the two.
enum Contrast {
    static func ratio(_ look: Appearance, theme: Theme) -> Double {
        var foreground = look.foreground ?? theme.foreground
        var background = look.background ?? theme.background
        // Only a colour set by SGR 30–37 brightens, not the default foreground.
        if look.bold, case .index(let n)? = look.foreground, n < 8 { foreground = .index(n + 8) }
        if look.reverse { swap(&foreground, &background) }
        var (r, g, b) = foreground.components
        if look.dim && !look.reverse { (r, g, b) = (r * 2 / 3, g * 2 / 3, b * 2 / 3) }
        let front = luminance(r, g, b)
        let (br, bg, bb) = background.components
        let back = luminance(br, bg, bb)
        return (max(front, back) + 0.05) / (min(front, back) + 0.05)
    }

    static func luminance(_ r: Int, _ g: Int, _ b: Int) -> Double {
        func channel(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
}
