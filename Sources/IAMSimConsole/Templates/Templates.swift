/// The console's Mustache templates, compiled into the binary (no file is read at run time).
///
/// Each page's template sees its own view's values first, then `base` (the console's path),
/// `csrf` (the token every form repeats) and `isRoot`. `{{x}}` escapes HTML; `{{{x}}}` is used
/// only for HTML the console rendered itself.
enum Templates {
    static let all: [(String, String)] = [
        ("layout", layout), ("problem", problem), ("lesson", lesson), ("csrf", csrfField),
        ("signin", signIn), ("signin-password", signInPassword), ("signin-mfa", signInMFA),
        ("signin-new-password", signInNewPassword), ("signin-resync", signInResync),
        ("dashboard", dashboard), ("credential-sections", credentialSections), ("credentials", credentials),
        ("password", password),
        ("access-key-created", accessKeyCreated), ("access-key-delete", accessKeyDelete),
        ("mfa-assign", mfaAssign), ("code-pair", codePair), ("mfa-setup", mfaSetup), ("mfa-hardware", mfaHardware),
        ("mfa-resync", mfaResync), ("mfa-remove", mfaRemove),
        ("users", users), ("user-create", userCreate), ("user", user), ("user-delete", userDelete),
        ("groups", groups), ("group-delete", groupDelete), ("password-policy", passwordPolicy),
        ("phone", phone), ("instructor", instructor), ("instructor-token", instructorToken),
    ]

    /// The hidden field every form carries.
    static let csrfField = #"<input type="hidden" name="_csrf" value="{{csrf}}">"#

    static let layout = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{#refreshSeconds}}<meta http-equiv="refresh" content="{{refreshSeconds}}">{{/refreshSeconds}}
        <title>{{title}} | IAM | iamsim console</title>
        <link rel="stylesheet" href="{{base}}/assets/console.css">
        <link rel="icon" href="{{base}}/assets/icon.svg" type="image/svg+xml">
        <script src="{{base}}/assets/console.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header class="topbar">
        <a class="brand" href="{{base}}/"><img src="{{base}}/assets/icon.svg" alt="" width="24" height="24"> iamsim <span class="brand-note">IAM console (simulated)</span></a>
        {{#signedIn}}
        <div class="identity">
        <span class="who">{{who}} · Account {{accountID}}{{#accountName}} ({{accountName}}){{/accountName}} · {{mfa}}</span>
        <form method="post" action="{{base}}/signout" class="inline">{{>csrf}}<button type="submit" class="link-button" id="sign-out">Sign out</button></form>
        </div>
        {{/signedIn}}
        </header>
        <div class="frame">
        {{#signedIn}}
        <nav class="sidebar" aria-label="Identity and Access Management (IAM)">
        <p class="nav-title">Identity and Access Management (IAM)</p>
        <ul>
        {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}{{#newTab}} target="_blank" rel="noopener"{{/newTab}}>{{label}}</a></li>
        {{/nav}}
        </ul>
        </nav>
        {{/signedIn}}
        <main id="main" tabindex="-1">
        {{#lesson}}{{>lesson}}{{/lesson}}
        {{#flash}}<div class="flash" role="status"><p>{{flash}}</p></div>{{/flash}}
        {{#error}}<div class="alert" role="alert"><h2>{{title}}</h2><p>{{message}}</p>{{#explanation}}<p class="explanation">{{explanation}}</p>{{/explanation}}</div>{{/error}}
        {{{content}}}
        </main>
        </div>
        </body>
        </html>
        """#

    static let problem = #"""
        <h1>{{title}}</h1>
        <div class="alert" role="alert"><p>{{message}}</p></div>
        <p><a href="{{base}}/">Go to the console</a></p>
        """#

    static let lesson = #"""
        <details class="lesson" open>
        <summary><span class="lesson-title">Lesson: {{lessonTitle}}</span> <span class="lesson-step">{{summary}}</span></summary>
        <div class="lesson-body">
        {{#current}}
        <h2>Step {{number}} of {{total}}: {{title}}</h2>
        <p>{{explanation}}</p>
        <p class="lesson-here"><strong>In this console:</strong> {{instruction}}{{#link}} <a href="{{href}}"{{#newTab}} target="_blank" rel="noopener"{{/newTab}}>{{label}}</a>{{/link}}</p>
        <p class="lesson-aws">In the AWS console: {{consolePath}}</p>
        {{/current}}
        {{#complete}}<p><strong>Lesson complete:</strong> all {{total}} steps are done. The security status is green for the root user.</p>{{/complete}}
        <details class="lesson-all"><summary>All {{total}} steps ({{doneCount}} done)</summary>
        <ol class="lesson-steps">
        {{#steps}}<li class="{{state}}"><span class="visually-hidden">{{stateText}}: </span>{{title}}{{#mark}} <span class="step-mark">({{mark}})</span>{{/mark}}</li>
        {{/steps}}
        </ol>
        <p class="lesson-note">Progress is read from the account itself, as <code>iamsim lesson</code> reads it: you may switch between the shell and this console at any step.</p>
        </details>
        </div>
        </details>
        """#
}
