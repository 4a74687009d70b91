import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The user's editor, as git starts it: `$VISUAL`, else `$EDITOR`, else
/// `vi`, run by the shell (so `EDITOR="code -w"` works) on the terminal.
enum EditorLaunch {
    static var command: String {
        let environment = ProcessInfo.processInfo.environment
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    /// Runs the editor on `path` at `line` and waits for it; its exit status
    /// (127 when it could not be started).
    static func run(path: String, line: Int) -> Int32 {
        // The file and the line go as the shell's own arguments, never into
        // the command text; a relative name (a corpus's file, with --corpus
        // .) starts `./`, so one such as `+:!cmd` or `-c` is not an option.
        let file = path.hasPrefix("/") ? path : "./" + path
        let arguments = ["/bin/sh", "-c", command + " \"+$1\" \"$2\"", "chronicle-editor", String(max(1, line)), file]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
