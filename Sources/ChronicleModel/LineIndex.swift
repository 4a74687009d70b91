/// Where each line of a raw file starts, so byte offsets and 1-based line
/// numbers convert both ways. A line ends at LF, CRLF or a lone CR.
public struct LineIndex: Sendable, Hashable {
    /// Byte offset of the first byte of each line; always at least one line.
    public let starts: [Int]
    /// Byte offset just past each line's text, before its terminator.
    public let contentEnds: [Int]
    public let byteCount: Int

    public init(_ bytes: [UInt8]) {
        var starts = [0], ends: [Int] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                ends.append(i)
                i += (byte == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                starts.append(i)
            } else {
                i += 1
            }
        }
        ends.append(n)
        self.starts = starts
        self.contentEnds = ends
        self.byteCount = n
    }

    public var lineCount: Int { starts.count }

    /// The 1-based line holding byte `offset` (an offset at the very end
    /// belongs to the last line).
    public func line(containing offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The bytes of a line's text, without its terminator.
    public func contentRange(ofLine line: Int) -> Range<Int> {
        starts[line - 1]..<contentEnds[line - 1]
    }

    /// From the start of `first` to the end of `last`'s text (1-based, inclusive).
    public func contentRange(lines first: Int, _ last: Int) -> Range<Int> {
        starts[first - 1]..<contentEnds[last - 1]
    }
}
