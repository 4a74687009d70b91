/// A line of text as the finder's rules read it: words, numbers and marks,
/// each with its byte range, whether a space comes before it, and where the
/// sentences end.
struct TemporalTokens {
    struct Token: Sendable {
        enum Kind: Sendable { case word, number, alphanumeric, mark }
        let range: Range<Int>
        let kind: Kind
        /// The text, lower-cased for words; a mark's one character.
        let lower: String
        /// Its first letter is a capital.
        let capitalized: Bool
        /// Only spaces lie between it and the token before.
        let spaceBefore: Bool
        /// A number's value; a number written with thousands or decimals
        /// ("2,003", "12.5") is a count and has none.
        let number: Int?
        /// Digits only, as written ("02"): their count matters for years.
        let digits: Int
        /// The first token of a sentence.
        var startsSentence = false
    }

    let tokens: [Token]
    let bytes: [UInt8]

    var count: Int { tokens.count }
    subscript(i: Int) -> Token? { tokens.indices.contains(i) ? tokens[i] : nil }

    /// The tokens of `bytes[range]` (UTF-8; invalid bytes read as marks).
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        var tokens: [Token] = []
        var i = range.lowerBound
        var space = true
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0xA0 {
                space = true
                i += 1
                continue
            }
            let (scalar, length) = Self.scalar(bytes, at: i, limit: range.upperBound)
            if scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}" {
                space = true
                i += length
                continue
            }
            if Self.isWordCharacter(scalar) {
                var j = i
                var letters = false, digitCount = 0, capital = false
                while j < range.upperBound {
                    let (s, n) = Self.scalar(bytes, at: j, limit: range.upperBound)
                    guard Self.isWordCharacter(s) else { break }
                    if s.properties.numericType != nil && s.isASCII { digitCount += 1 } else {
                        if !letters { capital = s.properties.isUppercase }
                        letters = true
                    }
                    j += n
                }
                let text = String(decoding: bytes[i..<j], as: UTF8.self)
                var end = j
                var number: Int? = letters ? nil : Int(text)
                var kind: Token.Kind = letters ? (digitCount > 0 ? .alphanumeric : .word) : .number
                // "2,003" and "12.5" are counts, not years; "02.05.2025" is a date.
                if kind == .number, end + 1 < range.upperBound, bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: "."),
                   Self.isDigit(bytes[end + 1]) {
                    var k = end + 1
                    while k < range.upperBound, Self.isDigit(bytes[k]) { k += 1 }
                    let isDottedDate = bytes[end] == UInt8(ascii: ".") && k < range.upperBound && bytes[k] == UInt8(ascii: ".")
                        && k + 1 < range.upperBound && Self.isDigit(bytes[k + 1])
                    // The middle of "02.05.2025" follows a dot that follows digits.
                    let afterDot = tokens.count >= 2 && !space && tokens[tokens.count - 1].lower == "."
                        && tokens[tokens.count - 2].kind == .number && !tokens[tokens.count - 1].spaceBefore
                    let isGroup = bytes[end] == UInt8(ascii: ",") && k - end - 1 == 3
                    let isDecimal = bytes[end] == UInt8(ascii: ".") && !isDottedDate && !afterDot
                    if isGroup || isDecimal {
                        // The whole count, groups and decimals, as one token with no value.
                        while k < range.upperBound, bytes[k] == UInt8(ascii: ",") || bytes[k] == UInt8(ascii: "."),
                              k + 1 < range.upperBound, Self.isDigit(bytes[k + 1]) {
                            k += 1
                            while k < range.upperBound, Self.isDigit(bytes[k]) { k += 1 }
                        }
                        end = k
                        number = nil
                        kind = .number
                    }
                }
                tokens.append(Token(range: i..<end, kind: kind, lower: letters ? text.lowercased() : String(decoding: bytes[i..<end], as: UTF8.self),
                                    capitalized: capital, spaceBefore: space, number: number, digits: kind == .number && number != nil ? digitCount : 0))
                i = end
            } else {
                let text = String(decoding: bytes[i..<(i + length)], as: UTF8.self)
                tokens.append(Token(range: i..<(i + length), kind: .mark, lower: Self.normalisedMark(text), capitalized: false,
                                    spaceBefore: space, number: nil, digits: 0))
                i += length
            }
            space = false
        }
        Self.markSentences(&tokens, bytes: bytes)
        self.tokens = tokens
    }

    /// Dashes as "-", curly apostrophes as "'", so rules name one of each.
    static func normalisedMark(_ text: String) -> String {
        switch text {
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}": return "-"
        case "\u{2019}", "\u{2018}", "`": return "'"
        default: return text
        }
    }

    /// Sentence starts: after `.`, `!` or `?` (and closing quotes) and a
    /// space, but not after a lone capital ("U.S.") or a short form
    /// ("St.", "Jan."), as `Source.sentenceRange` reads them.
    private static func markSentences(_ tokens: inout [Token], bytes: [UInt8]) {
        guard !tokens.isEmpty else { return }
        tokens[0].startsSentence = true
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .mark, t.lower == "." || t.lower == "!" || t.lower == "?" {
                var j = i + 1
                while j < tokens.count, tokens[j].kind == .mark, !tokens[j].spaceBefore,
                      ["\"", "'", "\u{201D}", ")"].contains(tokens[j].lower) { j += 1 }
                let previous = i > 0 ? tokens[i - 1] : nil
                let abbreviation = t.lower == "." && previous.map { p in
                    p.kind == .word && !t.spaceBefore && ((p.range.count == 1 && p.capitalized) || Source.abbreviations.contains(String(decoding: bytes[p.range], as: UTF8.self)))
                } == true
                if j < tokens.count, tokens[j].spaceBefore, !abbreviation { tokens[j].startsSentence = true }
                i = j
                continue
            }
            i += 1
        }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s.value >= 0x30 && s.value <= 0x39) || ((s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A) }
        return s.properties.isAlphabetic
    }

    /// The scalar at `i` and its length in bytes; invalid UTF-8 reads as U+FFFD, one byte.
    static func scalar(_ bytes: [UInt8], at i: Int, limit: Int) -> (Unicode.Scalar, Int) {
        let b = bytes[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= limit else { return ("\u{FFFD}", 1) }
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }

    // MARK: Reading

    func lower(_ i: Int) -> String? { self[i]?.lower }

    /// Whether token `i` is a word in `words`.
    func isWord(_ i: Int, _ words: Set<String>) -> Bool {
        guard let t = self[i], t.kind == .word else { return false }
        return words.contains(t.lower)
    }

    func isWord(_ i: Int, _ word: String) -> Bool {
        guard let t = self[i], t.kind == .word else { return false }
        return t.lower == word
    }

    func isMark(_ i: Int, _ mark: String) -> Bool {
        guard let t = self[i], t.kind == .mark else { return false }
        return t.lower == mark
    }

    /// Token `i` follows the one before with no space ("mid-2021").
    func joined(_ i: Int) -> Bool { self[i].map { !$0.spaceBefore } ?? false }

    /// The text from the start of token `first` to the end of token `last`.
    func text(_ first: Int, _ last: Int) -> String {
        guard let a = self[first], let b = self[last] else { return "" }
        return String(decoding: bytes[a.range.lowerBound..<b.range.upperBound], as: UTF8.self)
    }

    /// The index of the first token of the sentence holding token `i`.
    func sentenceStart(of i: Int) -> Int {
        var j = min(i, count - 1)
        while j > 0 && !tokens[j].startsSentence { j -= 1 }
        return max(0, j)
    }

    /// One past the last token of the sentence holding token `i`.
    func sentenceEnd(of i: Int) -> Int {
        var j = i + 1
        while j < count && !tokens[j].startsSentence { j += 1 }
        return j
    }
}
