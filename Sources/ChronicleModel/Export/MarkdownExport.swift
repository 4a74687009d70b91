/// The chronology as a Markdown document (GitHub's and Pandoc's dialects):
/// a heading per year, each event with its date as shown, its title and
/// summary, and a footnote per citation holding the quote and its source.
enum MarkdownExport {
    static func render(_ corpus: Corpus, events: [Event]) -> String {
        // Blocks (headings, paragraphs, footnotes), a blank line apart.
        var blocks = ["# " + MarkdownText.escape(corpus.title ?? "Chronology")]
        if let description = corpus.description {
            blocks.append(MarkdownText.escape(description, startsParagraph: true))
        }
        let sources = Set(events.flatMap(\.sourceIDs)).count
        blocks.append("\(Plural.count(events.count, "event")) from \(Plural.count(sources, "source")). ★ marks a principal event; "
            + "a date marked (inferred) is not printed in a source but worked out from one. "
            + "Each footnote quotes a source's exact words.")
        var footnote = 0
        for group in events.groupedByYear() {
            blocks.append("## " + MarkdownText.escape(group.heading))
            for event in group.events {
                let date = ExportDate(event.date)
                blocks.append("### " + MarkdownText.escape(date.display) + " — " + MarkdownText.escape(event.title)
                    + (event.spine ? " ★" : ""))
                let passages = ExportedPassage.of(event, in: corpus)
                let numbers = passages.map { _ -> Int in footnote += 1; return footnote }
                let marks = numbers.map { "[^\($0)]" }.joined()
                blocks.append(event.summary.map { MarkdownText.escape($0, startsParagraph: true) + marks } ?? "Sources:" + marks)
                if let basis = event.date.basis {
                    blocks.append("*Date:* " + MarkdownText.escape(basis))
                }
                for (passage, number) in zip(passages, numbers) {
                    blocks.append("[^\(number)]: " + footnoteText(passage))
                }
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// “quote” — Outlet, *Title*, 2 May 2025, <https://…>
    static func footnoteText(_ passage: ExportedPassage) -> String {
        let source = passage.source
        var text = "“" + MarkdownText.escape(passage.quote) + "” — " + MarkdownText.escape(source.outlet) + ", "
        text += source.title.map { "*" + MarkdownText.escape($0) + "*" } ?? "untitled"
        text += ", " + MarkdownText.escape(source.published.displayText)
        if let link = passage.link {
            // An autolink only for a web address; any other is text.
            text += ", " + (link.href.map { "<\($0)>" } ?? MarkdownText.escape(link.text))
        } else {
            text += ", file " + MarkdownText.escape(source.file)
        }
        return text + "."
    }
}

/// Corpus text as literal Markdown: what either dialect would read as
/// markup (emphasis, links, raw HTML, entities, footnotes, citations, math,
/// smart quotes and dashes, emoji codes) is backslash-escaped, which both
/// allow for any ASCII punctuation, so the words render as written.
enum MarkdownText {
    static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "{", "}", "[", "]", "<", ">", "#", "|", "~", "^",
                                                "$", "@", "&", "!", "\"", "'"]

    /// `startsParagraph`: the text begins a line, where `-`, `+` and `1.`
    /// would start a list.
    static func escape(_ text: String, startsParagraph: Bool = false) -> String {
        let characters = Array(ExportText.line(text))
        var out = ""
        out.reserveCapacity(characters.count + 8)
        let digits = characters.prefix(while: { $0.isASCII && $0.isNumber }).count
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let escaped: Bool
            switch character {
            case _ where alwaysEscaped.contains(character): escaped = true
            // Within a word `_` is a letter to both; `:word:` is an emoji code to GitHub.
            case "_": escaped = !(previous.map(isWordCharacter) ?? false) || !(next.map(isWordCharacter) ?? false)
            case ":": escaped = next.map { !$0.isWhitespace } ?? false
            // "--" and "..." would become dashes and an ellipsis.
            case "-": escaped = next == "-" || (startsParagraph && index == 0)
            case ".": escaped = next == "." || (startsParagraph && index == digits && digits > 0)
            case "+": escaped = startsParagraph && index == 0
            case ")": escaped = startsParagraph && index == digits && digits > 0
            default: escaped = false
            }
            if escaped { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
