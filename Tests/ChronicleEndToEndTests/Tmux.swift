import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// Drives the real `chronicle` binary in a tmux session on a private
/// server, as a person would at a terminal.
final class Tmux {
    let socket = "chronicle-e2e-\(UUID().uuidString.prefix(8))"
    let session = "e2e"
    let workDirectory: URL

    init(test: XCTestCase) throws {
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        test.addTeardownBlock { [socket, workDirectory] in
            _ = try? Tmux.run(["-L", socket, "kill-server"])
            try? FileManager.default.removeItem(at: workDirectory)
        }
    }

    static var binary: URL {
        for directory in [Bundle.main.bundleURL, Bundle(for: Tmux.self).bundleURL.deletingLastPathComponent()] {
            let url = directory.appendingPathComponent("chronicle")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/chronicle")
    }

    /// Runs `tmux ARGS` and returns what it printed. Spawned with
    /// posix_spawn and reaped with waitpid rather than Foundation's Process:
    /// on Linux, Process waits for descriptors that the tmux server forked by
    /// `new-session` inherits, and so hangs until that server exits.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["tmux"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw NSError(domain: "tmux", code: Int(spawned), userInfo: [NSLocalizedDescriptionKey: "cannot run tmux: \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        if !exited || code != 0 {
            throw NSError(domain: "tmux", code: Int(code), userInfo: [NSLocalizedDescriptionKey: "tmux \(arguments.joined(separator: " ")): \(text)"])
        }
        return text
    }

    /// Runs a shell command line (posix_spawn, as `run` does) and returns its exit status.
    static func shell(_ line: String) throws -> Int32 {
        let words: [String] = ["/bin/sh", "-c", line]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else {
            throw NSError(domain: "sh", code: Int(spawned), userInfo: [NSLocalizedDescriptionKey: "cannot run sh: \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// A 256-colour terminal, whatever NO_COLOR the test itself inherited.
    static let colourTerminal = "-u NO_COLOR TERM=xterm-256color"

    /// Starts `chronicle ARGS` in a shell that records the terminal modes
    /// before and after, and the exit status, in the work directory.
    /// In `directory` when given (tmux's own when not).
    func start(_ arguments: [String] = [], width: Int = 100, height: Int = 30, environment: String = Tmux.colourTerminal,
               directory: URL? = nil) throws {
        let dir = workDirectory.path
        // The user's own files (settings, stars, history, the cache of
        // checked corpora) live in the work directory, never in the home of
        // whoever runs the tests.
        let command = "stty -g > \(dir)/stty-before; HOME=\(dir)/home env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_STATE_HOME -u XDG_CACHE_HOME "
            + "\(environment) \(Tmux.binary.path) \(arguments.joined(separator: " ")); "
            + "echo \"exit=$?\" > \(dir)/status; stty -g > \(dir)/stty-after; echo CHRONICLE-DONE; sleep 600"
        let place = directory.map { ["-c", $0.path] } ?? []
        try Tmux.run(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", session] + place + ["sh", "-c", command])
    }

    /// Starts an interactive shell with job control, for Ctrl-Z and `fg`.
    func startShell(width: Int = 100, height: Int = 30) throws {
        try Tmux.run(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", session,
                      "env", "PS1=PROMPT$ ", "bash", "--norc", "--noprofile", "-i"])
    }

    func keys(_ keys: String...) throws {
        try Tmux.run(["-L", socket, "send-keys", "-t", session] + keys)
    }

    func resize(_ width: Int, _ height: Int) throws {
        try Tmux.run(["-L", socket, "resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen as text (or with SGR attributes, `escapes`).
    func capture(escapes: Bool = false) throws -> String {
        try Tmux.run(["-L", socket, "capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen satisfies `condition`; returns that screen or fails.
    @discardableResult
    func waitFor(_ what: String, escapes: Bool = false, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture(escapes: escapes)
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out waiting for \(what); the screen was:\n\(screen)", file: file, line: line)
        return screen
    }

    func contents(of name: String) -> String? {
        try? String(contentsOf: workDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Every SGR parameter a captured screen (`capture(escapes: true)`)
    /// holds: tmux writes "ESC[1m ESC[7m" or "ESC[0;1;7m" for the same thing.
    static func sgrParameters(in screen: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
            if rest[end] == "m" { found.formUnion(rest[..<end].split(separator: ";").map(String.init)) }
            rest = rest[end...]
        }
        return found
    }
}
