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
    ///   - detected: called with the file's format as soon as it is known, before the rows are read
    ///     (an import merges the people-bearing files while the others are still being read).
    ///   - joiningParts: false leaves the second half of a large ties file read in two parts apart,
    ///     for the caller to join with `ParsedFile.joinParts()` once it has let `data` go (at ten
    ///     million rows the join copies 0.4 GB, which then does not come on top of the file).
    /// - Throws: `ImportError` with `path:line:column` for anything that stops the import.
    /// - Complexity: O(bytes).
    public static func parse(
        path: String, data: [UInt8], format: ImportFormat? = nil, mapping: ColumnMapping? = nil,
        limits: CSVLimits = CSVLimits(), detected: (ImportFormat) -> Void = { _ in }, joiningParts: Bool = true
    ) throws(ImportError) -> ParsedFile {
        let (text, encoding) = try TextDecoding.utf8(data, path: path)
        if format == .mapped, mapping == nil {
            throw ImportError(
                .invalidMapping("the mapped format needs a column mapping"),
                at: SourceLocation(path: path, line: 1, column: 1))
        }
        let isVCard = readsAsVCard(path: path, text: text, format: format, mapping: mapping)
        // Say where a file stopped being UTF-8: a cut-off export reads differently from what the user typed.
        let encodingWarning = encoding == .windows1252 ? windows1252Warning(data, path: path) : nil
        if isVCard {
            detected(.vcard)
            var file = ParsedFile(path: path, format: .vcard, encoding: encoding)
            try VCardFormat.read(text, into: &file)
            file.warnings = (encodingWarning.map { [$0] } ?? []) + file.warnings
            return file
        }
        return try parseCSV(
            path: path, source: CSVBytes(text), encoding: encoding, encodingWarning: encodingWarning, format: format,
            mapping: mapping, limits: limits, detected: detected, joiningParts: joiningParts)
    }

    /// `parse(path:data:…)` of a file mapped into memory (`MappedFile`): a plain UTF-8 CSV file is
    /// read in place, its pages given back as its rows are read, so that a 360 MB ties file is not
    /// resident beside the ten million rows read from it; anything else (UTF-16, a NUL byte, bytes
    /// that are not UTF-8, a vCard) is copied and read by `parse(path:data:…)`, with the same result.
    public static func parse(
        path: String, mapped file: MappedFile, format: ImportFormat? = nil, mapping: ColumnMapping? = nil,
        limits: CSVLimits = CSVLimits(), detected: (ImportFormat) -> Void = { _ in }, joiningParts: Bool = true
    ) throws(ImportError) -> ParsedFile {
        let whole = file.withBytes { $0.bindMemory(to: UInt8.self) }
        guard let bom = TextDecoding.plainUTF8Start(whole), format != .mapped || mapping != nil,
            !readsAsVCard(path: path, text: whole[bom...], format: format, mapping: mapping)
        else {
            return try parse(
                path: path, data: Array(whole), format: format, mapping: mapping, limits: limits, detected: detected,
                joiningParts: joiningParts)
        }
        // The checks read every page; the reader reads them again as it goes, and gives them back.
        file.release(0..<whole.count)
        return try parseCSV(
            path: path, source: CSVBytes(file, from: bom), encoding: bom == 3 ? .utf8WithBOM : .utf8,
            encodingWarning: nil, format: format, mapping: mapping, limits: limits, detected: detected,
            joiningParts: joiningParts)
    }

    /// Whether a file whose UTF-8 text is `text` is read as a vCard: forced, or, with no format nor
    /// mapping given, named `.vcf` or starting with `BEGIN:VCARD`.
    private static func readsAsVCard(
        path: String, text: some Collection<UInt8>, format: ImportFormat?, mapping: ColumnMapping?
    ) -> Bool {
        format == .vcard
            || (format == nil && mapping == nil
                && (path.lowercased().hasSuffix(".vcf") || VCardFormat.looksLikeVCard(text)))
    }

    /// The CSV formats' part of `parse`: the header found (or the mapping's), the format detected
    /// and the rows read.
    private static func parseCSV(
        path: String, source: CSVBytes, encoding: SourceEncoding, encodingWarning: ImportWarning?,
        format: ImportFormat?, mapping: ColumnMapping?, limits: CSVLimits, detected: (ImportFormat) -> Void,
        joiningParts: Bool
    ) throws(ImportError) -> ParsedFile {
        var reader = CSVReader(path: path, source: source, limits: limits)
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
        detected(resolved)
        var file = ParsedFile(path: path, format: resolved, encoding: encoding)
        switch resolved {
        case .people, .ties, .interactions, .introductions:
            try NativeFormats.read(&reader, header: header, into: &file, joiningParts: joiningParts)
        case .linkedin, .google, .outlook, .mapped:
            let layout = mapping.map(\.layout) ?? ContactLayout.forFormat(resolved) ?? ContactLayout()
            try ContactFormats.read(&reader, header: header, layout: layout, into: &file)
        case .vcard:
            break
        }
        file.warnings = (encodingWarning.map { [$0] } ?? []) + reader.warnings + file.warnings
        if file.rowCount == 0, file.warnings.isEmpty {
            // A header and nothing else: most often the wrong file, or an export cut short.
            file.warnings.append(
                ImportWarning(
                    "no rows after the header; nothing to import", at: header.record.location(ofField: 0, path: path)))
        }
        return file
    }

    /// The warning for a file read as Windows-1252, at its first byte that is not part of UTF-8.
    /// - Complexity: O(bytes up to that byte).
    static func windows1252Warning(_ data: [UInt8], path: String) -> ImportWarning? {
        let hasBOM = data.count >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF
        let body = hasBOM ? Array(data[3...]) : data
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error:
                return ImportWarning(
                    "not valid UTF-8 from here; bytes outside UTF-8 sequences are read as Windows-1252",
                    at: TextDecoding.location(of: offset, in: body, path: path))
            }
        }
    }
}
