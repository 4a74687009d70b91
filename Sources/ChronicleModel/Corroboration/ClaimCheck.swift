/// Whether a citation's recorded claim is stated in its passage. A claim
/// that is an amount must be an amount the passage states, in any words
/// ("€41m" for "€41 million", "two decades" for "20 years"); any other
/// claim must use only words of the passage, small words aside, so a
/// paraphrase that keeps them ("removed the Taliban from the list") holds
/// and one that adds a fact ("€99 billion", "cost") does not.
public enum ClaimCheck {
    public struct Problem: Sendable, Hashable {
        /// What is missing: "the passage states no €99 billion".
        public let what: String
        public let fix: String
    }

    public static func problem(_ claim: Citation.Claim, in range: Range<Int>, of source: Source) -> Problem? {
        let claimed = AmountReader.amounts(in: claim.value)
        if !claimed.isEmpty {
            let stated = AmountReader.amounts(in: range, of: source)
            let missing = claimed.filter { amount in !stated.contains { $0.isSame(as: amount) } }
            guard !missing.isEmpty else { return nil }
            let has = stated.isEmpty ? "it states no amount" : "it states " + stated.map(\.reading).joined(separator: ", ")
            return Problem(what: "the passage states no \(missing.map(\.reading).joined(separator: ", ")) (\(has))",
                           fix: "record the amount as the passage states it, or cite the passage that states \(claim.value)")
        }
        let display = source.display
        let from = display.displayIndex(atOrAfterRaw: range.lowerBound), to = display.displayIndex(atOrAfterRaw: range.upperBound)
        let passage = Set(SearchTokenizer.tokens(utf8: display.bytes, range: from..<to).map(\.term))
        let words = SearchTokenizer.terms(claim.value)
        let significant = words.filter { !Suggestions.stopwords.contains($0) }
        let missing = (significant.isEmpty ? words : significant).filter { !passage.contains($0) }
        guard !missing.isEmpty else { return nil }
        return Problem(what: "it lacks the words \(missing.map { "“\($0)”" }.joined(separator: ", "))",
                       fix: "record the claim in the passage's own words, or cite the passage that states it")
    }
}
