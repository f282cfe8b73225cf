extension Templates {
    static let phone = #"""
        <h1>Phone: authenticator app</h1>
        {{^paired}}
        <div class="alert" role="alert"><p>This browser is not paired with an account's phone yet. Sign in to the console in this browser once (as the root user or an IAM user), then open this page again.</p></div>
        <p><a href="{{base}}/signin">Sign in</a></p>
        {{/paired}}
        {{#paired}}
        <p class="hint">The trainee's phone for account {{accountID}}: the same authenticator as <code>iamsim authenticator</code>. It reads the account's clock: {{clock}}.</p>
        <section class="panel" aria-labelledby="codes-heading">
        <h2 id="codes-heading">Codes</h2>
        {{^empty(codes)}}
        <ul class="codes">
        {{#codes}}<li class="code-entry"><span class="code-name">{{name}}</span>
        <span class="code" id="code-{{index()}}" data-label="{{label}}">{{code}}</span>
        <span class="seconds">{{#ticking}}<span data-countdown="{{seconds}}">{{seconds}}</span> s left{{/ticking}}{{^ticking}}clock stopped{{/ticking}}</span>
        <button type="button" class="copy" data-copy="code-{{index()}}" hidden>Copy<span class="visually-hidden"> the code of {{name}}</span></button>
        <form method="post" action="{{base}}/phone/remove" class="inline">{{>csrf}}<input type="hidden" name="label" value="{{label}}"><button type="submit" class="link-button">Remove<span class="visually-hidden"> {{name}}</span></button></form>
        </li>
        {{/codes}}
        </ul>
        {{/empty(codes)}}
        {{#empty(codes)}}<p id="no-codes">No accounts yet: add one below, from the QR code or its secret key.</p>{{/empty(codes)}}
        </section>
        <section class="panel" aria-labelledby="scan-heading">
        <h2 id="scan-heading">Add an account: scan a QR code</h2>
        <form method="post" action="{{base}}/phone/scan" enctype="multipart/form-data">{{>csrf}}
        <label for="qr-file">QR code image (PNG)</label>
        <input id="qr-file" name="qr" type="file" accept="image/png" required aria-describedby="qr-file-hint">
        <p id="qr-file-hint" class="hint">In the Assign MFA device wizard, choose Show QR code, then Download QR code (PNG), and choose that file here.</p>
        <label for="scan-label">Name to show (optional)</label>
        <input id="scan-label" name="label" autocomplete="off">
        <button type="submit" class="primary">Scan QR code</button>
        </form>
        </section>
        <section class="panel" aria-labelledby="secret-heading">
        <h2 id="secret-heading">Add an account: enter a setup key</h2>
        <form method="post" action="{{base}}/phone/add">{{>csrf}}
        <label for="secret">Secret key</label>
        <input id="secret" name="secret" required autocomplete="off" spellcheck="false" aria-describedby="secret-hint">
        <p id="secret-hint" class="hint">The wizard's Show secret key: 64 letters and digits (base32).</p>
        <label for="secret-label">Account name</label>
        <input id="secret-label" name="label" required autocomplete="off">
        <button type="submit" class="primary">Add account</button>
        </form>
        </section>
        {{^empty(tokens)}}
        <section class="panel" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Hardware TOTP tokens on your desk</h2>
        <ul class="codes">
        {{#tokens}}<li class="code-entry"><span class="code-name">Serial {{serial}}</span> <span class="code">{{code}}</span> <span class="seconds">{{#ticking}}<span data-countdown="{{seconds}}">{{seconds}}</span> s left{{/ticking}}</span></li>
        {{/tokens}}
        </ul>
        </section>
        {{/empty(tokens)}}
        {{/paired}}
        """#

    static let instructorToken = #"""
        <div class="card narrow">
        <h1>Class progress</h1>
        <p>For instructors: enter the token <code>iamsim serve</code> printed when it started.</p>
        <form method="post" action="{{base}}/instructor">{{>csrf}}
        <label for="token">Instructor token</label>
        <input id="token" name="token" type="password" required autocomplete="off">
        <button type="submit" class="primary">Open class progress</button>
        </form>
        </div>
        """#

    static let instructor = #"""
        <h1>Class progress</h1>
        <p class="hint">{{accounts}}. The page refreshes itself every {{refresh}} seconds. Steps are judged from each account's state, as <code>iamsim class report</code> judges them.</p>
        <table id="class-table">
        <caption class="visually-hidden">Each trainee's lesson progress and security status</caption>
        <thead><tr><th scope="col">Account</th><th scope="col">Root email</th><th scope="col">Lesson</th><th scope="col">Security status</th><th scope="col">Last activity</th></tr></thead>
        <tbody>
        {{#rows}}<tr><th scope="row">{{account}}{{#alias}} ({{alias}}){{/alias}}</th><td>{{email}}</td><td>{{step}}</td>
        <td>{{passed}} of 5 complete<ul class="checklist">{{#items}}<li class="{{state}}">{{symbol}} {{word}} {{title}}</li>{{/items}}</ul></td><td>{{lastActivity}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        """#
}
