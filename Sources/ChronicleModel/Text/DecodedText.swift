/// Text decoded from bytes that may not be valid UTF-8, as
/// `String(decoding:as:)` decodes them (each maximal invalid sequence one
/// U+FFFD, which takes three bytes), with the map between offsets in the
/// bytes and in the text. Without it, every invalid byte shifted what came
/// after it by two: highlights fell on the replacement characters.
public struct DecodedText: Sendable {
    public let text: String
    /// Each invalid sequence's range in the bytes decoded, from 0, in order.
    public let invalid: [Range<Int>]

    public init(_ bytes: ArraySlice<UInt8>) {
        // Valid text (nearly every line) is decoded once, as before.
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
            invalid = []
            return
        }
        var found: [Range<Int>] = []
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error(let length): found.append(offset..<(offset + length)); offset += length
            case .emptyInput: break parsing
            }
        }
        text = String(decoding: bytes, as: UTF8.self)
        invalid = found
    }

    public init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    /// The text's UTF-8 offset of byte `offset` (a byte inside an invalid
    /// sequence: where its replacement starts).
    public func textOffset(_ offset: Int) -> Int {
        var shift = 0
        for range in invalid {
            if range.lowerBound >= offset { break }
            if range.upperBound > offset { return range.lowerBound + shift }
            shift += 3 - range.count
        }
        return offset + shift
    }

    /// The byte offset of the text's UTF-8 offset `index` (inside a
    /// replacement character: where its invalid sequence starts).
    public func byteOffset(_ index: Int) -> Int {
        var shift = 0
        for range in invalid {
            let replacement = range.lowerBound + shift
            if replacement >= index { break }
            if replacement + 3 > index { return range.lowerBound }
            shift += 3 - range.count
        }
        return index - shift
    }
}
