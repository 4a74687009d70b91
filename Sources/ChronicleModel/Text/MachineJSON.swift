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

/// An optional written as `null` when it has no value: JSONEncoder leaves
/// a nil optional's key out, and the documented JSON has every key always.
/// A property wrapper rather than a hand-written `encode(to:)`, so that a
/// field added later cannot be forgotten by the encoder.
@propertyWrapper
public struct NullWhenAbsent<Value> {
    public var wrappedValue: Value?
    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
}

extension NullWhenAbsent: Encodable where Value: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension NullWhenAbsent: Decodable where Value: Decodable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension NullWhenAbsent: Equatable where Value: Equatable {}
extension NullWhenAbsent: Sendable where Value: Sendable {}
