/// Counts in English: `1 account`, `2 accounts`.
enum Plural {
    /// `count` followed by `singular`, or by `plural` (default: `singular` + "s") unless the
    /// count is exactly 1.
    static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
