import Foundation

/// The keys in force: each screen's table as its file declares it, with
/// the user's bindings from the configuration over it. The reducer looks
/// keys up here, and the help, the status hints and the palette list the
/// same tables, so what they say is what the keys do.
public struct KeyBindings: Sendable {
    private var tables: [ScreenKind: [Binding]]

    /// Every screen's own table.
    public static let defaults = KeyBindings(tables: Dictionary(uniqueKeysWithValues: Screens.all.map { ($0.kind, $0.bindings) }))

    /// The bindings on a screen, in the order its help lists them.
    public func bindings(on kind: ScreenKind) -> [Binding] { tables[kind] ?? Screens[kind].bindings }

    /// The action `key` asks for on `screen`; on a screen that takes text,
    /// a character no binding claims is typed.
    public func action(for key: Key, on kind: ScreenKind) -> Action? {
        if let binding = bindings(on: kind).first(where: { $0.keys.contains(key) }) { return binding.action }
        if Screens[kind].takesText != nil, case .character(let c) = key { return .insert(c) }
        return nil
    }

    /// The first key that asks for `action` on a screen, if any does.
    public func key(for action: Action, on kind: ScreenKind) -> Key? {
        bindings(on: kind).first { $0.action == action && !$0.keys.isEmpty }?.keys.first
    }

    /// The rows of a screen's keys, as the help overlay lists them.
    public func keyRows(on kind: ScreenKind) -> [(keys: String, help: String, group: String)] {
        var rows = bindings(on: kind).map { binding in
            (keys: binding.keys.isEmpty ? "(no key)" : binding.keys.map(\.label).joined(separator: " "), help: binding.help, group: binding.action.group)
        }
        if let takesText = Screens[kind].takesText { rows.append((keys: Screen.textKeys, help: takesText, group: Action.insert(" ").group)) }
        return rows
    }

    /// One binding of the user's: on a screen (nil: every screen that has
    /// the action), the action asks for exactly these keys.
    public struct Override: Sendable, Hashable {
        public let screen: ScreenKind?
        public let action: Action
        public let keys: [Key]
        /// Where the configuration says so, for messages.
        public let line: Int

        public init(screen: ScreenKind?, action: Action, keys: [Key], line: Int) {
            self.screen = screen
            self.action = action
            self.keys = keys
            self.line = line
        }
    }

    /// The tables with the user's bindings over them. A key the user binds
    /// is taken from whatever default had it; a screen's own binding of an
    /// action wins over one for every screen; a key the user binds to two
    /// actions on one screen stays with the first, and is reported.
    public func applying(_ overrides: [Override]) -> (bindings: KeyBindings, problems: [(line: Int, message: String)]) {
        var result = self
        var problems: [(line: Int, message: String)] = []
        for screen in Screens.all {
            var table = bindings(on: screen.kind)
            let actions = Set(table.map(\.action))
            // A screen's own line for an action replaces the line for every screen.
            var chosen: [Action: Override] = [:]
            var order: [Action] = []
            for override in overrides where override.screen == nil && actions.contains(override.action) {
                if chosen[override.action] == nil { order.append(override.action) }
                chosen[override.action] = override
            }
            for override in overrides where override.screen == screen.kind {
                if chosen[override.action] == nil || chosen[override.action]?.screen == nil {
                    if chosen[override.action] == nil { order.append(override.action) }
                    chosen[override.action] = override
                } else {
                    problems.append((override.line, "\(override.action.name) is bound twice on \(Self.configName(screen.kind)) (also at line \(chosen[override.action]!.line)); the first stays"))
                }
            }
            var claimed: [Key: Override] = [:]
            for action in order {
                guard let override = chosen[action] else { continue }
                var keys: [Key] = []
                for key in override.keys {
                    if let earlier = claimed[key], earlier.action != action {
                        problems.append((override.line, "\(key.scriptWord) is bound to both \(earlier.action.name) (line \(earlier.line)) and \(action.name) on \(Self.configName(screen.kind)); \(earlier.action.name) keeps it"))
                        continue
                    }
                    claimed[key] = override
                    if !keys.contains(key) { keys.append(key) }
                }
                // The user's keys leave every other action on this screen.
                for index in table.indices where table[index].action != action {
                    table[index] = table[index].withKeys(table[index].keys.filter { !keys.contains($0) })
                }
                if let index = table.firstIndex(where: { $0.action == action }) { table[index] = table[index].withKeys(keys) }
            }
            result.tables[screen.kind] = table
        }
        return (result, problems.sorted { $0.line < $1.line })
    }

    /// How the configuration names a screen: "timeline", "search-line".
    public static func configName(_ kind: ScreenKind) -> String { kind.name.replacingOccurrences(of: " ", with: "-") }

    /// The screen a configuration name means.
    public static func screen(named name: String) -> ScreenKind? {
        Screens.all.first { configName($0.kind) == name || $0.kind.name == name }?.kind
    }
}

extension Binding {
    func withKeys(_ keys: [Key]) -> Binding { Binding(keys: keys, action: action, help: helpOverride) }
}
