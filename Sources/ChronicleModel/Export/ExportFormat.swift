import Foundation

/// The formats `chronicle export` writes: documents to publish (Markdown,
/// HTML), a timeline to embed (TimelineJS) and data to analyse (CSV, Web
/// Annotations). Each is a pure function of the corpus and the events
/// chosen, one file per format in this folder.
public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown, html, timelinejs, csv, annotations

    /// The file name extension a file of this format usually has.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .timelinejs: return "json"
        case .csv: return "csv"
        case .annotations: return "jsonld"
        }
    }

    /// The chronology of `events` (from `corpus`, in timeline order) in
    /// this format, ending with a newline.
    public func render(_ corpus: Corpus, events: [Event]) throws -> String {
        switch self {
        case .markdown: return MarkdownExport.render(corpus, events: events)
        case .html: return HTMLExport.render(corpus, events: events)
        case .timelinejs: return try TimelineJSExport.render(corpus, events: events)
        case .csv: return CSVExport.render(corpus, events: events)
        case .annotations: return try AnnotationExport.render(corpus, events: events)
        }
    }
}

/// JSON for the exports: keys sorted so output is stable, and every
/// scalar `SafeText` would hide written as a `\u` escape, so no raw
/// control, bidirectional override or line separator leaves in the bytes
/// while the decoded strings keep the corpus's text exactly.
enum ExportJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard text.unicodeScalars.contains(where: needsEscape) else { return text + "\n" }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\n"
    }

    /// Every such scalar is in the Basic Multilingual Plane, so one `\u`
    /// escape writes it. JSON's own syntax is ASCII, so each lies in a string.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value != 0x0A && scalar.value != 0x20 && (SafeText.placeholder(for: scalar) != nil || scalar.value == 0x7F)
    }
}
