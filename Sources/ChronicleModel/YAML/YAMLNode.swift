import CYaml

/// A YAML node as the corpus reader needs it: text, mappings and lists, each
/// with the line and column it starts at. Composed straight from libyaml's
/// events (the parser Yams wraps): Yams' own composer, with tags, styles and
/// a duplicate-key check that hashes whole nodes, was 40% of loading a large
/// corpus. Repeated keys are reported by `YAMLFields`, with their line.
enum Node: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    /// 1-based, as messages print them.
    struct Mark: Sendable, Equatable {
        let line: Int
        let column: Int
    }

    struct Scalar: Sendable {
        enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }
        let string: String
        let style: Style
        let mark: Mark
    }

    struct Mapping: Sendable, RandomAccessCollection {
        let pairs: [(key: Node, value: Node)]
        let mark: Mark
        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: Node, value: Node) { pairs[position] }

        /// The value of the first plain-text key `key`.
        subscript(key: String) -> Node? {
            pairs.first { if case .scalar(let scalar) = $0.key { scalar.string == key } else { false } }?.value
        }
    }

    struct List: Sendable, RandomAccessCollection {
        let nodes: [Node]
        let mark: Mark
        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> Node { nodes[position] }
    }

    var mark: Mark? {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let list): return list.mark
        }
    }
}

/// Why a YAML text could not be read, where libyaml says.
enum YAMLSyntaxError: Error {
    /// Bad structure (scanner, parser or composer): the problem, where, and
    /// what was being read ("while parsing a block mapping", from line 2).
    case syntax(problem: String, at: Node.Mark, context: String?, contextLine: Int?)
    /// Bytes libyaml refuses (control characters): the byte offset.
    case reader(problem: String, offset: Int)
    case memory
}

enum YAMLComposer {
    /// The single document in `bytes` (UTF-8), or nil for an empty stream.
    /// Iterative, not recursive, so deep nesting cannot exhaust the stack.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLSyntaxError) -> Node? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw .memory }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        // What is open, innermost last, with its items in stacks of their own
        // so that appending mutates in place (no copy of a 5,000-item list).
        struct Open {
            let isMapping: Bool
            let mark: Node.Mark
            let anchor: String?
            var key: Node?
        }
        var open: [Open] = []
        var lists: [[Node]] = []
        var mappings: [[(key: Node, value: Node)]] = []
        var anchors: [String: Node] = [:]
        var root: Node?
        var documents = 0

        func mark(_ event: yaml_event_t) -> Node.Mark {
            Node.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }
        func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        /// A finished node goes into whatever is open, or is the document.
        func place(_ node: Node) {
            guard let top = open.indices.last else {
                root = node
                return
            }
            if !open[top].isMapping {
                lists[lists.count - 1].append(node)
            } else if let key = open[top].key {
                mappings[mappings.count - 1].append((key, node))
                open[top].key = nil
            } else {
                open[top].key = node
            }
        }

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw error(of: parser) }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw .syntax(problem: "but found another document", at: mark(event),
                                  context: "expected a single document in the stream", contextLine: 1)
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let string = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                let style: Node.Scalar.Style
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                let node = Node.scalar(Node.Scalar(string: string, style: style, mark: mark(event)))
                if let anchor = text(scalar.anchor) { anchors[anchor] = node }
                place(node)
            case YAML_ALIAS_EVENT:
                guard let name = text(event.data.alias.anchor), let node = anchors[name] else {
                    throw .syntax(problem: "found undefined alias", at: mark(event), context: nil, contextLine: nil)
                }
                place(node)
            case YAML_SEQUENCE_START_EVENT:
                open.append(Open(isMapping: false, mark: mark(event), anchor: text(event.data.sequence_start.anchor)))
                lists.append([])
            case YAML_MAPPING_START_EVENT:
                open.append(Open(isMapping: true, mark: mark(event), anchor: text(event.data.mapping_start.anchor)))
                mappings.append([])
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { continue }
                let node: Node = closed.isMapping
                    ? .mapping(Node.Mapping(pairs: mappings.removeLast(), mark: closed.mark))
                    : .sequence(Node.List(nodes: lists.removeLast(), mark: closed.mark))
                if let anchor = closed.anchor { anchors[anchor] = node }
                place(node)
            default:
                break
            }
        }
    }

    private static func error(of parser: yaml_parser_t) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return .memory
        case YAML_READER_ERROR:
            return .reader(problem: problem, offset: Int(parser.problem_offset))
        default:
            return .syntax(problem: problem,
                           at: Node.Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1),
                           context: parser.context.map { String(cString: $0) },
                           contextLine: parser.context == nil ? nil : Int(parser.context_mark.line) + 1)
        }
    }
}
