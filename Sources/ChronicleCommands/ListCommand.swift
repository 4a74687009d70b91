import ArgumentParser
import ChronicleModel
import ChronicleUI
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the chronology, one event a line: date, title, number of sources."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: text, or json (sources and events with byte offsets; see docs/cli.md).")
    var format: OutputFormat = .text

    @Flag(help: "Only the events you starred in the browser (*), each with your note.")
    var starred = false

    func run() throws {
        let loaded = try corpus.load()
        let out = Terminal.standardOutput
        if starred {
            try listStarred(loaded)
            return
        }
        switch format {
        case .json:
            out.write(try JSONText.encode(CorpusJSON(loaded)) + "\n")
        case .text:
            out.write(ListCommand.text(loaded))
        }
    }

    /// "2003          ★ Russia lists …   5 sources": a spine event carries ★.
    static func text(_ corpus: Corpus) -> String {
        text(corpus, only: corpus.events).map { $0.text + "\n" }.joined()
    }

    /// The lines of some events, dates padded to the widest among them.
    static func text(_ corpus: Corpus, only events: [Event]) -> [(event: Event, text: String)] {
        let dates = events.map { SafeText.visible($0.date.displayText) }
        let dateWidth = dates.map(\.count).max() ?? 0
        return zip(events, dates).map { event, date in
            let sources = Plural.count(event.sourceIDs.count, "source")
            let mark = event.spine ? "★" : " "
            return (event, "\(date.padding(toLength: dateWidth, withPad: " ", startingAt: 0))  \(mark) \(SafeText.visible(event.title))  (\(sources))")
        }
    }
}

extension ListCommand {
    /// The reader's starred events, with their notes: kept outside the
    /// corpus, in the data directory (docs/user-guide.md).
    func listStarred(_ loaded: Corpus) throws {
        let session = ReaderSession(directories: UserDirectories(), corpusPath: corpus.corpus)
        guard let file = session.notes else { throw CLIError.data("neither HOME nor XDG_DATA_HOME is set, so there are no stars to read") }
        let (notes, problem) = file.load()
        if let problem { Terminal.standardError.write("chronicle: " + problem + "\n") }
        let events = loaded.events.filter { notes.starred.contains($0.id) }
        let gone = notes.starred.subtracting(loaded.events.map(\.id)).sorted()
        if !gone.isEmpty {
            Terminal.standardError.write("chronicle: \(Plural.count(gone.count, "starred event")) no longer in the corpus: \(gone.map { SafeText.visible($0) }.joined(separator: ", "))\n")
        }
        switch format {
        case .json:
            struct Starred: Encodable {
                let id: String, date: String, title: String
                /// null when the reader wrote none.
                @NullWhenAbsent var note: String?
            }
            let list = events.map { Starred(id: $0.id, date: $0.date.date.edtf, title: $0.title, note: notes.notes[$0.id]) }
            Terminal.standardOutput.write(try JSONText.encode(["starred": list]) + "\n")
        case .text:
            guard !events.isEmpty else { throw CLIError.notFound("no starred events in \(corpus.name): * in the browser stars the event selected") }
            var text = ""
            for line in ListCommand.text(loaded, only: events) {
                text += line.text + "\n"
                if let note = notes.notes[line.event.id] { text += "    note: " + SafeText.visible(note) + "\n" }
            }
            Terminal.standardOutput.write(text)
        }
    }
}

/// The commands' JSON: snake_case keys, every control and format
/// character escaped (`MachineJSON`).
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        try MachineJSON.encode(value, keys: .snakeCase)
    }
}
