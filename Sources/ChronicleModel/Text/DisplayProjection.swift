import Glibc

/// The text a reader sees of a raw article, with leftover inline HTML
/// (`<u>…</u>` and its kin) and a leading byte-order mark removed, and a map
/// back to raw byte offsets so quotes match what a person reads while
/// positions stay on the raw file.
public struct DisplayProjection: Sendable {
    /// UTF-8 bytes of the display text. Without markup this shares the raw
    /// array's storage: no copy.
    public let bytes: [UInt8]
    /// Raw ranges that are markup, hidden from the reader, in order.
    public let hiddenRanges: [Range<Int>]
    /// For each hidden range, the display index where it was removed, and
    /// the raw bytes hidden up to and including it. Sparse: an article
    /// without markup maps display to raw offsets with no table at all
    /// (a table of one offset per byte cost 8 bytes per byte of corpus).
    private let displayStarts: [Int]
    private let hiddenBefore: [Int]

    /// Inline tags left by web pages, hidden when shown and when matched.
    public static let hiddenTagNames: Set<String> = [
        "u", "b", "i", "em", "strong", "s", "sub", "sup", "span", "mark", "small", "a",
    ]

    public init(raw: [UInt8]) {
        var hidden: [Range<Int>] = []
        var i = 0
        // A byte-order mark says how the file is encoded; it is not text.
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            hidden.append(0..<3)
            i = 3
        }
        // Each "<" found by libc's memchr, at memory speed: most articles have none.
        raw.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while i < raw.count, let hit = memchr(base + i, Int32(UInt8(ascii: "<")), raw.count - i) {
                let next = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if let end = Self.inlineTagEnd(raw, at: next) {
                    hidden.append(next..<end)
                    i = end
                } else {
                    i = next + 1
                }
            }
        }
        self.init(raw: raw, checkedHidden: hidden)
    }

    /// From the hidden ranges a projection of these very bytes had (the
    /// cache keeps them); nil unless each is markup a scan would hide, in
    /// order, so a damaged entry is never taken for a projection.
    init?(raw: [UInt8], hidden: [Range<Int>]) {
        var at = 0
        for range in hidden {
            guard range.lowerBound >= at, range.upperBound <= raw.count else { return nil }
            let isMark = range == 0..<3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
            let isTag = range.lowerBound < raw.count && raw[range.lowerBound] == UInt8(ascii: "<")
                && Self.inlineTagEnd(raw, at: range.lowerBound) == range.upperBound
            guard isMark || isTag else { return nil }
            at = range.upperBound
        }
        self.init(raw: raw, checkedHidden: hidden)
    }

    private init(raw: [UInt8], checkedHidden hidden: [Range<Int>]) {
        hiddenRanges = hidden
        guard !hidden.isEmpty else {
            bytes = raw
            displayStarts = []
            hiddenBefore = []
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var starts: [Int] = [], before: [Int] = []
        var at = 0, total = 0
        for range in hidden {
            bytes.append(contentsOf: raw[at..<range.lowerBound])
            total += range.count
            starts.append(bytes.count)
            before.append(total)
            at = range.upperBound
        }
        bytes.append(contentsOf: raw[at...])
        self.bytes = bytes
        displayStarts = starts
        hiddenBefore = before
    }

    /// The raw offset of display byte `index` (or of the end, for `bytes.count`).
    public func rawOffset(_ index: Int) -> Int {
        // Hidden ranges removed at or before this display index shift it.
        let lo = displayStarts.partitionPoint { $0 <= index }
        return index + (lo == 0 ? 0 : hiddenBefore[lo - 1])
    }

    /// The raw range covered by display bytes `range` (markup inside included).
    public func rawRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < bytes.count ? rawOffset(range.lowerBound) : (bytes.isEmpty ? 0 : rawOffset(bytes.count - 1) + 1)
            return at..<at
        }
        return rawOffset(range.lowerBound)..<(rawOffset(range.upperBound - 1) + 1)
    }

    /// The display index of the first display byte at or after raw `offset`.
    public func displayIndex(atOrAfterRaw offset: Int) -> Int {
        // Hidden ranges that start before `offset` are removed before it;
        // inside one, the next display byte follows its end.
        let lo = hiddenRanges.partitionPoint { $0.lowerBound < offset }
        guard lo > 0 else { return min(offset, bytes.count) }
        let last = hiddenRanges[lo - 1]
        let removed = hiddenBefore[lo - 1]
        if offset < last.upperBound { return last.upperBound - removed }
        return min(offset - removed, bytes.count)
    }

    /// `<u>`, `</u>`, `<a href="…">`: a known inline tag on one line. Returns
    /// the offset just past `>`, or nil when this `<` is ordinary text.
    static func inlineTagEnd(_ raw: [UInt8], at start: Int) -> Int? {
        var i = start + 1
        if i < raw.count && raw[i] == UInt8(ascii: "/") { i += 1 }
        let nameStart = i
        while i < raw.count, (raw[i] | 0x20) >= UInt8(ascii: "a"), (raw[i] | 0x20) <= UInt8(ascii: "z") { i += 1 }
        guard i > nameStart, i - nameStart <= 6 else { return nil }
        let name = String(decoding: raw[nameStart..<i].map { $0 | 0x20 }, as: UTF8.self)
        guard hiddenTagNames.contains(name) else { return nil }
        let isClosing = raw[start + 1] == UInt8(ascii: "/")
        if i < raw.count && raw[i] == UInt8(ascii: ">") { return i + 1 }
        // Attributes only on opening tags, and never across a line or another tag.
        guard !isClosing, i < raw.count, raw[i] == UInt8(ascii: " ") else { return nil }
        while i < raw.count, i - start < 512 {
            switch raw[i] {
            case UInt8(ascii: ">"): return i + 1
            case UInt8(ascii: "<"), 0x0A, 0x0D: return nil
            default: i += 1
            }
        }
        return nil
    }
}
