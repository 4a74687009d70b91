/// A set of events (positions in `Corpus.events`) as bits. A clause's events
/// are the union of its words' lists and a query's the intersection of its
/// clauses': word-wise ORs and ANDs, where dictionaries of 100,000 events
/// made a common word cost a frame's budget several times over.
struct EventSet: Sendable {
    private(set) var words: [UInt64]

    init(capacity: Int) { words = Array(repeating: 0, count: (capacity + 63) / 64) }

    mutating func insert(_ event: Int) { words[event >> 6] |= 1 << UInt64(event & 63) }

    mutating func insert<S: Sequence>(contentsOf events: S) where S.Element == Int32 {
        words.withUnsafeMutableBufferPointer { words in
            for event in events { words[Int(event) >> 6] |= 1 << UInt64(event & 63) }
        }
    }

    func contains(_ event: Int) -> Bool { words[event >> 6] & (1 << UInt64(event & 63)) != 0 }

    mutating func formUnion(_ other: EventSet) {
        for i in words.indices { words[i] |= other.words[i] }
    }

    mutating func formIntersection(_ other: EventSet) {
        for i in words.indices { words[i] &= other.words[i] }
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The events, ascending (timeline order), that `keep` keeps.
    func elements(where keep: (Int) -> Bool = { _ in true }) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(count)
        for (i, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let event = i << 6 | bits.trailingZeroBitCount
                if keep(event) { out.append(event) }
                bits &= bits - 1
            }
        }
        return out
    }
}
