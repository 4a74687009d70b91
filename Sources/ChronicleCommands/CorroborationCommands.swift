import ArgumentParser
import ChronicleModel
import Foundation

enum MatrixFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Print which sources report each event: cited, not cited, or published before it.",
        discussion: "● cited · ○ published on or after the event but not cited · · published before the event."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: text (a matrix), json, or csv (one row per event).")
    var format: MatrixFormat = .text

    func run() throws {
        let loaded = try corpus.load()
        let coverage = Coverage(loaded)
        let out = Terminal.standardOutput
        switch format {
        case .text: out.write(Self.text(coverage))
        case .csv: out.write(Self.csv(coverage))
        case .json: out.write(try JSONText.encode(CoverageJSON(coverage)) + "\n")
        }
    }

    /// Columns are numbered; a legend below names each source.
    static func text(_ coverage: Coverage) -> String {
        let corpus = coverage.corpus
        let dates = corpus.events.map { SafeText.visible($0.date.displayText) }
        let dateWidth = dates.map(\.count).max() ?? 0
        let columns = corpus.sources.indices.map { String($0 + 1) }
        let cell = max(2, (columns.map(\.count).max() ?? 1) + 1)
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        var out = pad("", dateWidth) + "  " + columns.map { pad($0, cell) }.joined() + " event\n"
        for (index, event) in corpus.events.enumerated() {
            let marks = coverage.marks[index].map { pad($0.symbol, cell) }.joined()
            out += pad(dates[index], dateWidth) + "  " + marks + " " + SafeText.visible(event.title) + "\n"
        }
        out += "\n"
        for (index, source) in corpus.sources.enumerated() {
            out += "\(index + 1). \(SafeText.visible(source.outlet)), \(SafeText.visible(source.published.displayText))  (\(source.id), cites \(Plural.count(coverage.citedCounts[index], "event")))\n"
        }
        out += "● cited   ○ published on or after the event, not cited   · published before the event\n"
        return out
    }

    static func csv(_ coverage: Coverage) -> String {
        func field(_ text: String) -> String {
            let safe = SafeText.visible(text)
            return safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }
        var out = (["event", "date", "title"] + coverage.corpus.sources.map(\.id)).map(field).joined(separator: ",") + "\n"
        for (index, event) in coverage.corpus.events.enumerated() {
            out += ([event.id, event.date.date.edtf, event.title] + coverage.marks[index].map(\.rawValue)).map(field).joined(separator: ",") + "\n"
        }
        return out
    }
}

struct CoverageJSON: Encodable {
    struct Row: Encodable {
        let event: String
        let date: String
        let title: String
        /// Source id → "cited", "not-cited" or "not-yet-published".
        let sources: [String: String]
    }
    let sources: [String]
    let events: [Row]

    init(_ coverage: Coverage) {
        sources = coverage.corpus.sources.map(\.id)
        events = coverage.corpus.events.enumerated().map { index, event in
            Row(event: event.id, date: event.date.date.edtf, title: event.title,
                sources: Dictionary(uniqueKeysWithValues: zip(coverage.corpus.sources.map(\.id), coverage.marks[index].map(\.rawValue))))
        }
    }
}

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Rank the uncited sentences of the corpus most likely about an event: where a citation may be missing."
    )

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: ArgumentHelp("The event's id (see `chronicle list --format json`).", valueName: "event-id"),
              completion: .custom(ShowCommand.completeEventIDs))
    var eventID: String

    @Option(help: "Print at most this many sentences.")
    var limit: Int = 10

    @Option(help: "Output format: text, or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let loaded = try corpus.load()
        guard let event = loaded.event(eventID) else {
            throw CLIError.notFound("no event with id `\(SafeText.visible(eventID))` in \(corpus.name); `chronicle list --format json` lists the ids")
        }
        let suggestions = Suggestions.suggest(for: event, in: loaded, limit: limit)
        let out = Terminal.standardOutput
        switch format {
        case .json:
            struct Item: Encodable {
                let source: String, line: Int, start: Int, end: Int, score: Double, text: String, reasons: [String]
                let publishedBeforeEvent: Bool
            }
            let items = suggestions.compactMap { suggestion -> Item? in
                guard let source = loaded.source(suggestion.sourceID) else { return nil }
                return Item(source: suggestion.sourceID, line: suggestion.line, start: suggestion.range.lowerBound, end: suggestion.range.upperBound,
                            score: (suggestion.score * 1000).rounded() / 1000, text: source.displayText(suggestion.range), reasons: suggestion.reasons,
                            publishedBeforeEvent: suggestion.publishedBeforeEvent)
            }
            out.write(try JSONText.encode(items) + "\n")
        case .text:
            var text = "Sentences likely about “\(SafeText.visible(event.title))” that it does not cite:\n"
            for (rank, suggestion) in suggestions.enumerated() {
                guard let source = loaded.source(suggestion.sourceID) else { continue }
                text += "\n\(rank + 1). \(SafeText.visible(source.outlet)), line \(suggestion.line)  (score \(String(format: "%.2f", suggestion.score)); \(suggestion.reasons.joined(separator: "; ")))\n"
                text += "   " + SafeText.visible(source.displayText(suggestion.range)) + "\n"
            }
            if suggestions.isEmpty { text += "(none)\n" }
            out.write(text)
        }
        if suggestions.isEmpty { throw CLIError.notFound("no uncited sentence is likely about `\(event.id)`") }
    }
}
