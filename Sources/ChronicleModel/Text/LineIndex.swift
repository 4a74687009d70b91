/// Where each line of a raw file starts, so byte offsets and 1-based line
/// numbers convert both ways. A line ends at LF, CRLF or a lone CR; a file
/// that ends with one has no empty line after it (as `wc -l` and editors
/// count), while an empty file is one empty line.
public struct LineIndex: Sendable, Hashable {
    /// Byte offset of the first byte of each line, and just past each
    /// line's text (before its terminator); always at least one line.
    /// 32-bit where the file is under 4 GB, as every article is: 8 bytes a
    /// line instead of 16 (20,000 articles hold 500,000 lines).
    private let offsets: Offsets
    public let byteCount: Int

    private enum Offsets: Sendable, Hashable {
        case narrow(starts: [UInt32], ends: [UInt32])
        case wide(starts: [Int], ends: [Int])
    }

    public init(_ bytes: [UInt8]) {
        self.init(bytes, wide: bytes.count > Int(UInt32.max))
    }

    /// `wide: true` keeps 64-bit offsets whatever the size (so that the tests
    /// read both forms without a file of 4 GB).
    init(_ bytes: [UInt8], wide: Bool) {
        if !wide {
            let (starts, ends) = Self.scan(bytes, as: UInt32.self)
            offsets = .narrow(starts: starts, ends: ends)
        } else {
            let (starts, ends) = Self.scan(bytes, as: Int.self)
            offsets = .wide(starts: starts, ends: ends)
        }
        byteCount = bytes.count
    }

    private static func scan<Offset: FixedWidthInteger>(_ bytes: [UInt8], as: Offset.Type) -> ([Offset], [Offset]) {
        var starts: [Offset] = [0], ends: [Offset] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                ends.append(Offset(i))
                i += (byte == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                starts.append(Offset(i))
            } else {
                i += 1
            }
        }
        // A terminator at the very end closes the last line; it opens none.
        if n > 0, Int(starts[starts.count - 1]) == n {
            starts.removeLast()
        } else {
            ends.append(Offset(n))
        }
        return (starts, ends)
    }

    public var lineCount: Int {
        switch offsets {
        case .narrow(let starts, _): return starts.count
        case .wide(let starts, _): return starts.count
        }
    }

    /// The byte offset where 1-based `line` starts.
    public func start(ofLine line: Int) -> Int {
        switch offsets {
        case .narrow(let starts, _): return Int(starts[line - 1])
        case .wide(let starts, _): return starts[line - 1]
        }
    }

    /// The byte offset just past 1-based `line`'s text, before its terminator.
    public func contentEnd(ofLine line: Int) -> Int {
        switch offsets {
        case .narrow(_, let ends): return Int(ends[line - 1])
        case .wide(_, let ends): return ends[line - 1]
        }
    }

    /// The 1-based line holding byte `offset` (an offset at the very end
    /// belongs to the last line).
    public func line(containing offset: Int) -> Int {
        var lo = 1, hi = lineCount
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if start(ofLine: mid) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The bytes of a line's text, without its terminator.
    public func contentRange(ofLine line: Int) -> Range<Int> {
        start(ofLine: line)..<contentEnd(ofLine: line)
    }

    /// From the start of `first` to the end of `last`'s text (1-based, inclusive).
    public func contentRange(lines first: Int, _ last: Int) -> Range<Int> {
        start(ofLine: first)..<contentEnd(ofLine: last)
    }
}
