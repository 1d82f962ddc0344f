import CMalloc
import Testing

/// `rapport` fixes glibc's mmap threshold at start (`RapportCommand.main`), so that freed large
/// blocks go back to the system (the 1M import's peak: 2.99 → 2.73 GB). A C library without the
/// setting answers 0; glibc must answer 1, or the call silently does nothing.
@Suite struct AllocatorSettingTests {
    @Test(.enabled(if: Self.isGlibc, "not glibc"))
    func glibcTakesTheFixedThreshold() {
        #expect(rapport_fix_mmap_threshold(128 << 10) == 1)
    }

    #if canImport(Glibc)
        static let isGlibc = true
    #else
        static let isGlibc = false
    #endif
}
