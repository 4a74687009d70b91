/// Writes a selection as a quote that anchors exactly where it was taken:
/// its words as shown, and when they occur more than once in the body, the
/// fewest words just before (`prefix`) or after (`suffix`) that tell it
/// apart. The result is checked with `QuoteAnchor`, the loader's own test.
public enum QuoteChooser {
    /// A citation of the raw byte `range` of `source`, or nil when no quote
    /// can anchor it (it is empty, or not wholly inside the article body).
    public static func citation(of range: Range<Int>, in source: Source) -> CitationDraft? {
        let display = source.display
        let lo = display.displayIndex(atOrAfterRaw: range.lowerBound), hi = display.displayIndex(atOrAfterRaw: range.upperBound)
        guard lo < hi else { return nil }
        let target = display.rawRange(of: lo..<hi)
        let bytes = display.bytes
        let exact = String(decoding: bytes[lo..<hi], as: UTF8.self)
        func anchors(_ prefix: String?, _ suffix: String?) -> Bool {
            if case .resolved(let found, _, _) = QuoteAnchor.resolve(exact: exact, prefix: prefix, suffix: suffix, in: source) {
                return found == target
            }
            return false
        }
        if anchors(nil, nil) { return CitationDraft(sourceID: source.id, exact: exact) }
        // Word boundaries before and after, nearest first, within the line.
        let lineStart = display.displayIndex(atOrAfterRaw: source.lines.start(ofLine: source.lines.line(containing: target.lowerBound)))
        let lineEnd = display.displayIndex(atOrAfterRaw: source.lines.contentEnd(ofLine: source.lines.line(containing: max(target.lowerBound, target.upperBound - 1))))
        let before = wordStarts(in: bytes, from: lo, downTo: lineStart)
        let after = wordEnds(in: bytes, from: hi, upTo: lineEnd)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var tried: [(prefix: String?, suffix: String?, length: Int)] = []
        for start in before { tried.append((text(start..<lo), nil, lo - start)) }
        for end in after { tried.append((nil, text(hi..<end), end - hi)) }
        for candidate in tried.sorted(by: { $0.length < $1.length }) where anchors(candidate.prefix, candidate.suffix) {
            return CitationDraft(sourceID: source.id, exact: exact, prefix: candidate.prefix, suffix: candidate.suffix)
        }
        // Neither alone: both, growing together.
        for k in 0..<max(before.count, after.count) {
            let prefix = before.isEmpty ? nil : text(before[min(k, before.count - 1)]..<lo)
            let suffix = after.isEmpty ? nil : text(hi..<after[min(k, after.count - 1)])
            if anchors(prefix, suffix) { return CitationDraft(sourceID: source.id, exact: exact, prefix: prefix, suffix: suffix) }
        }
        return nil
    }

    /// The starts of the words before `from` (nearest first), not before `limit`.
    static func wordStarts(in bytes: [UInt8], from: Int, downTo limit: Int) -> [Int] {
        var starts: [Int] = []
        var at = from
        while at > limit {
            // Back over the spaces, then the word.
            while at > limit, bytes[at - 1] == 0x20 { at -= 1 }
            while at > limit, bytes[at - 1] != 0x20, bytes[at - 1] != 0x0A { at -= 1 }
            if at < from { starts.append(at) }
            if at > limit, bytes[at - 1] == 0x0A { break }
        }
        return starts
    }

    /// The ends of the words after `from` (nearest first), not past `limit`.
    static func wordEnds(in bytes: [UInt8], from: Int, upTo limit: Int) -> [Int] {
        var ends: [Int] = []
        var at = from
        while at < limit {
            while at < limit, bytes[at] == 0x20 { at += 1 }
            while at < limit, bytes[at] != 0x20, bytes[at] != 0x0A, bytes[at] != 0x0D { at += 1 }
            if at > from { ends.append(at) }
            if at < limit, bytes[at] == 0x0A || bytes[at] == 0x0D { break }
        }
        return ends
    }
}
