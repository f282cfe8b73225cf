import Foundation

/// A `multipart/form-data` body taken apart (RFC 7578): the phone page's QR image upload.
///
/// Only what browsers send: parts with `Content-Disposition: form-data; name=…` (and
/// `filename=…` for files), an optional `Content-Type`, no nested multiparts and no
/// transfer encodings.
struct MultipartForm: Equatable {
    var fields: [String: String] = [:]
    var files: [String: UploadedFile] = [:]

    /// The boundary of a `multipart/form-data` content type, or nil for another type.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = String(part.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            // RFC 2046: 1 to 70 characters.
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// Parses `body` split by `boundary`; nil when it is not a well-formed multipart body.
    init?(body: [UInt8], boundary: String) {
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The first delimiter may open the body without the line break before it.
        let bytes = Array("\r\n".utf8) + body
        var positions: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: bytes, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        var closed = false
        for (number, start) in positions.enumerated() {
            let afterDelimiter = start + delimiter.count
            if bytes[afterDelimiter...].starts(with: Array("--".utf8)) {
                closed = true
                break
            }
            guard number + 1 < positions.count, bytes[afterDelimiter...].starts(with: Array("\r\n".utf8)),
                afterDelimiter + 2 <= positions[number + 1]
            else {
                return nil
            }
            let part = Array(bytes[(afterDelimiter + 2)..<positions[number + 1]])
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: part, from: 0) else { return nil }
            guard let headerText = String(bytes: part[..<headerEnd], encoding: .utf8) else { return nil }
            let content = Array(part[(headerEnd + 4)...])
            var disposition: [String: String] = [:]
            var contentType: String?
            for line in headerText.components(separatedBy: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if name == "content-disposition" {
                    disposition = Self.parameters(value)
                } else if name == "content-type" {
                    contentType = value
                }
            }
            guard let name = disposition["name"] else { return nil }
            if let fileName = disposition["filename"] {
                files[name] = UploadedFile(fileName: fileName, contentType: contentType, bytes: content)
            } else {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        guard closed else { return nil }
    }

    /// `form-data; name="a"; filename="b.png"` as `["name": "a", "filename": "b.png"]`.
    static func parameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in value.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            var text = pair[1]
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
                text = String(text.dropFirst().dropLast())
            }
            result[pair[0].lowercased()] = text.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return result
    }

    /// The first index at or after `start` where `needle` occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        let first = needle[0]
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
