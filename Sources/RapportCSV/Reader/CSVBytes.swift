/// The bytes a `CSVReader` reads: an array, or a mapped file from some offset on (past a BOM).
struct CSVBytes: Sendable {
    private let array: [UInt8]
    private let file: MappedFile?
    /// Where the bytes start in the mapped file.
    private let offset: Int

    init(_ array: [UInt8]) { (self.array, file, offset) = (array, nil, 0) }

    init(_ file: MappedFile, from offset: Int) { (array, self.file, self.offset) = ([], file, offset) }

    var count: Int { file.map { $0.count - offset } ?? array.count }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let file else { return try array.withUnsafeBufferPointer(body) }
        return try file.withBytes { raw in try body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[offset...])) }
    }

    /// Gives back the pages of `range` (offsets into these bytes) when they are a mapped file's.
    func release(_ range: Range<Int>) {
        file?.release((range.lowerBound + offset)..<(range.upperBound + offset))
    }
}
