import CModelSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// XXH64, whole or in pieces: the checksum of a cache's header and sections.
struct Hash64 {
    private var state = chronicle_hash64_state()

    init(seed: UInt64 = 0) { chronicle_hash64_begin(&state, seed) }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        chronicle_hash64_add(&state, base, bytes.count)
    }

    var value: UInt64 {
        var copy = state
        return chronicle_hash64_end(&copy)
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return chronicle_hash64(nil, 0, 0) }
        return chronicle_hash64(base, bytes.count, 0)
    }
}

/// What a section of a cache file holds.
struct CacheSection: RawRepresentable, Hashable, Sendable {
    let rawValue: UInt32
}

/// A cache file: a fixed header, the sections (each aligned to 64 bytes,
/// so arrays of numbers are read where they lie), then their table. The
/// header names this build, the file's own length and the table's place;
/// the header and the table have one checksum, and each section its own,
/// checked before the section is first read.
enum CacheFileFormat {
    static let magic = Array("CHRONICLE CACHE\n".utf8)
    /// Bumped whenever what a cache holds changes shape.
    static let version: UInt32 = 2
    static let headerSize = 128
    static let entrySize = 32
    static let alignment = 64

    /// The executable's build id: a cache is read only by the build that
    /// wrote it, as a change in the loader may change what it would hold.
    static let buildID: [UInt8] = {
        var id = [UInt8](repeating: 0, count: 32)
        let count = id.withUnsafeMutableBufferPointer { chronicle_build_id($0.baseAddress, $0.count) }
        return Array(id.prefix(count))
    }()
}

/// Writes a cache file section by section to a descriptor, through a
/// buffer, hashing as it goes; the header is written last.
struct CacheFileWriter {
    struct Entry {
        let section: CacheSection
        let offset: Int
        let length: Int
        let checksum: UInt64
    }

    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var offset = CacheFileFormat.headerSize
    private var entries: [Entry] = []
    private var open: (section: CacheSection, start: Int, hash: Hash64)?

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(1 << 20)
        buffer += repeatElement(0, count: CacheFileFormat.headerSize)
    }

    mutating func begin(_ section: CacheSection) throws(CacheWriteFailure) {
        let padding = (CacheFileFormat.alignment - offset % CacheFileFormat.alignment) % CacheFileFormat.alignment
        try append(UnsafeRawBufferPointer(start: nil, count: 0), zeros: padding)
        open = (section, offset, Hash64())
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(CacheWriteFailure) {
        open?.hash.add(bytes)
        try append(bytes, zeros: 0)
    }

    mutating func write<T>(_ array: [T]) throws(CacheWriteFailure) {
        try array.withUnsafeBytes { raw in Result { () throws(CacheWriteFailure) in try write(raw) } }.get()
    }

    mutating func end() {
        guard let open else { return }
        entries.append(Entry(section: open.section, offset: open.start, length: offset - open.start, checksum: open.hash.value))
        self.open = nil
    }

    /// One section of encoded bytes.
    mutating func section(_ section: CacheSection, _ bytes: [UInt8]) throws(CacheWriteFailure) {
        try begin(section)
        try write(bytes)
        end()
    }

    /// Writes the table and the header. The file is whole only after this.
    mutating func finish(generation: UInt64, parent: UInt64, kind: UInt32) throws(CacheWriteFailure) {
        end()
        try begin(CacheSection(rawValue: 0))
        open = nil
        let tableOffset = offset
        var table = CacheWriter(capacity: entries.count * CacheFileFormat.entrySize)
        for entry in entries {
            table.u32(entry.section.rawValue)
            table.u32(0)
            table.u64(UInt64(entry.offset))
            table.u64(UInt64(entry.length))
            table.u64(entry.checksum)
        }
        try table.bytes.withUnsafeBytes { raw in Result { () throws(CacheWriteFailure) in try append(raw, zeros: 0) } }.get()
        try flush()
        var header = CacheWriter(capacity: CacheFileFormat.headerSize)
        header.raw(CacheFileFormat.magic)
        header.u32(CacheFileFormat.version)
        header.u32(kind)
        header.u64(generation)
        header.u64(parent)
        header.u64(UInt64(offset))
        header.u64(UInt64(tableOffset))
        header.u32(UInt32(entries.count))
        header.u32(UInt32(CacheFileFormat.buildID.count))
        header.raw(CacheFileFormat.buildID + repeatElement(0, count: 32 - CacheFileFormat.buildID.count))
        header.raw(repeatElement(0, count: CacheFileFormat.headerSize - 8 - header.count))
        var hash = Hash64()
        header.bytes.withUnsafeBytes { hash.add($0) }
        table.bytes.withUnsafeBytes { hash.add($0) }
        header.u64(hash.value)
        let failed: Int32 = header.bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let wrote = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(done))
                if wrote > 0 { done += wrote } else if errno != EINTR { return errno }
            }
            return 0
        }
        if failed != 0 { throw CacheWriteFailure(code: failed, path: path) }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer, zeros: Int) throws(CacheWriteFailure) {
        buffer += repeatElement(0, count: zeros)
        offset += zeros + bytes.count
        // Large pieces go straight to the file, after what is buffered.
        if buffer.count + bytes.count > 1 << 20 || bytes.count >= 1 << 19 { try flush() }
        if bytes.count >= 1 << 19 {
            try writeAll(bytes)
        } else if let base = bytes.baseAddress {
            buffer.append(contentsOf: UnsafeRawBufferPointer(start: base, count: bytes.count))
        }
    }

    private mutating func flush() throws(CacheWriteFailure) {
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { raw in Result { () throws(CacheWriteFailure) in try writeAll(raw) } }.get()
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(CacheWriteFailure) {
        var done = 0
        while done < bytes.count {
            let wrote = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if wrote > 0 { done += wrote } else if wrote < 0 && errno != EINTR { throw CacheWriteFailure(code: errno, path: path) }
        }
    }
}

/// Why a cache could not be written: the system's reason.
struct CacheWriteFailure: Error, Sendable {
    let code: Int32
    let path: String
}

/// A cache file, its sections read when first asked for. Opening checks
/// the header, the length and the table; each section's checksum is
/// checked the first time it is read. Read, not mapped: a file another
/// program cut short under a mapping would end the process with SIGBUS
/// instead of being found damaged. The file stays open, so a rename of a
/// newer entry into place leaves this one whole.
final class CacheFile: @unchecked Sendable {
    let path: String
    let kind: UInt32
    let generation: UInt64
    let parent: UInt64
    private let descriptor: Int32
    private let length: Int
    private let entries: [CacheSection: (offset: Int, length: Int, checksum: UInt64)]
    /// Each section read so far, whole and checked, or in pieces unchecked.
    private var read: [CacheSection: UnsafeMutableRawBufferPointer] = [:]
    private var pieces: [UnsafeMutableRawBufferPointer] = []
    private let lock = NSLock()

    /// Nil when there is no file; throws when there is one this build cannot trust.
    static func open(_ path: String, kind: UInt32) throws(CacheDamage) -> CacheFile? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw CacheDamage("it cannot be read (\(String(cString: strerror(errno))))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw CacheDamage("it is not a regular file")
        }
        let size = Int(status.st_size)
        guard size >= CacheFileFormat.headerSize else {
            close(descriptor)
            throw CacheDamage(size == 0 ? "it is empty" : "it is truncated (\(size) bytes)")
        }
        do {
            return try CacheFile(path: path, descriptor: descriptor, length: size, kind: kind)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// `count` bytes at `offset`, read into new memory the caller frees.
    private static func pread(_ descriptor: Int32, _ offset: Int, _ count: Int) throws(CacheDamage) -> UnsafeMutableRawBufferPointer {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        var done = 0
        while done < count {
            let got = Glibc.pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                let problem = got == 0 ? "it is truncated (\(offset + done) bytes)" : "it cannot be read (\(String(cString: strerror(errno))))"
                buffer.deallocate()
                throw CacheDamage(problem)
            }
            done += got
        }
        return UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
    }

    private init(path: String, descriptor: Int32, length: Int, kind: UInt32) throws(CacheDamage) {
        self.path = path
        self.descriptor = descriptor
        self.length = length
        let headerBytes = try Self.pread(descriptor, 0, CacheFileFormat.headerSize)
        defer { headerBytes.deallocate() }
        let headerView = UnsafeRawBufferPointer(headerBytes)
        var header = CacheReader(headerView)
        guard Array(try header.bytes(16)) == CacheFileFormat.magic else { throw CacheDamage("it is not a Chronicle cache") }
        let version = try header.u32()
        guard version == CacheFileFormat.version else { throw CacheDamage("it is of another format (version \(version), this Chronicle writes \(CacheFileFormat.version))", foreign: true) }
        let fileKind = try header.u32()
        guard fileKind == kind else { throw CacheDamage("it holds something else (kind \(fileKind))") }
        generation = try header.u64()
        parent = try header.u64()
        let declaredLength = try header.u64()
        let tableOffset = try header.u64()
        let count = Int(try header.u32())
        let idLength = Int(try header.u32())
        let id = Array(try header.bytes(32)).prefix(min(idLength, 32))
        guard declaredLength == UInt64(length) else { throw CacheDamage("it is truncated or was not written whole (\(length) bytes of \(declaredLength))") }
        guard Array(id) == CacheFileFormat.buildID else { throw CacheDamage("another build of Chronicle wrote it", foreign: true) }
        guard tableOffset <= UInt64(length), UInt64(count) * UInt64(CacheFileFormat.entrySize) == UInt64(length) - tableOffset else {
            throw CacheDamage("its table of sections is out of place")
        }
        self.kind = fileKind
        let tableBytes = try Self.pread(descriptor, Int(tableOffset), length - Int(tableOffset))
        defer { tableBytes.deallocate() }
        let table = UnsafeRawBufferPointer(tableBytes)
        var hash = Hash64()
        hash.add(UnsafeRawBufferPointer(rebasing: headerView[0..<CacheFileFormat.headerSize - 8]))
        hash.add(table)
        var tail = CacheReader(UnsafeRawBufferPointer(rebasing: headerView[CacheFileFormat.headerSize - 8..<CacheFileFormat.headerSize]))
        guard try tail.u64() == hash.value else { throw CacheDamage("its header or table of sections is damaged") }
        var reader = CacheReader(table)
        var entries: [CacheSection: (Int, Int, UInt64)] = [:]
        for _ in 0..<count {
            let section = CacheSection(rawValue: try reader.u32())
            _ = try reader.u32()
            let offset = try reader.u64(), size = try reader.u64(), checksum = try reader.u64()
            guard offset <= tableOffset, size <= tableOffset - offset else { throw CacheDamage("a section lies outside the file") }
            entries[section] = (Int(offset), Int(size), checksum)
        }
        self.entries = entries
    }

    deinit {
        close(descriptor)
        for buffer in read.values { buffer.deallocate() }
        for buffer in pieces { buffer.deallocate() }
    }

    var byteCount: Int { length }

    /// Where each section lies in the file, in order (for tests that damage one).
    var sectionRanges: [(section: CacheSection, bytes: Range<Int>)] {
        entries.map { ($0.key, $0.value.offset..<$0.value.offset + $0.value.length) }.sorted { $0.bytes.lowerBound < $1.bytes.lowerBound }
    }

    func has(_ section: CacheSection) -> Bool { entries[section] != nil }

    /// A section's bytes, read and its checksum checked the first time;
    /// they live as long as the file.
    func section(_ section: CacheSection) throws(CacheDamage) -> UnsafeRawBufferPointer {
        guard let entry = entries[section] else { throw CacheDamage("a section is missing") }
        lock.lock()
        defer { lock.unlock() }
        if let known = read[section] { return UnsafeRawBufferPointer(known) }
        let bytes = try Self.pread(descriptor, entry.offset, entry.length)
        guard Hash64.of(UnsafeRawBufferPointer(bytes)) == entry.checksum else {
            bytes.deallocate()
            throw CacheDamage("a section is damaged (its checksum differs)")
        }
        read[section] = bytes
        return UnsafeRawBufferPointer(bytes)
    }

    /// Some bytes of a section, unchecked by its checksum: for an article
    /// or two of a preview, each then checked against its own SHA-256,
    /// where reading the whole section would cost what a preview saves.
    func piece(of section: CacheSection, _ range: Range<Int>) throws(CacheDamage) -> UnsafeRawBufferPointer {
        guard let entry = entries[section] else { throw CacheDamage("a section is missing") }
        guard range.lowerBound >= 0, range.upperBound <= entry.length else { throw CacheDamage("a piece lies outside its section") }
        lock.lock()
        defer { lock.unlock() }
        if let known = read[section] { return UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(known)[range]) }
        let bytes = try Self.pread(descriptor, entry.offset + range.lowerBound, range.count)
        pieces.append(bytes)
        return UnsafeRawBufferPointer(bytes)
    }
}
