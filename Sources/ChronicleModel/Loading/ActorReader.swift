extension CorpusLoader {
    static let actorFields = ["id", "name", "kind", "aliases", "part_of"]
}

extension CorpusReader {
    mutating func loadActor(_ node: Node, in file: YAMLFile) {
        guard let fields = YAMLFields(node, in: file, context: "an actor", allowed: CorpusLoader.actorFields, log: log),
              let id = fields.string("id", required: true) else { return }
        checkSlug(id, at: fields.location("id"), what: "actor id")
        guard !actorIDSet.contains(id) else {
            log.error(fields.location("id"), "the actor id `\(id)` is used twice", hint: "give each actor its own id, or merge the two")
            return
        }
        let name = fields.string("name", required: true) ?? id
        let aliases = fields.strings("aliases").map(\.0)
        actors.append(Actor(id: id, name: name, kind: fields.string("kind"), aliases: aliases, partOf: fields.string("part_of")))
        actorIDSet.insert(id)
        for alias in aliases {
            if let other = actorOfName[alias.lowercased()] {
                log.warning(fields.location("aliases"), "the name \"\(alias)\" belongs to both `\(other)` and `\(id)`",
                            hint: "a search for it will find both; keep it on one actor if they are not the same")
            }
        }
        for name in [name] + aliases where actorOfName[name.lowercased()] == nil { actorOfName[name.lowercased()] = id }
    }

    func checkActorParents(in file: YAMLFile) {
        let ids = Set(actors.map(\.id))
        for actor in actors {
            if let parent = actor.partOf, !ids.contains(parent) {
                log.error(SourceLocation(file: file.path), "actor `\(actor.id)` is part_of `\(parent)`, which is not an actor",
                          hint: "add an actor with id `\(parent)`, or fix the id")
            }
        }
    }
}
