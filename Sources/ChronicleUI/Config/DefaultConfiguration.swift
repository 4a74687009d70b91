import Foundation
import ChronicleModel

/// `chronicle config --defaults`: a complete configuration file holding
/// every setting at its default, with what each means, generated from the
/// screens' key tables and the themes so it cannot fall behind them.
public enum DefaultConfiguration {
    public static var text: String {
        var lines = [
            "# Chronicle's settings: $XDG_CONFIG_HOME/chronicle/config.yaml (by default",
            "# ~/.config/chronicle/config.yaml). Every setting is optional and this file",
            "# holds the defaults: keep only what you change. `chronicle config --check`",
            "# reports anything Chronicle cannot use, with its line.",
            "",
            "# The colours: dark for a dark terminal background, light for a light one.",
            "# NO_COLOR in the environment turns colours off whatever is set here.",
            "theme: dark",
            "",
            "# false leaves the mouse to the terminal, which then selects text as usual;",
            "# M turns it off and on while Chronicle runs. With it on, Shift-drag selects",
            "# text in most terminals.",
            "mouse: true",
            "",
            "# A role's look, over the theme's: FOREGROUND [on BACKGROUND] [bold]",
            "# [underline] [reverse] [dim], each colour a name (black red green yellow",
            "# blue magenta cyan white, bright-red…, default), 0–255, or #rrggbb (exact on",
            "# a 24-bit terminal such as TERM=xterm-direct, the nearest colour elsewhere).",
            "# The dark theme's looks on 256 colours, for every role:",
            "colors:",
        ]
        for role in Role.allCases {
            lines.append("#  \(role.name): \(ConfigurationReader.spec(Theme.dark.appearance(role, palette: .colors256)))")
        }
        lines += [
            "",
            "# Keys, per screen: an action's name, then its keys, a list ([] leaves the",
            "# action without a key; the command palette, :, still runs it). Under `all`,",
            "# a binding holds on every screen that has the action; a screen's own wins.",
            "# A key you bind leaves whatever action had it by default on that screen.",
            "# Keys: a character, Enter, Esc, Tab, S-Tab, Space, Up, Down, Left, Right,",
            "# PgUp, PgDn, Home, End, Bksp, Del, or ^X for Ctrl-X.",
            "keys:",
        ]
        for screen in Screens.all {
            lines.append("  \(KeyBindings.configName(screen.kind)):")
            for binding in screen.bindings {
                let keys = binding.keys.map { quoted($0.scriptWord) }.joined(separator: ", ")
                lines.append("    \(binding.action.name): [\(keys)]  # \(binding.help)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A key in double quotes, as YAML reads it back exactly.
    static func quoted(_ word: String) -> String {
        "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
