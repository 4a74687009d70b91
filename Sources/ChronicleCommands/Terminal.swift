import Foundation

/// Where the CLI writes, and whether that is a person's terminal.
struct Terminal {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Terminal(handle: .standardOutput, descriptor: STDOUT_FILENO)
    static let standardError = Terminal(handle: .standardError, descriptor: STDERR_FILENO)

    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Bold and underline only on a terminal, and not when NO_COLOR is set
    /// (no-color.org: any non-empty value).
    var usesStyles: Bool {
        isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Columns to wrap to: the terminal's width, else 80.
    var width: Int {
        var size = winsize()
        if isTerminal, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
