import ArgumentParser
import ChronicleModel
import Foundation

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "List the body sentences that state a date no event cites, by that date: candidate events.",
        discussion: """
            Each shows the sentence with the date's words marked ⟦like this⟧, its EDTF value, how it was worked \
            out (from the article's own date, or another date of the paragraph), and the source and line. \
            Exit status 1 when every dated sentence is cited.
            """
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp("Only this source's sentences.", valueName: "source-id"))
    var source: String?

    @Option(help: "Output format: text, or json (sentences and dates with byte offsets; see docs/cli.md).")
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try corpus.load()
        if let source, loaded.source(source) == nil {
            let ids = loaded.sources.map(\.id).joined(separator: ", ")
            throw CLIError.notFound("no source with id `\(SafeText.visible(source))` in \(corpus.name); its sources are: \(SafeText.visible(ids))")
        }
        let drafts = DraftStatements.find(in: loaded, source: source)
        let out = Terminal.standardOutput
        switch format {
        case .json: out.write(try JSONText.encode(DraftJSON(drafts, corpus: loaded)) + "\n")
        case .text: out.write(Self.text(drafts, corpus: loaded))
        }
        if drafts.isEmpty { throw CLIError.notFound("no dated sentence is left uncited in \(corpus.name)") }
    }

    static func text(_ drafts: [DraftStatement], corpus: Corpus) -> String {
        var out = ""
        for draft in drafts {
            guard let source = corpus.source(draft.sourceID) else { continue }
            let expression = draft.expression
            var date = expression.value.map { "\($0.displayText) (\($0.edtf)\(expression.isWorkedOut ? ", worked out" : ""))" } ?? "date unknown"
            if expression.kind == .duration { date += ", a duration" }
            out += "\(SafeText.visible(date))  ·  \(SafeText.visible(source.outlet)), line \(draft.line)\n"
            out += "  " + marked(draft, in: source) + "\n"
            out += "  how: " + SafeText.visible(expression.resolution) + "\n\n"
        }
        if drafts.isEmpty { out += "(none)\n" }
        return out
    }

    /// The sentence as a reader sees it, the date's words in ⟦ ⟧, on one line.
    static func marked(_ draft: DraftStatement, in source: Source) -> String {
        let range = draft.expression.range
        let before = source.displayText(draft.sentence.lowerBound..<max(draft.sentence.lowerBound, range.lowerBound))
        let words = source.displayText(range)
        let after = source.displayText(min(range.upperBound, draft.sentence.upperBound)..<draft.sentence.upperBound)
        return SafeText.visible(before) + "⟦" + SafeText.visible(words) + "⟧" + SafeText.visible(after)
    }
}

/// `chronicle draft --format json`: offsets are UTF-8 bytes into the raw
/// file, end exclusive, as `list --format json` gives them.
struct DraftJSON: Encodable {
    struct Expression: Encodable {
        let text: String
        let start: Int
        let end: Int
        let kind: String
        /// EDTF, or nil when the rules could not resolve it.
        @NullWhenAbsent var value: String?
        @NullWhenAbsent var valueDisplay: String?
        @NullWhenAbsent var duration: String?
        let inferred: Bool
        let workedOut: Bool
        let basis: String
        let resolution: String
    }

    struct Draft: Encodable {
        let source: String
        let line: Int
        let start: Int
        let end: Int
        let sentence: String
        let expression: Expression
    }

    let drafts: [Draft]

    init(_ drafts: [DraftStatement], corpus: Corpus) {
        self.drafts = drafts.compactMap { draft in
            guard let source = corpus.source(draft.sourceID) else { return nil }
            let e = draft.expression
            return Draft(source: draft.sourceID, line: draft.line, start: draft.sentence.lowerBound, end: draft.sentence.upperBound,
                         sentence: source.displayText(draft.sentence),
                         expression: Expression(text: e.text, start: e.range.lowerBound, end: e.range.upperBound, kind: e.kind.rawValue,
                                                value: e.value?.edtf, valueDisplay: e.value?.displayText, duration: e.duration,
                                                inferred: e.inferred, workedOut: e.isWorkedOut, basis: e.basis.rawValue,
                                                resolution: e.resolution))
        }
    }
}
