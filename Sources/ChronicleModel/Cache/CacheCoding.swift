/// Why a cache cannot be used: it is not one this build wrote whole. The
/// cache is then rebuilt; nothing in it is ever trusted past this.
struct CacheDamage: Error, Sendable, CustomStringConvertible {
    let reason: String
    /// Whole, but written by another build or in another format: out of
    /// date rather than damaged.
    let isForeign: Bool
    init(_ reason: String, foreign: Bool = false) {
        self.reason = reason
        isForeign = foreign
    }
    var description: String { reason }
}

/// Little-endian bytes for the cache: fixed-width numbers, variable-length
/// counts, strings as a count and their UTF-8.
struct CacheWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Seven bits a byte, the last byte's top bit clear.
    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A count or an offset (never negative).
    mutating func count(_ value: Int) { varint(UInt64(max(0, value))) }

    /// Any integer, zigzag-coded so small negatives stay short.
    mutating func int(_ value: Int) {
        let wide = Int64(value)
        varint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        guard let value else { return bool(false) }
        bool(true)
        string(value)
    }

    mutating func raw<C: Collection>(_ value: C) where C.Element == UInt8 { bytes.append(contentsOf: value) }

    /// Pads with zeros to a multiple of `alignment`.
    mutating func align(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// Overwrites eight bytes at `offset` (a number known only later).
    mutating func patch64(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for k in 0..<8 { bytes[offset + k] = raw[k] }
        }
    }
}

/// Reads what `CacheWriter` wrote. Every read is checked against the end:
/// a short or malformed section throws, never traps.
struct CacheReader {
    let base: UnsafeRawBufferPointer
    var at: Int

    init(_ base: UnsafeRawBufferPointer, at: Int = 0) {
        self.base = base
        self.at = at
    }

    var isAtEnd: Bool { at >= base.count }

    private mutating func take(_ count: Int) throws(CacheDamage) -> Int {
        guard count >= 0, at <= base.count, count <= base.count - at else { throw CacheDamage("a section ends too soon") }
        defer { at += count }
        return at
    }

    mutating func u8() throws(CacheDamage) -> UInt8 { base[try take(1)] }

    mutating func bool() throws(CacheDamage) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw CacheDamage("a flag is neither 0 nor 1")
        }
    }

    mutating func u32() throws(CacheDamage) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self))
    }

    mutating func u64() throws(CacheDamage) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self))
    }

    mutating func varint() throws(CacheDamage) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 64 else { throw CacheDamage("a number is too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A count, no larger than what is left of the section times `atLeast`
    /// bytes per item would allow: a damaged count cannot ask for gigabytes.
    mutating func count(bytesEach atLeast: Int = 0) throws(CacheDamage) -> Int {
        let value = try varint()
        guard value <= UInt64(Int32.max) * 64 else { throw CacheDamage("a count is out of range") }
        if atLeast > 0, Int(value) > (base.count - at) / atLeast { throw CacheDamage("a count is larger than its section") }
        return Int(value)
    }

    mutating func int() throws(CacheDamage) -> Int {
        let coded = try varint()
        let value = Int64(bitPattern: coded >> 1) ^ -Int64(bitPattern: coded & 1)
        return Int(value)
    }

    mutating func int32() throws(CacheDamage) -> Int32 {
        let value = try int()
        guard let narrow = Int32(exactly: value) else { throw CacheDamage("a number is out of range") }
        return narrow
    }

    mutating func bytes(_ count: Int) throws(CacheDamage) -> UnsafeRawBufferPointer {
        let start = try take(count)
        return UnsafeRawBufferPointer(rebasing: base[start..<start + count])
    }

    mutating func string() throws(CacheDamage) -> String {
        let length = try count()
        // Written from a String, and under a checksum: decoded, not validated again.
        return String(decoding: try bytes(length).bindMemory(to: UInt8.self), as: UTF8.self)
    }

    mutating func optionalString() throws(CacheDamage) -> String? {
        try bool() ? try string() : nil
    }

    /// A range of integers, written as its start and length.
    mutating func range() throws(CacheDamage) -> Range<Int> {
        let lower = try int(), length = try count()
        guard lower >= 0, lower <= Int.max - length else { throw CacheDamage("a range is out of bounds") }
        return lower..<lower + length
    }
}

extension CacheWriter {
    mutating func range(_ value: Range<Int>) {
        int(value.lowerBound)
        count(value.count)
    }
}
