extension Templates {
    static let passwordPolicy = #"""
        <h1>Account settings</h1>
        <section class="panel" aria-labelledby="policy-heading">
        <h2 id="policy-heading">Password policy</h2>
        <p id="policy-state">{{state}}</p>
        {{#isRoot}}
        <form method="post" action="{{base}}/password-policy">{{>csrf}}
        <label for="minimum-length">Minimum password length</label>
        <input id="minimum-length" name="minimumPasswordLength" inputmode="numeric" value="{{minimumLength}}" required aria-describedby="minimum-length-hint">
        <p id="minimum-length-hint" class="hint">From 6 to 128 characters.</p>
        <fieldset>
        <legend>Password strength</legend>
        <div class="choice"><input type="checkbox" id="require-uppercase" name="requireUppercase" value="yes"{{#requireUppercase}} checked{{/requireUppercase}}><label for="require-uppercase">Require at least one uppercase letter from the Latin alphabet (A-Z)</label></div>
        <div class="choice"><input type="checkbox" id="require-lowercase" name="requireLowercase" value="yes"{{#requireLowercase}} checked{{/requireLowercase}}><label for="require-lowercase">Require at least one lowercase letter from the Latin alphabet (a-z)</label></div>
        <div class="choice"><input type="checkbox" id="require-numbers" name="requireNumbers" value="yes"{{#requireNumbers}} checked{{/requireNumbers}}><label for="require-numbers">Require at least one number</label></div>
        <div class="choice"><input type="checkbox" id="require-symbols" name="requireSymbols" value="yes"{{#requireSymbols}} checked{{/requireSymbols}}><label for="require-symbols">Require at least one non-alphanumeric character (! @ # $ % ^ &amp; * ( ) _ + - = [ ] { } | ')</label></div>
        </fieldset>
        <label for="max-age">Password expiration (days)</label>
        <input id="max-age" name="maxPasswordAge" inputmode="numeric" value="{{maxAge}}" aria-describedby="max-age-hint">
        <p id="max-age-hint" class="hint">From 1 to 1095; empty: passwords never expire.</p>
        <div class="choice"><input type="checkbox" id="hard-expiry" name="hardExpiry" value="yes"{{#hardExpiry}} checked{{/hardExpiry}}><label for="hard-expiry">Password expiration requires administrator reset</label></div>
        <div class="choice"><input type="checkbox" id="allow-change" name="allowChange" value="yes"{{#allowChange}} checked{{/allowChange}}><label for="allow-change">Allow users to change their own password</label></div>
        <label for="reuse">Prevent password reuse (remembered passwords)</label>
        <input id="reuse" name="passwordReusePrevention" inputmode="numeric" value="{{reuse}}" aria-describedby="reuse-hint">
        <p id="reuse-hint" class="hint">From 1 to 24; empty: reuse is allowed.</p>
        <button type="submit" class="primary">Save changes</button>
        </form>
        {{#hasPolicy}}
        <form method="post" action="{{base}}/password-policy/delete">{{>csrf}}<button type="submit">Delete the password policy</button></form>
        {{/hasPolicy}}
        {{/isRoot}}
        </section>
        """#
}
