#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Rapport

/// The snapshot cache as a file beside the workspace (`rapport.db-snapshot`): the bytes of
/// `NetworkSnapshot.encode(key:into:)`, written atomically as a new 0600 file, and read back with
/// their CRC-32C trailer checked on the `WorkerPool` while the main thread decodes.
extension NetworkSnapshot {
    /// Writes the snapshot to `path` atomically (a temporary file renamed over it), readable and
    /// writable by the owner only.
    /// - Throws: `SnapshotFileError.io` when the file cannot be written; `path` is then untouched.
    /// - Complexity: O(size of the snapshot).
    public func write(toFile path: String, key: String) throws(SnapshotFileError) {
        let file = try writeUnpublished(toFile: path, key: key)
        guard file.publish() else {
            throw .io("cannot rename \(file.temporary) to \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes the snapshot beside `path` under a temporary name, for `publish()` to rename into
    /// place later (a write drafts the file while its transaction runs, and publishes it only once
    /// that has committed) or `discard()` to remove.
    /// - Throws: `SnapshotFileError.io` when the file cannot be written; nothing is left then.
    func writeUnpublished(toFile path: String, key: String) throws(SnapshotFileError) -> UnpublishedSnapshotFile {
        let temporary = path + ".tmp-\(getpid())"
        // A new file of our own (O_EXCL: never through a link someone left there); a leftover from
        // a crashed run with the same process id goes first, and those of other runs that are gone.
        // No fsync: a cache lost to a crash is rebuilt, and a torn file is caught as damaged.
        unlink(temporary)
        SnapshotFile.removeLeftovers(of: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var sink = FileSink(fd: fd, path: temporary)
        do throws(SnapshotFileError) {
            try encode(key: key, into: &sink)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        return UnpublishedSnapshotFile(temporary: temporary, path: path)
    }

    /// The key a snapshot file at `path` was written for, read from its header alone (nil: no
    /// file, not a snapshot of this format, or unreadable). Enough to know that a file still stands
    /// for a workspace whose content did not change; loading it checks everything.
    public static func fileKey(atPath path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) > SnapshotChecksum.trailerSize else { return nil }
        var source = FileSource(fd: fd, path: path)
        return try? NetworkSnapshot.headerKey(&source, payloadCount: Int(info.st_size) - SnapshotChecksum.trailerSize)
    }

    /// Reads a snapshot written by `write(toFile:key:)` with the same `key`.
    /// - Throws: `.missing` (no file), `.stale` (another key or format version), `.corrupt` (the file
    ///   is damaged or truncated), `.io`.
    /// - Complexity: O(size of the file); the checksum pass runs on a pool thread meanwhile.
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
        // The file mapped whole: the decoder takes its fields in place and lends the graph's arrays
        // from it (`FixedArray`), the checker sums it without a copy. Read as before if it cannot be.
        let mapping = MappedSnapshotFile(fd: fd, size: size)
        let verdict = WorkerPool.shared.async {
            if let mapping { SnapshotFile.check(mapping.region.bytes) } else { SnapshotFile.check(fd: fd, size: size) }
        }
        // Wait for the checker on every path out, so `fd` stays open while it reads.
        var checked: String?? = nil
        defer { if checked == nil { _ = verdict.value() } }
        var source = FileSource(fd: fd, path: path, region: mapping?.region)
        self = try NetworkSnapshot(decoding: &source, payloadCount: size - SnapshotChecksum.trailerSize, key: key)
        checked = verdict.value()
        if let problem = checked ?? nil { throw .corrupt(problem) }
        if let mapping { MappedSnapshotFile.release(mapping.region.bytes) }
    }
}

/// A snapshot file written under a temporary name beside the path it is for.
struct UnpublishedSnapshotFile: Sendable {
    let temporary: String
    let path: String

    /// Renames the file over `path`; false (and the temporary file removed) when that fails.
    func publish() -> Bool {
        guard rename(temporary, path) == 0 else {
            let saved = errno
            unlink(temporary)
            errno = saved
            return false
        }
        return true
    }

    func discard() { unlink(temporary) }
}

/// The file side of the snapshot cache: descriptors in, checksum passes over them.
enum SnapshotFile {
    /// Removes the temporary files (`path.tmp-PID`) that processes killed while writing a snapshot
    /// of `path` left behind: a million-person snapshot is half a gigabyte. A file whose process
    /// still runs (or whose number another process took since) stays.
    static func removeLeftovers(of path: String) {
        let file = URL(fileURLWithPath: path)
        let directory = file.deletingLastPathComponent()
        let prefix = file.lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(directory.appendingPathComponent(name).path) }
        }
    }

    /// Checks the file open at `fd` (`size` bytes) against its trailer: `nil` when intact, else
    /// what is wrong. Reads with `pread(2)` (from the page cache), so it runs beside the decoding.
    /// - Complexity: O(size), in 1 MiB reads.
    static func check(fd: Int32, size: Int) -> String? {
        let trailerSize = SnapshotChecksum.trailerSize
        guard size >= trailerSize else { return "no checksum" }
        let payload = size - trailerSize
        var tail = [UInt8](repeating: 0, count: trailerSize)
        guard readFully(fd, at: payload, into: &tail, count: trailerSize) else { return "unreadable" }
        guard let stored = tail.withUnsafeBytes({ SnapshotChecksum.storedCRC($0) }) else { return "no checksum" }
        var crc = CRC32C()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while offset < payload {
            let n = min(chunk.count, payload - offset)
            guard readFully(fd, at: offset, into: &chunk, count: n) else { return "unreadable" }
            chunk.withUnsafeBytes { crc.update(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
            offset += n
        }
        return crc.value == stored ? nil : "checksum mismatch"
    }

    /// Checks the snapshot bytes in `file` (trailer included) against their trailer: `nil` when
    /// intact, else what is wrong. The pages of a mapped file are released as they are summed, so
    /// the check does not hold the whole file in memory beside what the decoder copies out of it.
    /// - Complexity: O(bytes), in one pass of the processor's CRC-32C instruction where it has one.
    static func check(_ file: UnsafeRawBufferPointer) -> String? {
        let trailerSize = SnapshotChecksum.trailerSize
        guard file.count >= trailerSize else { return "no checksum" }
        let payload = file.count - trailerSize
        guard let stored = SnapshotChecksum.storedCRC(UnsafeRawBufferPointer(rebasing: file[payload...])) else {
            return "no checksum"
        }
        var crc = CRC32C()
        let window = 1 << 22
        var offset = 0
        while offset < payload {
            let n = min(window, payload - offset)
            let part = UnsafeRawBufferPointer(rebasing: file[offset..<(offset + n)])
            crc.update(part)
            MappedSnapshotFile.release(part)
            offset += n
        }
        return crc.value == stored ? nil : "checksum mismatch"
    }

    /// `pread(2)` of `count` bytes at `offset` into the start of `buffer`; false on error or end of file.
    private static func readFully(_ fd: Int32, at offset: Int, into buffer: inout [UInt8], count: Int) -> Bool {
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return pread(fd, base + done, count - done, off_t(offset + done))
            }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}

/// `write(2)` of a snapshot's bytes, retried on EINTR.
private struct FileSink: SnapshotSink {
    let fd: Int32
    let path: String

    mutating func write(_ raw: UnsafeRawBufferPointer) throws(SnapshotFileError) {
        guard var base = raw.baseAddress else { return }
        var left = raw.count
        while left > 0 {
            let n = systemWrite(fd, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            base += n
            left -= n
        }
    }
}

/// A snapshot file mapped read-only into memory, unmapped when the last array borrowing from it
/// is gone.
///
/// Snapshots are published by renaming a new file over the old one and never written in place, so
/// the mapped bytes do not change under a reader. The checker and the decoder fault its pages in
/// from the page cache as they read them: no copy, no fresh memory to zero.
final class MappedSnapshotFile: @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    private let size: Int

    /// Maps the `size` bytes of the file open at `fd`, or nil when it cannot be mapped.
    init?(fd: Int32, size: Int) {
        guard size > 0, let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return nil
        }
        self.base = base
        self.size = size
    }

    /// The mapped bytes, owned by this mapping.
    var region: SnapshotRegion {
        SnapshotRegion(bytes: UnsafeRawBufferPointer(start: base, count: size), owner: self, release: Self.release)
    }

    /// Drops the resident pages of `bytes`, a part of a mapping: memory, not content. The file is
    /// mapped private and never written through, so a later read faults the same bytes back in from
    /// the page cache. The checker releases what it has summed, the decoder what it has copied out
    /// and the arrays it has checked, so that what stays resident is what analysis reads again.
    /// Only whole pages inside `bytes` are released: a page shared with a neighbour stays.
    @Sendable static func release(_ bytes: UnsafeRawBufferPointer) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let base = bytes.baseAddress else { return }
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + bytes.count) / page * page
        guard end > start, let first = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(first, end - start, MADV_DONTNEED)
    }

    deinit { munmap(base, size) }
}

/// `read(2)` of a snapshot's bytes, in order, or the bytes of its mapping (`region`).
private struct FileSource: SnapshotSource {
    let fd: Int32
    let path: String
    var region: SnapshotRegion? = nil

    mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(SnapshotFileError) {
        guard let base = destination.baseAddress else { return }
        Self.prefault(destination)
        var done = 0
        while done < destination.count {
            let n = systemRead(fd, base + done, destination.count - done)
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw .io("cannot read \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { throw .corrupt("truncated") }
            done += n
        }
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
}

/// `write(2)` and `read(2)`, named apart from the protocols' methods.
private func systemWrite(_ fd: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int { write(fd, base, count) }
private func systemRead(_ fd: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, base, count) }
