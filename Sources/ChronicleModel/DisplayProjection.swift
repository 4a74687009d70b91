/// The text a reader sees of a raw article, with leftover inline HTML
/// (`<u>…</u>` and its kin) removed, and a map back to raw byte offsets so
/// quotes match what a person reads while positions stay on the raw file.
public struct DisplayProjection: Sendable {
    /// UTF-8 bytes of the display text.
    public let bytes: [UInt8]
    /// For each display byte, its offset in the raw file.
    public let rawOffsets: [Int]
    /// Raw ranges that are markup, hidden from the reader.
    public let hiddenRanges: [Range<Int>]

    /// Inline tags left by web pages, hidden when shown and when matched.
    public static let hiddenTagNames: Set<String> = [
        "u", "b", "i", "em", "strong", "s", "sub", "sup", "span", "mark", "small", "a",
    ]

    public init(raw: [UInt8]) {
        var bytes: [UInt8] = [], offsets: [Int] = [], hidden: [Range<Int>] = []
        bytes.reserveCapacity(raw.count)
        offsets.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "<"), let end = Self.inlineTagEnd(raw, at: i) {
                hidden.append(i..<end)
                i = end
                continue
            }
            bytes.append(raw[i])
            offsets.append(i)
            i += 1
        }
        self.bytes = bytes
        self.rawOffsets = offsets
        self.hiddenRanges = hidden
    }

    /// The raw range covered by display bytes `range` (markup inside included).
    public func rawRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < rawOffsets.count ? rawOffsets[range.lowerBound] : (rawOffsets.last.map { $0 + 1 } ?? 0)
            return at..<at
        }
        return rawOffsets[range.lowerBound]..<(rawOffsets[range.upperBound - 1] + 1)
    }

    /// The display index of the first display byte at or after raw `offset`.
    public func displayIndex(atOrAfterRaw offset: Int) -> Int {
        var lo = 0, hi = rawOffsets.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rawOffsets[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
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
