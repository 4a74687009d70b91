/// Collects diagnostics while a corpus loads.
final class DiagnosticLog {
    var items: [Diagnostic] = []
    func error(_ at: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(.error, at, message, hint: hint))
    }
    func warning(_ at: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(.warning, at, message, hint: hint))
    }
}

/// A parsed YAML file and the means to point into it.
struct YAMLFile {
    let path: String
    let root: Node?

    /// A tree the same bytes parsed to before (the cache keeps it).
    init(path: String, root: Node?) {
        self.path = path
        self.root = root
    }

    /// Parses `bytes`, reporting malformed UTF-8 or YAML with its position.
    init?(path: String, bytes: [UInt8], log: DiagnosticLog) {
        self.path = path
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let offset = YAMLFile.firstInvalidUTF8(bytes)
            let lines = LineIndex(bytes)
            let line = lines.line(containing: offset)
            log.error(SourceLocation(file: path, line: line, column: offset - lines.start(ofLine: line) + 1),
                      "the file is not valid UTF-8 (byte \(offset))", hint: "save the file as UTF-8")
            return nil
        }
        // Every scalar is read as text: dates, booleans and numbers are parsed
        // here, with located errors.
        do throws(YAMLSyntaxError) {
            root = try bytes.withUnsafeBufferPointer { buffer throws(YAMLSyntaxError) in try YAMLComposer.compose(buffer) }
        } catch {
            YAMLFile.report(error, path: path, bytes: bytes, log: log)
            return nil
        }
    }

    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: path, line: node?.mark?.line, column: node?.mark?.column)
    }

    private static func report(_ error: YAMLSyntaxError, path: String, bytes: [UInt8], log: DiagnosticLog) {
        let hint = "check the indentation and quoting near this place; a value holding \": \" or starting with a quote mark or [ needs quotes around it"
        switch error {
        case let .syntax(problem, mark, context, contextLine):
            var message = "YAML syntax error: \(problem)"
            if let context, let contextLine { message += " (\(context) at line \(contextLine))" }
            log.error(SourceLocation(file: path, line: mark.line, column: mark.column), message, hint: hint)
        case let .reader(problem, offset):
            let line = LineIndex(bytes).line(containing: min(offset, bytes.count))
            log.error(SourceLocation(file: path, line: max(1, line)), "cannot read YAML: \(problem)", hint: hint)
        case .memory:
            log.error(SourceLocation(file: path), "cannot parse YAML: out of memory")
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 character.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let length: Int
            switch bytes[i] {
            case 0..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return bytes.count
    }
}

/// The fields of one YAML mapping, checked against the keys it may have.
struct YAMLFields {
    let file: YAMLFile
    let node: Node
    let context: String
    let log: DiagnosticLog
    private(set) var values = Values()

    /// The fields by key: a handful, so a scan, not a hash table (hashing
    /// every key of 100,000 events and their citations was a sixth of
    /// checking them).
    struct Values {
        fileprivate var pairs: [(key: String, value: Node)] = []
        subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }
    }

    /// Nil (with an error logged) when `node` is not a mapping. Unknown and
    /// repeated keys are errors naming the key and its line.
    init?(_ node: Node, in file: YAMLFile, context: String, allowed: [String], log: DiagnosticLog) {
        self.file = file
        self.node = node
        self.context = context
        self.log = log
        guard case .mapping(let mapping) = node else {
            log.error(file.location(node), "\(context) must be a mapping of `key: value` lines, not \(YAMLFields.describe(node))")
            return nil
        }
        values.pairs.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                log.error(file.location(keyNode), "\(context) has a key that is not plain text")
                continue
            }
            if values[key.string] != nil {
                log.error(file.location(keyNode), "\(context) has the field `\(key.string)` twice",
                          hint: "keep one of them; YAML would silently use only the last")
                continue
            }
            if !allowed.contains(key.string) {
                let suggestion = YAMLFields.closest(to: key.string, in: allowed).map { "did you mean `\($0)`? " } ?? ""
                log.error(file.location(keyNode), "\(context) has an unknown field `\(key.string)`",
                          hint: "\(suggestion)the fields are: \(allowed.joined(separator: ", "))")
                continue
            }
            values.pairs.append((key.string, value))
        }
    }

    func location(_ key: String) -> SourceLocation { file.location(values[key] ?? node) }

    func has(_ key: String) -> Bool { values[key].map { !YAMLFields.isNull($0) } ?? false }

    /// A text field. Required ones log an error when missing or empty.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = values[key], !YAMLFields.isNull(value) else {
            if required {
                log.error(file.location(node), "\(context) has no `\(key)`", hint: "add a line `\(key): …`")
            }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            log.error(file.location(value), "`\(key)` of \(context) must be text, not \(YAMLFields.describe(value))")
            return nil
        }
        if required && scalar.string.isEmpty {
            log.error(file.location(value), "`\(key)` of \(context) is empty")
            return nil
        }
        return scalar.string
    }

    /// A list of texts; a single text is an error, to keep one way of writing it.
    func strings(_ key: String) -> [(String, Node)] {
        guard let value = values[key], !YAMLFields.isNull(value) else { return [] }
        guard case .sequence(let sequence) = value else {
            log.error(file.location(value), "`\(key)` of \(context) must be a list, such as `\(key): [a, b]`")
            return []
        }
        return sequence.compactMap { item in
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                log.error(file.location(item), "each item of `\(key)` in \(context) must be non-empty text")
                return nil
            }
            return (scalar.string, item)
        }
    }

    /// Named texts, in order: `claims: {killed: "145", place: near Moscow}`.
    func texts(_ key: String) -> [(name: String, value: String, location: SourceLocation)] {
        guard let value = values[key], !YAMLFields.isNull(value) else { return [] }
        guard case .mapping(let mapping) = value else {
            log.error(file.location(value), "`\(key)` of \(context) must be `name: text` pairs, such as `\(key): {killed: \"145\"}`")
            return []
        }
        var seen: Set<String> = []
        return mapping.compactMap { pair -> (name: String, value: String, location: SourceLocation)? in
            guard case .scalar(let name) = pair.key, case .scalar(let text) = pair.value, !name.string.isEmpty, !text.string.isEmpty else {
                log.error(file.location(pair.value), "each entry of `\(key)` in \(context) must be a name and a non-empty text")
                return nil
            }
            guard seen.insert(name.string).inserted else {
                log.error(file.location(pair.key), "`\(key)` of \(context) has `\(name.string)` twice",
                          hint: "keep one of them; YAML would silently use only the last")
                return nil
            }
            return (name.string, text.string, file.location(pair.value))
        }
    }

    func list(_ key: String, required: Bool = false) -> [Node] {
        guard let value = values[key], !YAMLFields.isNull(value) else {
            if required { log.error(file.location(node), "\(context) has no `\(key)` list", hint: "add `\(key):` followed by `- ` items") }
            return []
        }
        guard case .sequence(let sequence) = value else {
            log.error(file.location(value), "`\(key)` of \(context) must be a list of `- ` items, not \(YAMLFields.describe(value))")
            return []
        }
        return Array(sequence)
    }

    func bool(_ key: String) -> Bool? {
        guard let value = values[key], !YAMLFields.isNull(value) else { return nil }
        if case .scalar(let scalar) = value {
            switch scalar.string.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: break
            }
        }
        log.error(file.location(value), "`\(key)` of \(context) must be true or false")
        return nil
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "the text \"\(scalar.string.prefix(40))\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The allowed key nearest a misspelt one, when it is close enough.
    static func closest(to key: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(key.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, best.count / 3) else { return nil }
        return best
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
