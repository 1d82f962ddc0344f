#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A snapshot saved as one binary file, so a command can skip reading and rebuilding a large
/// network: a million people and ten million ties come back in a fraction of a second, where
/// reading them from SQLite and building the snapshot takes many seconds.
///
/// The file is a cache, local to the machine that wrote it: its columns are written as they lie in
/// memory (little-endian, this build's layout), after a header with a magic number, a format
/// version and a caller-chosen `key` (Rapport's command line uses the workspace's identity and write
/// generation), and a CRC-32C trailer over all of it (`SnapshotChecksum`). Reading checks the
/// checksum and every offset, code and node index before use, so a truncated or damaged file is
/// reported as `.corrupt`, never trusted; the caller then rebuilds from the source.
extension NetworkSnapshot {
    /// The format of the file; bump it whenever what is written changes.
    /// 2: people's `pastOrganizations`, interactions' `source` and `words` (issue 13). A file of
    /// version 1 is `.stale` and rebuilt.
    static let fileFormatVersion: UInt32 = 2
    private static let fileMagic: UInt64 = 0x3150_414E_5350_4152  // "RAPSNAP1", little-endian

    /// Writes the snapshot to `path` atomically (a temporary file renamed over it), readable and
    /// writable by the owner only.
    /// - Throws: `SnapshotFileError.io` when the file cannot be written; `path` is then untouched.
    public func write(toFile path: String, key: String) throws(SnapshotFileError) {
        let temporary = path + ".tmp-\(getpid())"
        // A new file of our own (O_EXCL: never through a link someone left there); a leftover from
        // a crashed run with the same process id goes first. No fsync: a cache lost to a crash is
        // rebuilt, and a torn file is caught as damaged.
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var writer = SnapshotWriter(fd: fd)
        writer.integer(Int(bitPattern: UInt(NetworkSnapshot.fileMagic)))
        writer.integer(Int(NetworkSnapshot.fileFormatVersion))
        writer.string(key)
        encode(into: &writer)
        let failure = writer.finishWithChecksum()
        close(fd)
        if let failure {
            unlink(temporary)
            throw .io("cannot write \(temporary): \(failure)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .io("cannot rename \(temporary) to \(path): \(reason)")
        }
    }

    /// Reads a snapshot written by `write(toFile:key:)` with the same `key`.
    /// - Throws: `.missing` (no file), `.stale` (another key or format version), `.corrupt` (the file
    ///   is damaged or truncated), `.io`.
    public init(contentsOfFile path: String, key: String) throws(SnapshotFileError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw .missing }
            throw .io("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("cannot read \(path): \(String(cString: strerror(errno)))") }
        let size = Int(info.st_size)
        guard size > SnapshotChecksum.trailerSize else { throw .corrupt("empty file") }
        let verdict = SnapshotChecksum.verify(fd: fd, size: size)
        // Wait for the checker on every path out, so `fd` stays open while it reads.
        var checked: String?? = nil
        defer { if checked == nil { _ = verdict.value() } }
        var reader = SnapshotReader(fd: fd, size: size - SnapshotChecksum.trailerSize, path: path)
        guard try reader.integer() == Int(bitPattern: UInt(NetworkSnapshot.fileMagic)) else { throw .corrupt("not a snapshot file") }
        guard try reader.integer() == Int(NetworkSnapshot.fileFormatVersion), try reader.string() == key else { throw .stale }
        self = try NetworkSnapshot.decode(from: &reader)
        guard reader.isAtEnd else { throw .corrupt("trailing bytes") }
        checked = verdict.value()
        if let problem = checked ?? nil { throw .corrupt(problem) }
    }

    private func encode(into w: inout SnapshotWriter) {
        w.column(people.ids)
        for column in people.singleColumns {
            w.column(column.values)
            w.array(column.codes)
        }
        for column in people.listColumns {
            w.column(column.values)
            w.array(column.offsets)
            w.array(column.codes)
        }
        w.integer(graph.nodeCount)
        w.array(graph.endpoints)
        w.array(graph.offsets)
        w.array(graph.neighbors)
        w.array(graph.incidentEdges)
        w.array(ties.kindCodes)
        w.array(ties.sinceOrdinals)
        w.array(ties.originCodes)
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
        w.array(interactionOffsets)
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
            column.codes = try r.array()
            single.append(column)
        }
        var lists: [InternedListColumn] = []
        for _ in 0..<PersonTable.listColumnCount {
            var column = InternedListColumn()
            column.values = try r.column()
            column.offsets = try r.array()
            column.codes = try r.array()
            lists.append(column)
        }
        guard let people = PersonTable(ids: ids, single: single, lists: lists), people.isWellFormed() else {
            throw .corrupt("people columns")
        }
        // Hash the ids on the other core while this one reads the rest.
        let idIndex = Background { NetworkSnapshot.idIndex(of: people) }

        let nodeCount = try r.integer()
        let endpoints: [Int32] = try r.array()
        let offsets: [Int] = try r.array(), neighbors: [Int32] = try r.array(), incident: [Int32] = try r.array()
        guard nodeCount == people.count,
            let graph = Graph(nodeCount: nodeCount, endpoints: endpoints, offsets: offsets, neighbors: neighbors, incidentEdges: incident)
        else { throw .corrupt("graph") }
        let ties = TieTable(
            ids: people.ids, endpoints: endpoints, kindCodes: try r.array(), sinceOrdinals: try r.array(),
            originCodes: try r.array())
        guard ties.count == graph.edgeCount, ties.isWellFormed() else { throw .corrupt("ties") }

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
            organizationIndex.allSatisfy({ $0 >= -1 && $0 < Int32(organizations.count) })
        else { throw .corrupt("organizations") }

        var interactions: [Interaction] = []
        for _ in 0..<(try r.count()) {
            guard let ordinal = Int32(exactly: try r.integer()) else { throw .corrupt("interaction date") }
            interactions.append(
                Interaction(
                    date: Day(ordinal: ordinal), personID: try r.string(), withID: try r.string(), kind: try r.code(),
                    isOneOnOne: try r.integer() != 0, minutes: try r.optionalInteger(), rapport: try r.optionalInteger(),
                    initiatedBy: try r.optionalCode(), notes: try r.string(), source: try r.code(),
                    words: try r.optionalInteger()))
        }
        let interactionOffsets: [Int] = try r.array()
        guard interactionOffsets.count == graph.edgeCount + 1, areOffsets(interactionOffsets, from0To: interactions.count)
        else { throw .corrupt("interaction offsets") }

        var introductions: [Introduction] = []
        for _ in 0..<(try r.count()) {
            let date = try r.optionalInteger().map { ordinal throws(SnapshotFileError) -> Day in
                guard let o = Int32(exactly: ordinal) else { throw .corrupt("introduction date") }
                return Day(ordinal: o)
            }
            introductions.append(
                Introduction(date: date, introducerID: try r.string(), personID: try r.string(), toID: try r.string(), status: try r.code()))
        }
        let idTable = idIndex.value()
        do {
            return try NetworkSnapshot(
                people: people, graph: graph, ties: ties, organizations: organizations,
                organizationIndex: organizationIndex, interactions: interactions,
                interactionOffsets: interactionOffsets, introductions: introductions, idIndex: idTable)
        } catch {
            throw .corrupt(error.description)
        }
    }
}

/// Why a snapshot file could not be used.
public enum SnapshotFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is no file.
    case missing
    /// The file was written for other data (another key) or by another format version.
    case stale
    /// The file is damaged or truncated.
    case corrupt(String)
    case io(String)

    public var description: String {
        switch self {
        case .missing: return "no snapshot file"
        case .stale: return "the snapshot file is out of date"
        case .corrupt(let what): return "the snapshot file is damaged (\(what))"
        case .io(let message): return message
        }
    }
}

/// Buffered writes of a snapshot file's fields.
struct SnapshotWriter {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var failure: String?
    /// Of every byte written so far: the trailer's checksum.
    private(set) var crc = CRC32C()

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 20)
    }

    mutating func integer(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes($0) } }

    mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        integer(values.count)
        values.withUnsafeBytes { bytes($0) }
    }

    mutating func column(_ column: StringColumn) {
        array(column.bytes)
        array(column.starts)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(utf8.count)
            bytes(UnsafeRawBufferPointer(utf8))
        }
    }

    mutating func optionalString(_ value: String?) {
        integer(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func optionalInteger(_ value: Int?) {
        integer(value == nil ? 0 : 1)
        if let value { integer(value) }
    }

    mutating func code<T: CaseIterable & Equatable>(_ value: T) {
        integer(T.allCases.firstIndex(of: value).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) } ?? -1)
    }

    mutating func optionalCode<T: CaseIterable & Equatable>(_ value: T?) {
        integer(value == nil ? 0 : 1)
        if let value { code(value) }
    }

    private mutating func bytes(_ raw: UnsafeRawBufferPointer) {
        if buffer.count + raw.count > 1 << 20 { flush() }
        if raw.count >= 1 << 20 {
            write(raw)
        } else {
            buffer.append(contentsOf: raw)
        }
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ raw: UnsafeRawBufferPointer) {
        guard failure == nil, var base = raw.baseAddress else { return }
        crc.update(raw)
        var left = raw.count
        while left > 0 {
            let n = systemWrite(fd, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            base += n
            left -= n
        }
    }

    /// Flushes what is buffered, then appends the checksum trailer of everything written.
    /// The first error met, if any.
    mutating func finishWithChecksum() -> String? {
        flush()
        let trailer = SnapshotChecksum.trailer(crc: crc.value)
        trailer.withUnsafeBytes { write($0) }
        return failure
    }
}

/// Bounds-checked reads of a snapshot file's fields, in order.
///
/// Arrays are read straight into their own storage with `read(2)`: no second copy of the file in
/// memory (mapping it would count every page twice at the peak) and one pass over the bytes.
private struct SnapshotReader {
    private let fd: Int32
    private let path: String
    /// Bytes of the file not yet consumed, buffered or not.
    private var remaining: Int
    private var buffer: [UInt8] = []
    private var bufferStart = 0

    init(fd: Int32, size: Int, path: String) {
        self.fd = fd
        self.remaining = size
        self.path = path
    }

    var isAtEnd: Bool { remaining == 0 }

    private var buffered: Int { buffer.count - bufferStart }

    /// Makes at least `n` bytes available in the buffer (`n` ≤ `remaining`).
    private mutating func fill(_ n: Int) throws(SnapshotFileError) {
        guard buffered < n else { return }
        if bufferStart > 0 {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
        let want = min(remaining, Swift.max(n, 1 << 16)) - buffer.count
        guard want > 0 else { return }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: want))
        var failure: SnapshotFileError?
        let (fd, path) = (self.fd, self.path)
        buffer.withUnsafeMutableBytes { raw in
            do throws(SnapshotFileError) {
                try Self.readFully(fd, path, into: UnsafeMutableRawBufferPointer(rebasing: raw[old...]))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// `read(2)` until `destination` is full.
    private static func readFully(_ fd: Int32, _ path: String, into destination: UnsafeMutableRawBufferPointer) throws(SnapshotFileError) {
        var done = 0
        while done < destination.count {
            let n = read(fd, destination.baseAddress! + done, destination.count - done)
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw .io("cannot read \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { throw .corrupt("truncated") }
            done += n
        }
    }

    /// Consumes `n` bytes (`n` ≤ `remaining`): from the buffer first, the rest straight from the file.
    private mutating func take(_ n: Int, into destination: UnsafeMutableRawBufferPointer) throws(SnapshotFileError) {
        let fromBuffer = Swift.min(n, buffered)
        if fromBuffer > 0 {
            buffer.withUnsafeBytes { raw in
                destination.baseAddress!.copyMemory(from: raw.baseAddress! + bufferStart, byteCount: fromBuffer)
            }
            bufferStart += fromBuffer
        }
        if n > fromBuffer { try Self.readFully(fd, path, into: UnsafeMutableRawBufferPointer(rebasing: destination[fromBuffer..<n])) }
        remaining -= n
    }

    mutating func integer() throws(SnapshotFileError) -> Int {
        guard remaining >= 8 else { throw .corrupt("truncated") }
        try fill(8)
        let value = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: bufferStart, as: Int64.self) }
        bufferStart += 8
        remaining -= 8
        return Int(Int64(littleEndian: value))
    }

    /// A count: an integer that cannot exceed the bytes left (each counted item takes at least one).
    mutating func count() throws(SnapshotFileError) -> Int {
        let n = try integer()
        guard n >= 0, n <= remaining else { throw .corrupt("bad count") }
        return n
    }

    mutating func array<T: BitwiseCopyable>(_: T.Type = T.self) throws(SnapshotFileError) -> [T] {
        let n = try integer()
        let stride = MemoryLayout<T>.stride
        guard n >= 0, n <= remaining / stride else { throw .corrupt("truncated array") }
        var failure: SnapshotFileError?
        let result = [T](unsafeUninitializedCapacity: n) { storage, initialized in
            do throws(SnapshotFileError) {
                SnapshotReader.prefault(UnsafeMutableRawBufferPointer(storage))
                try take(n * stride, into: UnsafeMutableRawBufferPointer(storage))
                initialized = n
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return result
    }

    /// Asks Linux to map every page of a large fresh array in one call (`MADV_POPULATE_WRITE`,
    /// Linux 5.14) before `read(2)` fills it: hundreds of megabytes otherwise take a page fault per
    /// 4 KiB page. Measured at a million people: loading 0.30–0.44 s → 0.28 s, steadily. (Huge pages
    /// through `MADV_HUGEPAGE` were faster when free huge pages existed and stalled for a second in
    /// compaction when not.) Only advice: older kernels refuse it and the faults happen as before.
    private static func prefault(_ storage: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let page = 4096, populateWrite: Int32 = 23  // MADV_POPULATE_WRITE
        guard storage.count >= 64 * page, let base = storage.baseAddress else { return }
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + storage.count) & ~(page - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, populateWrite) }
        #endif
    }

    mutating func column() throws(SnapshotFileError) -> StringColumn {
        StringColumn(bytes: try array(), starts: try array())
    }

    mutating func string() throws(SnapshotFileError) -> String {
        let bytes: [UInt8] = try array()
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func optionalString() throws(SnapshotFileError) -> String? {
        try integer() == 0 ? nil : try string()
    }

    mutating func optionalInteger() throws(SnapshotFileError) -> Int? {
        try integer() == 0 ? nil : try integer()
    }

    mutating func code<T: CaseIterable>() throws(SnapshotFileError) -> T {
        let n = try integer()
        guard n >= 0, n < T.allCases.count else { throw .corrupt("unknown value") }
        return T.allCases[T.allCases.index(T.allCases.startIndex, offsetBy: n)]
    }

    mutating func optionalCode<T: CaseIterable>() throws(SnapshotFileError) -> T? {
        try integer() == 0 ? nil : try code() as T
    }
}

/// `write(2)`, named apart from `SnapshotWriter.write(_:)`.
private func systemWrite(_ fd: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, base, count)
}
