import CModelSupport
import Foundation

/// A search index as a cache file beside its corpus's entry: the parts a
/// build works out, as arrays of numbers end to end (`Numbers`), so that
/// reading one is copying it; the parts derived from these and the corpus
/// (line starts, quoted tokens, actor names) are derived again. Decoding
/// checks every id and offset a query follows, so a file that passed its
/// checksums but holds something else is refused, not trapped on.
enum IndexImage {
    static let kind: UInt32 = 4

    enum Section {
        static let meta = CacheSection(rawValue: 1)
        static let terms = CacheSection(rawValue: 2)
        static let sourceTokens = CacheSection(rawValue: 3)
        static let postings = CacheSection(rawValue: 4)
        static let eventTokens = CacheSection(rawValue: 5)
        static let eventsOfTerm = CacheSection(rawValue: 6)
        static let citedTokens = CacheSection(rawValue: 7)
    }

    // MARK: Writing

    static func write(_ index: SearchIndex, into file: inout CacheFileWriter) throws(CacheWriteFailure) {
        try file.begin(Section.meta)
        try file.numbers([UInt64(index.corpus.sources.count), UInt64(index.corpus.events.count), UInt64(index.termCount),
                          UInt64(index.indexedLines), UInt64(index.totalLength)])
        file.end()

        try file.begin(Section.terms)
        var termEnds: [UInt32] = [], bytes: [UInt8] = []
        termEnds.reserveCapacity(index.sortedTerms.count)
        for term in index.sortedTerms {
            bytes += term.utf8
            termEnds.append(UInt32(bytes.count))
        }
        try file.numbers(bytes)
        try file.numbers(termEnds)
        try file.numbers(index.sortedIDs)
        file.end()

        try file.begin(Section.sourceTokens)
        try write(index.sourceTokens, into: &file)
        try file.numbers(index.tokenBase)
        file.end()

        try file.begin(Section.postings)
        try file.numbers(ends(index.sourcePostings.map(\.bytes.count)))
        try file.numbers(index.sourcePostings.map { UInt32($0.count) })
        try file.numbers(index.sourcePostings.map(\.last))
        try file.numbers(index.sourcePostings.map(\.bytes))
        file.end()

        try file.begin(Section.eventTokens)
        let events = index.eventTokens
        try write([events.tokens], into: &file)
        try file.numbers(events.starts)
        try file.numbers(events.passages.map(\.source))
        try file.numbers(events.passages.map(\.tokens.lowerBound))
        try file.numbers(events.passages.map(\.tokens.upperBound))
        try file.numbers(events.passageStarts)
        file.end()

        try file.begin(Section.eventsOfTerm)
        try file.numbers(index.eventsOfTerm.starts.map { UInt64($0) })
        try file.numbers(index.eventsOfTerm.events)
        file.end()

        try file.begin(Section.citedTokens)
        try file.numbers(ends(index.citedTokens.map(\.count)))
        try file.numbers(index.citedTokens.map { $0.map(\.lowerBound) })
        try file.numbers(index.citedTokens.map { $0.map(\.upperBound) })
        file.end()
    }

    /// Texts' tokens: each array of every text end to end, after where each text's ends.
    private static func write(_ texts: [SearchIndex.Tokens], into file: inout CacheFileWriter) throws(CacheWriteFailure) {
        try file.numbers(ends(texts.map(\.terms.codes.count)))
        try file.numbers(texts.map(\.terms.codes))
        try file.numbers(ends(texts.map(\.terms.rareIDs.count)))
        try file.numbers(texts.map(\.terms.rarePositions))
        try file.numbers(texts.map(\.terms.rareIDs))
        try file.numbers(ends(texts.map(\.lineFirstTokens.count)))
        try file.numbers(texts.map { $0.lineFirstTokens.map(\.line) })
        try file.numbers(texts.map { $0.lineFirstTokens.map(\.token) })
    }

    /// Where each of some parts ends, counted on from the first.
    private static func ends(_ counts: [Int]) -> [UInt64] {
        var total: UInt64 = 0
        return counts.map { total += UInt64($0); return total }
    }

    // MARK: Reading

    /// The index of `corpus` the file holds; throws when it holds anything
    /// a query could not follow, or an index of another corpus.
    static func read(_ file: CacheFile, corpus: Corpus) throws(CacheDamage) -> SearchIndex {
        var meta = NumbersReader(try file.section(Section.meta))
        let counts = try meta.numbers(UInt64.self)
        guard counts.count == 5 else { throw CacheDamage("its summary is malformed") }
        guard counts[0] == UInt64(corpus.sources.count), counts[1] == UInt64(corpus.events.count) else {
            throw CacheDamage("it is the index of another corpus")
        }
        guard let termCount = Int(exactly: counts[2]), let indexedLines = Int(exactly: counts[3]), let totalLength = Int(exactly: counts[4]) else {
            throw CacheDamage("its summary is malformed")
        }

        var terms = NumbersReader(try file.section(Section.terms))
        let termBytes = try terms.numbers(UInt8.self), termEnds = try terms.numbers(UInt32.self), termIDs = try terms.numbers(Int32.self)
        guard termEnds.count == termCount, termIDs.count == termCount else { throw CacheDamage("its vocabulary is malformed") }
        try checkEnds(termEnds, total: termBytes.count)
        var sortedTerms: [String] = []
        sortedTerms.reserveCapacity(termCount)
        var start = 0
        for k in 0..<termCount {
            let end = Int(termEnds[k])
            sortedTerms.append(String(decoding: UnsafeRawBufferPointer(rebasing: termBytes.raw[start..<end]), as: UTF8.self))
            start = end
        }
        let sortedIDs = termIDs.array()
        // Each id once: a permutation of the vocabulary's.
        var seen = [Bool](repeating: false, count: termCount)
        for id in sortedIDs {
            guard id >= 0, Int(id) < termCount, !seen[Int(id)] else { throw CacheDamage("its vocabulary is malformed") }
            seen[Int(id)] = true
        }

        // The two largest parts, the articles' tokens (in two halves) and
        // the postings, on both cores.
        var sourceInput = NumbersReader(try file.section(Section.sourceTokens))
        let sourceArrays = try TokenArrays(&sourceInput, texts: corpus.sources.count, termCount: termCount)
        let tokenBase = try sourceInput.numbers(UInt32.self).array()
        let half = corpus.sources.count / 2
        let tokensResult = ConcurrentResults<Result<[SearchIndex.Tokens], CacheDamage>>(count: 2)
        let postingsResult = ConcurrentResults<Result<[SearchIndex.Postings], CacheDamage>>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0: postingsResult.put(0, Result { () throws(CacheDamage) in try readPostings(file, termCount: termCount) })
            case 1: tokensResult.put(0, Result { () throws(CacheDamage) in try sourceArrays.tokens(of: 0..<half) })
            default: tokensResult.put(1, Result { () throws(CacheDamage) in try sourceArrays.tokens(of: half..<corpus.sources.count) })
            }
        }
        let sourceTokens = try tokensResult.take(0).get() + tokensResult.take(1).get()
        let sourcePostings = try postingsResult.take(0).get()
        var total = 0
        var expected: [UInt32] = [0]
        for tokens in sourceTokens {
            total += tokens.terms.count
            expected.append(UInt32(min(total, Int(UInt32.max))))
        }
        guard tokenBase == expected else { throw CacheDamage("its token numbering is malformed") }
        // A word's last posting is a token of the articles (none: 0).
        guard sourcePostings.allSatisfy({ $0.last < max(1, total) }) else { throw CacheDamage("its postings are malformed") }

        var eventInput = NumbersReader(try file.section(Section.eventTokens))
        var eventTokens = SearchIndex.EventTokenTable()
        guard let ownTokens = try TokenArrays(&eventInput, texts: 1, termCount: termCount).tokens(of: 0..<1).first else {
            throw CacheDamage("its events are malformed")
        }
        eventTokens.tokens = ownTokens
        eventTokens.starts = try eventInput.numbers(Int32.self).array()
        let passageSources = try eventInput.numbers(Int32.self), lowers = try eventInput.numbers(Int32.self), uppers = try eventInput.numbers(Int32.self)
        eventTokens.passageStarts = try eventInput.numbers(Int32.self).array()
        guard eventTokens.starts.count == corpus.events.count + 1, passageSources.count == lowers.count, lowers.count == uppers.count,
              eventTokens.passageStarts.count == corpus.events.count + 1 else { throw CacheDamage("its events are malformed") }
        try checkStarts(eventTokens.starts, total: ownTokens.terms.count)
        try checkStarts(eventTokens.passageStarts, total: passageSources.count)
        eventTokens.passages.reserveCapacity(passageSources.count)
        for k in 0..<passageSources.count {
            let source = passageSources[k], lower = lowers[k], upper = uppers[k]
            guard source >= 0, Int(source) < sourceTokens.count, lower >= 0, lower <= upper,
                  Int(upper) <= sourceTokens[Int(source)].terms.count else { throw CacheDamage("its passages are malformed") }
            eventTokens.passages.append(SearchIndex.PassageTokens(source: source, tokens: lower..<upper))
        }

        var listInput = NumbersReader(try file.section(Section.eventsOfTerm))
        let listStarts = try listInput.numbers(UInt64.self).array().map { Int(clamping: $0) }
        let listEvents = try listInput.numbers(Int32.self).array()
        guard listStarts.count == termCount + 1, listStarts.first == 0 else { throw CacheDamage("its lists of events are malformed") }
        try checkEnds(Array(listStarts.dropFirst()), total: listEvents.count)
        guard listEvents.allSatisfy({ $0 >= 0 && Int($0) < corpus.events.count }) else { throw CacheDamage("its lists of events are malformed") }

        var citedInput = NumbersReader(try file.section(Section.citedTokens))
        let citedEnds = try citedInput.numbers(UInt64.self), citedLowers = try citedInput.numbers(Int32.self), citedUppers = try citedInput.numbers(Int32.self)
        guard citedEnds.count == corpus.sources.count, citedLowers.count == citedUppers.count else { throw CacheDamage("its citations are malformed") }
        try checkEnds(citedEnds, total: citedLowers.count)
        var citedTokens: [[Range<Int32>]] = []
        citedTokens.reserveCapacity(corpus.sources.count)
        var first = 0
        for source in 0..<corpus.sources.count {
            let end = Int(citedEnds[source])
            guard end - first == corpus.citations.entries(ofSource: source).count else { throw CacheDamage("its citations are malformed") }
            citedTokens.append(try (first..<end).map { (k) throws(CacheDamage) -> Range<Int32> in
                guard citedLowers[k] >= 0, citedLowers[k] <= citedUppers[k], Int(citedUppers[k]) <= sourceTokens[source].terms.count else {
                    throw CacheDamage("its citations are malformed")
                }
                return citedLowers[k]..<citedUppers[k]
            })
            first = end
        }

        return SearchIndex(corpus: corpus, sortedTerms: sortedTerms, sortedIDs: sortedIDs, sourceTokens: sourceTokens, eventTokens: eventTokens,
                           sourcePostings: sourcePostings, tokenBase: tokenBase,
                           eventsOfTerm: SearchIndex.EventLists(starts: listStarts, events: listEvents),
                           citedTokens: citedTokens, indexedLines: indexedLines, totalLength: totalLength)
    }

    /// Each word's postings, every one read once: ascending, as many as
    /// its count says, the last the one recorded (which the caller checks
    /// is a token of the articles), so none points past them.
    private static func readPostings(_ file: CacheFile, termCount: Int) throws(CacheDamage) -> [SearchIndex.Postings] {
        var input = NumbersReader(try file.section(Section.postings))
        let ends = try input.numbers(UInt64.self), counts = try input.numbers(UInt32.self)
        let lasts = try input.numbers(UInt32.self), bytes = try input.numbers(UInt8.self)
        guard ends.count == termCount, counts.count == termCount, lasts.count == termCount else { throw CacheDamage("its postings are malformed") }
        try checkEnds(ends, total: bytes.count)
        var postings: [SearchIndex.Postings] = []
        postings.reserveCapacity(termCount)
        var from = 0
        for term in 0..<termCount {
            let to = Int(ends[term])
            // In C: a tight loop over the varints, where a closure per posting was the dearest part of the read.
            let valid = from == to ? counts[term] == 0 && lasts[term] == 0
                : chronicle_postings_valid(bytes.raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + from, to - from,
                                           UInt64(counts[term]), lasts[term]) != 0
            guard valid else { throw CacheDamage("its postings are malformed") }
            postings.append(SearchIndex.Postings(bytes: bytes.array(from..<to), count: Int(counts[term]), last: lasts[term]))
            from = to
        }
        return postings
    }

    /// What `write(_:into:)` wrote of `texts` texts, where the section
    /// holds it; `tokens(of:)` reads some of the texts, every id and
    /// position checked, so that both cores can share the work.
    /// Unchecked Sendable: read-only views of a section's bytes, which the
    /// open file holds for as long as the read that shares them.
    private struct TokenArrays: @unchecked Sendable {
        let codeEnds: Numbers<UInt64>, codes: Numbers<UInt16>
        let rareEnds: Numbers<UInt64>, rarePositions: Numbers<Int32>, rareIDs: Numbers<Int32>
        let lineEnds: Numbers<UInt64>, lines: Numbers<Int32>, lineTokens: Numbers<Int32>
        let termCount: Int

        init(_ input: inout NumbersReader, texts: Int, termCount: Int) throws(CacheDamage) {
            codeEnds = try input.numbers(UInt64.self)
            codes = try input.numbers(UInt16.self)
            rareEnds = try input.numbers(UInt64.self)
            rarePositions = try input.numbers(Int32.self)
            rareIDs = try input.numbers(Int32.self)
            lineEnds = try input.numbers(UInt64.self)
            lines = try input.numbers(Int32.self)
            lineTokens = try input.numbers(Int32.self)
            self.termCount = termCount
            guard codeEnds.count == texts, rareEnds.count == texts, lineEnds.count == texts, rarePositions.count == rareIDs.count,
                  lines.count == lineTokens.count else { throw CacheDamage("its tokens are malformed") }
            try checkEnds(codeEnds, total: codes.count)
            try checkEnds(rareEnds, total: rareIDs.count)
            try checkEnds(lineEnds, total: lines.count)
        }

        func tokens(of texts: Range<Int>) throws(CacheDamage) -> [SearchIndex.Tokens] {
            guard !texts.isEmpty else { return [] }
            func end(_ ends: Numbers<UInt64>, before text: Int) -> Int { text == 0 ? 0 : Int(ends[text - 1]) }
            var code = end(codeEnds, before: texts.lowerBound), rare = end(rareEnds, before: texts.lowerBound)
            var line = end(lineEnds, before: texts.lowerBound)
            // A code is an id or the escape to a rare one; with fewer words
            // than codes, a code past the last word's is damage.
            let escape = SearchIndex.TermIDs.escape
            let codeCount = Int(codeEnds[texts.upperBound - 1]) - code
            let escapes = codeCount == 0 ? 0
                : chronicle_codes_escapes(codes.raw.baseAddress! + code * 2, codeCount, escape, UInt32(clamping: termCount))
            guard escapes >= 0, escapes == Int(rareEnds[texts.upperBound - 1]) - rare else { throw CacheDamage("its tokens are malformed") }
            var all: [SearchIndex.Tokens] = []
            all.reserveCapacity(texts.count)
            for text in texts {
                let codeEnd = Int(codeEnds[text]), rareEnd = Int(rareEnds[text]), lineEnd = Int(lineEnds[text])
                let count = codeEnd - code
                var previous: Int32 = -1
                for k in rare..<rareEnd {
                    let position = rarePositions[k]
                    guard position > previous, Int(position) < count, codes[code + Int(position)] == escape,
                          rareIDs[k] >= 0, Int(rareIDs[k]) < termCount else { throw CacheDamage("its tokens are malformed") }
                    previous = position
                }
                var previousLine = Int32.min, previousToken: Int32 = -1
                for k in line..<lineEnd {
                    // The first line's first token is the text's first; lines and tokens ascend.
                    guard lines[k] > previousLine, lineTokens[k] > previousToken, Int(lineTokens[k]) < max(count, 1),
                          k != line || lineTokens[k] == 0 else { throw CacheDamage("its lines are malformed") }
                    previousLine = lines[k]
                    previousToken = lineTokens[k]
                }
                guard count == 0 || lineEnd > line else { throw CacheDamage("its lines are malformed") }
                let terms = SearchIndex.TermIDs(codes: codes.array(code..<codeEnd), rarePositions: rarePositions.array(rare..<rareEnd),
                                                rareIDs: rareIDs.array(rare..<rareEnd))
                let firsts = (line..<lineEnd).map { (line: lines[$0], token: lineTokens[$0]) }
                all.append(SearchIndex.Tokens(terms: terms, lineFirstTokens: firsts))
                code = codeEnd
                rare = rareEnd
                line = lineEnd
            }
            return all
        }
    }

    /// Ends that never go back and stop at `total`.
    private static func checkEnds<T: FixedWidthInteger>(_ ends: some Collection<T>, total: Int) throws(CacheDamage) {
        var previous = 0
        for end in ends {
            let end = Int(clamping: end)
            guard end >= previous, end <= total else { throw CacheDamage("its offsets are malformed") }
            previous = end
        }
        guard previous == total else { throw CacheDamage("its offsets are malformed") }
    }

    /// Starts from 0 that never go back and end at `total`.
    private static func checkStarts(_ starts: [Int32], total: Int) throws(CacheDamage) {
        guard starts.first == 0 else { throw CacheDamage("its offsets are malformed") }
        try checkEnds(starts.dropFirst(), total: total)
    }
}

extension CacheFileWriter {
    /// Fixed-width numbers in this machine's byte order (a cache is read
    /// only by the build that wrote it): their count, then the numbers of
    /// every part end to end, padded to eight bytes.
    mutating func numbers<T: FixedWidthInteger>(_ parts: [[T]]) throws(CacheWriteFailure) {
        let count = parts.reduce(0) { $0 + $1.count }
        try write([UInt64(count)])
        for part in parts where !part.isEmpty { try write(part) }
        let padding = (8 - count * MemoryLayout<T>.size % 8) % 8
        if padding > 0 { try write([UInt8](repeating: 0, count: padding)) }
    }

    mutating func numbers<T: FixedWidthInteger>(_ values: [T]) throws(CacheWriteFailure) { try numbers([values]) }
}

/// Reads what `CacheFileWriter.numbers` wrote, one array after another.
struct NumbersReader {
    private var input: CacheReader

    init(_ bytes: UnsafeRawBufferPointer) { input = CacheReader(bytes) }

    mutating func numbers<T: FixedWidthInteger>(_: T.Type) throws(CacheDamage) -> Numbers<T> {
        let count = try input.u64()
        let size = MemoryLayout<T>.size
        guard count <= UInt64((input.base.count - input.at) / size) else { throw CacheDamage("an array is larger than its section") }
        let bytes = try input.bytes(Int(count) * size)
        _ = try input.bytes((8 - bytes.count % 8) % 8)
        return Numbers(raw: bytes)
    }
}

/// Numbers where a section holds them, read one by one or copied out.
struct Numbers<T: FixedWidthInteger>: RandomAccessCollection {
    let raw: UnsafeRawBufferPointer

    var startIndex: Int { 0 }
    var endIndex: Int { raw.count / MemoryLayout<T>.size }

    @inline(__always) subscript(position: Int) -> T {
        raw.loadUnaligned(fromByteOffset: position * MemoryLayout<T>.size, as: T.self)
    }

    /// Some of them, in an array of their own.
    func array(_ range: Range<Int>? = nil) -> [T] {
        let range = range ?? 0..<count
        guard !range.isEmpty else { return [] }
        return [T](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[range.lowerBound * MemoryLayout<T>.size..<range.upperBound * MemoryLayout<T>.size]))
            initialized = range.count
        }
    }
}
