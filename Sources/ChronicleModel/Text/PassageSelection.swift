/// A selection in an article, in raw byte offsets, that grows and shrinks by
/// words, sentences and lines and never leaves the stretch of body text it
/// started in (the article's lines minus furniture), nor cuts a character:
/// every end is where a displayed character starts.
public struct PassageSelection: Sendable, Hashable {
    /// The end that stays put, and the end that moves.
    public private(set) var anchor: Int
    public private(set) var head: Int
    /// The quotable range (raw) the selection lies in.
    public let block: Range<Int>

    public var range: Range<Int> { min(anchor, head)..<max(anchor, head) }

    /// A selection of the first word at or after `offset` in the article's body.
    public init?(source: Source, at offset: Int) {
        guard let block = source.quotableRanges.first(where: { $0.upperBound > offset }) ?? source.quotableRanges.last else { return nil }
        self.block = block
        let start = max(offset, block.lowerBound)
        let words = Self.words(in: source, block)
        guard let first = words.first(where: { $0.upperBound > start }) ?? words.last else { return nil }
        anchor = first.lowerBound
        head = first.upperBound
    }

    // MARK: Moving the head

    /// The head to the end of the next word (or, selecting backwards, to
    /// the start of the next word, giving one back).
    public mutating func extendWordForward(in source: Source) {
        let words = Self.words(in: source, block)
        if head >= anchor {
            if let next = words.first(where: { $0.upperBound > head }) { head = next.upperBound }
        } else if let next = words.first(where: { $0.lowerBound > head && $0.upperBound <= anchor }) {
            head = next.lowerBound
        }
    }

    /// The head to the start of the word before (or, selecting forwards, to
    /// the end of the word before the last selected, giving one back; the
    /// first word always stays).
    public mutating func extendWordBack(in source: Source) {
        let words = Self.words(in: source, block)
        if head > anchor {
            let selected = words.filter { $0.lowerBound >= anchor && $0.upperBound <= head }
            if selected.count >= 2 { head = selected[selected.count - 2].upperBound }
        } else if let previous = words.last(where: { $0.lowerBound < head }) {
            head = previous.lowerBound
        }
    }

    public mutating func extendSentenceForward(in source: Source) {
        let sentence = source.sentenceRange(around: head..<min(head + 1, block.upperBound))
        var end = min(sentence.upperBound, block.upperBound)
        if end <= head, head < block.upperBound {
            let next = source.sentenceRange(around: (head + 1)..<min(head + 2, block.upperBound))
            end = min(next.upperBound, block.upperBound)
        }
        head = trimmedEnd(end, in: source)
    }

    public mutating func extendSentenceBack(in source: Source) {
        let probe = max(block.lowerBound, head - 1)
        var start = max(source.sentenceRange(around: probe..<(probe + 1)).lowerBound, block.lowerBound)
        if start >= head, head > block.lowerBound {
            let previous = max(block.lowerBound, start - 2)
            start = max(source.sentenceRange(around: previous..<(previous + 1)).lowerBound, block.lowerBound)
        }
        head = start
        if head == anchor { extendWordForward(in: source) }
    }

    /// The whole sentence around the head.
    public mutating func selectSentence(in source: Source) {
        let probe = min(max(block.lowerBound, head == anchor ? head : head - 1), block.upperBound - 1)
        let sentence = source.sentenceRange(around: probe..<(probe + 1))
        anchor = max(sentence.lowerBound, block.lowerBound)
        head = trimmedEnd(min(sentence.upperBound, block.upperBound), in: source)
    }

    /// The head to the end of the word at `offset` (a place on another row,
    /// as the screen lays the article out), kept within the selection's block.
    public mutating func extendHead(toWordAt offset: Int, in source: Source) {
        let target = min(max(offset, block.lowerBound), block.upperBound)
        let words = Self.words(in: source, block)
        guard let word = words.first(where: { $0.upperBound > target }) ?? words.last else { return }
        // Forwards the head ends a word; backwards it starts one.
        head = target >= anchor ? max(word.upperBound, anchor) : word.lowerBound
        if head == anchor, let first = words.first(where: { $0.lowerBound == anchor }) { head = first.upperBound }
    }

    /// Moves the other end instead, from now on.
    public mutating func swapEnds() { (anchor, head) = (head, anchor) }

    /// Starts again at the word after (or before) the selection.
    public mutating func move(forward: Bool, in source: Source) {
        let words = Self.words(in: source, block)
        let word = forward ? words.first { $0.lowerBound >= range.upperBound } : words.last { $0.upperBound <= range.lowerBound }
        guard let word else { return }
        anchor = word.lowerBound
        head = word.upperBound
    }

    // MARK: Text

    /// The words of a block as raw ranges: runs of letters, digits and the
    /// marks inside words (apostrophes, hyphens), in displayed text.
    static func words(in source: Source, _ block: Range<Int>) -> [Range<Int>] {
        let display = source.display
        let lo = display.displayIndex(atOrAfterRaw: block.lowerBound), hi = display.displayIndex(atOrAfterRaw: block.upperBound)
        var words: [Range<Int>] = []
        var start: Int?
        let decoded = DecodedText(display.bytes[lo..<max(lo, hi)])
        var textIndex = 0
        for scalar in decoded.text.unicodeScalars {
            // A replacement character stands for as many invalid bytes as there were.
            let at = lo + decoded.byteOffset(textIndex)
            textIndex += UTF8.width(scalar)
            let width = lo + decoded.byteOffset(textIndex) - at
            let inWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (start != nil && ["'", "\u{2019}", "-", "\u{2011}", ".", ","].contains(scalar) && at + width < hi && Self.isWordScalar(display.bytes, at + width))
            if inWord, start == nil { start = at }
            if !inWord, let begun = start {
                words.append(display.rawOffset(begun)..<display.rawOffset(at))
                start = nil
            }
        }
        if let begun = start { words.append(display.rawOffset(begun)..<display.rawOffset(max(lo, hi))) }
        return words
    }

    private static func isWordScalar(_ bytes: [UInt8], _ at: Int) -> Bool {
        guard at < bytes.count else { return false }
        let byte = bytes[at]
        if byte < 0x80 { return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) }
        return byte >= 0xC3 && byte <= 0xDF || byte == 0xD0 || byte == 0xD1
    }

    /// An end moved back over trailing spaces.
    private func trimmedEnd(_ end: Int, in source: Source) -> Int {
        var end = end
        while end > block.lowerBound + 1, source.raw[end - 1] == 0x20 { end -= 1 }
        return end
    }
}
