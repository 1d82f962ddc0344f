/// A monotone min-priority queue for Dijkstra: a radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990,
/// doi:10.1145/77600.77615) keyed by a `UInt64`, with ties between equal keys broken by a second
/// `UInt64`, the *order* word. Every pushed key must be at least the last key popped.
///
/// Entries pop in (key, order) order, exactly as a binary heap on the pair would pop them.
/// Bucket 0 holds the entries whose key equals the last popped key `last`, as a small binary heap on
/// the order word; bucket b > 0 holds those whose highest bit differing from `last` is bit b − 1, as
/// a plain growable buffer. A push appends to one bucket (or sifts into bucket 0); when bucket 0 runs
/// empty, the first non-empty bucket's smallest key becomes `last` and its entries move down: those
/// equal to `last` into bucket 0, the others into lower buckets. An entry only ever moves down, so at
/// most 64 times, and in practice a few.
///
/// Dijkstra's keys are the IEEE-754 bit patterns of non-negative distances, which order exactly as
/// the values; `d + ℓ ≥ d` holds in floating point for ℓ ≥ 0, so keys never fall below `last`.
/// Distances are usually distinct, so bucket 0 usually holds one entry and its heap costs nothing;
/// with ties (equal sums of equal lengths) it orders them by hop count and node.
/// - Complexity: push O(1) (O(log k) into bucket 0 with k equal keys), pop amortized O(64 + log k).
public struct RadixHeap: ~Copyable {
    /// A growable buffer of (key, order) entries.
    @usableFromInline
    struct Bucket {
        @usableFromInline var entries: UnsafeMutablePointer<(key: UInt64, order: UInt64)>
        @usableFromInline var count = 0
        @usableFromInline var capacity: Int

        @inlinable
        init(capacity: Int) {
            entries = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        @inlinable
        mutating func append(_ key: UInt64, _ order: UInt64) {
            if count == capacity { grow() }
            entries[count] = (key, order)
            count &+= 1
        }

        @usableFromInline
        mutating func grow() {
            let bigger = UnsafeMutablePointer<(key: UInt64, order: UInt64)>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: entries, count: count)
            entries.deallocate()
            entries = bigger
            capacity *= 2
        }
    }

    /// Buckets 1…64 (index 0 unused: bucket 0 is `ties`).
    @usableFromInline let buckets: UnsafeMutablePointer<Bucket>
    /// Bucket 0: the order words of the entries whose key is `last`, a binary min-heap.
    @usableFromInline var ties: Bucket
    /// The last key popped: no key below it may be pushed.
    @usableFromInline var last: UInt64 = 0
    @usableFromInline var size = 0

    /// The number of entries.
    @inlinable public var count: Int { size }
    @inlinable public var isEmpty: Bool { size == 0 }

    @inlinable
    public init() {
        buckets = .allocate(capacity: 65)
        for b in 0..<65 { (buckets + b).initialize(to: Bucket(capacity: b == 0 ? 1 : 64)) }
        ties = Bucket(capacity: 64)
    }

    deinit {
        for b in 0..<65 { buckets[b].entries.deallocate() }
        buckets.deallocate()
        ties.entries.deallocate()
    }

    @inline(__always) @usableFromInline
    static func bucket(_ key: UInt64, last: UInt64) -> Int { 64 - (key ^ last).leadingZeroBitCount }

    /// Adds an entry. - Precondition: `key` ≥ the last key popped.
    @inlinable
    public mutating func push(_ key: UInt64, order: UInt64) {
        precondition(key >= last, "RadixHeap keys must not decrease below the last key popped")
        size &+= 1
        if key == last {
            pushTie(order)
        } else {
            buckets[RadixHeap.bucket(key, last: last)].append(key, order)
        }
    }

    /// Removes and returns an entry with the smallest (key, order), or nil when empty.
    @inlinable
    public mutating func popMin() -> (key: UInt64, order: UInt64)? {
        guard size > 0 else { return nil }
        size &-= 1
        if ties.count == 0 { refill() }
        return (last, popTie())
    }

    /// The order word of the entry `popMin` would return next, if its key is at most `bound`; else
    /// `nil`. It may move entries between buckets (the refill `popMin` would do), which makes that
    /// entry's key the new lower bound of pushes: after a non-nil answer the caller must push no key
    /// below `bound` before the next pop (a push on the bound with a smaller order may still pop
    /// first). Dijkstra asks with the distance being settled plus the shortest length, to prefetch
    /// the next node while it relaxes the current one.
    /// - Complexity: amortized as `popMin`.
    @inlinable
    public mutating func nextOrder(ifKeyAtMost bound: UInt64) -> UInt64? {
        if ties.count == 0 {
            guard size > 0 else { return nil }
            let b = firstFilledBucket()
            let smallest = RadixHeap.smallestKey(buckets[b])
            guard smallest <= bound else { return nil }
            refill(bucket: b, smallest: smallest)
        } else if last > bound {
            return nil
        }
        return ties.entries[0].order
    }

    /// The first of buckets 1…64 that holds an entry. - Precondition: one does.
    @inlinable
    func firstFilledBucket() -> Int {
        var b = 1
        while buckets[b].count == 0 { b += 1 }
        return b
    }

    /// The smallest key of a bucket that holds an entry.
    @inlinable
    static func smallestKey(_ bucket: Bucket) -> UInt64 {
        var smallest = bucket.entries[0].key
        for i in 1..<bucket.count where bucket.entries[i].key < smallest { smallest = bucket.entries[i].key }
        return smallest
    }

    /// Makes the smallest key of the first non-empty bucket the new `last` and moves that bucket's
    /// entries down. - Precondition: some bucket holds an entry.
    @usableFromInline
    mutating func refill() {
        let b = firstFilledBucket()
        refill(bucket: b, smallest: RadixHeap.smallestKey(buckets[b]))
    }

    /// Makes `smallest`, the smallest key of bucket `b` (the first non-empty one), the new `last`
    /// and moves that bucket's entries down.
    @usableFromInline
    mutating func refill(bucket b: Int, smallest: UInt64) {
        let full = buckets[b]
        last = smallest
        // Every key of bucket b now differs from `last` below bit b − 1: it moves down.
        buckets[b].count = 0
        for i in 0..<full.count {
            let (key, order) = full.entries[i]
            if key == smallest {
                pushTie(order)
            } else {
                buckets[RadixHeap.bucket(key, last: smallest)].append(key, order)
            }
        }
    }

    @inlinable
    mutating func pushTie(_ order: UInt64) {
        ties.append(0, order)
        let heap = ties.entries
        var i = ties.count - 1
        while i > 0 {
            let parent = (i - 1) >> 1
            guard order < heap[parent].order else { break }
            heap[i] = heap[parent]
            i = parent
        }
        heap[i] = (0, order)
    }

    @inlinable
    mutating func popTie() -> UInt64 {
        let heap = ties.entries
        let top = heap[0].order
        ties.count &-= 1
        let n = ties.count
        guard n > 0 else { return top }
        let moved = heap[n].order
        var i = 0
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n, heap[child + 1].order < heap[child].order { child += 1 }
            guard heap[child].order < moved else { break }
            heap[i] = heap[child]
            i = child
        }
        heap[i] = (0, moved)
        return top
    }
}
