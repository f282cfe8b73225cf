extension Templates {
    static let dashboard = #"""
        <h1>IAM dashboard</h1>
        <section class="panel" aria-labelledby="security-heading">
        <h2 id="security-heading">Security status</h2>
        <p id="security-summary"><strong>{{passed}} out of {{total}} complete.</strong></p>
        <ul class="status-list">
        {{#items}}
        <li class="status {{state}}" id="status-{{id}}">
        <p class="status-line"><span class="mark" aria-hidden="true">{{symbol}}</span> <span class="status-word">{{word}}</span> <strong class="status-title">{{title}}</strong></p>
        <p class="detail">{{detail}}</p>
        {{^empty(fixes)}}<p class="fixes">Fix it: {{#fixes}}<a href="{{href}}" class="fix">{{label}}</a> {{/fixes}}</p>{{/empty(fixes)}}
        </li>
        {{/items}}
        </ul>
        </section>
        <section class="panel" aria-labelledby="resources-heading">
        <h2 id="resources-heading">IAM resources</h2>
        <dl class="counts">
        {{#resources}}<div><dt>{{label}}</dt><dd>{{#href}}<a href="{{href}}">{{value}}</a>{{/href}}{{^href}}{{value}}{{/href}}</dd></div>
        {{/resources}}
        </dl>
        </section>
        <section class="panel" aria-labelledby="account-heading">
        <h2 id="account-heading">AWS Account</h2>
        <dl class="facts">
        <div><dt>Account ID</dt><dd id="account-id">{{accountID}}</dd></div>
        <div><dt>Account alias</dt><dd>{{#alias}}{{alias}}{{/alias}}{{^alias}}None{{/alias}}</dd></div>
        <div><dt>Sign-in URL for IAM users in this account</dt><dd><a href="{{signInURL}}">{{signInURL}}</a></dd></div>
        </dl>
        </section>
        """#

    /// The sections of an identity's security credentials: MFA devices and access keys. Used by
    /// "My security credentials" and by a user's Security credentials tab (`user` names whose).
    static let credentialSections = #"""
        <section class="panel" id="mfa" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">Multi-factor authentication (MFA) <span class="count">({{count(devices)}})</span></h2>
        <p class="hint">Use MFA to increase the security of your AWS environment. Signing in with MFA requires an authentication code from an MFA device. Each identity can have up to 8 devices.</p>
        {{^empty(devices)}}
        <table>
        <caption class="visually-hidden">Assigned MFA devices</caption>
        <thead><tr><th scope="col">Device name</th><th scope="col">Type</th><th scope="col">Identifier</th><th scope="col">Created on</th><th scope="col">Actions</th></tr></thead>
        <tbody>
        {{#devices}}<tr><th scope="row">{{name}}</th><td>{{type}}</td><td><code>{{serial}}</code></td><td>{{enabled}}</td>
        <td class="actions"><a href="{{resyncHref}}">Resync<span class="visually-hidden"> {{name}}</span></a> <a href="{{removeHref}}">Remove<span class="visually-hidden"> {{name}}</span></a></td></tr>
        {{/devices}}
        </tbody>
        </table>
        {{/empty(devices)}}
        {{#empty(devices)}}<p id="no-mfa">No MFA devices. Assign an MFA device to improve the security of your AWS environment.</p>{{/empty(devices)}}
        {{^empty(pending)}}
        <h3>Devices awaiting activation</h3>
        <ul class="pending">
        {{#pending}}<li><strong>{{name}}</strong> (virtual, created {{created}}): {{#setupHref}}<a href="{{setupHref}}">Continue setup</a> · {{/setupHref}}<a href="{{removeHref}}">Remove<span class="visually-hidden"> {{name}}</span></a></li>
        {{/pending}}
        </ul>
        {{/empty(pending)}}
        <p><a class="button primary" href="{{assignHref}}" id="assign-mfa">Assign MFA device</a></p>
        </section>
        <section class="panel" id="access-keys" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Access keys <span class="count">({{count(keys)}})</span></h2>
        {{#rootWarning}}<p class="warning">As a best practice, avoid using long-term credentials like access keys for the root user. Delete the root user's access keys: programs then cannot act as root without MFA.</p>{{/rootWarning}}
        {{^empty(keys)}}
        <table>
        <caption class="visually-hidden">Access keys</caption>
        <thead><tr><th scope="col">Access key ID</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Actions</th></tr></thead>
        <tbody>
        {{#keys}}<tr id="key-{{id}}"><th scope="row"><code>{{id}}</code></th><td class="key-status">{{status}}</td><td>{{created}}</td><td>{{lastUsed}}</td>
        <td class="actions">
        <form method="post" action="{{base}}/access-keys/status" class="inline">{{>csrf}}<input type="hidden" name="key" value="{{id}}">{{#owner}}<input type="hidden" name="user" value="{{owner}}">{{/owner}}
        {{#active}}<input type="hidden" name="status" value="Inactive"><button type="submit">Deactivate<span class="visually-hidden"> {{id}}</span></button>{{/active}}
        {{^active}}<input type="hidden" name="status" value="Active"><button type="submit">Activate<span class="visually-hidden"> {{id}}</span></button>{{/active}}
        </form>
        <a href="{{deleteHref}}">Delete<span class="visually-hidden"> {{id}}</span></a>
        </td></tr>
        {{/keys}}
        </tbody>
        </table>
        {{/empty(keys)}}
        {{#empty(keys)}}<p id="no-keys">No access keys.</p>{{/empty(keys)}}
        {{#canCreateKey}}
        <form method="post" action="{{base}}/access-keys/create">{{>csrf}}{{#owner}}<input type="hidden" name="user" value="{{owner}}">{{/owner}}
        <button type="submit">Create access key</button>
        </form>
        {{/canCreateKey}}
        {{^canCreateKey}}<p class="hint">An identity can have at most 2 access keys: delete one to create another.</p>{{/canCreateKey}}
        </section>
        """#

    static let credentials = #"""
        <h1>{{heading}}</h1>
        <section class="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">Account details</h2>
        <dl class="facts">
        <div><dt>Identity</dt><dd>{{identity}}</dd></div>
        <div><dt>ARN</dt><dd><code>{{arn}}</code></dd></div>
        {{#changePassword}}<div><dt>Console password</dt><dd><a href="{{base}}/password">Change password</a></dd></div>{{/changePassword}}
        </dl>
        </section>
        {{#sections}}{{>credential-sections}}{{/sections}}
        """#

    static let password = #"""
        <h1>Change password</h1>
        <form method="post" action="{{base}}/password" class="card narrow">{{>csrf}}
        <label for="old-password">Current password</label>
        <input id="old-password" name="oldPassword" type="password" required autocomplete="current-password">
        <label for="new-password">New password</label>
        <input id="new-password" name="newPassword" type="password" required autocomplete="new-password">
        <label for="confirm-password">Retype new password</label>
        <input id="confirm-password" name="confirmPassword" type="password" required autocomplete="new-password">
        <button type="submit" class="primary">Change password</button>
        </form>
        """#

    static let accessKeyCreated = #"""
        <h1>Retrieve access keys</h1>
        <div class="warning" role="note"><p>This is the only time that the secret access key can be viewed or downloaded. You cannot recover it later. However, you can create a new access key any time.</p></div>
        <section class="panel">
        <dl class="facts">
        <div><dt>Access key</dt><dd><code id="new-access-key-id">{{id}}</code></dd></div>
        <div><dt>Secret access key</dt><dd><details><summary>Show</summary><code id="new-secret-access-key">{{secret}}</code> <button type="button" class="copy" data-copy="new-secret-access-key" hidden>Copy</button></details></dd></div>
        </dl>
        <form method="post" action="{{base}}/access-keys/csv" class="inline">{{>csrf}}
        <input type="hidden" name="key" value="{{id}}"><input type="hidden" name="secret" value="{{secret}}">{{#owner}}<input type="hidden" name="user" value="{{owner}}">{{/owner}}
        <button type="submit">Download .csv file</button>
        </form>
        <a class="button primary" href="{{doneHref}}">Done</a>
        </section>
        """#

    static let accessKeyDelete = #"""
        <h1>Delete access key {{id}}?</h1>
        <section class="panel">
        {{#active}}
        <p>This key is <strong>Active</strong>. Deactivate it first: anything still using it then fails visibly, and you can still activate it again. A deleted key can never be used again.</p>
        <form method="post" action="{{base}}/access-keys/status" class="inline">{{>csrf}}<input type="hidden" name="key" value="{{id}}"><input type="hidden" name="status" value="Inactive"><input type="hidden" name="next" value="delete">{{#owner}}<input type="hidden" name="user" value="{{owner}}">{{/owner}}
        <button type="submit" class="primary">Deactivate</button></form>
        <a href="{{backHref}}">Cancel</a>
        {{/active}}
        {{^active}}
        <p>Deleting this access key is permanent. Any application that uses it will no longer be able to call AWS.</p>
        <form method="post" action="{{base}}/access-keys/delete">{{>csrf}}<input type="hidden" name="key" value="{{id}}">{{#owner}}<input type="hidden" name="user" value="{{owner}}">{{/owner}}
        <label for="confirmation">To confirm deletion, enter the access key ID in the text input field.</label>
        <input id="confirmation" name="confirmation" autocomplete="off" required placeholder="{{id}}">
        <button type="submit" class="danger">Delete</button>
        <a href="{{backHref}}">Cancel</a>
        </form>
        {{/active}}
        </section>
        """#
}
