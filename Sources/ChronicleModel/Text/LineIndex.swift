import Glibc

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

    /// Lines as the cache keeps them, each its text's length and its
    /// terminator's (0, 1 or 2 bytes); nil unless they tile `bytes` as a
    /// scan would have ended them, so a damaged entry is never taken for an
    /// index. `next` gives each line in turn.
    init?<Failure: Error>(_ bytes: [UInt8], lineCount: Int, next: () throws(Failure) -> (content: Int, terminator: Int)) throws(Failure) {
        let n = bytes.count
        guard lineCount >= 1, lineCount <= n + 1 else { return nil }
        var starts: [Int] = [], ends: [Int] = []
        starts.reserveCapacity(lineCount)
        ends.reserveCapacity(lineCount)
        var at = 0
        for line in 1...lineCount {
            let (content, terminator) = try next()
            guard content >= 0, content <= n - at else { return nil }
            let end = at + content
            switch terminator {
            case 0:
                // Only the last line ends without one, and never as an empty line after a final terminator.
                guard line == lineCount, end == n, at < n || n == 0 else { return nil }
            case 1:
                guard end < n, bytes[end] == 0x0A || (bytes[end] == 0x0D && (end + 1 == n || bytes[end + 1] != 0x0A)) else { return nil }
            case 2:
                guard end + 1 < n, bytes[end] == 0x0D, bytes[end + 1] == 0x0A else { return nil }
            default:
                return nil
            }
            starts.append(at)
            ends.append(end)
            at = end + terminator
        }
        guard at == n else { return nil }
        if n <= Int(UInt32.max) {
            offsets = .narrow(starts: starts.map { UInt32(truncatingIfNeeded: $0) }, ends: ends.map { UInt32(truncatingIfNeeded: $0) })
        } else {
            offsets = .wide(starts: starts, ends: ends)
        }
        byteCount = n
    }

    /// Each line's text length and terminator length, in order (what the
    /// cache keeps; `init(_:lineCount:next:)` reads them back).
    func forEachLineLength(_ body: (_ content: Int, _ terminator: Int) -> Void) {
        for line in 1...lineCount {
            let next = line < lineCount ? start(ofLine: line + 1) : byteCount
            body(contentEnd(ofLine: line) - start(ofLine: line), next - contentEnd(ofLine: line))
        }
    }

    private static func scan<Offset: FixedWidthInteger>(_ bytes: [UInt8], as: Offset.Type) -> ([Offset], [Offset]) {
        var starts: [Offset] = [0], ends: [Offset] = []
        var i = 0
        let n = bytes.count
        // Most articles end their lines with LF alone: then libc's memchr
        // finds each end at memory speed, where the loop below takes a
        // branch or two a byte. A file with any CR takes the loop.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, memchr(base, 0x0D, n) == nil else { return }
            while i < n, let hit = memchr(base + i, 0x0A, n - i) {
                let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                ends.append(Offset(end))
                i = end + 1
                starts.append(Offset(i))
            }
            i = n
        }
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
