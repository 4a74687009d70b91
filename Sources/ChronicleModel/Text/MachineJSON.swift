import Foundation

/// JSON for programs, from every command and export: keys sorted so output
/// is stable, and every control (C0, DEL, C1), format character (bidi
/// controls, zero-width characters, the BOM, tags, joiners) and line or
/// paragraph separator written as a `\u` escape. The decoded strings keep
/// the corpus's text exactly, while the bytes carry nothing a terminal acts
/// on or that hides text from whoever reads the file (JSONEncoder escapes
/// only C0).
public enum MachineJSON {
    public enum Keys: Sendable { case asDeclared, snakeCase }

    public static func encode<T: Encodable>(_ value: T, keys: Keys = .asDeclared) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if keys == .snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        return escaped(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// `json` with every such scalar escaped. JSON's own syntax is ASCII
    /// and its whitespace is space and line feed, so each lies in a string.
    static func escaped(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard needsEscape(scalar) else { out.append(scalar); continue }
            // Beyond the Basic Multilingual Plane (tags): a surrogate pair.
            for unit in String(scalar).utf16 { out.append(contentsOf: String(format: "\\u%04X", unit).unicodeScalars) }
        }
        return String(out)
    }

    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v != 0x0A && v != 0x20 && (v < 0x20 || v == 0x7F) }
        if SafeText.placeholder(for: scalar) != nil { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
