import Foundation

/// One searchable word: its folded form and where it lies in the bytes it
/// was read from (UTF-8 offsets, start inclusive, end exclusive).
public struct SearchToken: Sendable, Hashable {
    public let term: String
    public let start: Int
    public let end: Int
}

/// Splits text into words and folds them so that matching ignores case,
/// diacritics and typography: "Türkiye" → "turkiye", "paylaşın" →
/// "paylasin". Words are runs of letters, digits and combining marks, so
/// apostrophes, quotes and dashes of every kind separate words alike:
/// "Russia’s" and "Russia's" are both `russia s`, "ISIS–K" and "ISIS-K"
/// both `isis k`.
public enum SearchTokenizer {
    public static func tokens(_ text: String) -> [SearchToken] {
        tokens(utf8: Array(text.utf8))
    }

    /// Tokens of UTF-8 bytes; offsets are indexes into `bytes` plus `base`.
    public static func tokens(utf8 bytes: [UInt8], range: Range<Int>? = nil, base: Int = 0) -> [SearchToken] {
        bytes.withUnsafeBufferPointer { tokens(utf8: $0, range: range ?? 0..<bytes.count, base: base) }
    }

    static func tokens(utf8 bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, base: Int) -> [SearchToken] {
        var result: [SearchToken] = []
        forEachToken(utf8: bytes, range: range) { term, start, end in
            result.append(SearchToken(term: String(decoding: term, as: UTF8.self), start: start + base, end: end + base))
        }
        return result
    }

    /// Calls `body` with each word's folded UTF-8 bytes (valid only during
    /// the call) and its start and end: the index reads words this way,
    /// without a String for each of 12 million tokens.
    static func forEachToken(utf8 bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
                             _ body: (UnsafeBufferPointer<UInt8>, Int, Int) -> Void) {
        var folded = FoldedTerm()
        scan(bytes, range, &folded) { term, start, end in term.bytes.withUnsafeBufferPointer { body($0, start, end) } }
    }

    /// Calls `body` with each word's start and end only, found exactly as
    /// `forEachToken` finds them but without folding the word: what drawing
    /// a line's matches needs.
    static func forEachTokenBounds(utf8 bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Int, Int) -> Void) {
        var length = FoldedLength()
        scan(bytes, range, &length) { _, start, end in body(start, end) }
    }

    /// What a scan keeps of the word it is reading.
    protocol TermSink {
        mutating func append(_ byte: UInt8)
        mutating func append(_ folded: String)
        var isEmpty: Bool { get }
        mutating func removeAll()
    }

    /// The word's folded bytes.
    struct FoldedTerm: TermSink {
        var bytes: [UInt8] = []
        init() { bytes.reserveCapacity(64) }
        mutating func append(_ byte: UInt8) { bytes.append(byte) }
        mutating func append(_ folded: String) { bytes.append(contentsOf: folded.utf8) }
        var isEmpty: Bool { bytes.isEmpty }
        mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
    }

    /// Only how many folded bytes the word has: a letter may fold to none.
    struct FoldedLength: TermSink {
        var count = 0
        mutating func append(_ byte: UInt8) { count += 1 }
        mutating func append(_ folded: String) { count += folded.utf8.count }
        var isEmpty: Bool { count == 0 }
        mutating func removeAll() { count = 0 }
    }

    /// The one reading of words: runs of letters, digits and combining
    /// marks, folded into `term`.
    @inline(__always)
    static func scan<Sink: TermSink>(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ term: inout Sink,
                                     _ body: (inout Sink, Int, Int) -> Void) {
        var start = -1, end = -1
        var i = range.lowerBound
        func close() {
            if start >= 0, !term.isEmpty { body(&term, start, end) }
            term.removeAll()
            start = -1
        }
        while i < range.upperBound {
            let byte = bytes[i]
            if byte < 0x80 {
                // The common case, without decoding: ASCII letters and digits.
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    if start < 0 { start = i }
                    term.append(byte); end = i + 1
                } else if byte >= 0x41 && byte <= 0x5A {
                    if start < 0 { start = i }
                    term.append(byte + 0x20); end = i + 1
                } else {
                    close()
                }
                i += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: i, limit: range.upperBound)
            defer { i += length }
            guard let scalar else { close(); continue }
            let (kind, folded) = classified(scalar)
            switch kind {
            case .mark:
                // A combining mark belongs to the word before it and folds away.
                if start >= 0 { end = i + length }
            case .separator:
                close()
            case .letter:
                if start < 0 { start = i }
                term.append(folded)
                end = i + length
            }
        }
        close()
    }

    /// The folded form of one query word or phrase, as terms.
    public static func terms(_ text: String) -> [String] { tokens(text).map(\.term) }

    enum Kind: Sendable { case separator, mark, letter }

    /// What a scalar is to a word, and its folded form when a letter.
    static func classify(_ scalar: Unicode.Scalar) -> (Kind, String) {
        let properties = scalar.properties
        let category = properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark || category == .spacingMark { return (.mark, "") }
        guard properties.isAlphabetic || category == .decimalNumber else { return (.separator, "") }
        return (.letter, fold(scalar))
    }

    /// Latin letters with diacritics (U+0080–U+024F) and typographic
    /// punctuation (U+2000–U+206F), classified and folded once: asking
    /// Unicode and Foundation for every such character of 20,000 articles
    /// was a third of indexing them.
    private static let latin: [(Kind, String)] = (0x80..<0x250).map { classify(Unicode.Scalar($0)!) }
    private static let punctuation: [(Kind, String)] = (0x2000..<0x2070).map { classify(Unicode.Scalar($0)!) }

    static func classified(_ scalar: Unicode.Scalar) -> (Kind, String) {
        switch scalar.value {
        case 0x80..<0x250: return latin[Int(scalar.value) - 0x80]
        case 0x2000..<0x2070: return punctuation[Int(scalar.value) - 0x2000]
        default: return classify(scalar)
        }
    }

    /// A letter without case or diacritics; a few letters that Unicode does
    /// not decompose are mapped by hand (Turkish dotless ı, ø, ł, đ, ß, æ, œ).
    static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0131, 0x0130: return "i"
        case 0x00F8, 0x00D8: return "o"
        case 0x0142, 0x0141: return "l"
        case 0x0111, 0x0110: return "d"
        case 0x00DF: return "ss"
        case 0x00E6, 0x00C6: return "ae"
        case 0x0153, 0x0152: return "oe"
        default:
            return String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        }
    }

    /// One UTF-8 sequence: the scalar (nil when invalid) and its length.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= limit else { return (nil, 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let next = bytes[i + k]
            guard next & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}
