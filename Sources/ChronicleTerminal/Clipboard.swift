import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The clipboard through the terminal: OSC 52, which terminals (xterm,
/// kitty, iTerm2, WezTerm, foot, Windows Terminal…) take as "set the
/// clipboard", over SSH as well. tmux takes an application's OSC 52 only
/// with `set-clipboard on`; otherwise the text goes to tmux's buffer
/// through `tmux load-buffer`, which also passes it to the outer terminal.
struct Clipboard {
    let insideTmux: Bool
    /// tmux's `set-clipboard`, asked once.
    private var tmuxTakesOSC52: Bool?

    init(environment: [String: String]) {
        insideTmux = !(environment["TMUX"] ?? "").isEmpty
    }

    /// The bytes that ask the terminal to set its clipboard to `text`.
    static func osc52(_ text: String) -> [UInt8] {
        Array(("\u{1b}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}").utf8)
    }

    mutating func copy(_ text: String) {
        let bytes = Self.osc52(text)
        var written = 0
        while written < bytes.count {
            let done = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if done > 0 { written += done } else if errno != EINTR { break }
        }
        guard insideTmux else { return }
        if tmuxTakesOSC52 == nil {
            tmuxTakesOSC52 = Self.run(["tmux", "show-options", "-gv", "set-clipboard"], input: nil).output.trimmingCharacters(in: .whitespacesAndNewlines) == "on"
        }
        if tmuxTakesOSC52 == false, Self.run(["tmux", "load-buffer", "-w", "-"], input: Array(text.utf8)).status != 0 {
            // tmux before 3.2 has no -w: its buffer alone.
            _ = Self.run(["tmux", "load-buffer", "-"], input: Array(text.utf8))
        }
    }

    /// Runs a program with `input` on its standard input; its output, and
    /// its exit status. posix_spawn, not Foundation.Process, which can wait
    /// forever on a child that tmux's server forks from.
    static func run(_ arguments: [String], input: [UInt8]?) -> (status: Int32, output: String) {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { return (-1, "") }
        guard pipe(&fromChild) == 0 else { close(toChild[0]); close(toChild[1]); return (-1, "") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        for descriptor in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, descriptor) }
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else { close(toChild[1]); close(fromChild[0]); return (-1, "") }
        if let input {
            // A child that exits unread (an old tmux refusing -w) must not
            // end Chronicle by SIGPIPE: blocked here, and taken if raised.
            var pipeSignal = sigset_t(), previous = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
            var written = 0
            while written < input.count {
                let done = input[written...].withUnsafeBytes { write(toChild[1], $0.baseAddress, $0.count) }
                if done > 0 { written += done } else if errno != EINTR { break }
            }
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var now = timespec()
                sigtimedwait(&pipeSignal, nil, &now)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        close(toChild[1])
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(fromChild[0], $0.baseAddress, $0.count) }
            if got > 0 { output += chunk[0..<got] } else if got == 0 || errno != EINTR { break }
        }
        close(fromChild[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return ((status >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
    }
}
