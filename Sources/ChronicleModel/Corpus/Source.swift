import Foundation

/// One article of a corpus: what is known about it, and its raw bytes as
/// published, never altered.
public struct Source: Sendable, Identifiable {
    /// A span of lines that is not article text: "Explore" lists, footers, links.
    public struct Furniture: Sendable, Hashable {
        public let lines: ClosedRange<Int>
        public let label: String?
    }

    public let id: String
    /// The file name relative to the corpus root, as the manifest gives it.
    public let file: String
    public let outlet: String
    /// Nil when the article prints no headline: never invent one.
    public let title: String?
    public let byline: String?
    public let dateline: String?
    /// The wire agency or credit the article names ("Reuters").
    public let agency: String?
    public let url: String?
    public let language: String?
    public let published: DatedValue
    /// The article's bytes exactly as on disk.
    public let raw: [UInt8]
    public let sha256: String
    public let lines: LineIndex
    public let display: DisplayProjection
    /// Line spans that are article text (1-based, inclusive).
    public let body: [ClosedRange<Int>]
    public let furniture: [Furniture]
    /// Raw byte ranges where quotes may anchor: body lines minus furniture.
    public let quotableRanges: [Range<Int>]

    public init(id: String, file: String, outlet: String, title: String?, byline: String? = nil,
                dateline: String? = nil, agency: String? = nil, url: String? = nil, language: String? = nil,
                published: DatedValue, raw: [UInt8], lines: LineIndex? = nil, body: [ClosedRange<Int>]? = nil,
                furniture: [Furniture] = []) {
        self.init(id: id, file: file, outlet: outlet, title: title, byline: byline, dateline: dateline, agency: agency, url: url,
                  language: language, published: published, raw: raw, sha256: nil, lines: lines, display: nil, body: body,
                  furniture: furniture)
    }

    /// What is worked out from the bytes may be given, when it was before
    /// for these very bytes (an earlier load, the cache): the loader
    /// indexes lines first to check line ranges, and an unchanged article
    /// need not be hashed again.
    init(id: String, file: String, outlet: String, title: String?, byline: String?, dateline: String?, agency: String?,
         url: String?, language: String?, published: DatedValue, raw: [UInt8], sha256: String?, lines: LineIndex?,
         display: DisplayProjection?, body: [ClosedRange<Int>]?, furniture: [Furniture]) {
        self.id = id
        self.file = file
        self.outlet = outlet
        self.title = title
        self.byline = byline
        self.dateline = dateline
        self.agency = agency
        self.url = url
        self.language = language
        self.published = published
        self.raw = raw
        self.sha256 = sha256 ?? SHA256.hex(raw)
        let lines = lines ?? LineIndex(raw)
        self.lines = lines
        self.display = display ?? DisplayProjection(raw: raw)
        let body = body ?? [1...lines.lineCount]
        self.body = body
        self.furniture = furniture
        self.quotableRanges = Self.quotableRanges(lines: lines, body: body, furniture: furniture)
    }

    /// When the article's own date is not printed but inferred, how, in
    /// words: the first sentence of its basis ("Not printed in the article:
    /// inferred from wire reports of the same statements, 4 Oct 2024").
    public var inferredDateNote: String? {
        guard published.inferred else { return nil }
        guard let basis = published.basis?.trimmingCharacters(in: .whitespacesAndNewlines), !basis.isEmpty else {
            return "its date is inferred"
        }
        let first = basis.components(separatedBy: ". ").first ?? basis
        return "its date is inferred: " + (first.hasSuffix(".") ? String(first.dropLast()) : first)
    }

    /// "Defence Talks (untitled)" where there is no headline.
    public var displayTitle: String { title ?? "(untitled)" }

    /// Whether a 1-based line is page furniture, and its label.
    public func furniture(atLine line: Int) -> Furniture? {
        furniture.first { $0.lines.contains(line) }
    }

    public func isBody(line: Int) -> Bool {
        body.contains { $0.contains(line) } && furniture(atLine: line) == nil
    }

    /// The raw bytes of `range` as text (invalid UTF-8 shown as U+FFFD).
    public func rawText(_ range: Range<Int>) -> String {
        String(decoding: raw[range], as: UTF8.self)
    }

    /// The reader's text of a raw range: markup hidden.
    public func displayText(_ range: Range<Int>) -> String {
        let lo = display.displayIndex(atOrAfterRaw: range.lowerBound)
        let hi = display.displayIndex(atOrAfterRaw: range.upperBound)
        return String(decoding: display.bytes[lo..<max(lo, hi)], as: UTF8.self)
    }

    /// The reader's text of one line.
    public func displayLine(_ line: Int) -> String {
        displayText(lines.contentRange(ofLine: line))
    }

    static func quotableRanges(lines: LineIndex, body: [ClosedRange<Int>], furniture: [Furniture]) -> [Range<Int>] {
        let count = lines.lineCount
        var quotable = [Bool](repeating: false, count: count + 1)
        for span in body {
            for line in span where line >= 1 && line <= count { quotable[line] = true }
        }
        for item in furniture {
            for line in item.lines where line >= 1 && line <= count { quotable[line] = false }
        }
        var ranges: [Range<Int>] = []
        var line = 1
        while line <= count {
            guard quotable[line] else { line += 1; continue }
            var last = line
            while last + 1 <= count && quotable[last + 1] { last += 1 }
            ranges.append(lines.contentRange(lines: line, last))
            line = last + 1
        }
        return ranges
    }
}
