/// The attributes of a snapshot's ties by column, indexed like the edges of its `Graph`.
///
/// Ten million `Tie` values would hold twenty million id strings; the table holds one byte of kind,
/// one of origin and four of date per tie, and makes a `Tie` only when one is asked for.
public struct TieTable: RandomAccessCollection, Sendable, Equatable {
    /// The people's ids, shared with the snapshot's `PersonTable` (copy on write: not copied).
    let ids: StringColumn
    /// Two entries per tie, the edge list of the snapshot's `Graph`: tie `e` joins
    /// `endpoints[2e]` and `endpoints[2e + 1]`, in the order they were declared.
    public let endpoints: FixedArray<Int32>
    /// `TieKind.columnCode` per tie.
    public let kindCodes: FixedArray<UInt8>
    /// `Day.ordinal` of `since` per tie, `Int32.min` when unknown.
    public let sinceOrdinals: FixedArray<Int32>
    /// `TieOrigin.columnCode` per tie.
    public let originCodes: FixedArray<UInt8>

    public var startIndex: Int { 0 }
    public var endIndex: Int { kindCodes.count }

    /// Tie `e`, with its people's ids.
    public subscript(e: Int) -> Tie {
        Tie(
            ids[Int(endpoints[2 * e])], ids[Int(endpoints[2 * e + 1])], kind: kind(e), since: since(e),
            origin: origin(e))
    }

    public func kind(_ e: Int) -> TieKind { TieKind.byColumnCode[Int(kindCodes[e])] }
    public func origin(_ e: Int) -> TieOrigin { TieOrigin.byColumnCode[Int(originCodes[e])] }
    public func since(_ e: Int) -> Day? { TieTable.day(sinceOrdinals[e]) }

    /// The `since` column's encoding: `Int32.min` for an unknown date.
    static func day(_ ordinal: Int32) -> Day? { ordinal == Int32.min ? nil : Day(ordinal: ordinal) }
    static func ordinal(_ day: Day?) -> Int32 { day?.ordinal ?? Int32.min }

    init(
        ids: StringColumn, endpoints: FixedArray<Int32>, kindCodes: FixedArray<UInt8>,
        sinceOrdinals: FixedArray<Int32>, originCodes: FixedArray<UInt8>
    ) {
        self.ids = ids
        self.endpoints = endpoints
        self.kindCodes = kindCodes
        self.sinceOrdinals = sinceOrdinals
        self.originCodes = originCodes
    }

    /// Whether the columns have one entry per tie (two endpoints) and every code is in range; the
    /// endpoints' range too unless `checkingEndpoints` is false (the caller checks them itself,
    /// `endpointsAreInRange`, before anything reads them).
    func isWellFormed(checkingEndpoints: Bool = true) -> Bool {
        let n = kindCodes.count
        return endpoints.count == 2 * n && sinceOrdinals.count == n && originCodes.count == n
            && (!checkingEndpoints || endpointsAreInRange())
            && areByteCodes(kindCodes, below: TieKind.byColumnCode.count)
            && areByteCodes(originCodes, below: TieOrigin.byColumnCode.count)
    }

    /// Whether every endpoint is a person of the table.
    func endpointsAreInRange() -> Bool { areCodes(endpoints, in: 0, Int32(clamping: ids.count)) }

    /// Appends ties by column.
    struct Builder {
        var kindCodes: [UInt8] = []
        var sinceOrdinals: [Int32] = []
        var originCodes: [UInt8] = []

        var count: Int { kindCodes.count }

        mutating func append(_ tie: Tie) {
            kindCodes.append(tie.kind.columnCode)
            sinceOrdinals.append(TieTable.ordinal(tie.since))
            originCodes.append(tie.origin.columnCode)
        }

        /// Merges `tie` into tie `e` the way `Tie.merged(with:)` does.
        mutating func merge(_ tie: Tie, into e: Int) {
            let current = Tie(
                tie.personA, tie.personB, kind: TieKind.byColumnCode[Int(kindCodes[e])],
                since: TieTable.day(sinceOrdinals[e]), origin: TieOrigin.byColumnCode[Int(originCodes[e])])
            let merged = current.merged(with: tie)
            kindCodes[e] = merged.kind.columnCode
            sinceOrdinals[e] = TieTable.ordinal(merged.since)
            originCodes[e] = merged.origin.columnCode
        }
    }
}

extension TieKind {
    /// Every kind in the order of its one-byte code in columns, snapshot files and bulk writes.
    package static let byColumnCode = TieKind.allCases
    package var columnCode: UInt8 { UInt8(TieKind.byColumnCode.firstIndex(of: self)!) }
}

extension TieOrigin {
    /// Every origin in the order of its one-byte code in columns, snapshot files and bulk writes.
    package static let byColumnCode = TieOrigin.allCases
    package var columnCode: UInt8 { UInt8(TieOrigin.byColumnCode.firstIndex(of: self)!) }
}

extension TieKind {
    /// The kind spelled exactly as its raw value (`colleague`, `former_colleague`), read from UTF-8
    /// bytes without making a string: for bulk loaders of millions of rows. Other spellings (`Former
    /// colleague`) are `init(text:)`'s.
    /// - Complexity: O(length): the first byte picks at most three candidates.
    public init?(exactBytes bytes: UnsafeRawBufferPointer) {
        func spells(_ text: StaticString) -> Bool {
            guard text.utf8CodeUnitCount == bytes.count else { return false }
            let p = text.utf8Start
            for i in 0..<bytes.count where p[i] != bytes[i] { return false }
            return true
        }
        guard let first = bytes.first else { return nil }
        switch first {
        case UInt8(ascii: "m") where spells("mentor"): self = .mentor
        case UInt8(ascii: "f") where spells("friend"): self = .friend
        case UInt8(ascii: "f") where spells("former_colleague"): self = .formerColleague
        case UInt8(ascii: "f") where spells("family"): self = .family
        case UInt8(ascii: "c") where spells("colleague"): self = .colleague
        case UInt8(ascii: "c") where spells("classmate"): self = .classmate
        case UInt8(ascii: "a") where spells("acquaintance"): self = .acquaintance
        default: return nil
        }
    }
}
