#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only memory map of a whole file, so a 1 GB mailbox or a 360 MB ties file is read in place
/// and never copied.
///
/// The map is private and read-only; pages come from the page cache as the scan reaches them
/// (`MADV_SEQUENTIAL` lets the kernel read ahead and drop behind). A file truncated by another
/// process while mapped can raise SIGBUS; exports are not written while being imported.
///
/// Sendable: the bytes never change, `release(_:)` only advises the kernel, and `release(upTo:)`
/// (whose cursor is the one mutable state) belongs to a single sequential reader.
public final class MappedFile: @unchecked Sendable {
    public let count: Int
    private let base: UnsafeMutableRawPointer?
    /// Bytes before this offset have been handed back to the kernel (`release(upTo:)`).
    private var released = 0
    /// `release(upTo:)` acts once this much more has been read (32 MiB).
    static let releaseStep = 32 << 20
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps `path`.
    /// - Throws: `ImportError` `.unreadableFile` at 1:1 when it is missing, not a regular file, or
    ///   cannot be mapped.
    /// - Complexity: O(1); pages are faulted in by the reader.
    public init(path: String) throws(ImportError) {
        let failure = ImportError(.unreadableFile, at: SourceLocation(path: path, line: 1, column: 1))
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw failure }
        count = Int(info.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else { throw failure }
        _ = madvise(mapped, count, MADV_SEQUENTIAL)
        base = mapped
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// Drops the pages before `offset` from this process's resident set once the reader is past
    /// them (`MADV_DONTNEED` on a read-only private map: the page cache keeps them, a later read
    /// faults them back), so reading a 1 GB mailbox does not hold 1 GB resident.
    /// - Complexity: O(1) amortized; acts every `releaseStep` bytes.
    func release(upTo offset: Int) {
        guard offset - released >= Self.releaseStep else { return }
        release(released..<offset)
        released = max(released, offset / Self.pageSize * Self.pageSize)
    }

    /// Drops the whole pages inside `range` (byte offsets) from this process's resident set, as
    /// `release(upTo:)` does, for readers that each read a part of the file (a ties file read in two
    /// halves on two threads): a page given back is read again from the page cache if touched.
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let page = Self.pageSize
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, count) / page * page
        guard start < end else { return }
        _ = madvise(base + start, end - start, MADV_DONTNEED)
    }

    /// Calls `body` with the file's bytes (an empty buffer for an empty file).
    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: base.map { UnsafeRawPointer($0) }, count: base == nil ? 0 : count))
    }
}
