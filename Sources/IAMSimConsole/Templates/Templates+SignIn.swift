extension Templates {
    static let signIn = #"""
        <div class="card narrow">
        <h1>Sign in</h1>
        <ul class="tabs" aria-label="Sign in as">
        <li><a href="{{base}}/signin"{{#root}} aria-current="page"{{/root}}>Root user</a></li>
        <li><a href="{{base}}/signin?as=iam"{{^root}} aria-current="page"{{/root}}>IAM user</a></li>
        </ul>
        {{#root}}
        <p class="hint">Account owner that performs tasks requiring unrestricted access.</p>
        <form method="post" action="{{base}}/signin">{{>csrf}}
        <label for="email">Root user email address</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="{{email}}">
        <button type="submit" class="primary">Next</button>
        </form>
        {{/root}}
        {{^root}}
        <p class="hint">User within an account that performs daily tasks.</p>
        <form method="post" action="{{base}}/signin/password">{{>csrf}}
        <input type="hidden" name="as" value="iam">
        <label for="account">Account ID (12 digits) or account alias</label>
        <input id="account" name="account" required value="{{account}}" autocomplete="off">
        <label for="user">IAM user name</label>
        <input id="user" name="user" required value="{{userName}}" autocomplete="username">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" required autocomplete="current-password">
        <button type="submit" class="primary">Sign in</button>
        </form>
        {{/root}}
        </div>
        """#

    static let signInPassword = #"""
        <div class="card narrow">
        <h1>Root user sign in</h1>
        <p>Email: <strong id="signin-email">{{email}}</strong> · <a href="{{base}}/signin">Sign in to a different account</a></p>
        <form method="post" action="{{base}}/signin/password">{{>csrf}}
        <input type="hidden" name="as" value="root">
        <input type="hidden" name="email" value="{{email}}">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" required autocomplete="current-password">
        <button type="submit" class="primary">Sign in</button>
        </form>
        <p><a href="{{base}}/signin/resync">Troubleshoot MFA</a> (resync your device, which also lifts a lockout)</p>
        </div>
        """#

    static let signInMFA = #"""
        <div class="card narrow">
        <h1>Multi-factor authentication</h1>
        <p>Your account is secured using multi-factor authentication (MFA). To finish signing in{{#who}} as {{who}}{{/who}}, enter the code your MFA device shows now.</p>
        <form method="post" action="{{base}}/signin/mfa">{{>csrf}}
        <label for="code">MFA code</label>
        <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="9" required aria-describedby="code-hint">
        <p id="code-hint" class="hint">Six digits from your authenticator app: your phone, or this console's <a href="{{base}}/phone" target="_blank" rel="noopener">phone page</a> (opens in a new tab). Each code works once.</p>
        <button type="submit" class="primary">Submit</button>
        </form>
        <p><a href="{{base}}/signin/resync" id="troubleshoot-mfa">Troubleshoot MFA</a>: resync a device whose codes are refused (two consecutive codes); it also lifts a lockout.</p>
        <p><a href="{{base}}/signin">Cancel</a></p>
        </div>
        """#

    static let signInNewPassword = #"""
        <div class="card narrow">
        <h1>Change password</h1>
        <p>{{reason}}</p>
        <form method="post" action="{{base}}/signin/new-password">{{>csrf}}
        <label for="new-password">New password</label>
        <input id="new-password" name="newPassword" type="password" required autocomplete="new-password">
        <label for="confirm-password">Retype new password</label>
        <input id="confirm-password" name="confirmPassword" type="password" required autocomplete="new-password">
        <button type="submit" class="primary">Confirm password change</button>
        </form>
        <p><a href="{{base}}/signin">Cancel</a></p>
        </div>
        """#

    static let signInResync = #"""
        <div class="card narrow">
        <h1>Troubleshoot MFA: resync with AWS's servers</h1>
        {{#isUser}}
        <p>An IAM user cannot resync a device from the sign-in page. Ask your account's administrator (the root user) to resync it: Users → your user name → Security credentials → Resync.</p>
        <p><a href="{{base}}/signin/mfa">Back to the MFA code</a></p>
        {{/isUser}}
        {{^isUser}}
        <p>If your device's codes are refused, its clock may have drifted from AWS's. Type two consecutive codes from it: AWS finds them and resyncs the device. A successful resync also lifts an MFA lockout.</p>
        <form method="post" action="{{base}}/signin/resync">{{>csrf}}
        {{#email}}<p>Root user: <strong>{{email}}</strong></p>{{/email}}
        {{^email}}
        <label for="email">Root user email address</label>
        <input id="email" name="email" type="email" required autocomplete="username">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" required autocomplete="current-password">
        {{/email}}
        <label for="device">MFA device name</label>
        <input id="device" name="device" aria-describedby="device-hint" autocomplete="off">
        <p id="device-hint" class="hint">Only when the root user has several MFA devices; leave it empty otherwise.</p>
        <label for="code1">MFA code 1</label>
        <input id="code1" name="code1" inputmode="numeric" autocomplete="one-time-code" maxlength="9" required>
        <label for="code2">MFA code 2</label>
        <input id="code2" name="code2" inputmode="numeric" autocomplete="one-time-code" maxlength="9" required aria-describedby="code2-hint">
        <p id="code2-hint" class="hint">Wait until the device shows its next code, and type that one.</p>
        <button type="submit" class="primary">Re-sync authentication device</button>
        </form>
        <p><a href="{{base}}/signin">Back to sign-in</a></p>
        {{/isUser}}
        </div>
        """#
}
