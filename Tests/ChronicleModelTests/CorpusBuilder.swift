@testable import ChronicleModel

/// Builds small corpora in memory for tests: one article per source.
struct CorpusBuilder {
    var articles: [String: String] = [
        "a.txt": "Headline about the ban\n\nThe court removed the group from the list on Thursday. The group was listed in 2003.\nThe group was listed in 2003 too, said another.\n\nExplore\nUnrelated headline\n",
        "b.txt": "Second article\nOfficials said <u>145 people</u> died in the attack.\n",
    ]
    var sourcesYAML = """
        sources:
          - id: alpha
            file: a.txt
            outlet: Alpha News
            title: Headline about the ban
            published: 2025-05-02
            body: [3-4]
            furniture:
              - lines: 6-7
                label: Explore list
          - id: beta
            file: b.txt
            outlet: Beta Wire
            published: {edtf: 2024-10-04, inferred: true, basis: matches wire reports}
            body: [2]
        actors:
          - id: russia
            name: Russia
            aliases: [Moscow, Kremlin]
          - id: court
            name: Supreme Court
            part_of: russia
          - id: isis-k
            name: ISIS-K
            aliases: [Daesh, IS Khorasan]
        """
    var eventsYAML = """
        events:
          - id: delisting
            date: 2025-04
            title: The court removes the group from the list
            actors: [court]
            tags: [law]
            spine: true
            citations:
              - source: alpha
                quote: The court removed the group from the list
          - id: listing
            date: 2003
            title: The group is listed
            actors: [russia]
            citations:
              - source: alpha
                quote: The group was listed in 2003.
          - id: attack
            date: 2024-03
            title: An attack
            actors: [isis-k]
            citations:
              - source: beta
                quote: 145 people died
        """

    func files(pinning: Bool = false) -> InMemoryCorpusFiles {
        var files = articles.mapValues { Array($0.utf8) }
        var manifest = "format: 1\ntitle: Test corpus\n" + sourcesYAML
        if pinning {
            for (name, text) in articles {
                manifest = manifest.replacingOccurrences(of: "file: \(name)\n", with: "file: \(name)\n    sha256: \(SHA256.hex(Array(text.utf8)))\n")
            }
        }
        files["manifest.yaml"] = Array(manifest.utf8)
        files["events.yaml"] = Array(eventsYAML.utf8)
        return InMemoryCorpusFiles(files, name: "test corpus")
    }

    func load(pinning: Bool = false) -> CorpusLoadResult { CorpusLoader.load(from: files(pinning: pinning)) }
}

extension CorpusBuilder {
    /// Articles s0, s1, … of `texts` (line 1 a headline; an article whose
    /// text says "Furniture" has lines 1–2 marked as furniture), and one
    /// event titled `title` quoting `quote` from article `source`.
    static func plainArticles(_ texts: [String], title: String = "E", quoting source: Int, _ quote: String) -> CorpusLoadResult {
        var manifest = "format: 1\nsources:\n"
        var files: [String: [UInt8]] = [:]
        for (n, text) in texts.enumerated() {
            files["a\(n).txt"] = Array(text.utf8)
            manifest += "  - id: s\(n)\n    file: a\(n).txt\n    outlet: Outlet \(n)\n    published: \"2024\"\n    body: [2-\(text.split(separator: "\n").count)]\n"
            if text.contains("Furniture") { manifest += "    furniture:\n      - lines: 1-2\n" }
        }
        files["manifest.yaml"] = Array(manifest.utf8)
        files["events.yaml"] = Array("events:\n  - id: e\n    date: \"2024\"\n    title: \(title)\n    citations:\n      - source: s\(source)\n        quote: \(quote)\n".utf8)
        return CorpusLoader.load(from: InMemoryCorpusFiles(files))
    }
}
