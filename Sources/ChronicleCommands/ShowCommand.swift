import ArgumentParser
import ChronicleModel
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an event and each passage it cites, set in its sentence."
    )

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The event's id, as `chronicle list --format json` gives it.",
              completion: .custom(ShowCommand.completeEventIDs))
    var eventID: String

    @Option(help: "Output format: text, or json (the event as in `list --format json`).")
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try corpus.load()
        guard let event = loaded.event(eventID) else {
            let near = loaded.events.map(\.id).filter { $0.contains(eventID) || eventID.contains($0) }.prefix(5)
            let hint = near.isEmpty ? "`chronicle list --format json` shows every id" : "did you mean: \(near.joined(separator: ", "))?"
            throw CLIError.notFound("no event with id `\(SafeText.visible(eventID))` in \(corpus.name); \(hint)")
        }
        let out = Terminal.standardOutput
        switch format {
        case .json:
            out.write(try JSONText.encode(CorpusJSON(loaded, events: [event]).events[0]) + "\n")
        case .text:
            out.write(ShowCommand.text(event, in: loaded, width: out.width, styled: out.usesStyles))
        }
    }

    static func text(_ event: Event, in corpus: Corpus, width: Int, styled: Bool) -> String {
        let safe = { (text: String) in SafeText.visible(text) }
        let bold = { (text: String) in styled ? "\u{1B}[1m\(text)\u{1B}[22m" : text }
        var out = bold(safe(event.title)) + "\n"
        out += "\(safe(event.date.displayText))\(event.spine ? "  ★ principal event" : "")  ·  \(event.id)\n"
        if let basis = event.date.basis { out += wrap("Date: " + safe(basis), width: width, indent: "      ") }
        let actorNames = event.actors.compactMap { corpus.actor($0)?.name }
        if !actorNames.isEmpty { out += wrap("Actors: " + safe(actorNames.joined(separator: ", ")), width: width, indent: "        ") }
        if !event.tags.isEmpty { out += "Tags: " + safe(event.tags.joined(separator: ", ")) + "\n" }
        if let summary = event.summary { out += "\n" + wrap(safe(summary), width: width, indent: "") }
        out += "\n" + bold("Sources (\(Plural.count(event.citations.count, "passage")), \(Plural.count(event.sourceIDs.count, "outlet")))") + "\n"
        for (number, citation) in event.citations.enumerated() {
            guard let source = corpus.source(citation.sourceID) else { continue }
            let passage = citation.passage
            out += "\n[\(number + 1)] \(safe(source.outlet)) — \(safe(source.displayTitle)) — \(safe(source.published.displayText))\n"
            out += "    \(source.file), line \(passage.line), bytes \(passage.range.lowerBound)–\(passage.range.upperBound)\n"
            if let note = source.inferredDateNote { out += wrap(safe(note.prefix(1).uppercased() + note.dropFirst()), width: width, indent: "    ", first: "    ") }
            let sentence = source.sentenceRange(around: passage.range)
            let before = source.displayText(sentence.lowerBound..<passage.range.lowerBound)
            let quote = source.displayText(passage.range)
            let after = source.displayText(passage.range.upperBound..<sentence.upperBound)
            let marked = styled ? "\u{1B}[1;4m\(safe(quote))\u{1B}[22;24m" : "»\(safe(quote))«"
            out += wrap(safe(before) + marked + safe(after), width: width, indent: "    ", first: "    ")
            for claim in citation.claims { out += "    \(safe(claim.name)): \(safe(claim.value))\n" }
        }
        let disagreements = Disagreement.find(in: event, corpus: corpus)
        if !disagreements.isEmpty {
            out += "\n" + bold("The sources differ") + "\n"
            for disagreement in disagreements {
                out += "\n\(safe(disagreement.heading)):\n"
                for reading in disagreement.readings {
                    let outlets = reading.sourceIDs.compactMap { corpus.source($0)?.outlet }.map(safe).joined(separator: ", ")
                    let cited = reading.citations.map { "[\($0 + 1)]" }.joined(separator: " ")
                    out += wrap("\(safe(reading.text)) — \(outlets) \(cited)", width: width, indent: "      ", first: "    ")
                }
            }
        }
        return out
    }

    static func completeEventIDs(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        var options = CorpusOptions()
        if let index = arguments.firstIndex(of: "--corpus"), index + 1 < arguments.count { options.corpus = arguments[index + 1] }
        return options.loadResult().corpus.events.map(\.id).filter { $0.hasPrefix(prefix) }
    }
}

/// Word-wraps plain text for the CLI; escape sequences count as no width.
func wrap(_ text: String, width: Int, indent: String, first: String = "") -> String {
    var lines: [String] = []
    var line = first
    var lineWidth = first.count
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        let wordWidth = visibleWidth(word)
        if lineWidth > indent.count && lineWidth + 1 + wordWidth > width && lineWidth > first.count {
            lines.append(line)
            line = indent
            lineWidth = indent.count
        }
        if lineWidth > (lines.isEmpty ? first.count : indent.count) { line += " "; lineWidth += 1 }
        line += word
        lineWidth += wordWidth
    }
    lines.append(line)
    return lines.map { $0 + "\n" }.joined()
}

private func visibleWidth(_ word: Substring) -> Int {
    var width = 0, inEscape = false
    for scalar in word.unicodeScalars {
        if scalar == "\u{1B}" { inEscape = true; continue }
        if inEscape { if scalar == "m" { inEscape = false }; continue }
        width += 1
    }
    return width
}
