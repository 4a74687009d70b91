/// A YAML document as a reader outside the corpus (the browser's
/// configuration) needs it: text, lists and mappings, each with the line
/// and column it starts at, so that every message can say where.
public indirect enum YAMLValue: Sendable {
    case text(String, YAMLPosition)
    case list([YAMLValue], YAMLPosition)
    case mapping([YAMLEntry], YAMLPosition)

    public var position: YAMLPosition {
        switch self {
        case .text(_, let at), .list(_, let at), .mapping(_, let at): return at
        }
    }

    /// How a message names what was found ("a list", "the text “x”").
    public var kindDescription: String {
        switch self {
        case .text(let text, _): return "the text “\(SafeText.visible(text))”"
        case .list: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// Reads a whole document; nil when it is empty.
    public static func parse(_ bytes: [UInt8]) throws(YAMLReadError) -> YAMLValue? {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let offset = YAMLFile.firstInvalidUTF8(bytes)
            let lines = LineIndex(bytes)
            let line = lines.line(containing: offset)
            throw YAMLReadError(line: line, column: offset - lines.start(ofLine: line) + 1,
                                message: "the file is not valid UTF-8 (byte \(offset)); save it as UTF-8")
        }
        let root: Node?
        do throws(YAMLSyntaxError) {
            root = try bytes.withUnsafeBufferPointer { buffer throws(YAMLSyntaxError) in try YAMLComposer.compose(buffer) }
        } catch {
            switch error {
            case let .syntax(problem, mark, context, contextLine):
                var message = "YAML syntax error: \(problem)"
                if let context, let contextLine { message += " (\(context) at line \(contextLine))" }
                throw YAMLReadError(line: mark.line, column: mark.column, message: message + "; check the indentation and quoting here")
            case let .reader(problem, offset):
                throw YAMLReadError(line: max(1, LineIndex(Array(bytes.prefix(offset))).lineCount), column: nil, message: "cannot read YAML: \(problem)")
            case .memory:
                throw YAMLReadError(line: 1, column: nil, message: "cannot parse YAML: out of memory")
            }
        }
        return root.map(value)
    }

    private static func position(_ mark: Node.Mark?) -> YAMLPosition {
        YAMLPosition(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func value(_ node: Node) -> YAMLValue {
        switch node {
        case .scalar(let scalar):
            return .text(scalar.string, position(scalar.mark))
        case .sequence(let list):
            return .list(list.nodes.map(value), position(list.mark))
        case .mapping(let mapping):
            return .mapping(mapping.pairs.map { pair in
                let key: String
                if case .scalar(let scalar) = pair.key { key = scalar.string } else { key = "" }
                return YAMLEntry(key: key, keyPosition: position(pair.key.mark), value: value(pair.value))
            }, position(mapping.mark))
        }
    }
}

/// One key of a mapping and its value.
public struct YAMLEntry: Sendable {
    public let key: String
    public let keyPosition: YAMLPosition
    public let value: YAMLValue
}

/// 1-based, as messages print them.
public struct YAMLPosition: Sendable, Hashable {
    public let line: Int
    public let column: Int
}

/// Why a YAML document could not be read, and where.
public struct YAMLReadError: Error, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int?
    public let message: String
    public var description: String { "line \(line): \(message)" }
}

extension YAMLValue {
    /// The allowed word nearest to a mistyped one, for "did you mean".
    public static func closest(to word: String, in allowed: [String]) -> String? {
        YAMLFields.closest(to: word, in: allowed)
    }
}
