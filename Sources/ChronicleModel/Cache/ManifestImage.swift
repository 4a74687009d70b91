/// The manifest's YAML tree as its entry keeps it: a reopen after a change
/// to an article or an events file takes the tree instead of parsing the
/// manifest again (libyaml was a fifth of such a reopen). Kept only for a
/// manifest that parsed without a message, so that taking it says exactly
/// what a parse would.
enum ManifestImage {
    /// A kept tree read back, and its bytes, to be kept again as they are.
    struct Kept {
        let tree: Node
        let image: [UInt8]
    }

    /// Deeper trees are not kept: reading one back is recursive, and a
    /// manifest is a few levels deep.
    static let maxDepth = 32

    /// The tree in bytes, or nil when it is too deep to keep.
    static func encoded(_ root: Node) -> [UInt8]? {
        var out = CacheWriter()
        return write(root, into: &out, depth: 1) ? out.bytes : nil
    }

    private static func write(_ node: Node, into out: inout CacheWriter, depth: Int) -> Bool {
        guard depth <= maxDepth else { return false }
        switch node {
        case .scalar(let scalar):
            out.u8(0)
            out.string(scalar.string)
            out.u8(code(of: scalar.style))
            mark(scalar.mark, into: &out)
        case .mapping(let mapping):
            out.u8(1)
            mark(mapping.mark, into: &out)
            out.count(mapping.pairs.count)
            for pair in mapping.pairs {
                guard write(pair.key, into: &out, depth: depth + 1), write(pair.value, into: &out, depth: depth + 1) else { return false }
            }
        case .sequence(let list):
            out.u8(2)
            mark(list.mark, into: &out)
            out.count(list.nodes.count)
            for item in list.nodes {
                guard write(item, into: &out, depth: depth + 1) else { return false }
            }
        }
        return true
    }

    private static func mark(_ mark: Node.Mark, into out: inout CacheWriter) {
        out.count(mark.line)
        out.count(mark.column)
    }

    private static let styles: [Node.Scalar.Style] = [.plain, .singleQuoted, .doubleQuoted, .literal, .folded]

    private static func code(of style: Node.Scalar.Style) -> UInt8 {
        UInt8(styles.firstIndex(of: style) ?? 0)
    }

    /// The tree back; throws on anything a writer could not have written.
    static func decoded(_ bytes: UnsafeRawBufferPointer) throws(CacheDamage) -> Node {
        var input = CacheReader(bytes)
        let root = try read(&input, depth: 1)
        guard input.at == bytes.count else { throw CacheDamage("the manifest's tree has bytes after its end") }
        return root
    }

    private static func read(_ input: inout CacheReader, depth: Int) throws(CacheDamage) -> Node {
        guard depth <= maxDepth else { throw CacheDamage("the manifest's tree is too deep") }
        switch try input.u8() {
        case 0:
            let string = try input.string()
            let style = Int(try input.u8())
            guard style < styles.count else { throw CacheDamage("a manifest scalar has no such style") }
            return .scalar(Node.Scalar(string: string, style: styles[style], mark: try mark(&input)))
        case 1:
            let mark = try mark(&input)
            let count = try input.count(bytesEach: 2)
            var pairs: [(key: Node, value: Node)] = []
            pairs.reserveCapacity(count)
            for _ in 0..<count {
                let key = try read(&input, depth: depth + 1)
                pairs.append((key: key, value: try read(&input, depth: depth + 1)))
            }
            return .mapping(Node.Mapping(pairs: pairs, mark: mark))
        case 2:
            let mark = try mark(&input)
            let count = try input.count(bytesEach: 1)
            var nodes: [Node] = []
            nodes.reserveCapacity(count)
            for _ in 0..<count { nodes.append(try read(&input, depth: depth + 1)) }
            return .sequence(Node.List(nodes: nodes, mark: mark))
        default:
            throw CacheDamage("a manifest node is of no kind")
        }
    }

    private static func mark(_ input: inout CacheReader) throws(CacheDamage) -> Node.Mark {
        let line = try input.count()
        return Node.Mark(line: line, column: try input.count())
    }
}
