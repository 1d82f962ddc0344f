import Foundation

/// A submitted form: `application/x-www-form-urlencoded` fields, or `multipart/form-data` fields and
/// files (RFC 7578), as the browser's plain HTML forms send them.
public struct FormBody: Sendable {
    public var fields: [String: String] = [:]
    /// Uploaded files by field name: the name the browser gave and the bytes.
    public var files: [String: (name: String, bytes: [UInt8])] = [:]

    public init(fields: [String: String] = [:]) { self.fields = fields }

    public subscript(_ name: String) -> String? { fields[name] }

    /// Parses `body` as the `Content-Type` says.
    /// - Throws: `FormError` for a multipart body without a boundary or with a malformed part.
    /// - Complexity: O(n) in the body's length.
    public init(contentType: String?, body: [UInt8]) throws(FormError) {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", in: contentType ?? ""), !boundary.isEmpty else {
                throw .malformed("a multipart form without a boundary")
            }
            try self.init(multipart: body, boundary: boundary)
        } else {
            self.init(fields: Self.urlEncoded(String(decoding: body, as: UTF8.self)))
        }
    }

    /// `a=1&b=x+y` as a dictionary (the last value of a repeated name wins).
    public static func urlEncoded(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            guard let name = parts.first else { continue }
            fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    private init(multipart body: [UInt8], boundary: String) throws(FormError) {
        let delimiter = Array("--\(boundary)".utf8)
        var starts = Self.occurrences(of: delimiter, in: body)
        guard starts.count >= 2 else { throw .malformed("a multipart form without parts") }
        starts.removeLast()  // the closing delimiter, `--boundary--`
        for start in starts {
            // A part: delimiter CRLF headers CRLF CRLF content CRLF (then the next delimiter).
            let headerStart = start + delimiter.count + 2
            guard headerStart <= body.count,
                let headerEnd = Self.firstIndex(of: Array("\r\n\r\n".utf8), in: body, from: headerStart)
            else { throw .malformed("a form part without headers") }
            let next = Self.firstIndex(of: delimiter, in: body, from: headerEnd) ?? body.count
            let contentEnd = max(headerEnd + 4, next - 2)
            let headers = String(decoding: body[headerStart..<headerEnd], as: UTF8.self)
            guard let disposition = headers.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            }), let name = Self.parameter("name", in: String(disposition)) else {
                throw .malformed("a form part without a name")
            }
            let content = Array(body[(headerEnd + 4)..<contentEnd])
            if let filename = Self.parameter("filename", in: String(disposition)) {
                files[name] = (filename, content)
            } else {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
    }

    /// `value` of `key=value` or `key="value"` in a header such as `form-data; name="file"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// Every index where `needle` starts in `haystack`, not overlapping.
    /// - Complexity: O(n · m) in the worst case; boundaries are short (about 40 bytes).
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        var found: [Int] = []
        var from = 0
        while let i = firstIndex(of: needle, in: haystack, from: from) {
            found.append(i)
            from = i + needle.count
        }
        return found
    }

    /// The first index at or after `from` where `needle` starts in `haystack`.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from >= 0 else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// A form body the server cannot read.
public enum FormError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self { case .malformed(let what): "the form could not be read: \(what)" }
    }
}
