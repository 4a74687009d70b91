import ArgumentParser
import ChronicleModel
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the chronology, one event a line: date, title, number of sources."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: text, or json (sources and events with byte offsets; see docs/cli.md).")
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try corpus.load()
        let out = Terminal.standardOutput
        switch format {
        case .json:
            out.write(try JSONText.encode(CorpusJSON(loaded)) + "\n")
        case .text:
            out.write(ListCommand.text(loaded))
        }
    }

    /// "2003          ★ Russia lists …   5 sources": a spine event carries ★.
    static func text(_ corpus: Corpus) -> String {
        let dates = corpus.events.map { SafeText.visible($0.date.displayText) }
        let dateWidth = dates.map(\.count).max() ?? 0
        var lines: [String] = []
        for (event, date) in zip(corpus.events, dates) {
            let sources = count(event.sourceIDs.count, "source")
            let mark = event.spine ? "★" : " "
            lines.append("\(date.padding(toLength: dateWidth, withPad: " ", startingAt: 0))  \(mark) \(SafeText.visible(event.title))  (\(sources))")
        }
        return lines.map { $0 + "\n" }.joined()
    }
}

enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
