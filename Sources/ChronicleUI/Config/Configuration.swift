import ChronicleModel

/// The user's settings, from `config.yaml`: the theme and the colours over
/// it, the mouse, and keys. Every setting is optional; one that cannot be
/// used is reported with its line and left at its default, so a broken
/// file never keeps Chronicle from starting.
public struct Configuration: Sendable {
    public var theme: Theme = .dark
    public var mouse = true
    /// The keys in force: the screens' own, with the file's over them.
    public var keys: KeyBindings = .defaults
    /// What in the file could not be used, in the order of its lines.
    public var problems: [ConfigurationProblem] = []
    /// The file read, when there was one.
    public var path: String?

    public init() {}

    /// The settings in the file at `path`; the defaults when there is none.
    public static func read(path: String?) -> Configuration {
        guard let path else { return Configuration() }
        var configuration = Configuration()
        do {
            guard let bytes = try AtomicFile.read(path) else { return configuration }
            configuration = parse(bytes, path: path)
        } catch {
            configuration.problems = [ConfigurationProblem(path: path, line: nil, message: "\(error); Chronicle starts with its defaults")]
        }
        return configuration
    }

    /// The settings in a file's bytes, with what was wrong in them.
    public static func parse(_ bytes: [UInt8], path: String) -> Configuration {
        var reader = ConfigurationReader(path: path)
        return reader.read(bytes)
    }
}

/// One thing in the configuration that could not be used, and where.
public struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let message: String

    public var description: String { path + (line.map { ":\($0)" } ?? "") + ": " + message }

    /// The same, naming the file alone: for the status line.
    public var brief: String { String(path.split(separator: "/").last ?? "") + (line.map { ":\($0)" } ?? "") + ": " + message }
}

extension AppState {
    /// The user's keys and mouse; what the file got wrong goes to the status line.
    public mutating func configure(_ configuration: Configuration) {
        keys = configuration.keys
        mouseEnabled = configuration.mouse
        guard let first = configuration.problems.first else { return }
        let more = configuration.problems.count - 1
        addNotice(first.brief + (more > 0 ? " (and \(more) more: chronicle config --check lists them)" : ""))
    }
}
