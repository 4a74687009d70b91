extension SearchIndex {
    /// The words of one text, in order, as vocabulary ids, and where its
    /// lines (or fields) begin. Their byte offsets are not kept (9 bytes a
    /// token, 108 MB at 20,000 articles): the few a screen shows are found
    /// by reading their line again (`TokenOffsets`).
    struct Tokens: Sendable {
        var terms = TermIDs()
        /// Where each line (sources) or field (events: 0 title, 1 summary,
        /// 2 actors) begins: its number and its first token, ascending. One
        /// entry per line, not a line number per token (48 MB at 20,000 articles).
        var lineFirstTokens: [(line: Int32, token: Int32)] = []

        mutating func append(term: Int32, line: Int) {
            if lineFirstTokens.last?.line != Int32(line) { lineFirstTokens.append((Int32(line), Int32(terms.count))) }
            terms.append(term)
        }

        mutating func removeAll() {
            terms.removeAll()
            lineFirstTokens.removeAll(keepingCapacity: true)
        }

        /// A copy in arrays of their own that hold no spare room.
        func copiedToSize() -> Tokens {
            Tokens(terms: terms.copiedToSize(), lineFirstTokens: lineFirstTokens.copiedToSize())
        }

        /// The line (or field) of the token at `position`.
        func line(at position: Int) -> Int32 {
            lineFirstTokens[lineFirstTokens.partitionPoint { Int($0.token) <= position } - 1].line
        }

        /// Whether the tokens from `first` to `last` lie on one line: `last`
        /// comes before the next line's first token (one search, where the
        /// events' 300,000 fields made two a cost).
        func sameLine(_ first: Int, _ last: Int) -> Bool {
            guard first != last else { return true }
            let next = lineFirstTokens.partitionPoint { Int($0.token) <= first }
            return next == lineFirstTokens.count || last < Int(lineFirstTokens[next].token)
        }

        /// The token positions of a line (empty when it has none).
        func positions(ofLine line: Int32) -> Range<Int> {
            let k = lineFirstTokens.partitionPoint { $0.line < line }
            guard k < lineFirstTokens.count, lineFirstTokens[k].line == line else { return 0..<0 }
            return Int(lineFirstTokens[k].token)..<(k + 1 < lineFirstTokens.count ? Int(lineFirstTokens[k + 1].token) : terms.count)
        }
    }

    /// A text's term ids in two bytes each: ids are given commonest word
    /// first, so the 65,535 commonest words are their own code; a rarer
    /// word's code is 0xFFFF and its id is kept aside with its position.
    /// Four bytes each took 49 MB at 20,000 articles.
    struct TermIDs: Sendable, RandomAccessCollection {
        private(set) var codes: [UInt16] = []
        private(set) var rarePositions: [Int32] = [], rareIDs: [Int32] = []
        static let escape = UInt16.max

        init() {}

        /// Codes and rare ids as `codes`, `rarePositions` and `rareIDs` give them.
        init(codes: [UInt16], rarePositions: [Int32], rareIDs: [Int32]) {
            self.codes = codes
            self.rarePositions = rarePositions
            self.rareIDs = rareIDs
        }

        var startIndex: Int { 0 }
        var endIndex: Int { codes.count }

        @inline(__always) subscript(position: Int) -> Int32 {
            let code = codes[position]
            if code != Self.escape { return Int32(code) }
            let k = rarePositions.partitionPoint { $0 < Int32(position) }
            return k < rareIDs.count ? rareIDs[k] : -1
        }

        mutating func append(_ id: Int32) {
            if id >= 0 && id < Int32(Self.escape) {
                codes.append(UInt16(id))
            } else {
                rarePositions.append(Int32(codes.count))
                rareIDs.append(id)
                codes.append(Self.escape)
            }
        }

        mutating func removeAll() {
            codes.removeAll(keepingCapacity: true)
            rarePositions.removeAll(keepingCapacity: true)
            rareIDs.removeAll(keepingCapacity: true)
        }

        /// Maps the ids one by one where they lie: a copy of every
        /// article's terms at once, old and new, was the peak of indexing.
        mutating func map(_ transform: (Int32) -> Int32) {
            var positions: [Int32] = [], ids: [Int32] = []
            for position in codes.indices {
                let id = transform(self[position])
                if id >= 0 && id < Int32(Self.escape) {
                    codes[position] = UInt16(id)
                } else {
                    positions.append(Int32(position))
                    ids.append(id)
                    codes[position] = Self.escape
                }
            }
            rarePositions = positions
            rareIDs = ids
        }

        /// A copy in arrays of their own that hold no spare room.
        func copiedToSize() -> TermIDs {
            var copy = TermIDs()
            copy.codes = codes.copiedToSize()
            copy.rarePositions = rarePositions.copiedToSize()
            copy.rareIDs = rareIDs.copiedToSize()
            return copy
        }
    }

    /// A word's postings, ascending, each stored as its distance from the
    /// one before in groups of seven bits, the last group's top bit clear:
    /// a byte for most (a word a few dozen tokens from its last use), where
    /// four bytes each took 48 MB at 20,000 articles. They are read in
    /// order, which is how a search walks them.
    struct Postings: Sendable {
        private(set) var bytes: [UInt8] = []
        private(set) var count = 0
        private(set) var last: UInt32 = 0

        init() {}

        /// Postings as `bytes` holds them, `last` the greatest.
        init(bytes: [UInt8], count: Int, last: UInt32) {
            self.bytes = bytes
            self.count = count
            self.last = last
        }

        /// Room for exactly `bytes` bytes of postings.
        init(capacity bytes: Int) { self.bytes.reserveCapacity(bytes) }

        /// The bytes a posting `gap` after the one before takes.
        static func size(ofGap gap: UInt32) -> Int {
            gap < 1 << 7 ? 1 : gap < 1 << 14 ? 2 : gap < 1 << 21 ? 3 : gap < 1 << 28 ? 4 : 5
        }

        /// Appends a posting no smaller than the last.
        mutating func append(_ posting: UInt32) {
            var gap = posting - (count == 0 ? 0 : Swift.min(last, posting))
            while gap >= 0x80 {
                bytes.append(UInt8(gap & 0x7F) | 0x80)
                gap >>= 7
            }
            bytes.append(UInt8(gap))
            last = posting
            count += 1
        }

        /// The bytes the postings take.
        var byteCount: Int { bytes.count }

        /// Calls `body` with each posting, in order, until it returns false.
        @inline(__always) func forEach(until body: (UInt32) -> Bool) {
            bytes.withUnsafeBufferPointer { bytes in
                var at = 0, value: UInt32 = 0
                while at < bytes.count {
                    var gap: UInt32 = 0, shift: UInt32 = 0
                    while at < bytes.count {
                        let byte = bytes[at]
                        at += 1
                        gap |= UInt32(byte & 0x7F) << (shift & 31)
                        if byte & 0x80 == 0 { break }
                        shift += 7
                    }
                    value &+= gap
                    if !body(value) { return }
                }
            }
        }
    }

    /// A bit per token position of the articles, counted on from article to
    /// article as postings are: 1.5 MB at 20,000 articles.
    struct PositionBits: Sendable {
        private(set) var words: [UInt64]
        /// The positions it has a bit for.
        let count: Int

        init(count: Int) {
            self.count = count
            words = Array(repeating: 0, count: count / 64 + 1)
        }

        mutating func insert(_ position: Int) { words[position >> 6] |= 1 << UInt64(position & 63) }

        func contains(_ position: Int) -> Bool { words[position >> 6] & (1 << UInt64(position & 63)) != 0 }

        /// Whether any of `positions` has its bit set.
        func any(_ positions: Range<Int>) -> Bool {
            guard !positions.isEmpty else { return false }
            let first = positions.lowerBound, last = positions.upperBound - 1
            guard first >> 6 < words.count else { return false }
            for word in (first >> 6)...min(last >> 6, words.count - 1) {
                var mask = UInt64.max
                if word == first >> 6 { mask &= UInt64.max << UInt64(first & 63) }
                if word == last >> 6 { mask &= UInt64.max >> UInt64(63 - (last & 63)) }
                if words[word] & mask != 0 { return true }
            }
            return false
        }
    }

    /// Where the articles' lines begin, and one past the last token. A
    /// posting's line is found without reading its article's tables, and a
    /// walk up the postings reads the bits in order.
    struct LineStartBits: Sendable {
        private let bits: PositionBits

        init(_ sources: [Tokens], tokenBase: [UInt32]) {
            let total = Int(tokenBase.last ?? 0)
            var bits = PositionBits(count: total + 1)
            for (source, tokens) in sources.enumerated() {
                let base = Int(tokenBase[source])
                // Positions past the 4,294,967,295th are not posted, so never asked about.
                for start in tokens.lineFirstTokens where base + Int(start.token) < total { bits.insert(base + Int(start.token)) }
            }
            bits.insert(total)
            self.bits = bits
        }

        /// The positions of the line that holds `position` (which must be a
        /// token's): from the last line start at or before it to the next.
        func line(around position: Int) -> Range<Int> {
            let words = bits.words
            var word = position >> 6
            var mask = words[word] & (UInt64.max >> UInt64(63 - (position & 63)))
            while mask == 0 && word > 0 { word -= 1; mask = words[word] }
            let start = mask == 0 ? 0 : word << 6 | (63 - mask.leadingZeroBitCount)
            word = (position + 1) >> 6
            mask = word < words.count ? words[word] & (UInt64.max << UInt64((position + 1) & 63)) : 0
            while mask == 0 && word + 1 < words.count { word += 1; mask = words[word] }
            let end = mask == 0 ? words.count << 6 : word << 6 | mask.trailingZeroBitCount
            return start..<end
        }

        /// Whether the tokens from `first` to `last` lie on one line.
        func sameLine(_ first: Int, _ last: Int) -> Bool {
            first == last || line(around: first).upperBound > last
        }
    }

    /// Which blocks of eight token positions (counted on from article to
    /// article, as postings are) hold any of some postings: a bit each,
    /// 190 kB at 20,000 articles. A line with none of its blocks marked
    /// lacks the word; one with a block marked may have it.
    struct PositionBlocks {
        private var blocks: PositionBits

        init<Lists: Sequence>(_ lists: Lists, positions: Int) where Lists.Element == Postings {
            blocks = PositionBits(count: positions >> 3 + 1)
            for list in lists {
                list.forEach { posting in blocks.insert(Int(posting >> 3)); return true }
            }
        }

        /// Whether any block holding `positions` is marked.
        func any(_ positions: Range<Int>) -> Bool {
            guard !positions.isEmpty else { return false }
            return blocks.any(positions.lowerBound >> 3..<(positions.upperBound - 1) >> 3 + 1)
        }
    }

    /// Every event's own words in one `Tokens`, its fields numbered as
    /// lines `event × 3 + field`, and every event's passages' tokens end to
    /// end: one array each, where three small arrays per event and a copy
    /// of its text took some 30 MB at 100,000 events.
    struct EventTokenTable: Sendable {
        var tokens = Tokens()
        /// Where each event's words start in `tokens`, and one past the last.
        var starts: [Int32] = [0]
        /// Per event, the tokens of its cited passages, in citation order.
        var passages: [PassageTokens] = []
        var passageStarts: [Int32] = [0]

        static let fieldCount = 3

        /// The line (in `tokens`) of an event's field.
        static func line(ofEvent event: Int, field: Int) -> Int { event * fieldCount + field }
        /// The field (0 title, 1 summary, 2 actors) of a line of `tokens`.
        static func field(ofLine line: Int32) -> Int { Int(line) % fieldCount }

        var eventCount: Int { starts.count - 1 }

        func positions(ofEvent event: Int) -> Range<Int> { Int(starts[event])..<Int(starts[event + 1]) }

        func passages(ofEvent event: Int) -> ArraySlice<PassageTokens> {
            passages[Int(passageStarts[event])..<Int(passageStarts[event + 1])]
        }

        /// Appends another table's events after this one's, each term `id`
        /// mapped by `term`.
        mutating func append(_ other: EventTokenTable, term: (Int32) -> Int32) {
            let shift = Int32(tokens.terms.count)
            var k = 0
            for position in other.tokens.terms.indices {
                while k + 1 < other.tokens.lineFirstTokens.count && Int(other.tokens.lineFirstTokens[k + 1].token) <= position { k += 1 }
                tokens.append(term: term(other.tokens.terms[position]), line: Int(other.tokens.lineFirstTokens[k].line))
            }
            starts += other.starts.dropFirst().map { $0 + shift }
            let passageShift = Int32(passages.count)
            passages += other.passages
            passageStarts += other.passageStarts.dropFirst().map { $0 + passageShift }
        }
    }

    /// Per word, the events (ascending) whose own text or cited passages
    /// hold it, all in one array: one array per word, grown by appending,
    /// held half as much again.
    struct EventLists: Sendable {
        private(set) var starts: [Int] = [0]
        private(set) var events: [Int32] = []

        /// Lists as `starts` and `events` give them.
        init(starts: [Int], events: [Int32]) {
            self.starts = starts
            self.events = events
        }

        /// Lists for `termCount` words; `forEachTerm(event, body)` calls
        /// `body` with every word of an event, repeats allowed.
        init(termCount: Int, eventCount: Int, forEachTerm: (Int, (Int32) -> Void) -> Void) {
            // Counted first, then filled: each list at its size.
            var counts = [Int](repeating: 0, count: termCount)
            var lastEvent = [Int32](repeating: -1, count: termCount)
            for event in 0..<eventCount {
                forEachTerm(event) { term in
                    if lastEvent[Int(term)] != Int32(event) { lastEvent[Int(term)] = Int32(event); counts[Int(term)] += 1 }
                }
            }
            starts.reserveCapacity(termCount + 1)
            for count in counts { starts.append(starts[starts.count - 1] + count) }
            var next = Array(starts.dropLast())
            events = [Int32](repeating: 0, count: starts[termCount])
            lastEvent = [Int32](repeating: -1, count: termCount)
            for event in 0..<eventCount {
                forEachTerm(event) { term in
                    let term = Int(term)
                    if lastEvent[term] != Int32(event) {
                        lastEvent[term] = Int32(event)
                        events[next[term]] = Int32(event)
                        next[term] += 1
                    }
                }
            }
        }

        subscript(term: Int) -> ArraySlice<Int32> { events[starts[term]..<starts[term + 1]] }
        var count: Int { starts.count - 1 }
    }

    /// The tokens of one cited passage: a range of its source's token positions.
    struct PassageTokens: Sendable {
        let source: Int32
        let tokens: Range<Int32>
    }
}


extension Array {
    /// The elements in a new array of exactly their number: an array grown
    /// by appending holds up to twice what it uses, and `Array(slice)` of a
    /// whole array may share its storage rather than copy.
    func copiedToSize() -> [Element] {
        guard !isEmpty else { return [] }
        return withUnsafeBufferPointer { source in
            [Element](unsafeUninitializedCapacity: source.count) { buffer, count in
                _ = buffer.initialize(from: source)
                count = source.count
            }
        }
    }
}
