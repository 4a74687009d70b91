import CNCursesW
import CTerminalSupport
import ChronicleUI
import Foundation

/// The only code that talks to ncurses: it paints grids, reads keys, mouse
/// and resizes, and always gives the terminal back. Screen logic lives in
/// ChronicleUI; this file only translates. 
public final class CursesTerminal {
    public enum Input: Sendable, Equatable {
        case key(Key)
        case mouse(MouseEvent)
        case resize(Size)
    }

    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case noTerm
        case dumbTerminal(String)
        case unknownTerminal(String)
        case cannotStart

        public var description: String {
            switch self {
            case .notATerminal: return "the browser needs a terminal on standard input and output"
            case .noTerm: return "TERM is not set, so the terminal's abilities are unknown; set it (for example TERM=xterm-256color)"
            case .dumbTerminal(let term): return "TERM=\(term) cannot move the cursor, so the browser cannot run there"
            case .unknownTerminal(let term): return "the terminal type \"\(term)\" is unknown to terminfo; set TERM to a known type (for example xterm-256color)"
            case .cannotStart: return "ncurses could not start on this terminal"
            }
        }
    }

    // Read by the atexit handler, which cannot capture context.
    nonisolated(unsafe) private static var active = false

    private var previous: Grid?
    private var palette: Theme.Palette = .monochrome
    private var pairs: [Role: (attrs: attr_t, pair: Int16)] = [:]
    private var fullRepaint = true
    private var clipboard = Clipboard(environment: [:])

    public private(set) var size: Size

    /// Starts curses on the controlling terminal, or explains why it cannot.
    public static func start(environment: [String: String] = ProcessInfo.processInfo.environment, theme: Theme = .dark,
                             mouse: Bool = true) throws(StartError) -> CursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw .noTerm }
        if term == "dumb" { throw .dumbTerminal(term) }
        guard chronicle_terminal_known(term) == 1 else { throw .unknownTerminal(term) }
        setlocale(LC_ALL, "")
        chronicle_save_termios()
        chronicle_install_signal_handlers()
        atexit { CursesTerminal.emergencyRestore() }
        guard chronicle_newterm() != nil else {
            chronicle_restore_termios()
            throw .cannotStart
        }
        active = true
        let terminal = CursesTerminal(size: Size(width: Int(chronicle_cols()), height: Int(chronicle_lines())))
        terminal.clipboard = Clipboard(environment: environment)
        terminal.configure(noColor: !(environment["NO_COLOR"] ?? "").isEmpty, theme: theme)
        terminal.setMouse(mouse)
        return terminal
    }

    private init(size: Size) { self.size = size }

    private func configure(noColor: Bool, theme: Theme) {
        cbreak()                       // ^C and ^Z stay signals
        noecho()
        nonl()
        keypad(chronicle_stdscr(), true)
        set_escdelay(25)               // a lone Esc is answered at once
        wtimeout(chronicle_stdscr(), 100)  // wake to notice signals
        curs_set(0)
        mouseinterval(0)
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            // A terminfo entry with direct colour (xterm-direct) counts
            // 2^24 colours: colours are then 0xRRGGBB, above the first eight.
            let colors = chronicle_colors()
            palette = colors >= 1 << 24 ? .direct : colors >= 256 ? .colors256 : .colors8
        }
        var next: Int16 = 1
        for role in Role.allCases {
            let look = theme.appearance(role, palette: palette)
            var attrs = chronicle_a_normal()
            if look.bold { attrs |= chronicle_a_bold() }
            if look.underline { attrs |= chronicle_a_underline() }
            if look.reverse { attrs |= chronicle_a_reverse() }
            if look.dim { attrs |= chronicle_a_dim() }
            var pair: Int16 = 0
            if palette != .monochrome, look.foreground != nil || look.background != nil {
                init_extended_pair(Int32(next), look.foreground?.terminalNumber ?? -1, look.background?.terminalNumber ?? -1)
                pair = next
                next += 1
            }
            pairs[role] = (attrs, pair)
        }
    }

    /// Paints only the cells that changed since the last frame. Each cell is
    /// written at its own position, and only as text the C library measures
    /// at the cell's width (`CellPainting`), so no glyph can move the cells
    /// after it; should ncurses still end up elsewhere than the next cell,
    /// the rest of the frame is painted whole and the next one too.
    public func paint(_ grid: Grid) {
        let window = chronicle_stdscr()
        if fullRepaint || previous?.width != grid.width || previous?.height != grid.height {
            werase(window)
            previous = nil
            fullRepaint = false
        }
        var paintAll = previous == nil
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if !paintAll, let previous, previous[x, y] == cell { continue }
                let style = pairs[cell.role] ?? (chronicle_a_normal(), 0)
                wattr_set(window, style.attrs, style.pair, nil)
                let pieces = cell.text.utf8.count == 1 && cell.width == 1 ? [cell.text] : CellPainting.pieces(for: cell, columns: Self.columns)
                for (offset, piece) in pieces.enumerated() where x + offset < grid.width {
                    var wide = piece.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                    wide.append(0)
                    // The bottom-right cell reports an error after writing: harmless.
                    _ = mvwaddnwstr(window, Int32(y), Int32(x + offset), wide, Int32(wide.count - 1))
                }
                let end = x + Int(cell.width)
                if end < grid.width, chronicle_getcury(window) != Int32(y) || chronicle_getcurx(window) != Int32(end) {
                    paintAll = true
                    fullRepaint = true
                }
            }
        }
        wattr_set(window, chronicle_a_normal(), 0, nil)
        wrefresh(window)
        previous = grid
    }

    /// Columns the C library (and so ncurses) gives a scalar; -1 when it cannot print it.
    private static func columns(_ scalar: Unicode.Scalar) -> Int {
        Int(chronicle_wcwidth(scalar.value))
    }

    /// Forces the next paint to redraw every cell (Ctrl-L, after a resume).
    public func invalidate() {
        fullRepaint = true
        clearok(chronicle_stdscr(), true)
    }

    public func bell() { beep() }

    /// Turns the terminal's mouse reporting on, or off to leave the mouse
    /// to the terminal (which then selects text).
    public func setMouse(_ on: Bool) {
        let events = chronicle_button1_pressed() | chronicle_button1_clicked() | chronicle_button4_pressed() | chronicle_button5_pressed()
        mousemask(on ? events : 0, nil)
    }

    /// Puts text on the system clipboard: OSC 52 to the terminal (which
    /// reaches the machine in front of the user over SSH too), and inside
    /// tmux its paste buffer as well.
    public func copy(_ text: String) {
        wrefresh(chronicle_stdscr())
        clipboard.copy(text)
    }

    /// How long `read` waits for input before it returns nil.
    public func waitForInput(milliseconds: Int32) {
        wtimeout(chronicle_stdscr(), milliseconds)
    }

    /// The next input, or nil after about 100 ms of none (see `waitForInput`).
    public func read() -> Input? {
        var character: wint_t = 0
        let status = wget_wch(chronicle_stdscr(), &character)
        if status == KEY_CODE_YES {
            switch Int32(character) {
            case KEY_RESIZE:
                size = Size(width: Int(chronicle_cols()), height: Int(chronicle_lines()))
                fullRepaint = true
                return .resize(size)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                let state = event.bstate
                if state & chronicle_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, x: Int(event.x), y: Int(event.y))) }
                if state & chronicle_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, x: Int(event.x), y: Int(event.y))) }
                if state & (chronicle_button1_pressed() | chronicle_button1_clicked()) != 0 {
                    return .mouse(MouseEvent(.click, x: Int(event.x), y: Int(event.y)))
                }
                return nil
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            default: return nil
            }
        }
        guard status == OK, let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
        switch scalar.value {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(scalar.value + 96)!)))
        default: return .key(.character(Character(scalar)))
        }
    }

    /// Gives the terminal to another program (an editor) while `body` runs,
    /// then takes it back and repaints everything.
    public func lend(_ body: () -> Void) {
        def_prog_mode()
        endwin()
        chronicle_restore_termios()
        body()
        reset_prog_mode()
        invalidate()
        wrefresh(chronicle_stdscr())
    }

    /// The signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) that arrived, if any.
    public func takeSignal() -> Int32? {
        let signal = chronicle_take_signal()
        return signal == 0 ? nil : signal
    }

    /// Gives the terminal back: leaves curses and restores the saved modes.
    public func restore() {
        guard CursesTerminal.active else { return }
        CursesTerminal.active = false
        endwin()
        chronicle_restore_termios()
    }

    /// Restores, then ends the process the way the signal would have.
    public func exit(bySignal signal: Int32) -> Never {
        restore()
        chronicle_default_signal(signal)
        kill(getpid(), signal)
        Foundation.exit(128 + signal)
    }

    private static func emergencyRestore() {
        guard active else { return }
        active = false
        endwin()
        chronicle_restore_termios()
    }
}
