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
