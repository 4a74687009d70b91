import Foundation

/// The HTML export's one stylesheet, inline (the page makes no request),
/// with a print stylesheet. The page's Content-Security-Policy allows this
/// stylesheet by its hash and nothing else: no script, no other style.
enum HTMLStyle {
    static let css = """
        :root { color-scheme: light dark; --ink: #1d1d1f; --muted: #5f6368; --rule: #d6d6d6; --paper: #ffffff;
          --mark: #fff1a8; --accent: #8a4b00; --cited: #1a5e20; }
        @media (prefers-color-scheme: dark) {
          :root { --ink: #e8e6e3; --muted: #a8a29a; --rule: #45423e; --paper: #1b1a19; --mark: #5c4a00; --accent: #f0b35b;
            --cited: #7fd48a; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; padding: 1.5rem 1.25rem 4rem; max-width: 50rem; background: var(--paper); color: var(--ink);
          font: 1rem/1.55 Georgia, "Times New Roman", serif; overflow-wrap: anywhere; }
        header h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
        header p { margin: .4rem 0; }
        .muted, .credit, .meta, .basis, .legend { color: var(--muted); }
        nav { margin: 1rem 0; font-family: system-ui, sans-serif; font-size: .9rem; }
        nav a { margin-right: .75rem; }
        a { color: var(--accent); }
        h2 { font: 600 1.35rem/1.3 system-ui, sans-serif; border-bottom: 1px solid var(--rule); margin: 2.2rem 0 .6rem;
          padding-bottom: .2rem; }
        h3 { font-size: 1.15rem; line-height: 1.35; margin: 1.4rem 0 .35rem; }
        .date { font-family: system-ui, sans-serif; font-weight: 600; margin-right: .4rem; white-space: nowrap; }
        .spine-mark { color: var(--accent); }
        .differ-mark { color: var(--accent); font-family: system-ui, sans-serif; }
        .event p { margin: .35rem 0; }
        .label { font-family: system-ui, sans-serif; font-size: .85rem; font-weight: 600; }
        ol.passages { padding-left: 1.6rem; margin: .6rem 0; }
        ol.passages li { margin: .55rem 0; }
        blockquote { margin: 0; padding: .1rem 0 .1rem .8rem; border-left: 3px solid var(--rule); }
        mark { background: var(--mark); color: inherit; padding: 0 .1em; }
        .credit { font-family: system-ui, sans-serif; font-size: .85rem; }
        .differ { border: 1px solid var(--rule); border-radius: 4px; padding: .3rem .8rem; margin: .6rem 0; }
        .differ ul { margin: .2rem 0; padding-left: 1.2rem; }
        table.coverage { border-collapse: collapse; font: .85rem/1.3 system-ui, sans-serif; width: 100%; }
        table.coverage th, table.coverage td { border-bottom: 1px solid var(--rule); padding: .25rem .4rem; text-align: left;
          vertical-align: top; }
        table.coverage td.mark { text-align: center; width: 2rem; }
        table.coverage th[scope=row] { font-weight: normal; }
        td.cited { color: var(--cited); font-weight: 700; }
        ol.sources li { margin: .5rem 0; }
        code { font-size: .85em; overflow-wrap: anywhere; }
        @media print {
          :root { --ink: #000; --muted: #333; --rule: #999; --paper: #fff; --mark: transparent; --accent: #000; --cited: #000; }
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          h2, h3 { break-after: avoid; }
          article.event, ol.passages li, table.coverage tr { break-inside: avoid; }
          mark { font-weight: 700; text-decoration: underline; }
          a { text-decoration: none; }
          .credit a[href]::after, ol.sources a[href]::after { content: " <" attr(href) ">"; overflow-wrap: anywhere; }
        }
        """

    /// The Content-Security-Policy: nothing may load or run but this
    /// stylesheet (by its SHA-256): no script from anywhere, inline or not.
    static var contentSecurityPolicy: String {
        let hash = Data(SHA256.digest(Array(css.utf8))).base64EncodedString()
        return "default-src 'none'; style-src 'sha256-\(hash)'; img-src 'none'; script-src 'none'; "
            + "base-uri 'none'; form-action 'none'"
    }
}
