import ChronicleModel
import ChronicleUI
import Foundation

/// The progress bar a command redraws on standard error while a corpus is
/// read and checked without a valid cache: only on a terminal (never into
/// a pipe or a file, where it would be noise in a log), only once the load
/// has gone on long enough to be worth one, and wiped before the command
/// writes anything else.
final class ProgressLine: @unchecked Sendable {
    let progress = LoadProgress()
    private let terminal: Terminal
    private let lock = NSLock()
    private var shown = false
    private var stopped = false

    /// Seconds a load runs before the bar appears: a quick one shows none.
    static let delay = 0.3

    /// A progress line on standard error, or nil when that is not a terminal.
    static func onStandardError() -> ProgressLine? {
        Terminal.standardError.isTerminal ? ProgressLine(terminal: .standardError) : nil
    }

    init(terminal: Terminal) {
        self.terminal = terminal
        Thread { [self] in
            while lock.withLock({ !stopped }) {
                usleep(100_000)
                let snapshot = progress.snapshot()
                guard snapshot.stage != nil, snapshot.elapsed >= Self.delay else { continue }
                lock.withLock {
                    guard !stopped else { return }
                    terminal.write("\r" + LoadingView.line(snapshot, width: terminal.width) + "\u{1B}[K")
                    shown = true
                }
            }
        }.start()
    }

    /// Says `notice` on its own line; the bar is drawn again below it.
    func say(_ notice: String) {
        lock.withLock {
            wipe()
            CorpusOptions.tell(notice)
        }
    }

    /// The load is over: the bar goes, for good.
    func finish() {
        lock.withLock {
            stopped = true
            wipe()
        }
    }

    private func wipe() {
        if shown { terminal.write("\r\u{1B}[K") }
        shown = false
    }
}
