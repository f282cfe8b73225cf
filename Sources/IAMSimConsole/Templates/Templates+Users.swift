extension Templates {
    static let users = #"""
        <h1>Users <span class="count">({{count(users)}})</span></h1>
        <p class="hint">An IAM user is an identity with long-term credentials that is used to interact with AWS in an account.</p>
        {{#isRoot}}<p><a class="button primary" href="{{base}}/users/create" id="create-user">Create user</a></p>{{/isRoot}}
        {{^empty(users)}}
        <table id="users-table">
        <caption class="visually-hidden">IAM users</caption>
        <thead><tr><th scope="col">User name</th><th scope="col">Path</th><th scope="col">Created</th><th scope="col">Console last sign-in</th></tr></thead>
        <tbody>
        {{#users}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td>{{path}}</td><td>{{created}}</td><td>{{lastSignIn}}</td></tr>
        {{/users}}
        </tbody>
        </table>
        {{/empty(users)}}
        {{#empty(users)}}<p id="no-users">No resources to display.</p>{{/empty(users)}}
        """#

    static let userCreate = #"""
        <h1>Create user</h1>
        <form method="post" action="{{base}}/users/create">{{>csrf}}
        <section class="panel">
        <h2>User details</h2>
        <label for="user-name">User name</label>
        <input id="user-name" name="name" required maxlength="64" value="{{name}}" autocomplete="off" aria-describedby="user-name-hint">
        <p id="user-name-hint" class="hint">The user name can have up to 64 characters. Valid characters: A-Z, a-z, 0-9, and + = , . @ _ - (hyphen)</p>
        <div class="choice"><input type="checkbox" id="console-access" name="consoleAccess" value="yes"{{#consoleAccess}} checked{{/consoleAccess}}>
        <label for="console-access"><strong>Provide user access to the AWS Management Console</strong><span class="hint">With a console password, the user signs in on the IAM user sign-in page.</span></label></div>
        <label for="user-password">Console password</label>
        <input id="user-password" name="password" type="password" autocomplete="new-password" aria-describedby="user-password-hint">
        <p id="user-password-hint" class="hint">Only with console access. It must follow the account's password policy.</p>
        <div class="choice"><input type="checkbox" id="reset-required" name="resetRequired" value="yes"{{#resetRequired}} checked{{/resetRequired}}>
        <label for="reset-required"><strong>Users must create a new password at next sign-in</strong></label></div>
        </section>
        {{^empty(groups)}}
        <fieldset class="panel">
        <legend>Add user to groups</legend>
        {{#groups}}<div class="choice"><input type="checkbox" id="group-{{index()}}" name="group-{{index()}}" value="{{.}}"><label for="group-{{index()}}">{{.}}</label></div>
        {{/groups}}
        </fieldset>
        {{/empty(groups)}}
        <p><button type="submit" class="primary">Create user</button> <a href="{{base}}/users">Cancel</a></p>
        </form>
        """#

    static let user = #"""
        <h1>{{name}}</h1>
        <section class="panel" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <dl class="facts">
        <div><dt>ARN</dt><dd><code>{{arn}}</code></dd></div>
        <div><dt>Created</dt><dd>{{created}}</dd></div>
        <div><dt>Console access</dt><dd>{{consoleAccess}}</dd></div>
        <div><dt>Last console sign-in</dt><dd>{{lastSignIn}}</dd></div>
        </dl>
        {{#isRoot}}<p><a class="button danger" href="{{deleteHref}}" id="delete-user">Delete</a></p>{{/isRoot}}
        </section>
        {{#isRoot}}
        <section class="panel" id="groups" aria-labelledby="groups-heading">
        <h2 id="groups-heading">Groups <span class="count">({{count(groups)}})</span></h2>
        {{^empty(groups)}}
        <ul>
        {{#groups}}<li>{{name}} <form method="post" action="{{base}}/user/groups/remove" class="inline">{{>csrf}}<input type="hidden" name="user" value="{{user}}"><input type="hidden" name="group" value="{{name}}"><button type="submit">Remove<span class="visually-hidden"> {{user}} from {{name}}</span></button></form></li>
        {{/groups}}
        </ul>
        {{/empty(groups)}}
        {{#empty(groups)}}<p>This user is in no group.</p>{{/empty(groups)}}
        {{^empty(otherGroups)}}
        <form method="post" action="{{base}}/user/groups/add">{{>csrf}}<input type="hidden" name="user" value="{{name}}">
        <label for="add-group">Add to group</label>
        <select id="add-group" name="group">{{#otherGroups}}<option>{{.}}</option>{{/otherGroups}}</select>
        <button type="submit">Add user to group</button>
        </form>
        {{/empty(otherGroups)}}
        </section>
        <section class="panel" id="console-access" aria-labelledby="console-heading">
        <h2 id="console-heading">Console sign-in</h2>
        <form method="post" action="{{base}}/user/console-access">{{>csrf}}<input type="hidden" name="user" value="{{name}}">
        <label for="console-password">{{#hasLoginProfile}}New console password{{/hasLoginProfile}}{{^hasLoginProfile}}Console password{{/hasLoginProfile}}</label>
        <input id="console-password" name="password" type="password" required autocomplete="new-password">
        <div class="choice"><input type="checkbox" id="console-reset" name="resetRequired" value="yes"><label for="console-reset">User must create a new password at next sign-in</label></div>
        <button type="submit">{{#hasLoginProfile}}Reset password{{/hasLoginProfile}}{{^hasLoginProfile}}Enable console access{{/hasLoginProfile}}</button>
        </form>
        {{#hasLoginProfile}}
        <form method="post" action="{{base}}/user/console-access/remove">{{>csrf}}<input type="hidden" name="user" value="{{name}}"><button type="submit">Disable console access</button></form>
        {{/hasLoginProfile}}
        </section>
        {{/isRoot}}
        <h2 class="tab-heading">Security credentials</h2>
        {{#sections}}{{>credential-sections}}{{/sections}}
        """#

    static let userDelete = #"""
        <h1>Delete {{name}}?</h1>
        <section class="panel">
        <p>Deleting the user also removes what it still has, as the console does, each as its own action: {{attachments}}.</p>
        <form method="post" action="{{base}}/user/delete">{{>csrf}}<input type="hidden" name="user" value="{{name}}">
        <label for="confirmation">To confirm deletion, enter the user name in the text input field.</label>
        <input id="confirmation" name="confirmation" required autocomplete="off" placeholder="{{name}}">
        <button type="submit" class="danger">Delete user</button> <a href="{{backHref}}">Cancel</a>
        </form>
        </section>
        """#

    static let groups = #"""
        <h1>User groups <span class="count">({{count(groups)}})</span></h1>
        <p class="hint">A user group is a collection of IAM users. Use groups to give several users the same permissions.</p>
        {{^empty(groups)}}
        <table id="groups-table">
        <caption class="visually-hidden">User groups</caption>
        <thead><tr><th scope="col">Group name</th><th scope="col">Path</th><th scope="col">Created</th>{{#isRoot}}<th scope="col">Actions</th>{{/isRoot}}</tr></thead>
        <tbody>
        {{#groups}}<tr><th scope="row">{{name}}</th><td>{{path}}</td><td>{{created}}</td>{{#isRoot}}<td><a href="{{deleteHref}}">Delete<span class="visually-hidden"> {{name}}</span></a></td>{{/isRoot}}</tr>
        {{/groups}}
        </tbody>
        </table>
        {{/empty(groups)}}
        {{#empty(groups)}}<p id="no-groups">No resources to display.</p>{{/empty(groups)}}
        {{#isRoot}}
        <form method="post" action="{{base}}/groups/create" class="panel">{{>csrf}}
        <h2>Create user group</h2>
        <label for="group-name">User group name</label>
        <input id="group-name" name="name" required maxlength="128" autocomplete="off" aria-describedby="group-name-hint">
        <p id="group-name-hint" class="hint">Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters.</p>
        <button type="submit" class="primary">Create user group</button>
        </form>
        {{/isRoot}}
        """#

    static let groupDelete = #"""
        <h1>Delete {{name}}?</h1>
        <section class="panel">
        <p>Deleting a user group is permanent. A group that still has users cannot be deleted: remove them first, from each user's page.</p>
        <form method="post" action="{{base}}/group/delete">{{>csrf}}<input type="hidden" name="group" value="{{name}}">
        <label for="confirmation">To confirm deletion, enter the user group name in the text input field.</label>
        <input id="confirmation" name="confirmation" required autocomplete="off" placeholder="{{name}}">
        <button type="submit" class="danger">Delete</button> <a href="{{base}}/groups">Cancel</a>
        </form>
        </section>
        """#
}
