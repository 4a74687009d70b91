/// Changes to a YAML file made as text, on the lines of the items and keys
/// they concern, so that every other byte (comments, order, quoting, blank
/// lines, the other items) stays as it was. Every change is read back
/// before it is kept: one that would not parse is refused.
struct YAMLText {
    private(set) var bytes: [UInt8]
    private(set) var outline: YAMLOutline

    enum Failure: Error, Equatable { case notFound(String), unsupported(String), broken(String) }

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        do { outline = try YAMLOutline(bytes) } catch { throw .broken(Self.describe(error)) }
    }

    static func describe(_ error: YAMLOutline.Failure) -> String {
        switch error { case .syntax(let problem): return problem }
    }

    /// Replaces `range` with `text` and reads the file again.
    mutating func replace(_ range: Range<Int>, with text: String) throws(Failure) {
        var next = bytes
        next.replaceSubrange(range, with: Array(text.utf8))
        do { outline = try YAMLOutline(next) } catch { throw .broken("the change would not read back: " + Self.describe(error)) }
        bytes = next
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Where things are

    /// The block sequence (or the root list) holding a file's items: under
    /// `key` of the root mapping, or the root itself when it is a list.
    func sequence(under key: String?) -> (node: YAMLOutline.OutlineNode?, keyStart: Int?)? {
        guard let root = outline.root else { return nil }
        if let key {
            guard let pairs = root.mapping else { return root.sequence != nil && key == "events" ? (root, nil) : nil }
            guard let pair = pairs.first(where: { $0.key == key }) else { return (nil, nil) }
            return (pair.value, pair.keyStart)
        }
        return root.sequence != nil ? (root, nil) : nil
    }

    /// Where a node's text ends: its last character's line, with that line's
    /// end (a comment after a value goes with it). A block collection's own
    /// end is where the next token starts, so its last child's is used.
    func contentEnd(of node: YAMLOutline.OutlineNode) -> Int {
        var last = node
        while !last.isFlow {
            if let pairs = last.mapping, let pair = pairs.last { last = pair.value; continue }
            if let items = last.sequence, let item = items.last { last = item; continue }
            break
        }
        var at = min(last.end, bytes.count) - 1
        while at > node.start, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at -= 1 }
        return outline.lineEnd(of: max(at, node.start))
    }

    /// The start of the line that holds an item's `-`.
    func itemStart(of item: YAMLOutline.OutlineNode) -> Int {
        var at = item.start - 1
        while at >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at -= 1 }
        return at >= 0 && bytes[at] == UInt8(ascii: "-") ? outline.lineStart(of: at) : outline.lineStart(of: item.start)
    }

    /// The column of an item's `-`.
    func dashColumn(of item: YAMLOutline.OutlineNode) -> Int {
        let start = itemStart(of: item)
        var at = start
        while at < bytes.count, bytes[at] == 0x20 { at += 1 }
        return at - start
    }

    /// An item's text and the blank lines after it (not the comments, which
    /// belong to what follows): what removing it takes away.
    func removalRange(of items: [YAMLOutline.OutlineNode], at index: Int) -> Range<Int> {
        let start = itemStart(of: items[index])
        var end = contentEnd(of: items[index])
        let limit = index + 1 < items.count ? itemStart(of: items[index + 1]) : bytes.count
        while end < limit, isBlank(lineAt: end) { end = outline.lineEnd(of: end) }
        return start..<min(end, limit)
    }

    func isBlank(lineAt start: Int) -> Bool {
        var at = start
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0D { at += 1 }
        return at >= bytes.count || bytes[at] == 0x0A
    }

    /// Whether the items are written with a blank line between them.
    func separatesItems(_ items: [YAMLOutline.OutlineNode]) -> Bool {
        guard items.count >= 2 else { return true }
        var at = contentEnd(of: items[0])
        let next = itemStart(of: items[1])
        while at < next {
            if isBlank(lineAt: at) { return true }
            at = outline.lineEnd(of: at)
        }
        return false
    }

    // MARK: Lists of items

    /// Appends an item (its lines, the first after `- `, the others to be
    /// indented under it) to the list under `key`, in the list's own style.
    mutating func append(item lines: [String], under key: String?, defaultColumn: Int = 2) throws(Failure) {
        guard let found = sequence(under: key) else { throw .unsupported("the file's top level is not a mapping with `\(key ?? "")`") }
        if let node = found.node, let items = node.sequence, !node.isFlow, let last = items.last {
            let column = dashColumn(of: last)
            let text = (separatesItems(items) ? "\n" : "") + Self.item(lines, column: column)
            try replace(contentEnd(of: last)..<contentEnd(of: last), with: text)
            return
        }
        // No items yet (`key:` with nothing, or `key: []`): the list is written anew.
        let body = "\n" + Self.item(lines, column: defaultColumn)
        if let node = found.node, let keyStart = found.keyStart {
            guard node.sequence?.isEmpty ?? (node.scalar == "") else { throw .unsupported("`\(key ?? "")` is not a list") }
            let valueEnd = node.scalar != nil ? outline.lineEnd(of: keyStart) : contentEnd(of: node)
            try replace(keyStart..<valueEnd, with: "\(key ?? ""):" + body)
        } else if let key {
            let end = bytes.count
            let newline = bytes.last == 0x0A || bytes.isEmpty ? "" : "\n"
            try replace(end..<end, with: newline + "\n\(key):" + body)
        } else {
            throw .unsupported("the file holds no list")
        }
    }

    /// The text of one item whose `-` is at `column`: `- ` before its first
    /// line, the others indented under it (a value's own further lines
    /// carry their indentation already).
    static func item(_ lines: [String], column: Int) -> String {
        let pad = String(repeating: " ", count: column)
        return lines.enumerated().map { index, line in (index == 0 ? pad + "- " : pad + "  ") + line }.joined(separator: "\n") + "\n"
    }

    /// Removes item `index` of the list under `key`; the last one leaves `key: []`.
    mutating func removeItem(at index: Int, under key: String?) throws(Failure) {
        guard let found = sequence(under: key), let node = found.node, let items = node.sequence, items.indices.contains(index) else {
            throw .notFound("no item \(index + 1) under `\(key ?? "the file")`")
        }
        if items.count == 1, let keyStart = found.keyStart {
            try replace(keyStart..<contentEnd(of: items[0]), with: "\(key ?? ""): []\n")
            return
        }
        try replace(removalRange(of: items, at: index), with: "")
    }
}

