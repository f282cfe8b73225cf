import Testing

@testable import IAMSimApp

/// The JSON string literal both front ends write (the CLI's `JSONValue`, the server's JSON
/// errors for unsimulated services).
@Suite("JSON strings: escaped as the aws CLI prints them")
struct JSONStringTests {
    @Test(
        "quotes, backslashes and control characters are escaped; everything else is as is",
        arguments: [
            ("alice", #""alice""#),
            (#"say "hi" \ bye"#, #""say \"hi\" \\ bye""#),
            ("a\nb\rc\td", #""a\nb\rc\td""#),
            ("\u{01}\u{1F}", #""\u0001\u001f""#),
            ("é ✓ 🔑 /", #""é ✓ 🔑 /""#),
            ("", #""""#),
        ])
    func quoted(text: String, expected: String) {
        #expect(JSONString.quoted(text) == expected)
    }
}
