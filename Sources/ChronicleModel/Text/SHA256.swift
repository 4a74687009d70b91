import CModelSupport

/// SHA-256 (FIPS 180-4), so the model pins article bytes without a crypto
/// dependency (Foundation on Linux has no CryptoKit).
public enum SHA256 {
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        digest(bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public static func digest<C: Collection>(_ input: C) -> [UInt8] where C.Element == UInt8 {
        if let result = input.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) { return result }
        return Array(input).withUnsafeBytes { digest($0) }
    }

    /// Blocks are read where they lie, through pointers (no copy of the
    /// input, no bounds checks in the rounds): hashing every article is a
    /// tenth of loading a large corpus.
    /// `hardware: false` runs the portable code, so that the tests check
    /// both on a machine that has the instructions.
    static func digest(_ input: UnsafeRawBufferPointer, hardware: Bool = SHA256.hardware) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        let w = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { w.deallocate() }
        let k = UnsafeBufferPointer(start: chronicle_sha256_constants(), count: 64)
        do {
            func compress(_ block: UnsafeRawPointer) {
                for i in 0..<16 {
                    w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                }
                for i in 16..<64 {
                    let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                    let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, hh) = h
                for i in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let choice = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ majority)
                }
                h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
            }
            let full = input.count / 64 * 64
            if let base = input.baseAddress, full > 0 {
                if hardware {
                    compressInHardware(&h, base, blocks: full / 64)
                } else {
                    for offset in stride(from: 0, to: full, by: 64) { compress(base + offset) }
                }
            }
            // The tail, the 0x80 marker and the length in bits: one or two blocks.
            var tail = Array(input[full...])
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            let bitLength = UInt64(input.count) &* 8
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
            tail.withUnsafeBytes { tail in
                if hardware {
                    compressInHardware(&h, tail.baseAddress!, blocks: tail.count / 64)
                } else {
                    for offset in stride(from: 0, to: tail.count, by: 64) { compress(tail.baseAddress! + offset) }
                }
            }
        }
        return [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }

    /// Whether this CPU has SHA instructions (several times faster).
    static let hardware = chronicle_sha256_hardware() != 0

    private static func compressInHardware(_ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                                           _ data: UnsafeRawPointer, blocks: Int) {
        var state = [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
        chronicle_sha256_blocks(&state, data.assumingMemoryBound(to: UInt8.self), blocks)
        h = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
