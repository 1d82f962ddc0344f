/// A snapshot as bytes, so a command can skip reading and rebuilding a large network: a million
/// people and ten million ties come back in a fraction of a second, where reading them from SQLite
/// and building the snapshot takes many seconds. The store keeps these bytes in a file
/// (`rapport.db-snapshot`); this core only encodes and decodes them, through a `SnapshotSink` and a
/// `SnapshotSource`, and does no file I/O.
///
/// The bytes are a cache, local to the machine that wrote them: columns are written as they lie in
/// memory (little-endian, this build's layout), after a header with a magic number, a format
/// version and a caller-chosen `key` (Rapport's command line uses the workspace's identity and write
/// generation), and a CRC-32C trailer over all of it (`SnapshotChecksum`). Decoding checks every
/// offset, code and node index before use, so damaged bytes are reported as `.corrupt`, never
/// trusted; the caller then rebuilds from the source.
extension NetworkSnapshot {
    /// The format of the bytes; bump it whenever what is written changes.
    /// 2: people's `pastOrganizations`, interactions' `source` and `words` (issue 13).
    /// 3: interactions located by `InteractionIndex` (the edges with any, and their starts) instead
    /// of an offset per edge. Bytes of an older version are `.stale` and rebuilt.
    /// 4: the graph's endpoints, neighbours and incident edges start at a multiple of 8 in the file,
    /// so that a mapped file lends them without a copy (`FixedArray`).
    /// 5: the ties' kind, since and origin columns too.
    /// 6: the people's columns too (every array of `PersonTable`).
    static let fileFormatVersion: UInt32 = 6
    private static let fileMagic: UInt64 = 0x3150_414E_5350_4152  // "RAPSNAP1", little-endian

    /// Writes the snapshot's bytes to `sink`: the header with `key`, every section, then the
    /// checksum trailer.
    /// - Throws: what `sink` throws.
    /// - Complexity: O(size of the snapshot), in writes of about 1 MiB.
    public func encode<Sink: SnapshotSink>(key: String, into sink: inout Sink) throws(SnapshotFileError) {
        var writer = SnapshotWriter(sink: sink)
        writer.integer(Int(bitPattern: UInt(NetworkSnapshot.fileMagic)))
        writer.integer(Int(NetworkSnapshot.fileFormatVersion))
        writer.string(key)
        encode(into: &writer)
        guard let written = try writer.finishWithChecksum() as? Sink else { preconditionFailure("the sink comes back") }
        sink = written
    }

    /// The snapshot's bytes in memory (for tests and fuzzing; the store streams to a file).
    /// - Complexity: O(size of the snapshot).
    public func encoded(key: String) -> [UInt8] {
        var bytes = SnapshotBytes()
        do throws(SnapshotFileError) { try encode(key: key, into: &bytes) } catch {
            preconditionFailure("writing to memory cannot fail")
        }
        return bytes.bytes
    }

    /// The key in the header of the snapshot bytes from `source`, or nil when they are not a
    /// snapshot of this format version. Only the header is read: neither the sections nor the
    /// checksum are checked (a damaged body is still caught when the file is loaded).
    /// - Complexity: O(key length).
    public static func headerKey<Source: SnapshotSource>(
        _ source: inout Source, payloadCount: Int
    ) throws(SnapshotFileError) -> String? {
        var reader = SnapshotReader(source: source, size: payloadCount)
        defer { if let read = reader.source as? Source { source = read } }
        guard try reader.integer() == Int(bitPattern: UInt(NetworkSnapshot.fileMagic)),
            try reader.integer() == Int(NetworkSnapshot.fileFormatVersion)
        else { return nil }
        // Content keys are short; a damaged length reads as no key, not as a large allocation.
        return try reader.string(atMost: 4096)
    }

    /// Decodes `payloadCount` bytes from `source` (everything before the checksum trailer, which
    /// the caller checks: `SnapshotChecksum`), written by `encode(key:into:)` with the same `key`.
    /// - Throws: `.stale` (another key or format version), `.corrupt` (damaged or truncated), or
    ///   what `source` throws.
    /// - Complexity: O(size of the snapshot); ids are hashed on the `WorkerPool` meanwhile.
    public init<Source: SnapshotSource>(
        decoding source: inout Source, payloadCount: Int, key: String
    ) throws(SnapshotFileError) {
        var reader = SnapshotReader(source: source, size: payloadCount)
        defer { if let read = reader.source as? Source { source = read } }
        guard try reader.integer() == Int(bitPattern: UInt(NetworkSnapshot.fileMagic)) else {
            throw .corrupt("not a snapshot file")
        }
        guard try reader.integer() == Int(NetworkSnapshot.fileFormatVersion), try reader.string() == key else {
            throw .stale
        }
        self = try NetworkSnapshot.decode(from: &reader)
        guard reader.isAtEnd else { throw .corrupt("trailing bytes") }
    }

    /// Decodes a whole snapshot held in memory, trailer included, with the same verdicts as the
    /// store's file reader: decoded first (so another key or version reads as `.stale`), then the
    /// checksum verified.
    /// - Throws: as `init(decoding:payloadCount:key:)`, and `.corrupt` when the checksum does not match.
    /// - Complexity: O(bytes).
    public init(snapshotBytes bytes: [UInt8], key: String) throws(SnapshotFileError) {
        guard bytes.count > SnapshotChecksum.trailerSize else { throw .corrupt("empty file") }
        var source = SnapshotBytes(bytes)
        try self.init(decoding: &source, payloadCount: bytes.count - SnapshotChecksum.trailerSize, key: key)
        if let problem = SnapshotChecksum.check(bytes) { throw .corrupt(problem) }
    }

    private func encode(into w: inout SnapshotWriter) {
        w.column(people.ids)
        for column in people.singleColumns {
            w.column(column.values)
            w.fixedArray(column.codes)
        }
        for column in people.listColumns {
            w.column(column.values)
            w.fixedArray(column.offsets)
            w.fixedArray(column.codes)
        }
        w.integer(graph.nodeCount)
        w.fixedArray(ties.endpoints)
        w.array(graph.offsets)
        w.fixedArray(graph.neighbors)
        w.fixedArray(graph.incidentEdges)
        w.fixedArray(ties.kindCodes)
        w.fixedArray(ties.sinceOrdinals)
        w.fixedArray(ties.originCodes)
        w.integer(organizations.count)
        for o in organizations {
            w.string(o.key)
            w.string(o.name)
            w.integer(o.aliases.count)
            for alias in o.aliases { w.string(alias) }
            w.optionalString(o.sector)
        }
        w.array(organizationIndex)
        w.integer(interactions.count)
        for i in interactions {
            w.integer(Int(i.date.ordinal))
            w.string(i.personID)
            w.string(i.withID)
            w.code(i.kind)
            w.integer(i.isOneOnOne ? 1 : 0)
            w.optionalInteger(i.minutes)
            w.optionalInteger(i.rapport)
            w.optionalCode(i.initiatedBy)
            w.string(i.notes)
            // `sourceKey` is not stored: it only dedupes imports, which read the workspace, and
            // `NetworkBuilder` drops it, so a snapshot read back equals the one built.
            w.code(i.source)
            w.optionalInteger(i.words)
        }
        w.array(interactionIndex.edges)
        w.array(interactionIndex.starts)
        w.integer(introductions.count)
        for i in introductions {
            w.optionalInteger(i.date.map { Int($0.ordinal) })
            w.string(i.introducerID)
            w.string(i.personID)
            w.string(i.toID)
            w.code(i.status)
        }
    }

    private static func decode(from r: inout SnapshotReader) throws(SnapshotFileError) -> NetworkSnapshot {
        let ids = try r.column()
        var single: [InternedColumn] = []
        for _ in 0..<PersonTable.singleColumnCount {
            var column = InternedColumn()
            column.values = try r.column()
            column.codes = try r.fixedArray()
            single.append(column)
        }
        var lists: [InternedListColumn] = []
        for _ in 0..<PersonTable.listColumnCount {
            var column = InternedListColumn()
            column.values = try r.column()
            column.offsets = try r.fixedArray()
            column.codes = try r.fixedArray()
            lists.append(column)
        }
        guard let people = PersonTable(ids: ids, single: single, lists: lists), people.isWellFormed() else {
            throw .corrupt("people columns")
        }
        // Hash the ids on the other core while this one reads the rest.
        let idIndex = WorkerPool.shared.async { NetworkSnapshot.idIndex(of: people) }
        // The jobs read the source's bytes (mapped, the ids lent): none may outlive the decoding,
        // also when it stops at damage further on.
        defer { _ = idIndex.value() }

        let nodeCount = try r.integer()
        let endpoints: FixedArray<Int32> = try r.fixedArray()
        let offsets: [Int] = try r.array()
        let neighbors: FixedArray<Int32> = try r.fixedArray(), incident: FixedArray<Int32> = try r.fixedArray()
        guard nodeCount == people.count, endpoints.count % 2 == 0,
            let graph = Graph(
                nodeCount: nodeCount, edgeCount: endpoints.count / 2, offsets: offsets, neighbors: neighbors,
                incidentEdges: incident, checkingIndices: false)
        else { throw .corrupt("graph") }
        let ties = TieTable(
            ids: people.ids, endpoints: endpoints, kindCodes: try r.fixedArray(), sinceOrdinals: try r.fixedArray(),
            originCodes: try r.fixedArray())
        guard ties.count == graph.edgeCount, ties.isWellFormed(checkingEndpoints: false) else { throw .corrupt("ties") }
        // The range checks of the graph's 30 million indices run on the other core while this one
        // reads the rest; nothing reads through them before they pass (below).
        let indicesInRange = WorkerPool.shared.async { graph.indicesAreInRange() && ties.endpointsAreInRange() }
        defer { _ = indicesInRange.value() }

        var organizations: [Organization] = []
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            var o = Organization(key: key, name: try r.string())
            for _ in 0..<(try r.count()) { o.aliases.append(try r.string()) }
            o.sector = try r.optionalString()
            organizations.append(o)
        }
        let organizationIndex: [Int32] = try r.array()
        guard organizationIndex.count == nodeCount,
            areCodes(organizationIndex, in: -1, Int32(organizations.count))
        else { throw .corrupt("organizations") }

        var interactions: [Interaction] = []
        for _ in 0..<(try r.count()) {
            guard let ordinal = Int32(exactly: try r.integer()) else { throw .corrupt("interaction date") }
            interactions.append(
                Interaction(
                    date: Day(ordinal: ordinal), personID: try r.string(), withID: try r.string(), kind: try r.code(),
                    isOneOnOne: try r.integer() != 0, minutes: try r.optionalInteger(),
                    rapport: try r.optionalInteger(),
                    initiatedBy: try r.optionalCode(), notes: try r.string(), source: try r.code(),
                    words: try r.optionalInteger()))
        }
        guard
            let interactionIndex = InteractionIndex(
                edges: try r.array(), starts: try r.array(), edgeCount: graph.edgeCount,
                interactionCount: interactions.count)
        else { throw .corrupt("interaction index") }

        var introductions: [Introduction] = []
        for _ in 0..<(try r.count()) {
            let date = try r.optionalInteger().map { ordinal throws(SnapshotFileError) -> Day in
                guard let o = Int32(exactly: ordinal) else { throw .corrupt("introduction date") }
                return Day(ordinal: o)
            }
            introductions.append(
                Introduction(
                    date: date, introducerID: try r.string(), personID: try r.string(), toID: try r.string(),
                    status: try r.code()))
        }
        let idTable = idIndex.value()
        guard indicesInRange.value() else { throw .corrupt("graph") }
        // Checked: analysis reads them again only in part (a suggestion's search, a third of them).
        r.release(graph.neighbors)
        r.release(graph.incidentEdges)
        r.release(endpoints)
        do {
            return try NetworkSnapshot(
                people: people, graph: graph, ties: ties, organizations: organizations,
                organizationIndex: organizationIndex, interactions: interactions,
                interactionIndex: interactionIndex, introductions: introductions, idIndex: idTable)
        } catch {
            throw .corrupt(error.description)
        }
    }
}
