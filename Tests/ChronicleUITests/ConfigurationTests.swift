import ChronicleModel
import XCTest
@testable import ChronicleUI

/// config.yaml: every setting, every mistake reported with its line, and
/// the keys the user binds winning over the defaults everywhere they show.
final class ConfigurationTests: XCTestCase {
    func parse(_ text: String) -> Configuration {
        Configuration.parse(Array(text.utf8), path: "config.yaml")
    }

    func messages(_ text: String) -> [String] { parse(text).problems.map(\.description) }

    func testTheDefaultsFileReadsBackAsTheDefaults() {
        let configuration = parse(DefaultConfiguration.text)
        XCTAssertEqual(configuration.problems, [])
        XCTAssertEqual(configuration.theme.name, "dark")
        XCTAssertTrue(configuration.mouse)
        for screen in Screens.all {
            XCTAssertEqual(configuration.keys.bindings(on: screen.kind), screen.bindings, "\(screen.kind)")
        }
        // Every role and every screen's every action is in it.
        for role in Role.allCases { XCTAssertTrue(DefaultConfiguration.text.contains("#  \(role.name): "), role.name) }
        for screen in Screens.all {
            XCTAssertTrue(DefaultConfiguration.text.contains("\n  \(KeyBindings.configName(screen.kind)):\n"), "\(screen.kind)")
            for binding in screen.bindings { XCTAssertTrue(DefaultConfiguration.text.contains("    \(binding.action.name): ["), binding.action.name) }
        }
    }

    func testAnEmptyOrMissingFileIsTheDefaults() {
        XCTAssertEqual(parse("").problems, [])
        XCTAssertEqual(parse("# nothing yet\n").problems, [])
        XCTAssertEqual(Configuration.read(path: "/nonexistent/chronicle/config.yaml").problems, [])
        XCTAssertEqual(Configuration.read(path: nil).theme.name, "dark")
    }

    func testThemeAndMouse() {
        let configuration = parse("theme: light\nmouse: false\n")
        XCTAssertEqual(configuration.problems, [])
        XCTAssertEqual(configuration.theme.name, "light")
        XCTAssertFalse(configuration.mouse)
        var state = Fixtures.state()
        state.configure(configuration)
        XCTAssertFalse(state.mouseEnabled)
        XCTAssertNil(state.notice)
    }

    func testEachMistakeIsReportedWithItsLineAndTheRestIsUsed() {
        let text = """
            theme: solarized
            mouse: sometimes
            colours: {}
            colors:
              selection: black on cyan
              quote: sparkly
              quote-curent: red
              search-match: { fg: red, bgcolor: blue }
            keys:
              timline: { quit: Q }
              timeline:
                move-dwn: [j]
                toggle-furniture: [z]
                quit: [Hyper-Q]
                copy: ["c"]
            """
        XCTAssertEqual(messages(text), [
            "config.yaml:1: unknown theme “solarized”: the themes are dark and light",
            "config.yaml:2: mouse must be true or false, found the text “sometimes”",
            "config.yaml:3: unknown setting “colours” (did you mean “colors”?); the settings are theme, mouse, colors, keys",
            "config.yaml:6: cannot read the look “sparkly”: write FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim], each colour a name (yellow, bright-blue, default), 0–255 or #rrggbb",
            "config.yaml:7: unknown role “quote-curent” (did you mean “quote-current”?); chronicle config --defaults lists every role",
            "config.yaml:8: unknown part of a look “bgcolor”; a look has fg, bg, bold, underline, reverse, dim",
            "config.yaml:10: unknown screen “timline” (did you mean “timeline”?); the screens are all, timeline, article, side-by-side, coverage, help, picker, date-prompt, search-line, selection, event-form, confirm, errors, sources, drafts, palette, mark-prompt, note-prompt",
            "config.yaml:12: unknown action “move-dwn” (did you mean “move-down”?); chronicle config --defaults lists every action of every screen",
            "config.yaml:13: the timeline screen has no action “toggle-furniture”; its actions are in its help (?) and in chronicle config --defaults",
            "config.yaml:14: unknown key “Hyper-Q”: write a character, Enter, Esc, Tab, S-Tab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, Bksp, Del or ^X for Ctrl-X",
        ])
        let configuration = parse(text)
        // What was right is used: the selection's look, and c for copy.
        XCTAssertEqual(configuration.theme.appearance(.selection, palette: .colors256), Appearance(foreground: .index(0), background: .index(6)))
        XCTAssertEqual(configuration.keys.action(for: .character("c"), on: .timeline), .copy)
        XCTAssertEqual(configuration.keys.action(for: .character("Q"), on: .timeline), .quit)
        XCTAssertEqual(configuration.theme.name, "dark")
        XCTAssertTrue(configuration.mouse)
    }

    func testWrongTypesAreReported() {
        XCTAssertEqual(messages("- theme\n"), ["config.yaml:1: the file must be a mapping of settings (theme, mouse, colors, keys), found a list"])
        XCTAssertEqual(messages("keys: 5\n"), ["config.yaml:1: keys must map screens (timeline, article, all…) to their bindings, found the text “5”"])
        XCTAssertEqual(messages("colors: [red]\n"), ["config.yaml:1: colors must map roles to looks (selection: black on cyan), found a list"])
        XCTAssertEqual(messages("theme: [dark]\n"), ["config.yaml:1: theme must be text, found a list"])
        XCTAssertEqual(messages("keys:\n  timeline: [j]\n"), ["config.yaml:2: the keys of timeline must map actions to keys (move-down: [j, Down]), found a list"])
        XCTAssertEqual(messages("keys:\n  timeline:\n    quit: { key: Q }\n"), ["config.yaml:3: keys are a key (j) or a list of keys ([j, Down]), found a mapping"])
        XCTAssertEqual(messages("keys:\n  timeline:\n    quit: [[Q]]\n"), ["config.yaml:3: a key is text (j, Enter, ^L), found a list"])
        XCTAssertEqual(messages("colors:\n  quote: [red]\n"), ["config.yaml:2: a look is text (black on cyan bold) or a mapping (fg, bg, bold…), found a list"])
        XCTAssertEqual(messages("colors:\n  quote: { fg: mauve }\n"), ["config.yaml:2: unknown colour “mauve”: use a name (yellow, bright-blue, default), 0–255 or #rrggbb"])
    }

    func testBrokenFilesStartWithTheDefaultsAndSayWhere() {
        XCTAssertEqual(messages("theme: dark\n  mouse: [\n"), [
            "config.yaml:2: YAML syntax error: mapping values are not allowed in this context; check the indentation and quoting here; Chronicle starts with its defaults",
        ])
        let notUTF8 = Configuration.parse([0x74, 0x68, 0x65, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0x0A], path: "config.yaml")
        XCTAssertEqual(notUTF8.problems.map(\.description), ["config.yaml:1: the file is not valid UTF-8 (byte 7); save it as UTF-8; Chronicle starts with its defaults"])
        XCTAssertEqual(notUTF8.keys.bindings(on: .timeline), Screens[.timeline].bindings)
    }

    func testASettingGivenTwiceKeepsTheFirst() {
        let configuration = parse("theme: light\ntheme: dark\n")
        XCTAssertEqual(configuration.problems.map(\.description), ["config.yaml:2: “theme” is given twice in the file (first at line 1); the first is used"])
        XCTAssertEqual(configuration.theme.name, "light")
    }

    // MARK: Keys

    func testUserBindingsWinAndShowInHelpHintsAndThePalette() {
        let configuration = parse("""
            keys:
              timeline:
                search: [f, "/"]
                toggle-help: [F1, h]
            """)
        XCTAssertEqual(configuration.problems.map(\.description), [
            "config.yaml:4: unknown key “F1”: write a character, Enter, Esc, Tab, S-Tab, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, Bksp, Del or ^X for Ctrl-X",
        ])
        var state = Fixtures.state()
        state.configure(configuration)
        XCTAssertTrue(state.notice?.hasPrefix("config.yaml:4: unknown key “F1”") == true, state.notice ?? "")
        XCTAssertEqual(state.keys.action(for: .character("f"), on: .timeline), .search)
        XCTAssertEqual(state.keys.action(for: .character("h"), on: .timeline), .toggleHelp)
        // ? no longer opens the help on the timeline: the user listed its keys.
        XCTAssertNil(state.keys.action(for: .character("?"), on: .timeline))
        // The help lists the user's keys.
        let help = HelpScreen.lines(for: .timeline, keys: state.keys)
        XCTAssertTrue(help.contains { $0.keys == "f /" && $0.help == Action.search.help })
        XCTAssertTrue(help.contains { $0.keys == "h" && $0.help == Action.toggleHelp.help })
        // The status line's hints name the first key.
        state.notice = nil
        let hints = StatusBar.hints(state, Screens[.timeline])
        XCTAssertTrue(hints.contains("f search"), hints)
        XCTAssertTrue(hints.contains("h help"), hints)
        // And the keys do it.
        Fixtures.type("f", &state)
        XCTAssertEqual(state.top, .searchLine)
    }

    func testAKeyTakenFromADefaultLeavesIt() {
        let configuration = parse("keys:\n  timeline:\n    toggle-star: [s]\n")
        XCTAssertEqual(configuration.problems, [])
        XCTAssertEqual(configuration.keys.action(for: .character("s"), on: .timeline), .toggleStar)
        // Side by side lost s and keeps no key; the palette still has it.
        XCTAssertEqual(configuration.keys.bindings(on: .timeline).first { $0.action == .sideBySide }?.keys, [])
        XCTAssertNil(configuration.keys.key(for: .sideBySide, on: .timeline))
        XCTAssertTrue(HelpScreen.lines(for: .timeline, keys: configuration.keys).contains { $0.keys == "(no key)" && $0.help == Action.sideBySide.help })
        // * still stars: the user's list replaces it, so it is no longer bound.
        XCTAssertNil(configuration.keys.action(for: .character("*"), on: .timeline))
        // The article screen keeps its s.
        XCTAssertEqual(configuration.keys.action(for: .character("s"), on: .article), .sideBySide)
    }

    func testAllBindsEveryScreenThatHasTheActionAndAScreensOwnWins() {
        let configuration = parse("""
            keys:
              all:
                quit: [Z]
              article:
                quit: [X]
            """)
        XCTAssertEqual(configuration.problems, [])
        XCTAssertEqual(configuration.keys.action(for: .character("Z"), on: .timeline), .quit)
        XCTAssertEqual(configuration.keys.action(for: .character("Z"), on: .help), .quit)
        XCTAssertEqual(configuration.keys.action(for: .character("X"), on: .article), .quit)
        XCTAssertNil(configuration.keys.action(for: .character("Z"), on: .article))
        XCTAssertNil(configuration.keys.action(for: .character("Q"), on: .timeline))
        // A screen without the action is left alone.
        XCTAssertNil(configuration.keys.action(for: .character("Z"), on: .confirm))
    }

    func testAKeyBoundTwiceOnAScreenIsReportedAndStaysWithTheFirst() {
        let configuration = parse("""
            keys:
              timeline:
                copy: [c]
                show-coverage: [c, C]
                copy: [y]
            """)
        XCTAssertEqual(configuration.problems.map(\.description), [
            "config.yaml:4: c is bound to both copy (line 3) and show-coverage on timeline; copy keeps it",
            "config.yaml:5: “copy” is given twice in timeline (first at line 3); the first is used",
        ])
        XCTAssertEqual(configuration.keys.action(for: .character("c"), on: .timeline), .copy)
        XCTAssertEqual(configuration.keys.action(for: .character("C"), on: .timeline), .showCoverage)
    }

    func testAnEmptyListLeavesAnActionWithoutAKey() {
        let configuration = parse("keys:\n  timeline:\n    quit: []\n")
        XCTAssertEqual(configuration.problems, [])
        XCTAssertNil(configuration.keys.action(for: .character("Q"), on: .timeline))
        XCTAssertTrue(PaletteScreen.items(on: .timeline, { var s = Fixtures.state(); s.keys = configuration.keys; return s }()).contains { $0.action == .quit })
    }

    func testKeyNames() {
        XCTAssertEqual(Key(name: "Enter"), .enter)
        XCTAssertEqual(Key(name: "escape"), .escape)
        XCTAssertEqual(Key(name: "↑"), .up)
        XCTAssertEqual(Key(name: "PageDown"), .pageDown)
        XCTAssertEqual(Key(name: "C-x"), .control("x"))
        XCTAssertEqual(Key(name: "Ctrl-O"), .control("o"))
        XCTAssertEqual(Key(name: "^L"), .control("l"))
        // What the terminal sends for these.
        XCTAssertEqual(Key(name: "^I"), .tab)
        XCTAssertEqual(Key(name: "C-m"), .enter)
        XCTAssertEqual(Key(name: "Space"), .character(" "))
        XCTAssertNil(Key(name: "F1"))
        XCTAssertNil(Key(name: "Ctrl-1"))
        for key: Key in [.enter, .backTab, .control("r"), .character("#"), .character(" "), .pageUp] {
            XCTAssertEqual(Key(name: key.scriptWord), key, key.scriptWord)
        }
    }

    func testActionNamesAreUniqueAndCoverEveryBinding() {
        let names = Action.bindable.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "a name twice: \(names)")
        XCTAssertEqual(Action.moveDown.name, "move-down")
        XCTAssertEqual(Action.editEventInEditor.name, "edit-event-in-editor")
        for action in Action.bindable { XCTAssertEqual(Action(name: action.name), action) }
        for screen in Screens.all {
            for binding in screen.bindings { XCTAssertTrue(Action.bindable.contains(binding.action), "\(binding.action) on \(screen.kind)") }
        }
        XCTAssertNil(Action(name: "insert"))
        XCTAssertNil(Action(name: "index-ready"))
    }

    // MARK: Colours

    func testColoursAndTheirNearestOnFewerColours() {
        XCTAssertEqual(Color(name: "yellow"), .index(3))
        XCTAssertEqual(Color(name: "bright-blue"), .index(12))
        XCTAssertEqual(Color(name: "208"), .index(208))
        XCTAssertEqual(Color(name: "#ffaf00"), .rgb(255, 175, 0))
        XCTAssertNil(Color(name: "256"))
        XCTAssertNil(Color(name: "#ffaf0"))
        XCTAssertEqual(Color.rgb(255, 175, 0).resolved(for: .colors256), .index(214))
        XCTAssertEqual(Color.rgb(255, 175, 0).resolved(for: .colors8), .index(3))
        XCTAssertEqual(Color.index(214).resolved(for: .direct), .rgb(255, 175, 0))
        XCTAssertEqual(Color.index(3).resolved(for: .direct), .index(3))
        XCTAssertEqual(Color.index(12).resolved(for: .colors8), .index(4))
        XCTAssertEqual(Color.index(244).components.r, 128)
        for name in ["black", "bright-white", "17", "#0a0b0c"] { XCTAssertEqual(Color(name: name)?.name, name) }
    }

    func testALookOverridesTheThemeOnEveryPalette() {
        let configuration = parse("colors:\n  quote: \"#ffaf00 on default bold\"\n  heading: { fg: bright-red, underline: true }\n")
        XCTAssertEqual(configuration.problems, [])
        let theme = configuration.theme
        XCTAssertEqual(theme.appearance(.quote, palette: .direct), Appearance(foreground: .rgb(255, 175, 0), bold: true))
        XCTAssertEqual(theme.appearance(.quote, palette: .colors256), Appearance(foreground: .index(214), bold: true))
        XCTAssertEqual(theme.appearance(.quote, palette: .colors8), Appearance(foreground: .index(3), bold: true))
        XCTAssertEqual(theme.appearance(.heading, palette: .colors8), Appearance(foreground: .index(1), underline: true))
        // Monochrome (and NO_COLOR) keeps its attributes whatever is set.
        XCTAssertEqual(theme.appearance(.quote, palette: .monochrome), Theme.monochrome(.quote))
    }

    func testTheLightThemeKeepsTextOffTheColoursALightBackgroundHides() {
        // Yellow, green, cyan and white text cannot be read on white.
        let unreadable: Set<Color> = [.index(2), .index(3), .index(6), .index(7)]
        for role in Role.allCases {
            let look = Theme.light.appearance(role, palette: .colors8)
            if look.background == nil, let foreground = look.foreground {
                XCTAssertFalse(unreadable.contains(foreground), "\(role.name) is \(foreground.name) on a light background")
            }
        }
        XCTAssertNotEqual(Theme.light.appearance(.quote, palette: .colors256), Theme.dark.appearance(.quote, palette: .colors256))
        for role in Role.allCases {
            XCTAssertNotNil(Theme.dark.looks[role], role.name)
            XCTAssertNotNil(Theme.light.looks[role], role.name)
            XCTAssertEqual(Role(name: role.name), role)
        }
    }
}

final class ConfigurationDocumentationTests: XCTestCase {
    func testTheDocsHoldTheDefaultsFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/configuration.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("```yaml\n" + DefaultConfiguration.text + "```\n"),
                      "docs/configuration.md does not hold `chronicle config --defaults`: paste it under “The defaults”")
        for role in Role.allCases { XCTAssertTrue(text.contains(role.name), role.name) }
        for screen in Screens.all { XCTAssertTrue(text.contains("`\(KeyBindings.configName(screen.kind))`"), "\(screen.kind)") }
        // Every example reads without a problem.
        let blocks = text.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        XCTAssertGreaterThanOrEqual(blocks.count, 3)
        for block in blocks {
            XCTAssertEqual(Configuration.parse(Array(block.utf8), path: "example").problems, [], block)
        }
    }
}
