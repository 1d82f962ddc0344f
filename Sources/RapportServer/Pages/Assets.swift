/// The app's only stylesheet and script, served from the app itself (`/static/…`): the
/// Content-Security-Policy (`default-src 'self'`) allows no inline style or script and nothing from
/// elsewhere.
enum Assets {
    /// Colours pass WCAG AA: body text #1b1b1b on #fff (17:1), links #0a4fa3 (7.6:1), muted text
    /// #555 (7.5:1), white on the #0a4fa3 buttons (7.6:1). One column below 700 px (phones); the
    /// print rules leave only the person and their brief (a page to bring to the interview).
    static let css: String = {
        var css = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; }
            a { color: #0a4fa3; }
            a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
            .skip { position: absolute; left: -999px; }
            .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 2; }
            header.top { background: #f2f4f7; border-bottom: 1px solid #d0d5dd; }
            header.top ul { list-style: none; margin: 0 auto; padding: 0 16px; display: flex; flex-wrap: wrap; gap: 4px 20px; max-width: 1100px; }
            header.top a { display: inline-block; padding: 12px 0; font-weight: 600; text-decoration: none; }
            header.top a[aria-current=page] { border-bottom: 3px solid #0a4fa3; }
            main { max-width: 1100px; margin: 0 auto; padding: 16px; }
            h1 { font-size: 1.6rem; margin: 8px 0 4px; }
            h2 { font-size: 1.2rem; margin: 28px 0 8px; border-bottom: 1px solid #d0d5dd; }
            .muted, small { color: #555; }
            .flash { padding: 8px 12px; border-radius: 4px; }
            .flash.done { background: #e6f4ea; border: 1px solid #2e7d32; }
            .flash.error { background: #fdecea; border: 1px solid #b3261e; }
            .stats { display: flex; flex-wrap: wrap; gap: 12px; }
            .stat { border: 1px solid #d0d5dd; border-radius: 6px; padding: 8px 14px; min-width: 120px; }
            .stat .value { display: block; font-size: 1.4rem; font-weight: 700; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e4e7ec; vertical-align: top; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 32px; }
            form.panel { border: 1px solid #d0d5dd; border-radius: 6px; padding: 12px 16px; margin: 8px 0; }
            .fields { display: flex; flex-wrap: wrap; gap: 8px 16px; }
            .field { display: flex; flex-direction: column; min-width: 180px; flex: 1; margin-bottom: 8px; }
            .field label { font-weight: 600; }
            input, select, textarea { font: inherit; padding: 6px 8px; border: 1px solid #767676; border-radius: 4px; }
            textarea { width: 100%; min-height: 9em; }
            button { font: inherit; font-weight: 600; padding: 7px 16px; border: 0; border-radius: 4px; background: #0a4fa3; color: #fff; cursor: pointer; }
            button.secondary { background: #fff; color: #0a4fa3; border: 1px solid #0a4fa3; }
            .bar { display: inline-block; width: 120px; height: 12px; background: #e4e7ec; border-radius: 2px; vertical-align: middle; }
            .fill { display: block; height: 100%; background: #0a4fa3; border-radius: 2px; }
            .why { font-size: 0.9rem; color: #333; }
            .path { font-size: 0.95rem; }
            ol.timeline { padding-left: 20px; }
            .diagram svg { max-width: 100%; height: auto; }
            pre.error { white-space: pre-wrap; background: #fdecea; padding: 8px; }
            pre.brief-text { white-space: pre-wrap; font: inherit; background: #f7f8fa; border: 1px solid #e4e7ec; padding: 12px; }
            ul.tabs { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 20px; }
            ul.tabs a[aria-current=page] { font-weight: 700; text-decoration: none; border-bottom: 3px solid #0a4fa3; }
            @media (max-width: 700px) {
              .grid { grid-template-columns: 1fr; }
              table.wide thead { display: none; }
              table.wide tr { display: block; border-bottom: 1px solid #d0d5dd; padding: 6px 0; }
              table.wide td { display: block; border: 0; padding: 2px 4px; }
              .bar { width: 80px; }
            }
            @media print {
              header.top, form, button, .skip, .no-print, h2.no-print { display: none !important; }
              pre.brief-text { border: 0; background: none; padding: 0; }
              body { font-size: 11pt; }
              main { max-width: none; padding: 0; }
              a { color: inherit; text-decoration: none; }
              .grid { grid-template-columns: 1fr; }
              section.brief { break-before: page; }
            }

            """
        for step in stride(from: 0, through: 100, by: 5) { css += ".w\(step) { width: \(step)%; }\n" }
        return css
    }()

    /// Copy buttons: hidden without script, shown and wired here. The text stays selectable in its
    /// box either way.
    static let javascript = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("button[data-copy]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
              var source = document.getElementById(button.getAttribute("data-copy"));
              if (!source || !navigator.clipboard) { return; }
              navigator.clipboard.writeText(source.value || source.textContent).then(function () {
                button.textContent = "Copied";
              }, function () {
                source.select && source.select();
              });
            });
          });
        });

        """
}
