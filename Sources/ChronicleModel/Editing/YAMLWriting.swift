import Foundation

/// Text written into a corpus's YAML: each value in the plainest style that
/// reads back as exactly the same string, never one a YAML reader would
/// take for something else.
public enum YAMLWriting {
    /// The value of `key` written at `column` (where the key starts): plain
    /// when that is safe and fits, a folded block (`>-`, its lines indented
    /// two more) for long prose, else double-quoted on one line. A block
    /// ends without a newline; the caller adds it.
    static func value(_ text: String, key: String, column: Int, width: Int = 80) -> String {
        if column + key.count + 2 + text.count <= width { return isPlainSafe(text) ? text : doubleQuoted(text) }
        if let folded = folded(text, indent: column + 2, width: width) { return folded }
        return doubleQuoted(text)
    }

    /// A flow list (`[a, b]`) of short values.
    static func flowList(_ items: [String]) -> String {
        "[" + items.map { isPlainSafe($0, inFlow: true) ? $0 : doubleQuoted($0) }.joined(separator: ", ") + "]"
    }

    /// Words YAML 1.1 readers take for booleans, nulls or numbers.
    private static let special: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    static func isPlainSafe(_ text: String, inFlow: Bool = false) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if special.contains(text.lowercased()) || Double(text) != nil { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        if inFlow && text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        return text.unicodeScalars.allSatisfy(isPrintable)
    }

    /// Printable in YAML and shown as itself: no controls, no line or
    /// paragraph separators, no byte order mark, no bidi or invisible marks.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return false }
        if [0x2028, 0x2029, 0xFEFF].contains(value) { return false }
        return SafeText.placeholder(for: scalar) == nil
    }

    /// `>-` with the text's words on lines of at most `width` columns, broken
    /// only at single spaces (a folded block joins its lines with one), or
    /// nil when the text cannot be written so.
    static func folded(_ text: String, indent: Int, width: Int) -> String? {
        guard text.count > 40, !text.hasPrefix(" "), !text.hasSuffix(" "), !text.contains("  "),
              text.unicodeScalars.allSatisfy(isPrintable), !text.contains("\t") else { return nil }
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && indent + line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        lines.append(line)
        return ">-\n" + lines.map { pad + $0 }.joined(separator: "\n")
    }

    /// A double-quoted scalar on one line, every character that is not
    /// printable escaped.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isPrintable(scalar) || scalar == " " {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    out += "\\x" + hex(scalar.value, 2)
                } else if scalar.value <= 0xFFFF {
                    out += "\\u" + hex(scalar.value, 4)
                } else {
                    out += "\\U" + hex(scalar.value, 8)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, _ digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// A readable id from a title or a name: lowercase letters, digits and
    /// hyphens ("Russia's Supreme Court removes…" → "russias-supreme-court-removes"),
    /// at most `limit` characters, cut at a hyphen; "event" when nothing is left.
    public static func slug(_ text: String, limit: Int = 48, fallback: String = "event") -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(character)
                pendingHyphen = false
            } else if character.properties.generalCategory == .nonspacingMark || character == "'" || character == "\u{2019}" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        if slug.count > limit {
            let cut = slug.prefix(limit)
            slug = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(cut)
        }
        return slug.isEmpty ? fallback : slug
    }

    /// `base`, or `base-2`, `base-3`…, whichever `taken` does not hold.
    public static func unique(_ base: String, _ taken: (String) -> Bool) -> String {
        guard taken(base) else { return base }
        var n = 2
        while taken("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }
}
