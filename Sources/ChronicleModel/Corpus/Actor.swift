/// A person, state, group or organisation, with the other names sources use.
public struct Actor: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: String
    public let kind: String?
    public let aliases: [String]
    /// The actor this one belongs to (Putin → Russia), by id.
    public let partOf: String?

    public init(id: String, name: String, kind: String? = nil, aliases: [String] = [], partOf: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.partOf = partOf
    }

    /// Every name the actor goes by, its own first.
    public var names: [String] { [name] + aliases }
}
