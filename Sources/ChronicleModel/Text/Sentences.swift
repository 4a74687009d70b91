extension Source {
    /// The raw range of the sentence(s) holding `range`, within its line(s):
    /// where a quote is shown "in its sentence". A boundary is `.`, `!` or
    /// `?` (and a closing quote mark) before a space, except after a lone
    /// capital ("U.S. forces").
    public func sentenceRange(around range: Range<Int>) -> Range<Int> {
        let firstLine = lines.line(containing: range.lowerBound)
        let lastLine = lines.line(containing: max(range.lowerBound, range.upperBound - 1))
        let lineStart = lines.start(ofLine: firstLine)
        let lineEnd = lines.contentEnd(ofLine: lastLine)
        var start = range.lowerBound
        while start > lineStart && !isSentenceStart(start, lineStart: lineStart) { start -= 1 }
        var end = range.upperBound
        while end < lineEnd && !isSentenceEnd(end, lineStart: lineStart) { end += 1 }
        return start..<end
    }

    private func isSentenceStart(_ i: Int, lineStart: Int) -> Bool {
        // A sentence starts after "<terminator> " (the space belongs to neither).
        guard i - 1 >= lineStart, raw[i - 1] == UInt8(ascii: " ") else { return false }
        return isSentenceEnd(i - 1, lineStart: lineStart)
    }

    /// Whether the sentence ends just before byte `i` (which is a space).
    private func isSentenceEnd(_ i: Int, lineStart: Int) -> Bool {
        guard i < raw.count, raw[i] == UInt8(ascii: " "), i > lineStart else { return false }
        var j = i - 1
        // Skip closing quote marks: ASCII, or the UTF-8 of ” and ’.
        while j > lineStart {
            if raw[j] == UInt8(ascii: "\"") || raw[j] == UInt8(ascii: "'") { j -= 1; continue }
            if j >= lineStart + 2, raw[j - 2] == 0xE2, raw[j - 1] == 0x80, raw[j] == 0x9D || raw[j] == 0x99 { j -= 3; continue }
            break
        }
        guard j >= lineStart else { return false }
        let mark = raw[j]
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: "!") || mark == UInt8(ascii: "?") else { return false }
        if mark == UInt8(ascii: "."), j - 1 >= lineStart, isCapital(raw[j - 1]),
           j - 2 < lineStart || !isLetter(raw[j - 2]) {
            return false
        }
        // A title or a short form before a name ("St. Petersburg", "Dr. Smith").
        if mark == UInt8(ascii: ".") {
            var k = j
            while k > lineStart, isLetter(raw[k - 1]) { k -= 1 }
            let word = String(decoding: raw[k..<j], as: UTF8.self)
            if (k == lineStart || raw[k - 1] == UInt8(ascii: " ")) && Self.abbreviations.contains(word) { return false }
        }
        return true
    }

    /// Words written with a full stop that does not end a sentence.
    static let abbreviations: Set<String> = ["Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep",
                                             "Prof", "Jr", "Sr", "No", "vs", "Mt", "Ft", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"]

    private func isCapital(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
    private func isLetter(_ b: UInt8) -> Bool { isCapital(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) }
}
