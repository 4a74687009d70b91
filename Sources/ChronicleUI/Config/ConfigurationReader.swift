import ChronicleModel

/// Reads `config.yaml` leniently: each setting on its own, each mistake a
/// problem with its line, naming what would have been right.
struct ConfigurationReader {
    let path: String
    var problems: [ConfigurationProblem] = []

    init(path: String) { self.path = path }

    static let settings = ["theme", "mouse", "colors", "keys"]

    mutating func read(_ bytes: [UInt8]) -> Configuration {
        var configuration = Configuration()
        configuration.path = path
        let root: YAMLValue?
        do { root = try YAMLValue.parse(bytes) } catch {
            report(error.line, error.message + "; Chronicle starts with its defaults")
            configuration.problems = problems
            return configuration
        }
        guard let root, !isEmpty(root) else { return configuration }
        guard case .mapping(let entries, _) = root else {
            report(root.position.line, "the file must be a mapping of settings (theme, mouse, colors, keys), found \(root.kindDescription)")
            configuration.problems = problems
            return configuration
        }
        var overrides: [KeyBindings.Override] = []
        var colors: [(Role, Appearance)] = []
        for entry in unique(entries, in: "the file") {
            switch entry.key {
            case "theme":
                guard let name = text(entry.value, "theme") else { break }
                if let theme = Theme.named(name.lowercased()) { configuration.theme = theme } else {
                    report(entry.value.position.line, "unknown theme “\(name)”: the themes are \(Theme.builtIn.map(\.name).joined(separator: " and "))")
                }
            case "mouse":
                if let on = bool(entry.value, "mouse") { configuration.mouse = on }
            case "colors":
                colors = readColors(entry.value)
            case "keys":
                overrides = readKeys(entry.value)
            default:
                report(entry.keyPosition.line, "unknown setting “\(entry.key)”" + didYouMean(entry.key, Self.settings) + "; the settings are " + Self.settings.joined(separator: ", "))
            }
        }
        for (role, look) in colors { configuration.theme = configuration.theme.overriding(role, with: look) }
        let (keys, conflicts) = KeyBindings.defaults.applying(overrides)
        configuration.keys = keys
        for conflict in conflicts { report(conflict.line, conflict.message) }
        configuration.problems = problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        return configuration
    }

    // MARK: Colours

    mutating func readColors(_ value: YAMLValue) -> [(Role, Appearance)] {
        if isEmpty(value) { return [] }
        guard case .mapping(let entries, _) = value else {
            report(value.position.line, "colors must map roles to looks (selection: black on cyan), found \(value.kindDescription)")
            return []
        }
        var looks: [(Role, Appearance)] = []
        for entry in unique(entries, in: "colors") {
            guard let role = Role(name: entry.key) else {
                report(entry.keyPosition.line, "unknown role “\(entry.key)”" + didYouMean(entry.key, Role.allCases.map(\.name))
                    + "; chronicle config --defaults lists every role")
                continue
            }
            if let look = appearance(entry.value) { looks.append((role, look)) }
        }
        return looks
    }

    /// "yellow on blue bold", or a mapping of fg, bg and the attributes.
    mutating func appearance(_ value: YAMLValue) -> Appearance? {
        switch value {
        case .text(let spec, let at):
            if let look = Self.appearance(spec: spec) { return look }
            report(at.line, "cannot read the look “\(spec)”: write FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim], each colour a name (yellow, bright-blue, default), 0–255 or #rrggbb")
            return nil
        case .mapping(let entries, _):
            var look = Appearance()
            for entry in unique(entries, in: "a look") {
                switch entry.key {
                case "fg", "bg":
                    guard let name = text(entry.value, entry.key) else { continue }
                    guard let color = Self.color(name) else {
                        report(entry.value.position.line, "unknown colour “\(name)”: use a name (yellow, bright-blue, default), 0–255 or #rrggbb")
                        continue
                    }
                    if entry.key == "fg" { look.foreground = color } else { look.background = color }
                case "bold": look.bold = bool(entry.value, "bold") ?? look.bold
                case "underline": look.underline = bool(entry.value, "underline") ?? look.underline
                case "reverse": look.reverse = bool(entry.value, "reverse") ?? look.reverse
                case "dim": look.dim = bool(entry.value, "dim") ?? look.dim
                default:
                    let allowed = ["fg", "bg", "bold", "underline", "reverse", "dim"]
                    report(entry.keyPosition.line, "unknown part of a look “\(entry.key)”" + didYouMean(entry.key, allowed) + "; a look has " + allowed.joined(separator: ", "))
                }
            }
            return look
        case .list:
            report(value.position.line, "a look is text (black on cyan bold) or a mapping (fg, bg, bold…), found a list")
            return nil
        }
    }

    /// A colour, or nil for "default" (the terminal's own).
    static func color(_ name: String) -> Color?? {
        name.lowercased() == "default" ? .some(nil) : Color(name: name).map { .some($0) }
    }

    static let attributes = ["bold", "underline", "reverse", "dim"]

    /// Parses "FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim]".
    static func appearance(spec: String) -> Appearance? {
        var words = spec.split(separator: " ").map(String.init)
        var look = Appearance()
        while let last = words.last, attributes.contains(last.lowercased()) {
            switch last.lowercased() {
            case "bold": look.bold = true
            case "underline": look.underline = true
            case "reverse": look.reverse = true
            default: look.dim = true
            }
            words.removeLast()
        }
        switch words.count {
        case 0: return look
        case 1:
            guard let fg = color(words[0]) else { return nil }
            look.foreground = fg
        case 2 where words[0].lowercased() == "on":
            guard let bg = color(words[1]) else { return nil }
            look.background = bg
        case 3 where words[1].lowercased() == "on":
            guard let fg = color(words[0]), let bg = color(words[2]) else { return nil }
            look.foreground = fg
            look.background = bg
        default: return nil
        }
        return look
    }

    /// How `config --defaults` writes a look.
    static func spec(_ look: Appearance) -> String {
        var words: [String] = []
        if look.foreground != nil || look.background == nil { words.append(look.foreground?.name ?? "default") }
        if let background = look.background { words += ["on", background.name] }
        if look.bold { words.append("bold") }
        if look.underline { words.append("underline") }
        if look.reverse { words.append("reverse") }
        if look.dim { words.append("dim") }
        return words.joined(separator: " ")
    }

    // MARK: Keys

    mutating func readKeys(_ value: YAMLValue) -> [KeyBindings.Override] {
        if isEmpty(value) { return [] }
        guard case .mapping(let screens, _) = value else {
            report(value.position.line, "keys must map screens (timeline, article, all…) to their bindings, found \(value.kindDescription)")
            return []
        }
        let screenNames = ["all"] + Screens.all.map { KeyBindings.configName($0.kind) }
        var overrides: [KeyBindings.Override] = []
        for entry in unique(screens, in: "keys") {
            let kind: ScreenKind?
            if entry.key == "all" { kind = nil } else {
                guard let found = KeyBindings.screen(named: entry.key) else {
                    report(entry.keyPosition.line, "unknown screen “\(entry.key)”" + didYouMean(entry.key, screenNames) + "; the screens are " + screenNames.joined(separator: ", "))
                    continue
                }
                kind = found
            }
            if isEmpty(entry.value) { continue }
            guard case .mapping(let bindings, _) = entry.value else {
                report(entry.value.position.line, "the keys of \(entry.key) must map actions to keys (move-down: [j, Down]), found \(entry.value.kindDescription)")
                continue
            }
            let actions = kind.map { kind in KeyBindings.defaults.bindings(on: kind).map(\.action) } ?? Action.bindable
            for binding in unique(bindings, in: entry.key) {
                guard let action = Action(name: binding.key) else {
                    report(binding.keyPosition.line, "unknown action “\(binding.key)”" + didYouMean(binding.key, Action.bindable.map(\.name))
                        + "; chronicle config --defaults lists every action of every screen")
                    continue
                }
                guard actions.contains(action) else {
                    report(binding.keyPosition.line, "the \(entry.key) screen has no action “\(binding.key)”; its actions are in its help (?) and in chronicle config --defaults")
                    continue
                }
                guard let keys = readKeyList(binding.value) else { continue }
                overrides.append(KeyBindings.Override(screen: kind, action: action, keys: keys, line: binding.keyPosition.line))
            }
        }
        return overrides
    }

    /// "j", or ["j", "Down"]; [] for no key. Nil when nothing is usable.
    mutating func readKeyList(_ value: YAMLValue) -> [Key]? {
        let words: [(String, Int)]
        switch value {
        case .text(let text, let at): words = [(text, at.line)]
        case .list(let items, _):
            var found: [(String, Int)] = []
            for item in items {
                guard case .text(let text, let at) = item else {
                    report(item.position.line, "a key is text (j, Enter, ^L), found \(item.kindDescription)")
                    continue
                }
                found.append((text, at.line))
            }
            words = found
        case .mapping(_, let at):
            report(at.line, "keys are a key (j) or a list of keys ([j, Down]), found a mapping")
            return nil
        }
        var keys: [Key] = []
        for (word, line) in words {
            guard let key = Key(name: word) else {
                report(line, "unknown key “\(word)”: write a character, Enter, Esc, Tab, S-Tab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, Bksp, Del or ^X for Ctrl-X")
                continue
            }
            keys.append(key)
        }
        return keys.isEmpty && !words.isEmpty ? nil : keys
    }

    // MARK: Values

    mutating func text(_ value: YAMLValue, _ setting: String) -> String? {
        guard case .text(let text, _) = value else {
            report(value.position.line, "\(setting) must be text, found \(value.kindDescription)")
            return nil
        }
        return text
    }

    mutating func bool(_ value: YAMLValue, _ setting: String) -> Bool? {
        if case .text(let text, _) = value {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        report(value.position.line, "\(setting) must be true or false, found \(value.kindDescription)")
        return nil
    }

    /// An empty value (`colors:` with everything under it commented out).
    func isEmpty(_ value: YAMLValue) -> Bool {
        if case .text(let text, _) = value { return text.isEmpty || text == "~" || text == "null" }
        return false
    }

    /// The entries of a mapping, a key given twice reported and its first kept.
    mutating func unique(_ entries: [YAMLEntry], in place: String) -> [YAMLEntry] {
        var seen: [String: Int] = [:]
        var kept: [YAMLEntry] = []
        for entry in entries {
            if let line = seen[entry.key] {
                report(entry.keyPosition.line, "“\(entry.key)” is given twice in \(place) (first at line \(line)); the first is used")
                continue
            }
            seen[entry.key] = entry.keyPosition.line
            kept.append(entry)
        }
        return kept
    }

    func didYouMean(_ word: String, _ allowed: [String]) -> String {
        YAMLValue.closest(to: word, in: allowed).map { " (did you mean “\($0)”?)" } ?? ""
    }

    mutating func report(_ line: Int?, _ message: String) {
        problems.append(ConfigurationProblem(path: path, line: line, message: SafeText.visible(message)))
    }
}
