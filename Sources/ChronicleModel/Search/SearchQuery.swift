/// What a person typed, as clauses that must all match (AND).
///
/// A bare word is a clause; a word that folds to several terms ("ISIS-K")
/// needs them in order, as a phrase does. `"in quotes"` is a phrase. The last
/// word, unless the query ends in a space or a closing quote, matches as a
/// prefix, so results follow the typing ("Kabu" finds Kabulov).
public struct SearchQuery: Sendable, Hashable {
    public struct Clause: Sendable, Hashable {
        /// What the person typed for this clause.
        public let text: String
        /// Folded terms, in order.
        public let terms: [String]
        /// The last term matches any word that starts with it.
        public let prefix: Bool
    }

    public let text: String
    public let clauses: [Clause]

    public var isEmpty: Bool { clauses.isEmpty }

    public init(_ text: String) {
        self.text = text
        var clauses: [Clause] = []
        var current = ""
        var inQuotes = false
        var lastWasPhrase = false
        func flush(phrase: Bool) {
            let terms = SearchTokenizer.terms(current)
            if !terms.isEmpty { clauses.append(Clause(text: current, terms: terms, prefix: false)) }
            current = ""
            lastWasPhrase = phrase && !terms.isEmpty
        }
        for character in text {
            if Self.quoteMarks.contains(character) {
                if inQuotes { flush(phrase: true) } else { flush(phrase: false) }
                inQuotes.toggle()
            } else if character.isWhitespace && !inQuotes {
                flush(phrase: false)
            } else {
                current.append(character)
            }
        }
        let endsOpen = !current.isEmpty
        flush(phrase: inQuotes)
        // Still typing the last word (or an unclosed phrase): its last term is a prefix.
        if endsOpen, let last = clauses.last, !lastWasPhrase || inQuotes {
            clauses[clauses.count - 1] = Clause(text: last.text, terms: last.terms, prefix: true)
        }
        self.clauses = clauses
    }

    /// Straight and typographic double quotes all open and close a phrase.
    static let quoteMarks: Set<Character> = ["\"", "“", "”", "„", "«", "»"]
}

extension SearchQuery {
    /// Whether everything this query matches, `older` matched too: it is
    /// `older` typed further. Its clauses begin with `older`'s, the same
    /// except the last, whose last word may have grown (a prefix of two
    /// letters or more only narrows as it grows; one letter is a whole word),
    /// and any clause after is one more condition. Actor names, which add
    /// their aliases, are left to the caller.
    public func narrows(_ older: SearchQuery) -> Bool {
        guard !older.clauses.isEmpty, clauses.count >= older.clauses.count else { return false }
        for (position, old) in older.clauses.enumerated() {
            let new = clauses[position]
            if old.terms == new.terms && old.prefix == new.prefix { continue }
            guard position == older.clauses.count - 1, old.prefix, let last = old.terms.last, last.count >= 2,
                  new.terms.count == old.terms.count, new.terms.dropLast() == old.terms.dropLast(),
                  let grown = new.terms.last, grown.hasPrefix(last) else { return false }
        }
        return true
    }
}
