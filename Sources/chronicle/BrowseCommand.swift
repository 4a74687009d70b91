import ArgumentParser
import ChronicleModel
import ChronicleTerminal
import ChronicleUI
import Foundation

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse the chronology in the terminal (the default on a terminal).",
        discussion: "Not on a terminal (a pipe, a file), it prints the list instead. Press ? in the browser for its keys; docs/keys.md lists them all."
    )

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let loaded = try corpus.load()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Terminal.standardOutput.write(ListCommand.text(loaded))
            return
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start()
        } catch {
            // Asked for by name, the browser's absence is an error; as the
            // default, the list is the useful answer.
            if CommandLine.arguments.dropFirst().first == "browse" {
                throw CLIError.data("cannot open the browser: \(error)")
            }
            Terminal.standardError.write("chronicle: cannot open the browser: \(error); printing the list instead\n")
            Terminal.standardOutput.write(ListCommand.text(loaded))
            return
        }
        // The first frame does not wait for the search index: it is built
        // on another thread, and the loop hears when it is ready.
        let data = BrowserData(corpus: loaded, indexNow: false)
        Thread.detachNewThread { data.searchIndex.build(loaded) }
        BrowserLoop(terminal: terminal, data: data).run()
    }
}

/// The shell around the pure browser: input in, actions through the
/// reducer, effects out, the grid painted.
struct BrowserLoop {
    let terminal: CursesTerminal
    let data: BrowserData

    func run() {
        defer { terminal.restore() }
        var state = AppState(data: data, size: terminal.size)
        _ = Reducer.reduce(&state, .resize(terminal.size))
        terminal.paint(Renderer.render(state))
        var indexed = data.index != nil
        while true {
            if let signal = terminal.takeSignal() { terminal.exit(bySignal: signal) }
            if !indexed, data.index != nil {
                indexed = true
                _ = Reducer.reduce(&state, .indexReady)
                terminal.paint(Renderer.render(state))
            }
            guard let input = terminal.read() else { continue }
            let effects: [Effect]
            switch input {
            case .key(let key): effects = Reducer.handle(key, &state)
            case .mouse(let event): effects = Reducer.reduce(&state, .mouse(event))
            case .resize(let size): effects = Reducer.reduce(&state, .resize(size))
            }
            if effects.contains(.quit) { return }
            if effects.contains(.bell) { terminal.bell() }
            if effects.contains(.repaint) { terminal.invalidate() }
            terminal.paint(Renderer.render(state))
        }
    }
}
