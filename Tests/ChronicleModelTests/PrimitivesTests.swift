import XCTest
@testable import ChronicleModel

final class PrimitivesTests: XCTestCase {
    func testAnEventCountsItsSourcesOnce() throws {
        func citation(_ source: String) -> Citation {
            Citation(passage: Passage(sourceID: source, exact: "x", prefix: nil, suffix: nil, range: 0..<1, line: 1, endLine: 1),
                     location: SourceLocation(file: "events.yaml"))
        }
        let event = Event(id: "e", date: DatedValue(date: try PartialDate(parsing: "2024")), title: "E", summary: nil, actors: [],
                          tags: [], spine: false, citations: ["s0", "s1", "s0", "s2", "s1"].map(citation), location: SourceLocation(file: "events.yaml"))
        XCTAssertEqual(event.sourceCount, 3)
        XCTAssertEqual(event.sourceCount, event.sourceIDs.count)
        XCTAssertTrue(event.cites("s2"))
        XCTAssertFalse(event.cites("s9"))
    }

    /// A tag given twice counts its event once, on a short list and a long one.
    func testAnEventCountsForEachOfItsTagsOnce() throws {
        func event(_ id: String, tags: [String]) throws -> Event {
            Event(id: id, date: DatedValue(date: try PartialDate(parsing: "2024")), title: id, summary: nil, actors: [], tags: tags,
                  spine: false, citations: [], location: SourceLocation(file: "events.yaml"))
        }
        let long = ["x", "y", "x"] + (0..<20).map { "t\($0)" } + ["x"]
        let corpus = Corpus(title: nil, description: nil, sources: [], actors: [],
                            events: [try event("a", tags: long), try event("b", tags: ["x", "x", "t0"])])
        XCTAssertEqual(corpus.eventCounts.ofTag["x"], 2)
        XCTAssertEqual(corpus.eventCounts.ofTag["y"], 1)
        XCTAssertEqual(corpus.eventCounts.ofTag["t0"], 2)
        XCTAssertEqual(corpus.eventCounts.ofTag["t19"], 1)
    }

    /// The index keeps 12 million tokens in arrays copied to their size: an
    /// array grown by appending (or `Array(slice)`, which may share it)
    /// keeps its spare room.
    func testCopiedToSizeHoldsNoSpareRoomAndSharesNothing() {
        var grown: [Int32] = []
        for value in 0..<1_000 { grown.append(Int32(value)) }
        grown.removeLast(990)
        XCTAssertGreaterThan(grown.capacity, 900)
        let copied = grown.copiedToSize()
        XCTAssertEqual(copied, Array(0..<10))
        XCTAssertLessThan(copied.capacity, 16)
        copied.withUnsafeBufferPointer { mine in
            grown.withUnsafeBufferPointer { theirs in XCTAssertNotEqual(mine.baseAddress, theirs.baseAddress) }
        }
        XCTAssertEqual([String]().copiedToSize(), [])
        XCTAssertEqual(["a", "b"].copiedToSize(), ["a", "b"])
    }

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: 1_000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// Lengths around the block size (the padding takes one or two blocks),
    /// a long input, and a collection that is not contiguous in memory;
    /// the digests are Python's hashlib's.
    func testSHA256AtBlockBoundaries() {
        let expected: [(Int, String)] = [
            (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
            (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
            (57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"),
            (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
            (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
            (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
            (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
            (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
            (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
            (1000003, "987ab1b5b3b71c1d1053a817cffc3695c96e78c2b068d558c6b340a8255c3ed8"),
        ]
        for (count, digest) in expected {
            let bytes = (0..<count).map { UInt8(($0 * 7 + 3) % 256) }
            XCTAssertEqual(SHA256.hex(bytes), digest, "\(count) bytes")
            let portable = bytes.withUnsafeBytes { SHA256.digest($0, hardware: false) }
            XCTAssertEqual(portable, SHA256.digest(bytes), "\(count) bytes: the portable code and the CPU's instructions agree")
            XCTAssertEqual(SHA256.hex(bytes[...]), digest, "\(count) bytes, a slice")
            if count < 200 { XCTAssertEqual(SHA256.hex((0..<count).lazy.map { UInt8(($0 * 7 + 3) % 256) }), digest, "\(count) bytes, lazily") }
        }
    }

    func testTheCPUsSHAInstructionsAreUsedWhereThereAreAny() throws {
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        XCTAssertEqual(SHA256.hardware, flags.contains(" sha_ni"), "detection agrees with /proc/cpuinfo")
    }

    func testLineIndexHandlesEveryLineEnd() {
        // 32-bit offsets (every file under 4 GB) and 64-bit ones agree.
        for wide in [false, true] {
            let bytes = Array("one\ntwo\r\nthree\rfour".utf8)
            let index = LineIndex(bytes, wide: wide)
            XCTAssertEqual(index.lineCount, 4)
            XCTAssertEqual(index.line(containing: 0), 1)
            XCTAssertEqual(index.line(containing: 3), 1)
            XCTAssertEqual(index.line(containing: 4), 2)
            XCTAssertEqual(index.line(containing: 9), 3)
            XCTAssertEqual(index.line(containing: 15), 4)
            XCTAssertEqual(index.line(containing: bytes.count), 4)
            XCTAssertEqual((1...4).map { String(decoding: bytes[index.contentRange(ofLine: $0)], as: UTF8.self) },
                           ["one", "two", "three", "four"])
            XCTAssertEqual((1...4).map(index.start(ofLine:)), [0, 4, 9, 15])
            XCTAssertEqual(index.contentRange(lines: 2, 3), 4..<14)
            XCTAssertEqual(LineIndex([], wide: wide).lineCount, 1)
            XCTAssertEqual(LineIndex([], wide: wide).contentRange(ofLine: 1), 0..<0)
            XCTAssertEqual(LineIndex(Array("a\n".utf8), wide: wide).lineCount, 1)
        }
        XCTAssertEqual(LineIndex(Array("a\nb".utf8)), LineIndex(Array("a\nb".utf8), wide: false))
    }

    /// Files of LF alone are scanned by memchr, others byte by byte: both
    /// give what splitting at each line end gives.
    func testLineIndexAgreesWithSplittingTheText() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<400 {
            let alphabet: [UInt8] = round % 2 == 0 ? [0x61, 0x62, 0x0A] : [0x61, 0x0A, 0x0D]
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var starts = [0], ends: [Int] = []
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0A || bytes[i] == 0x0D {
                    ends.append(i)
                    i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                    if i < bytes.count { starts.append(i) }
                } else {
                    i += 1
                }
            }
            if ends.count < starts.count { ends.append(bytes.count) }
            let index = LineIndex(bytes)
            XCTAssertEqual((1...index.lineCount).map(index.start(ofLine:)), starts, "\(bytes)")
            XCTAssertEqual((1...index.lineCount).map(index.contentEnd(ofLine:)), ends, "\(bytes)")
        }
    }

    /// The timeline's order is applied where the events lie: each item
    /// goes where the order says, for every permutation tried.
    func testPermutePutsEachItemWhereTheOrderSays() {
        var random = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 7, 64, 500] {
            for _ in 0..<20 {
                let items = (0..<count).map { "item \($0)" }
                let order = Array(0..<count).shuffled(using: &random)
                var permuted = items
                Corpus.permute(&permuted, into: order)
                XCTAssertEqual(permuted, order.map { items[$0] })
            }
        }
    }

    /// A string copied anew has the same text in storage of its own (a short
    /// one is held inline and stays as it is).
    func testCopiedAnewIsTheSameTextElsewhere() {
        func address(_ text: String) -> UnsafePointer<UInt8>? {
            var text = text
            return text.withUTF8 { $0.baseAddress }
        }
        let long = String(repeating: "Zamir Kabulov ", count: 3) + "é"
        let copy = long.copiedAnew
        XCTAssertEqual(copy, long)
        XCTAssertEqual(Array(copy.utf8), Array(long.utf8))
        XCTAssertNotEqual(address(copy), address(long))
        XCTAssertEqual("s12".copiedAnew, "s12")
        XCTAssertEqual("".copiedAnew, "")
        XCTAssertEqual("exactly 16 bytes".copiedAnew, "exactly 16 bytes")
    }

    /// A place in a file keeps its line and column in 32 bits each; a
    /// missing one stays missing.
    func testSourceLocationSaysWhatItWasGiven() {
        XCTAssertEqual(SourceLocation(file: "events.yaml", line: 12, column: 7).description, "events.yaml:12:7")
        XCTAssertEqual(SourceLocation(file: "events.yaml", line: 12).description, "events.yaml:12")
        XCTAssertEqual(SourceLocation(file: "events.yaml", column: 7).description, "events.yaml")
        XCTAssertNil(SourceLocation(file: "m.yaml").line)
        XCTAssertEqual(SourceLocation(file: "m.yaml", line: 4_000_000_000).line, 4_000_000_000)
        XCTAssertEqual(SourceLocation(file: "m.yaml", line: 3), SourceLocation(file: "m.yaml", line: 3, column: nil))
        XCTAssertNotEqual(SourceLocation(file: "m.yaml", line: 3), SourceLocation(file: "m.yaml", line: 4))
    }

    func testDisplayProjectionHidesInlineMarkupButKeepsRawOffsets() {
        let raw = Array("Putin <u>referred</u> to <b>x</b> a<3 <unknown>".utf8)
        let projection = DisplayProjection(raw: raw)
        XCTAssertEqual(String(decoding: projection.bytes, as: UTF8.self), "Putin referred to x a<3 <unknown>")
        XCTAssertEqual(projection.hiddenRanges.count, 4)
        let start = projection.bytes.firstIndex(of: UInt8(ascii: "r"))!
        let raw0 = projection.rawRange(of: start..<(start + 8))
        XCTAssertEqual(String(decoding: raw[raw0], as: UTF8.self), "referred")
        let wide = projection.rawRange(of: 0..<14)
        XCTAssertEqual(String(decoding: raw[wide], as: UTF8.self), "Putin <u>referred")
    }

    func testSafeTextMakesEveryControlVisible() {
        let hostile = "a\u{1B}[2Jb\u{07}c\u{08}d\re\u{9B}31mf\u{202E}g\u{200B}h\u{1B}]52;c;ZXZpbA==\u{07}"
        let shown = SafeText.visible(hostile)
        for scalar in shown.unicodeScalars {
            XCTAssertNil(SafeText.placeholder(for: scalar), "left \(scalar.value) in \(shown)")
        }
        XCTAssertTrue(shown.contains("␛[2J"))
        XCTAssertTrue(shown.contains("<U+202E>"))
        XCTAssertTrue(shown.contains("<U+009B>"))
        XCTAssertEqual(SafeText.visible("line\nnext", keepNewlines: true), "line\nnext")
        XCTAssertEqual(SafeText.visible("line\nnext"), "line␊next")
        XCTAssertEqual(SafeText.visible("Türkiye — ‘ok’ 🔗"), "Türkiye — ‘ok’ 🔗")
    }
}

final class DisplayProjectionMappingTests: XCTestCase {
    /// The sparse map agrees with a byte-by-byte one on text full of tags.
    func testSparseMapAgreesWithTheNaiveOne() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["word ", "<u>", "</u>", "<b>", "</b>", "<a href=\"x\">", "</a>", "é ", "< not a tag ", "x<y ", "\n"]
        for _ in 0..<200 {
            let raw = Array((0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
            let projection = DisplayProjection(raw: raw)
            // Naive: every raw byte outside a hidden range, in order.
            var naive: [Int] = []
            for offset in raw.indices where !projection.hiddenRanges.contains(where: { $0.contains(offset) }) { naive.append(offset) }
            XCTAssertEqual(projection.bytes, naive.map { raw[$0] })
            for (index, offset) in naive.enumerated() { XCTAssertEqual(projection.rawOffset(index), offset) }
            for offset in 0...raw.count {
                let expected = naive.firstIndex { $0 >= offset } ?? naive.count
                XCTAssertEqual(projection.displayIndex(atOrAfterRaw: offset), expected, "raw \(offset) in \(String(decoding: raw, as: UTF8.self))")
            }
        }
    }
}
