/// The console's style sheet, script and icon, compiled into the binary: nothing is loaded
/// from the network (the Content-Security-Policy forbids it anyway).
enum Assets {
    /// The asset at `path` (`/assets/console.css`), or a 404.
    static func response(for path: String) -> ConsoleResponse {
        switch path {
        case "/assets/console.css": file(styleSheet, type: "text/css; charset=utf-8")
        case "/assets/console.js": file(script, type: "text/javascript; charset=utf-8")
        case "/assets/icon.svg": file(icon, type: "image/svg+xml")
        default:
            ConsoleResponse(
                status: 404, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("Not found.\n".utf8))
        }
    }

    private static func file(_ text: String, type: String) -> ConsoleResponse {
        ConsoleResponse(status: 200, headers: [("Content-Type", type)], body: Array(text.utf8))
    }

    /// A key in a shield, in the console's orange.
    static let icon = #"""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" role="img" aria-label="iamsim"><path fill="#ec7211" d="M12 1 3 5v6c0 5.5 3.8 10.7 9 12 5.2-1.3 9-6.5 9-12V5z"/><circle cx="10" cy="10" r="3" fill="#fff"/><path d="M12 11.5h5v2h-1.5v2h-2v-2H12z" fill="#fff"/></svg>
        """#

    /// A little behaviour where script runs: the codes' countdown (and a reload when a code
    /// changes), and Copy buttons. Every page works without it.
    static let script = #"""
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          var counters = document.querySelectorAll("[data-countdown]");
          if (counters.length > 0) {
            var started = Date.now();
            var tick = function () {
              var elapsed = Math.floor((Date.now() - started) / 1000);
              var reload = false;
              counters.forEach(function (counter) {
                var left = parseInt(counter.getAttribute("data-countdown"), 10) - elapsed;
                if (left <= 0) { reload = true; left = 0; }
                counter.textContent = String(left);
              });
              if (reload) { window.location.reload(); } else { window.setTimeout(tick, 250); }
            };
            tick();
          }
          document.querySelectorAll("button[data-copy]").forEach(function (button) {
            var target = document.getElementById(button.getAttribute("data-copy"));
            if (!target || !navigator.clipboard) { return; }
            button.hidden = false;
            button.addEventListener("click", function () {
              navigator.clipboard.writeText(target.textContent.trim()).then(function () {
                button.textContent = "Copied";
              });
            });
          });
        });
        """#

    static let styleSheet = #"""
        :root { --ink: #16191f; --muted: #545b64; --line: #d5dbdb; --page: #f2f3f3; --panel: #fff;
          --bar: #232f3e; --accent: #ec7211; --accent-dark: #c45500; --link: #0073bb; --pass: #1d8102; --fail: #b7400f;
          --focus: #0073bb; font-family: "Amazon Ember", "Helvetica Neue", Roboto, Arial, sans-serif; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--ink); font-size: 15px; line-height: 1.45; }
        a { color: var(--link); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -1000px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
        .skip:focus { left: 0; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .topbar { background: var(--bar); color: #fff; display: flex; align-items: center; justify-content: space-between;
          padding: .5rem 1rem; gap: 1rem; flex-wrap: wrap; }
        .topbar a, .topbar .link-button { color: #fff; }
        .brand { display: flex; align-items: center; gap: .5rem; font-weight: bold; text-decoration: none; font-size: 1.1rem; }
        .brand-note { font-weight: normal; font-size: .85rem; color: #d5dbdb; }
        .identity { display: flex; align-items: center; gap: 1rem; font-size: .9rem; flex-wrap: wrap; }
        .frame { display: flex; min-height: calc(100vh - 3rem); }
        .sidebar { background: #fff; border-right: 1px solid var(--line); width: 15rem; padding: 1rem 0; flex-shrink: 0; }
        .sidebar ul { list-style: none; margin: 0; padding: 0; }
        .sidebar a { display: block; padding: .4rem 1.25rem; color: var(--ink); text-decoration: none; }
        .sidebar a:hover { text-decoration: underline; }
        .sidebar a[aria-current="page"] { color: var(--accent-dark); font-weight: bold; border-left: 4px solid var(--accent); padding-left: calc(1.25rem - 4px); }
        .nav-title { font-weight: bold; padding: 0 1.25rem; margin: 0 0 .5rem; }
        main { flex: 1; padding: 1.25rem 2rem 3rem; max-width: 72rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.6rem; font-weight: normal; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
        .panel, .card { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 1rem 1.25rem;
          margin: 0 0 1.25rem; box-shadow: 0 1px 1px rgba(0,28,36,.15); }
        .narrow { max-width: 30rem; margin: 2rem auto; }
        fieldset.panel legend { font-weight: bold; font-size: 1.1rem; padding: 0 .25rem; }
        label { display: block; font-weight: bold; margin: .75rem 0 .25rem; }
        .choice { display: flex; gap: .5rem; align-items: flex-start; margin: .5rem 0; }
        .choice input { margin-top: .9rem; }
        .choice label { font-weight: normal; margin: .5rem 0; }
        .choice label .hint { display: block; }
        input[type=text], input:not([type]), input[type=email], input[type=password], input[type=file], select {
          width: 100%; max-width: 28rem; padding: .45rem .6rem; border: 1px solid #879596; border-radius: 2px; font: inherit; }
        .hint { color: var(--muted); font-size: .9rem; margin: .25rem 0 .5rem; }
        button, .button { display: inline-block; font: inherit; padding: .4rem 1.1rem; border-radius: 2px; border: 1px solid #545b64;
          background: #fff; color: var(--ink); cursor: pointer; text-decoration: none; margin: .5rem .25rem .25rem 0; }
        button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #000; font-weight: bold; }
        button.primary:hover, .button.primary:hover { background: var(--accent-dark); border-color: var(--accent-dark); color: #fff; }
        button.danger, .button.danger { border-color: #d13212; color: #d13212; font-weight: bold; }
        .link-button { border: 0; background: none; padding: 0; margin: 0; color: var(--link); text-decoration: underline; cursor: pointer; }
        form.inline { display: inline; }
        .tabs { display: flex; list-style: none; padding: 0; margin: 0 0 1rem; border-bottom: 1px solid var(--line); }
        .tabs a { display: block; padding: .5rem 1rem; text-decoration: none; color: var(--ink); }
        .tabs a[aria-current="page"] { border-bottom: 3px solid var(--accent); font-weight: bold; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { background: #fafafa; font-size: .9rem; }
        th[scope=row] { font-weight: normal; }
        .actions a, .actions form { margin-right: .75rem; }
        .actions button { margin: 0; padding: .15rem .6rem; }
        code { font-family: Monaco, Menlo, Consolas, monospace; font-size: .9rem; word-break: break-all; }
        .count { color: var(--muted); font-weight: normal; }
        .flash { background: #f2f8f0; border: 1px solid var(--pass); border-left: 6px solid var(--pass); padding: .25rem 1rem; margin: 0 0 1rem; }
        .alert { background: #fdf3f1; border: 1px solid #d13212; border-left: 6px solid #d13212; padding: .25rem 1rem; margin: 0 0 1rem; }
        .alert h2 { font-size: 1rem; margin: .5rem 0 0; }
        .warning { background: #fff7e6; border: 1px solid #ff9900; border-left: 6px solid #ff9900; padding: .5rem 1rem; margin: 0 0 1rem; }
        .explanation { font-style: italic; }
        .status-list { list-style: none; padding: 0; margin: 0; }
        .status { border-bottom: 1px solid var(--line); padding: .5rem 0; }
        .status p { margin: .2rem 0; }
        .status .mark { display: inline-block; width: 1.5rem; text-align: center; font-weight: bold; }
        .status.pass .mark, .status.pass .status-word, li.pass { color: var(--pass); }
        .status.fail .mark, .status.fail .status-word, li.fail { color: var(--fail); }
        .status-word { font-weight: bold; }
        .status .detail, .status .fixes { margin-left: 1.75rem; }
        .fix { margin-right: 1rem; }
        dl.facts div, dl.counts div { display: flex; gap: 1rem; padding: .3rem 0; border-bottom: 1px solid #eaeded; }
        dl.facts dt, dl.counts dt { width: 16rem; color: var(--muted); flex-shrink: 0; }
        dl.facts dd, dl.counts dd { margin: 0; }
        details summary { cursor: pointer; color: var(--link); margin: .5rem 0; }
        .qr { image-rendering: pixelated; width: 14rem; height: 14rem; border: 1px solid var(--line); }
        .setup-steps > li { margin-bottom: 1rem; }
        .lesson { background: #f1faff; border: 1px solid #0073bb; border-radius: 4px; padding: .5rem 1rem; margin: 0 0 1.25rem; }
        .lesson summary { color: var(--ink); }
        .lesson-title { font-weight: bold; }
        .lesson-step { color: #0073bb; font-weight: bold; }
        .lesson-body h2 { font-size: 1.05rem; margin-top: .5rem; }
        .lesson-steps { columns: 2; font-size: .9rem; color: var(--muted); }
        .lesson-steps .done { color: var(--pass); }
        .lesson-steps .current { color: var(--ink); font-weight: bold; }
        .step-mark { font-weight: normal; }
        .lesson-aws, .lesson-note { color: var(--muted); font-size: .9rem; }
        .codes { list-style: none; padding: 0; }
        .code-entry { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; padding: .5rem 0; border-bottom: 1px solid var(--line); }
        .code-name { min-width: 18rem; }
        .code { font-family: Monaco, Menlo, Consolas, monospace; font-size: 1.8rem; letter-spacing: .15rem; }
        .checklist { list-style: none; padding: 0; margin: .25rem 0 0; font-size: .85rem; }
        @media (max-width: 50rem) { .frame { flex-direction: column; } .sidebar { width: auto; } .lesson-steps { columns: 1; } main { padding: 1rem; } }
        """#
}
