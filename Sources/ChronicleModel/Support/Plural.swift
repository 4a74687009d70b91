/// A count and its noun, the noun plural unless the count is one: "1
/// passage", "2 passages", "1 match". Every message that counts says it
/// through here, so none says "1 passages".
public enum Plural {
    /// "3 events", "1 valid event": the last word of `noun` agrees with `n`.
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(self.noun(noun, n))"
    }

    /// `noun` as it goes with a count of `n`.
    public static func noun(_ noun: String, _ n: Int) -> String {
        guard n != 1, let last = noun.last else { return noun }
        if ["s", "x", "z"].contains(last) || noun.hasSuffix("ch") || noun.hasSuffix("sh") { return noun + "es" }
        if last == "y", let before = noun.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
        return noun + "s"
    }
}
