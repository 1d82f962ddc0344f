import Foundation

/// The entry point for reading one input file of any supported format.
public enum ContactFile {
    /// Reads the file at `path` from disk and parses it; see `parse(path:data:format:mapping:limits:)`.
    /// - Throws: `.unreadableFile` at `path:1:1` when the file cannot be read, else as `parse`.
    public static func read(
        path: String, format: ImportFormat? = nil, mapping: ColumnMapping? = nil, limits: CSVLimits = CSVLimits()
    ) throws(ImportError) -> ParsedFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else { throw ImportError(.unreadableFile, at: SourceLocation(path: path, line: 1, column: 1)) }
        return try parse(path: path, data: Array(data), format: format, mapping: mapping, limits: limits)
    }

    /// Reads `data` (the bytes of the file at `path`) into a `ParsedFile`.
    ///
    /// The format is `format` when given, `.mapped` when only `mapping` is given, otherwise detected:
    /// vCard by its `BEGIN:VCARD` content or a `.vcf` name, CSV formats by the header row (found past
    /// preambles such as LinkedIn's `Notes:` paragraph).
    ///
    /// - Parameters:
    ///   - path: shown in every error and warning.
    ///   - format: forces a format; `nil` detects it.
    ///   - mapping: reads an arbitrary CSV through a column mapping.
    /// - Throws: `ImportError` with `path:line:column` for anything that stops the import.
    /// - Complexity: O(bytes).
    public static func parse(
        path: String, data: [UInt8], format: ImportFormat? = nil, mapping: ColumnMapping? = nil,
        limits: CSVLimits = CSVLimits()
    ) throws(ImportError) -> ParsedFile {
        let (text, encoding) = try TextDecoding.utf8(data, path: path)
        if format == .mapped, mapping == nil {
            throw ImportError(
                .invalidMapping("the mapped format needs a column mapping"),
                at: SourceLocation(path: path, line: 1, column: 1))
        }
        let isVCard =
            format == .vcard
            || (format == nil && mapping == nil
                && (path.lowercased().hasSuffix(".vcf") || VCardFormat.looksLikeVCard(text)))
        if isVCard {
            var file = ParsedFile(path: path, format: .vcard, encoding: encoding)
            try VCardFormat.read(text, into: &file)
            return file
        }
        var reader = CSVReader(path: path, utf8: text, limits: limits)
        let header: Header
        let resolved: ImportFormat
        if let mapping, format == nil || format == .mapped {
            let sources = ContactField.allCases.compactMap { mapping.columns[$0] }
            do {
                header = try FormatDetection.readHeader(&reader) { header in sources.allSatisfy(header.contains) }
            } catch {
                // No row holds every mapped column: name the first one missing from the likeliest header.
                guard case .unknownFormat(let seen, _) = error.reason,
                    let missing = sources.first(where: { source in
                        !seen.contains { Header.key($0) == Header.key(source) }
                    })
                else { throw error }
                throw ImportError(.missingColumn(missing, format: "mapped"), at: error.location)
            }
            resolved = .mapped
        } else if let format {
            // The first row that looks like this format's header, else the first row past the preamble.
            var probe = reader
            if let found = try? FormatDetection.readHeader(&probe, accepts: { FormatDetection.detect($0) == format }) {
                header = found
                reader = probe
            } else {
                header = try FormatDetection.readHeader(&reader)
            }
            resolved = format
        } else {
            header = try FormatDetection.readHeader(&reader) { FormatDetection.detect($0) != nil }
            resolved = FormatDetection.detect(header) ?? .people
        }
        var file = ParsedFile(path: path, format: resolved, encoding: encoding)
        switch resolved {
        case .people, .ties, .interactions, .introductions:
            try NativeFormats.read(&reader, header: header, into: &file)
        case .linkedin, .google, .outlook, .mapped:
            let layout = mapping.map(\.layout) ?? ContactLayout.forFormat(resolved) ?? ContactLayout()
            try ContactFormats.read(&reader, header: header, layout: layout, into: &file)
        case .vcard:
            break
        }
        file.warnings = reader.warnings + file.warnings
        return file
    }
}
