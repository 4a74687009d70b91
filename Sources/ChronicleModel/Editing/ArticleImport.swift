import Foundation

/// What `chronicle add` proposes for a new article from its own text, for
/// whatever the command line did not give: a title, a date, an outlet, a
/// byline, an address, the body and the page furniture after it. Each
/// proposal says where it came from, so the user can check it.
public struct ArticleProposal: Sendable {
    /// A value and how it was found ("given", "printed on line 5: …").
    public struct Found<Value: Sendable>: Sendable {
        public let value: Value
        public let basis: String
        /// Taken from the command line, not the text.
        public let given: Bool
    }

    public struct Published: Sendable, Equatable {
        public let edtf: String
        public let inferred: Bool
    }

    public var title: Found<String>?
    public var published: Found<Published>?
    public var outlet: Found<String>?
    public var byline: Found<String>?
    public var agency: Found<String>?
    public var url: Found<String>?
    public var body: ClosedRange<Int>?
    public var furniture: [(lines: ClosedRange<Int>, label: String)] = []

    /// What the command line gave; nil fields are proposed from the text.
    public struct Given: Sendable {
        public var title: String?
        public var published: String?
        public var outlet: String?
        public var url: String?
        public init(title: String? = nil, published: String? = nil, outlet: String? = nil, url: String? = nil) {
            self.title = title
            self.published = published
            self.outlet = outlet
            self.url = url
        }
    }

    /// Proposals for an article's raw bytes (UTF-8; other bytes are read as
    /// U+FFFD for proposing and kept as they are in the file).
    public init(_ raw: [UInt8], given: Given) {
        let lines = LineIndex(raw)
        let texts = (0..<lines.lineCount).map { String(decoding: raw[lines.contentRange(ofLine: $0 + 1)], as: UTF8.self) }
        let head = Array(texts.enumerated().prefix(16)).filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        func found<V>(_ value: V, _ basis: String) -> Found<V> { Found(value: value, basis: basis, given: false) }

        // The date: the first the head prints on a line of its own (a
        // dateline, not a sentence); the body starts after the last such line.
        var dateLine: Int?
        for (index, text) in head.prefix(12) {
            guard let (edtf, matched) = Self.printedDate(in: text), text.count <= max(60, matched.count + 32) else { continue }
            if published == nil, given.published == nil {
                published = found(Published(edtf: edtf, inferred: false), "printed on line \(index + 1), \"\(matched)\"")
            }
            dateLine = index
        }
        if let given = given.published {
            published = Found(value: Published(edtf: given, inferred: false), basis: "given", given: true)
        }
        // The title: a heading, a line the head repeats, or its first headline-like line.
        var titleLine: Int?
        if let given = given.title {
            title = Found(value: given, basis: "given", given: true)
        } else if let (index, text) = head.first(where: { $0.element.hasPrefix("#") }) {
            title = found(text.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces), "the heading on line \(index + 1)")
            titleLine = index
        } else if let (index, text) = head.first(where: { line in
            Self.isHeadline(line.element) && head.contains { $0.offset > line.offset && $0.element == line.element }
        }) {
            title = found(text.trimmingCharacters(in: .whitespaces), "line \(index + 1), repeated in the head")
            titleLine = index
        } else if let (index, text) = head.prefix(6).first(where: { Self.isHeadline($0.element) && $0.offset != dateLine }) {
            title = found(text.trimmingCharacters(in: .whitespaces), "guessed: line \(index + 1), the first that reads as a headline")
            titleLine = index
        }
        // A byline: "By …", or a name before " | " (a byline and a date).
        for (index, text) in head {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("By "), Self.isName(String(trimmed.dropFirst(3))) {
                byline = found(String(trimmed.dropFirst(3)), "line \(index + 1)")
                break
            }
            if let bar = trimmed.firstIndex(of: "|"), Self.isName(trimmed[..<bar].trimmingCharacters(in: .whitespaces)) {
                byline = found(trimmed[..<bar].trimmingCharacters(in: .whitespaces), "line \(index + 1)")
                break
            }
        }
        // The address, the agency and the outlet, from lines the page prints.
        if let given = given.url {
            url = Found(value: given, basis: "given", given: true)
        } else if let (index, address) = texts.enumerated().lazy.compactMap({ line in Self.address(in: line.element).map { (line.offset, $0) } }).first {
            url = found(address, "line \(index + 1)")
        }
        if let (index, text) = texts.enumerated().first(where: { $0.element.uppercased().hasPrefix("SOURCE:") }) {
            let name = text.dropFirst(7).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { agency = found(name, "line \(index + 1)") }
        }
        if let given = given.outlet {
            outlet = Found(value: given, basis: "given", given: true)
        } else if let (index, name) = texts.enumerated().lazy.compactMap({ line in Self.outletName(in: line.element).map { (line.offset, $0) } }).first {
            outlet = found(name, "guessed from line \(index + 1)")
        } else if let url, let host = URL(string: url.value)?.host {
            outlet = found(host.hasPrefix("www.") ? String(host.dropFirst(4)) : host, "guessed from the address")
        }
        // The body: from the first line after the date that reads as prose,
        // to the last line before the furniture.
        let after = max(dateLine ?? -1, titleLine ?? -1)
        let start = texts.indices.first { index in
            index > (dateLine ?? -1) && texts[index] != title?.value && (index > after || dateLine == nil) && Self.isProse(texts[index])
        } ?? texts.indices.first { !texts[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        let furnitureStart = start.flatMap { start in texts.indices.first { $0 > start && Self.isFurniture(texts[$0]) } }
        if let furnitureStart {
            furniture = [(furnitureStart + 1...texts.count, "from \"\(Self.shorten(texts[furnitureStart]))\"")]
        }
        if let start {
            var end = (furnitureStart ?? texts.count) - 1
            while end > start, texts[end].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
            body = (start + 1)...(end + 1)
        }
    }

    // MARK: What lines look like

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// The first day a line prints ("May 02, 2025", "2 May 2025", "02.05.2025",
    /// "2025-05-02"), as EDTF, with the words matched.
    static func printedDate(in line: String) -> (String, String)? {
        let text = line as NSString
        var best: (location: Int, edtf: String, matched: String)?
        for (regex, read) in dayPatterns {
            for match in regex.matches(in: line, range: NSRange(location: 0, length: text.length)) {
                guard let (year, month, day) = read(match, text), (1...12).contains(month), day >= 1,
                      day <= DayNumber.daysIn(month: month, year: year), (1000...2999).contains(year) else { continue }
                let edtf = String(format: "%04d-%02d-%02d", year, month, day)
                if best == nil || match.range.location < best!.location { best = (match.range.location, edtf, text.substring(with: match.range)) }
                break
            }
        }
        return best.map { ($0.edtf, $0.matched) }
    }

    /// The forms of a day, each compiled once, with how to read its match
    /// as (year, month, day).
    static let dayPatterns: [(CompiledPattern, @Sendable (NSTextCheckingResult, NSString) -> (Int, Int, Int)?)] = [
        (CompiledPattern(#"\b(\d{4})-(\d{2})-(\d{2})\b"#), { m, s in
            (Int(s.substring(with: m.range(at: 1)))!, Int(s.substring(with: m.range(at: 2)))!, Int(s.substring(with: m.range(at: 3)))!) }),
        (CompiledPattern(#"\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b"#), { m, s in
            guard let month = monthNumber(s.substring(with: m.range(at: 1))) else { return nil }
            return (Int(s.substring(with: m.range(at: 3)))!, month, Int(s.substring(with: m.range(at: 2)))!) }),
        (CompiledPattern(#"\b(\d{1,2}) ([A-Z][a-z]{2,8})\.? (\d{4})\b"#), { m, s in
            guard let month = monthNumber(s.substring(with: m.range(at: 2))) else { return nil }
            return (Int(s.substring(with: m.range(at: 3)))!, month, Int(s.substring(with: m.range(at: 1)))!) }),
        (CompiledPattern(#"\b(\d{2})\.(\d{2})\.(\d{4})\b"#), { m, s in
            (Int(s.substring(with: m.range(at: 3)))!, Int(s.substring(with: m.range(at: 2)))!, Int(s.substring(with: m.range(at: 1)))!) }),
    ]

    static func monthNumber(_ word: String) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        return months.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 }
    }

    /// A line that could be a headline: words, not a sentence, not a label.
    static func isHeadline(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard (15...200).contains(text.count), !text.hasSuffix("."), text.contains(" ") else { return false }
        if text.uppercased() == text { return false }
        if printedDate(in: text) != nil || text.lowercased().contains("min read") { return false }
        return true
    }

    /// Two to four capitalised words: a person's name.
    static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...4).contains(words.count) && words.allSatisfy { word in
            word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" }
        }
    }

    /// A sentence of the article rather than a label, a date or a caption's credit.
    static func isProse(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        return text.count >= 40 && text.split(separator: " ").count >= 6
    }

    static let furnitureMarks = ["original url:", "source:", "explore", "related", "subscribe", "share", "contact us",
                                 "discover more from", "sneak a peek", "read more", "advertisement", "follow us", "sign up"]

    /// A line that starts the page's furniture after an article.
    static func isFurniture(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces).lowercased()
        return furnitureMarks.contains { text.hasPrefix($0) } || text.contains("website contains only a portion")
    }

    /// The first web address on a line (up to the first space).
    static func address(in line: String) -> String? {
        guard let start = line.range(of: "https://") ?? line.range(of: "http://") else { return nil }
        let address = line[start.lowerBound...].prefix { !$0.isWhitespace }
        return address.count > 10 ? String(address) : nil
    }

    /// An outlet a page names in its own furniture.
    static func outletName(in line: String) -> String? {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("Discover more from ") {
            let name = text.dropFirst("Discover more from ".count).split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) }
            return name?.isEmpty == false ? name : nil
        }
        if let range = text.range(of: " website contains") {
            let name = String(text[..<range.lowerBound])
            return name.split(separator: " ").count <= 4 ? name : nil
        }
        if let range = text.range(of: "Sneak a peek at ") {
            return text[range.upperBound...].split(separator: ".").first.map(String.init)
        }
        return nil
    }

    static func shorten(_ line: String) -> String {
        let text = line.trimmingCharacters(in: .whitespaces)
        return text.count > 40 ? String(text.prefix(39)) + "…" : text
    }
}
