import Foundation

/// Corpus text made safe for the exports. Everything from a corpus is
/// untrusted: each format first makes controls, bidirectional overrides and
/// invisible separators visible (`SafeText`), then escapes what its own
/// syntax would read as markup.
enum ExportText {
    /// One line of readable text: controls shown as placeholders, every run
    /// of whitespace (line breaks included, a lone CR being one) one space.
    static func line(_ text: String) -> String {
        var breaks = String.UnicodeScalarView()
        breaks.append(contentsOf: text.unicodeScalars.lazy.map { $0 == "\r" ? "\n" : $0 })
        let visible = SafeText.visible(String(breaks), keepNewlines: true)
        var out = "", pendingSpace = false
        for character in visible {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// `line(text)` escaped for HTML text and double- or single-quoted
    /// attribute values alike.
    static func html(_ text: String) -> String {
        escapeHTML(line(text))
    }

    /// Escapes the five characters HTML gives a meaning, and nothing else.
    static func escapeHTML(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// A source's address as the exports use it: a link only for http and
/// https (a `javascript:` or `data:` address is shown as text, never
/// followed), with every character a URL may not hold percent-encoded, so
/// it cannot end the attribute, the autolink or the quoted string it is in.
struct WebLink {
    /// The address to link to, or nil when it is not a web address.
    let href: String?
    /// The address as text: controls visible, one line.
    let text: String

    init?(_ url: String?) {
        guard let url, !url.isEmpty else { return nil }
        text = ExportText.line(url)
        href = Self.linkable(url)
    }

    /// Bytes RFC 3986 allows in a URL as they are; all others are encoded.
    static let allowed: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".utf8))

    static func linkable(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let out = encoded(trimmed)
        // A host is needed: "https://" alone links nowhere.
        let rest = out.drop(while: { $0 != ":" }).dropFirst(3)
        return rest.isEmpty || rest.hasPrefix("/") ? nil : out
    }

    /// `text` with every byte a URL may not hold as it is percent-encoded:
    /// an address, or a file's name made a relative reference.
    static func encoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// The host, to name the link by ("www.themoscowtimes.com").
    var host: String? {
        guard let href else { return nil }
        let afterScheme = href.drop(while: { $0 != ":" }).dropFirst(3)
        let authority = afterScheme.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        let host = authority.split(separator: "@").last.map(String.init) ?? ""
        return host.isEmpty ? nil : host
    }
}

/// Everything the exports show of one citation, from the corpus.
struct ExportedPassage {
    let number: Int
    let citation: Citation
    let source: Source
    /// The quote as a reader sees it (markup hidden).
    let quote: String
    /// The rest of its sentence, before and after the quote.
    let before: String
    let after: String
    let link: WebLink?

    init(number: Int, citation: Citation, source: Source) {
        self.number = number
        self.citation = citation
        self.source = source
        let range = citation.passage.range
        let sentence = source.sentenceRange(around: range)
        quote = source.displayText(range)
        before = source.displayText(sentence.lowerBound..<range.lowerBound)
        after = source.displayText(range.upperBound..<sentence.upperBound)
        link = WebLink(source.url)
    }

    /// The passages of an event in citation order, numbered from 1; a
    /// citation of a source the corpus lacks (never, once loaded) is left out.
    static func of(_ event: Event, in corpus: Corpus) -> [ExportedPassage] {
        event.citations.enumerated().compactMap { index, citation in
            corpus.source(citation.sourceID).map { ExportedPassage(number: index + 1, citation: citation, source: $0) }
        }
    }
}

extension Array where Element == Event {
    /// The events under their year headings, in order: consecutive events
    /// with the same heading form one group.
    func groupedByYear() -> [(heading: String, events: [Event])] {
        var groups: [(heading: String, events: [Event])] = []
        for event in self {
            let heading = event.date.date.yearHeading
            if groups.last?.heading == heading {
                groups[groups.count - 1].events.append(event)
            } else {
                groups.append((heading, [event]))
            }
        }
        return groups
    }
}
