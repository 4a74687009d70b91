/// A problem found while loading a corpus: where (file, line, column), what,
/// and how to fix it. Loading collects them all rather than stopping at one.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String
    /// What to do about it, when there is something to say.
    public let hint: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// "events.yaml:12:9: error: … \n    fix: …", the form compilers use, so
    /// editors and terminals can jump to the place.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n    fix: \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    /// Whether any is an error (without listing them).
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// A place in a corpus file, for messages: "events.yaml:12:7".
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// 1-based, 0 when not given: every event and citation holds one, and
    /// two optional Ints made it twice the size.
    private let storedLine: UInt32, storedColumn: UInt32

    public var line: Int? { storedLine == 0 ? nil : Int(storedLine) }
    public var column: Int? { storedColumn == 0 ? nil : Int(storedColumn) }

    /// A line or column past 4,294,967,295 is kept as that.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        storedLine = UInt32(clamping: line ?? 0)
        storedColumn = UInt32(clamping: column ?? 0)
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        return text
    }
}
