import CYaml

/// Where a YAML file's nodes lie, in bytes: what editing needs to change one
/// event or field and leave every other byte of the file as it was. Loading
/// uses the lighter `Node`; this is composed only for the file being edited.
struct YAMLOutline {
    indirect enum Value {
        case scalar(String)
        case mapping([(key: String, keyStart: Int, value: OutlineNode)])
        case sequence([OutlineNode])
    }

    struct OutlineNode {
        let value: Value
        /// Byte offsets of the node's text: from its first character to just
        /// after its last (a block collection's end is where the next token
        /// starts, which may be lines later).
        let start: Int
        let end: Int
        /// Flow style (`[a, b]`, `{id: x}`) rather than block style.
        let isFlow: Bool
        /// A scalar's style: block scalars (`|`, `>`) run over lines of their own.
        let isBlockScalar: Bool

        var mapping: [(key: String, keyStart: Int, value: OutlineNode)]? {
            if case .mapping(let pairs) = value { return pairs }
            return nil
        }

        var sequence: [OutlineNode]? {
            if case .sequence(let items) = value { return items }
            return nil
        }

        var scalar: String? {
            if case .scalar(let text) = value { return text }
            return nil
        }

        subscript(key: String) -> OutlineNode? { mapping?.first { $0.key == key }?.value }
    }

    let bytes: [UInt8]
    let root: OutlineNode?
    /// Where each line starts (line 1 at index 0), and the end.
    let lineStarts: [Int]

    enum Failure: Error { case syntax(String) }

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
        root = try Self.compose(bytes)
    }

    /// The line (1-based) holding byte `offset`.
    func line(of offset: Int) -> Int { lineStarts.partitionPoint { $0 <= offset } }

    /// The offset where the line holding `offset` starts.
    func lineStart(of offset: Int) -> Int { lineStarts[line(of: offset) - 1] }

    /// The offset just after the line holding `offset` (after its newline).
    func lineEnd(of offset: Int) -> Int {
        let next = line(of: offset)
        return next < lineStarts.count ? lineStarts[next] : bytes.count
    }

    /// Whether the line starting at `start` holds nothing but spaces, or a comment.
    func isBlankOrComment(lineAt start: Int) -> Bool {
        var at = start
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
        return at >= bytes.count || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == UInt8(ascii: "#")
    }

    /// The column (0-based, in bytes) of the first character at or after `offset` on its line.
    func column(of offset: Int) -> Int { offset - lineStart(of: offset) }

    private static func compose(_ bytes: [UInt8]) throws(Failure) -> OutlineNode? {
        // libyaml counts marks in characters: a table from character index
        // to byte offset, for this one file.
        var byteOfCharacter: [Int] = []
        byteOfCharacter.reserveCapacity(bytes.count + 1)
        var offset = 0
        // libyaml skips a leading byte order mark without counting it.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        while offset < bytes.count {
            byteOfCharacter.append(offset)
            let lead = bytes[offset]
            offset += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        }
        byteOfCharacter.append(bytes.count)
        func byte(_ mark: yaml_mark_t) -> Int { byteOfCharacter[min(Int(mark.index), byteOfCharacter.count - 1)] }

        return try bytes.withUnsafeBufferPointer { buffer throws(Failure) -> OutlineNode? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { throw Failure.syntax("out of memory") }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            struct Open {
                let isMapping: Bool
                let start: Int
                let isFlow: Bool
                var items: [OutlineNode] = []
                var pairs: [(key: String, keyStart: Int, value: OutlineNode)] = []
                var key: (String, Int)?
            }
            var open: [Open] = []
            var root: OutlineNode?
            func place(_ node: OutlineNode) {
                guard let top = open.indices.last else { root = node; return }
                if !open[top].isMapping {
                    open[top].items.append(node)
                } else if let (key, keyStart) = open[top].key {
                    open[top].pairs.append((key, keyStart, node))
                    open[top].key = nil
                } else {
                    open[top].key = (node.scalar ?? "", node.start)
                }
            }
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw Failure.syntax(parser.problem.map { String(cString: $0) } ?? "invalid YAML")
                }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return root
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                    let block = scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE
                    place(OutlineNode(value: .scalar(text), start: byte(event.start_mark), end: byte(event.end_mark),
                                      isFlow: false, isBlockScalar: block))
                case YAML_SEQUENCE_START_EVENT:
                    open.append(Open(isMapping: false, start: byte(event.start_mark),
                                     isFlow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE))
                case YAML_MAPPING_START_EVENT:
                    open.append(Open(isMapping: true, start: byte(event.start_mark),
                                     isFlow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { continue }
                    let value: Value = closed.isMapping ? .mapping(closed.pairs) : .sequence(closed.items)
                    place(OutlineNode(value: value, start: closed.start, end: byte(event.end_mark), isFlow: closed.isFlow, isBlockScalar: false))
                case YAML_ALIAS_EVENT:
                    throw Failure.syntax("aliases (*name) are not edited by Chronicle")
                default:
                    break
                }
            }
        }
    }
}
