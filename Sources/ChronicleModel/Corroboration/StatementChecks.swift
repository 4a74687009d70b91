import Foundation

/// What an event says that its own passages may not back: an actor its
/// title or summary names (or it lists) that no cited passage names, and a
/// date finer than anything its passages print while it is not marked
/// inferred, or finer than its sources' own dates allow. `validate` gives
/// these as notes, for a corpus author to look at; they are not errors.
public enum StatementChecks {
    public struct Note: Sendable, Hashable {
        public let eventID: String
        public let message: String
        public let hint: String
    }

    /// Every actor's names as search terms, worked out once for a corpus:
    /// checking each event against each actor's names afresh made
    /// `validate` of 100,000 events and 300 actors take minutes.
    public struct ActorNames: Sendable {
        let terms: [(actor: Actor, names: [[String]])]

        public init(_ corpus: Corpus) {
            terms = corpus.actors.map { actor in (actor, actor.names.map(SearchTokenizer.terms).filter { !$0.isEmpty }) }
        }
    }

    public static func notes(for event: Event, in corpus: Corpus) -> [Note] {
        notes(for: event, in: corpus, actorNames: ActorNames(corpus))
    }

    /// The notes for one of many events: `actorNames` of the same corpus.
    public static func notes(for event: Event, in corpus: Corpus, actorNames: ActorNames) -> [Note] {
        var notes: [Note] = []
        let passages = event.citations.compactMap { citation in corpus.source(citation.sourceID)?.displayText(citation.passage.range) }
        let passageTerms = passages.map(SearchTokenizer.terms)
        let ownTerms = SearchTokenizer.terms(event.title + " " + (event.summary ?? ""))
        for (actor, names) in actorNames.terms {
            let listed = event.actors.contains(actor.id)
            guard listed || names.contains(where: { ownTerms.contains(sequence: $0) }) else { continue }
            if !passageTerms.contains(where: { terms in names.contains { terms.contains(sequence: $0) } }) {
                let how = listed ? "lists the actor" : "names"
                notes.append(Note(eventID: event.id, message: "event `\(event.id)` \(how) \(actor.name), whom none of its cited passages names",
                                  hint: "cite the words that name \(actor.name) (or one of the actor's aliases), or say it without them"))
            }
        }
        let precision = event.date.date.precision
        let printed = passages.flatMap(PrintedDates.find).map(\.precision).max()
        if !event.date.inferred, precision >= .year, (printed ?? .unknownYear) < precision {
            notes.append(Note(eventID: event.id,
                              message: "event `\(event.id)` is dated to the \(Self.name(precision)), which none of its cited passages prints, but the date is not marked inferred",
                              hint: "add `date_inferred: true` and a `date_basis:` saying how the date is worked out (\"on Friday\" in an article of 2 May 2025)"))
        }
        let sourcePrecision = event.citations.compactMap { corpus.source($0.sourceID)?.published.date.precision }.max()
        if event.date.inferred, let sourcePrecision, precision > max(sourcePrecision, printed ?? .unknownYear) {
            notes.append(Note(eventID: event.id,
                              message: "event `\(event.id)` is dated to the \(Self.name(precision)), finer than its passages or its sources' dates give",
                              hint: "give the date no more precision than the sources: a month, a year, or an interval"))
        }
        return notes
    }

    static func name(_ precision: PartialDate.Precision) -> String {
        switch precision {
        case .day, .time: return "day"
        case .month: return "month"
        case .sixMonths, .fourMonths, .threeMonths: return "part of a year"
        case .year: return "year"
        default: return "decade"
        }
    }
}

/// The dates a text prints as such: days, months, years and decades
/// ("17 April 2025", "March 2024", "2003", "the 1980s"), at the precision
/// printed. Relative expressions ("last month") print none.
public enum PrintedDates {
    public struct Found: Sendable, Hashable {
        public let text: String
        public let precision: PartialDate.Precision
    }

    public static func find(in text: String) -> [Found] {
        var found: [Found] = []
        if let (_, words) = ArticleProposal.printedDate(in: text) { found.append(Found(text: words, precision: .day)) }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        for (regex, precision) in patterns {
            for match in regex.matches(in: text, range: whole) { found.append(Found(text: ns.substring(with: match.range), precision: precision)) }
        }
        return found
    }

    /// Compiled once: compiling was most of what a short passage cost.
    static let patterns: [(CompiledPattern, PartialDate.Precision)] = [
        (CompiledPattern(#"\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b"#), .day),
        (CompiledPattern(#"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? (1\d|20)\d\d\b"#), .month),
        (CompiledPattern(#"\b(1[0-9]|20)\d0s\b"#), .decade),
        (CompiledPattern(#"(?<![\d.,])\b(1[0-9]|20)\d\d\b(?![\d.,]\d)"#), .year),
    ]
}

/// A regular expression compiled once and shared by every thread:
/// NSRegularExpression is immutable and safe to match from any thread.
struct CompiledPattern: @unchecked Sendable {
    let regex: NSRegularExpression

    /// `pattern` is a literal of this code: one that does not compile is a bug.
    init(_ pattern: String) {
        do { regex = try NSRegularExpression(pattern: pattern) } catch { preconditionFailure("the pattern \(pattern) does not compile: \(error)") }
    }

    func matches(in text: String, range: NSRange) -> [NSTextCheckingResult] { regex.matches(in: text, range: range) }
}

extension Array where Element: Equatable {
    /// Whether `sequence` occurs in order, contiguously, in the array.
    func contains(sequence: [Element]) -> Bool {
        guard !sequence.isEmpty, sequence.count <= count else { return false }
        return (0...(count - sequence.count)).contains { start in self[start..<(start + sequence.count)].elementsEqual(sequence) }
    }
}
