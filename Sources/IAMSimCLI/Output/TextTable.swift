import Foundation

/// A plain text table: a header row, aligned columns, two spaces between them.
struct TextTable {
    var headers: [String]
    var rows: [[String]]

    func rendered() -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                // Padded in Swift: NSString's padding bridges the string to Foundation's.
                index == cells.count - 1
                    ? cell : cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }

    /// The table, or `empty` when it has no rows: a list with nothing in it says so instead.
    func rendered(empty: String) -> String {
        rows.isEmpty ? empty : rendered()
    }
}

extension String {
    /// The string without spaces at its end (a table's empty last cells).
    func trimmingTrailingSpaces() -> String {
        var trimmed = self
        while trimmed.last == " " { trimmed.removeLast() }
        return trimmed
    }
}
