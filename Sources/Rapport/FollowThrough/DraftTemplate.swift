import Mustache

/// A Mustache template for a plain-text draft, checked against `DraftContext.placeholderNames`.
///
/// Drafts are plain text, so HTML escaping is off: "O'Neil" stays "O'Neil" (the library escapes
/// for HTML by default; the template is rendered under `{{% CONTENT_TYPE: TEXT}}`). Partials are
/// not supported: the library would switch them back to HTML escaping.
public struct DraftTemplate: Sendable {
    /// The template's name in messages, e.g. `templates/intro-request.mustache`.
    public let name: String
    public let text: String
    let template: MustacheTemplate

    /// Parses and checks a template.
    /// - Throws: `FollowThroughError.templateSyntax` (with line and column) or `.unknownPlaceholder`.
    /// - Complexity: O(n) in the template's length.
    public init(name: String, text: String) throws(FollowThroughError) {
        self.name = name
        self.text = text
        for placeholder in DraftTemplate.placeholders(in: text)
        where !DraftContext.placeholderNames.contains(placeholder) {
            throw .unknownPlaceholder(template: name, name: placeholder, known: DraftContext.placeholderNames)
        }
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + text)
        } catch let error as MustacheTemplate.ParserError {
            throw .templateSyntax(
                template: name, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                reason: DraftTemplate.reason(error.error))
        } catch {
            throw .templateSyntax(template: name, line: 1, column: 1, reason: "cannot parse the template")
        }
    }

    /// The text for `context`: lines stripped of trailing spaces, runs of blank lines collapsed to
    /// one, ending in one newline.
    /// - Complexity: O(output length).
    public func render(_ context: DraftContext) -> String {
        DraftTemplate.tidy(template.render(context.values))
    }

    /// Names used in `{{name}}`, `{{{name}}}`, `{{&name}}`, `{{#name}}`, `{{^name}}` tags (the first
    /// part of a dotted name). Comments, pragmas, partials and `.` are skipped; a template that
    /// changes delimiters is not checked.
    /// - Complexity: O(n).
    static func placeholders(in text: String) -> [String] {
        if text.contains("{{=") { return [] }
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if let first = tag.first, "!%><$=".contains(first) { continue }
            while let first = tag.first, "#^/&{".contains(first) { tag.removeFirst() }
            tag = tag.trimmingCharacters(in: .whitespaces)
            if tag.hasSuffix("}") { tag.removeLast() }
            // `{{{name}}}`: the third brace stays behind in `rest`.
            if rest.hasPrefix("}") { rest = rest.dropFirst() }
            let name = tag.split(separator: ".").first.map(String.init) ?? ""
            if !name.isEmpty && !names.contains(name) { names.append(name) }
        }
        return names
    }

    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = line
            while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
            if l.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(l)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    static func reason(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "cannot parse the template" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not finished"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "template inheritance is not supported in drafts"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "malformed pragma"
        }
    }
}

/// The two messages `rapport draft` writes.
public struct Drafts: Hashable, Sendable, Codable {
    /// To the introducer; `nil` for a cold target.
    public var toIntroducer: String?
    public var toTarget: String

    public init(toIntroducer: String?, toTarget: String) {
        self.toIntroducer = toIntroducer
        self.toTarget = toTarget
    }

    /// Renders both messages; the introducer's only when the context has an introducer.
    public static func render(_ context: DraftContext, introRequest: DraftTemplate, interviewRequest: DraftTemplate)
        -> Drafts
    {
        Drafts(
            toIntroducer: context.introducerName == nil ? nil : introRequest.render(context),
            toTarget: interviewRequest.render(context))
    }
}
