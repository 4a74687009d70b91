/// Corpus text is untrusted: an article can carry escape sequences that
/// would clear a screen, rewrite the clipboard (OSC 52) or hide text
/// (bidirectional overrides). Everything shown on a terminal passes through
/// here, and every control comes out as a visible placeholder instead.
public enum SafeText {
    /// The placeholder for one scalar, or nil when it is safe to show as is.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0x09: return " "                       // a tab is shown as a space, not a jump
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + v)!)   // ␛ ␇ ␈ ␍ …
        case 0x7F: return "\u{2421}"                // ␡
        case 0x80...0x9F: return "<U+\(hex(v))>"    // C1 controls: CSI, OSC, DCS as one byte
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069:
            return "<U+\(hex(v))>"                  // bidirectional controls
        case 0x200B, 0x2060, 0xFEFF, 0x2028, 0x2029, 0xFFF9...0xFFFB:
            return "<U+\(hex(v))>"                  // invisible breaks and joiners that hide text
        case 0x180E, 0x2061...0x2064, 0x206A...0x206F, 0xE0001, 0xE0020...0xE007F:
            return "<U+\(hex(v))>"                  // invisible operators, deprecated format characters, tags (text hidden in tags)
        default: return nil
        }
    }

    /// The marker the browser draws for one scalar, nil when it is safe as
    /// is: C0 controls and DEL in caret notation (`^[`, `^G`, `^H`, `^?`),
    /// as less and `cat -v` show them, since many fonts (DejaVu Sans Mono
    /// among them) have no glyph for the control pictures; the rest as
    /// `placeholder` names them. The screen draws a marker in a style of
    /// its own, so `^[` from a control never reads as the article's `^[`.
    public static func screenMarker(for scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0x09: return " "
        case 0x00...0x1F: return "^" + String(Unicode.Scalar(UInt8(v + 0x40)))
        case 0x7F: return "^?"
        default: return placeholder(for: scalar)
        }
    }

    /// `text` with every control made visible. Newlines stay when asked.
    public static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { placeholder(for: $0) != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepNewlines && scalar == "\n" {
                out.append(scalar)
            } else if let shown = placeholder(for: scalar) {
                out.append(contentsOf: shown.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
