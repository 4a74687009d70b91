import Foundation

/// A small JSON file of the user's own (stars and notes, history): read
/// leniently, written atomically, and changed by applying a change to what
/// is on disk at that moment, so that another Chronicle's save in between
/// is kept rather than overwritten. A file that cannot be read is never
/// lost either: it is left alone, and set aside under a new name before
/// the first save replaces it.
public struct UserFile<Content: Codable & Sendable & Equatable>: Sendable {
    public let path: String
    let empty: @Sendable () -> Content

    public init(path: String, empty: @escaping @Sendable () -> Content) {
        self.path = path
        self.empty = empty
    }

    /// What the file holds (empty when there is none), and why it was
    /// ignored when it could not be read.
    public func load() -> (content: Content, problem: String?) {
        do {
            guard let bytes = try AtomicFile.read(path) else { return (empty(), nil) }
            return (try decode(bytes), nil)
        } catch let failure as AtomicFile.Failure {
            return (empty(), "\(name) could not be read (\(failure)); Chronicle goes on without it")
        } catch {
            return (empty(), "\(name) is not valid (\(Self.reason(error))) and was ignored; it is kept, and set aside as \(name).broken-… before the next save (in \(directory))")
        }
    }

    /// Applies `change` to the file as it is now and writes the result.
    /// Returns what was written, and the name the unreadable file was set
    /// aside as, if it was.
    @discardableResult
    public func update(_ change: (inout Content) -> Void) throws(AtomicFile.Failure) -> (content: Content, setAside: String?) {
        try UserDirectories.make((path as NSString).deletingLastPathComponent)
        var setAside: String?
        // Another writer between this read and the rename makes the write
        // fail as changed on disk: read again and apply the change to that.
        for attempt in 1...5 {
            let bytes = try AtomicFile.read(path)
            var content = empty()
            if let bytes {
                do { content = try decode(bytes) } catch {
                    let aside = path + ".broken-" + Self.stamp()
                    guard rename(path, aside) == 0 else { throw .io(path: path, problem: AtomicFile.problem(errno)) }
                    setAside = aside
                    continue
                }
            }
            change(&content)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(content) else { throw .io(path: path, problem: "the data could not be encoded") }
            do {
                try AtomicFile.write(Array(data) + [0x0A], to: path, expected: bytes)
                return (content, setAside)
            } catch {
                switch error {
                case .changedOnDisk, .exists: if attempt < 5 { continue }
                default: break
                }
                throw error
            }
        }
        throw .changedOnDisk(path)
    }

    /// The file's name, which messages put first, and its directory.
    var name: String { (path as NSString).lastPathComponent }
    var directory: String { (path as NSString).deletingLastPathComponent }

    func decode(_ bytes: [UInt8]) throws -> Content {
        try JSONDecoder().decode(Content.self, from: Data(bytes))
    }

    /// The decoder's complaint in a line.
    static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context)?:
            return context.debugDescription + (context.underlyingError.map { " \($0)" } ?? "")
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .keyNotFound(_, let context)?:
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : path + ": ") + context.debugDescription
        default: return "\(error)"
        }
    }

    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        return formatter.string(from: Date())
    }
}
