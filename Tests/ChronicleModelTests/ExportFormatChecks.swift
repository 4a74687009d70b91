import Foundation
import XCTest
@testable import ChronicleModel

/// A JSON value with its type kept (JSONSerialization on Linux cannot tell
/// `true` from `1`): decoded strictly, a number is never a Bool.
enum JSONValue: Decodable, Equatable {
    case bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue]), null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    subscript(key: String) -> JSONValue? { object?[key] }
    var object: [String: JSONValue]? { if case .object(let value) = self { return value } else { return nil } }
    var array: [JSONValue]? { if case .array(let value) = self { return value } else { return nil } }
    var string: String? { if case .string(let value) = self { return value } else { return nil } }
    var int: Int? { if case .int(let value) = self { return value } else { return nil } }
    var bool: Bool? { if case .bool(let value) = self { return value } else { return nil } }
}

/// TimelineJS3's documented JSON format (timeline.knightlab.com/docs/
/// json-format.html), field by field: every name Chronicle writes must be
/// one the format defines, with the type it gives.
enum TimelineJSFormat {
    static let timelineFields: Set<String> = ["events", "title", "eras", "scale"]
    static let slideFields: Set<String> = ["start_date", "end_date", "text", "media", "group", "display_date", "background",
                                           "autolink", "unique_id"]
    static let dateFields: Set<String> = ["year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"]
    static let textFields: Set<String> = ["headline", "text"]

    static func check(_ timeline: JSONValue, events: Int, file: StaticString = #filePath, line: UInt = #line) {
        guard let top = timeline.object else { return XCTFail("not an object", file: file, line: line) }
        XCTAssertTrue(Set(top.keys).isSubset(of: timelineFields), "\(top.keys)", file: file, line: line)
        guard let slides = top["events"]?.array else { return XCTFail("events is required and a list", file: file, line: line) }
        XCTAssertEqual(slides.count, events, file: file, line: line)
        if let title = top["title"] { checkSlide(title, isTitle: true, file: file, line: line) }
        for slide in slides { checkSlide(slide, isTitle: false, file: file, line: line) }
        let ids = slides.compactMap { $0["unique_id"]?.string }
        XCTAssertEqual(Set(ids).count, slides.count, "unique_id is unique", file: file, line: line)
    }

    static func checkSlide(_ slide: JSONValue, isTitle: Bool, file: StaticString, line: UInt) {
        guard let fields = slide.object else { return XCTFail("a slide is an object", file: file, line: line) }
        XCTAssertTrue(Set(fields.keys).isSubset(of: slideFields), "\(fields.keys)", file: file, line: line)
        if !isTitle { XCTAssertNotNil(fields["start_date"], "start_date is required", file: file, line: line) }
        for key in ["start_date", "end_date"] { if let date = fields[key] { checkDate(date, file: file, line: line) } }
        for key in ["group", "display_date", "unique_id"] where fields[key] != nil {
            XCTAssertNotNil(fields[key]?.string, "\(key) is text", file: file, line: line)
        }
        if let autolink = fields["autolink"] { XCTAssertNotNil(autolink.bool, "autolink is a boolean", file: file, line: line) }
        guard let text = fields["text"]?.object else { return XCTFail("every slide here has text", file: file, line: line) }
        XCTAssertTrue(Set(text.keys).isSubset(of: textFields), "\(text.keys)", file: file, line: line)
        for value in text.values { XCTAssertNotNil(value.string, "headline and text are text", file: file, line: line) }
    }

    static func checkDate(_ date: JSONValue, file: StaticString, line: UInt) {
        guard let fields = date.object else { return XCTFail("a date is an object", file: file, line: line) }
        XCTAssertTrue(Set(fields.keys).isSubset(of: dateFields), "\(fields.keys)", file: file, line: line)
        XCTAssertNotNil(fields["year"]?.int, "year is required and a number", file: file, line: line)
        if let month = fields["month"] { XCTAssertTrue((1...12).contains(month.int ?? 0), "month 1-12", file: file, line: line) }
        if let day = fields["day"] {
            XCTAssertTrue((1...31).contains(day.int ?? 0), "day a number", file: file, line: line)
            XCTAssertNotNil(fields["month"], "a day needs its month", file: file, line: line)
        }
    }
}

/// RFC 4180 records, parsed strictly: CRLF ends a record, a quoted field
/// doubles its quotes, and nothing else may follow a closing quote.
enum CSVRecords {
    struct Malformed: Error { let at: Int }

    static func parse(_ text: String) throws -> [[String]] {
        let characters = Array(text.unicodeScalars)
        var records: [[String]] = [], record: [String] = [], field = String.UnicodeScalarView()
        var index = 0
        var quoted = false
        while index < characters.count {
            let c = characters[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" { field.append("\""); index += 2; continue }
                    quoted = false
                    index += 1
                    guard index >= characters.count || characters[index] == "," || characters[index] == "\r" else { throw Malformed(at: index) }
                    continue
                }
                field.append(c)
                index += 1
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty else { throw Malformed(at: index) }
                quoted = true
            case ",":
                record.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                guard index + 1 < characters.count, characters[index + 1] == "\n" else { throw Malformed(at: index) }
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
                index += 1
            case "\n":
                throw Malformed(at: index)
            default:
                field.append(c)
            }
            index += 1
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed(at: index) }
        return records
    }
}

/// The tags of an HTML text Chronicle wrote. Its text is escaped, so every
/// `<` in it starts a tag (its stylesheet holds none).
enum HTMLTags {
    struct Tag {
        let name: String
        let attributes: [(name: String, value: String)]
        let text: String
    }

    static func tags(in html: String) -> [Tag] {
        let tagPattern = try? NSRegularExpression(pattern: "<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
        let attributePattern = try? NSRegularExpression(pattern: "([a-zA-Z-]+)(?:=\"([^\"]*)\")?")
        let whole = html as NSString
        return (tagPattern?.matches(in: html, range: NSRange(location: 0, length: whole.length)) ?? []).map { match in
            let rest = whole.substring(with: match.range(at: 2)) as NSString
            let attributes = (attributePattern?.matches(in: rest as String, range: NSRange(location: 0, length: rest.length)) ?? []).map {
                (rest.substring(with: $0.range(at: 1)).lowercased(), $0.range(at: 2).location == NSNotFound ? "" : rest.substring(with: $0.range(at: 2)))
            }
            return Tag(name: whole.substring(with: match.range(at: 1)).lowercased(), attributes: attributes,
                       text: whole.substring(with: match.range))
        }
    }
}

/// What makes an export run something, format by format.
enum HostileChecks {
    /// The only tags the exports write in HTML (the page, TimelineJS's text).
    static let pageTags: Set<String> = ["html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav",
                                        "a", "main", "section", "article", "span", "bdi", "ol", "ul", "li", "blockquote", "mark",
                                        "cite", "code", "div", "strong", "em", "table", "thead", "tbody", "tr", "th", "td", "br"]

    static func assertHTMLRunsNothing(_ html: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(html.lowercased().contains("<script"), context, file: file, line: line)
        for tag in HTMLTags.tags(in: html) {
            XCTAssertTrue(pageTags.contains(tag.name), "\(context): \(tag.text)", file: file, line: line)
            for attribute in tag.attributes {
                XCTAssertFalse(attribute.name.hasPrefix("on"), "\(context): \(tag.text)", file: file, line: line)
                if ["href", "cite", "src", "action"].contains(attribute.name) {
                    XCTAssertTrue(attribute.value.hasPrefix("#") || attribute.value.hasPrefix("https://") || attribute.value.hasPrefix("http://"),
                                  "\(context): \(tag.text)", file: file, line: line)
                    XCTAssertFalse(attribute.value.contains("\"") || attribute.value.contains("<"), "\(context): \(tag.text)", file: file, line: line)
                }
            }
        }
    }

    static func assertNothingRuns(_ text: String, format: ExportFormat, file: StaticString = #filePath, line: UInt = #line) {
        switch format {
        case .html:
            assertHTMLRunsNothing(text, "html", file: file, line: line)
        case .markdown:
            // Every `<` and `[` not escaped opens an autolink to the web or a footnote.
            let characters = Array(text)
            for (index, character) in characters.enumerated() where character == "<" || character == "[" {
                guard index == 0 || characters[index - 1] != "\\" else { continue }
                let rest = String(characters[index...].prefix(10))
                XCTAssertTrue(rest.hasPrefix("<https://") || rest.hasPrefix("<http://") || rest.hasPrefix("[^"), rest, file: file, line: line)
            }
        case .timelinejs:
            guard let timeline = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                return XCTFail("timelinejs is not JSON", file: file, line: line)
            }
            var strings: [String] = []
            for slide in (timeline["events"]?.array ?? []) + [timeline["title"]].compactMap({ $0 }) {
                strings += [slide["text"]?["headline"], slide["text"]?["text"], slide["display_date"], slide["group"]].compactMap { $0?.string }
            }
            for html in strings { assertHTMLRunsNothing(html, "timelinejs", file: file, line: line) }
        case .csv:
            guard let rows = try? CSVRecords.parse(text) else { return XCTFail("csv is not RFC 4180", file: file, line: line) }
            for cell in rows.joined() {
                XCTAssertFalse(cell.first.map { "=+-@".contains($0) } ?? false, "a formula: \(cell)", file: file, line: line)
            }
        case .annotations:
            guard let collection = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                return XCTFail("annotations are not JSON", file: file, line: line)
            }
            for item in collection["first"]?["items"]?.array ?? [] {
                let source = item["target"]?["source"]?.string ?? ""
                XCTAssertFalse(source.lowercased().contains("javascript:"), source, file: file, line: line)
                XCTAssertTrue(source.hasPrefix("https://") || source.hasPrefix("http://") || !source.contains(":"), source, file: file, line: line)
            }
        }
    }
}
