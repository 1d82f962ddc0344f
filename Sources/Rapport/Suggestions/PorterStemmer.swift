/// The Porter stemming algorithm for English (M. F. Porter, "An algorithm for suffix stripping",
/// *Program* 14(3), 1980, doi:10.1108/eb046814), as in Porter's reference C implementation, so that
/// "engineer", "engineers" and "engineering" all read "engin" and "patents" reads "patent".
///
/// A word is a sequence of consonant runs C and vowel runs V, `[C](VC)^m[V]`; `m` is its measure.
/// Five steps strip suffixes, each only while the remaining stem is long enough (a condition on
/// `m`): plurals and -ed/-ing (1a, 1b), y → i (1c), double suffixes such as -ization → -ize (2),
/// -ic-/-ful/-ness (3), single suffixes such as -ment, -er, -ion when m > 1 (4), and a final -e or a
/// double l (5). Words of two letters or fewer, and words with a letter outside a–z, are returned
/// unchanged (the goal matcher folds case and diacritics before).
///
/// Checked against NLTK's `PorterStemmer(mode=ORIGINAL_ALGORITHM)` in `PorterStemmerTests`.
enum PorterStemmer {
    /// The stem of a lowercase word.
    /// - Complexity: O(length²) in the worst case, O(length) in practice.
    static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = Word(b: bytes)
        w.step1ab()
        if w.k > 0 {
            w.step1c()
            w.step2()
            w.step3()
            w.step4()
            w.step5()
        }
        return String(decoding: w.b[0...w.k], as: UTF8.self)
    }

    /// The word being stemmed: `b[0...k]` is the current word, `j` the end of the stem before a
    /// suffix matched by `ends`.
    private struct Word {
        var b: [UInt8]
        var k: Int
        var j = 0

        init(b: [UInt8]) {
            self.b = b
            k = b.count - 1
        }

        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
            case UInt8(ascii: "y"): return i == 0 ? true : !isConsonant(i - 1)
            default: return true
            }
        }

        /// The measure m of `b[0...j]`.
        func measure() -> Int {
            var n = 0
            var i = 0
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
            while true {
                while true {
                    if i > j { return n }
                    if isConsonant(i) { break }
                    i += 1
                }
                i += 1
                n += 1
                while true {
                    if i > j { return n }
                    if !isConsonant(i) { break }
                    i += 1
                }
                i += 1
            }
        }

        func vowelInStem() -> Bool { (0...max(0, j)).contains { j >= 0 && !isConsonant($0) } }

        func doubleConsonant(_ i: Int) -> Bool { i >= 1 && b[i] == b[i - 1] && isConsonant(i) }

        /// consonant–vowel–consonant ending at i, the last not w, x or y ("hop", not "snow").
        func cvc(_ i: Int) -> Bool {
            guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
            let c = b[i]
            return c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != UInt8(ascii: "y")
        }

        mutating func ends(_ s: String) -> Bool {
            let suffix = Array(s.utf8)
            guard suffix.count <= k + 1 else { return false }
            guard b[(k - suffix.count + 1)...k].elementsEqual(suffix) else { return false }
            j = k - suffix.count
            return true
        }

        mutating func setTo(_ s: String) {
            let replacement = Array(s.utf8)
            b.replaceSubrange((j + 1)..<(k + 1), with: replacement)
            k = j + replacement.count
        }

        mutating func replace(_ s: String) { if measure() > 0 { setTo(s) } }

        mutating func step1ab() {
            if b[k] == UInt8(ascii: "s") {
                if ends("sses") {
                    k -= 2
                } else if ends("ies") {
                    setTo("i")
                } else if b[k - 1] != UInt8(ascii: "s") {
                    k -= 1
                }
            }
            if ends("eed") {
                if measure() > 0 { k -= 1 }
            } else if ends("ed") || ends("ing"), vowelInStem() {
                k = j
                if ends("at") {
                    setTo("ate")
                } else if ends("bl") {
                    setTo("ble")
                } else if ends("iz") {
                    setTo("ize")
                } else if doubleConsonant(k) {
                    k -= 1
                    let c = b[k]
                    if c == UInt8(ascii: "l") || c == UInt8(ascii: "s") || c == UInt8(ascii: "z") { k += 1 }
                } else if measure() == 1, cvc(k) {
                    setTo("e")
                }
            }
            b.removeSubrange((k + 1)...)
        }

        mutating func step1c() {
            if ends("y"), vowelInStem() { b[k] = UInt8(ascii: "i") }
        }

        mutating func step2() {
            let rules: [(String, String)] = [
                ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
                ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
                ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
                ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
            ]
            applyFirst(rules)
        }

        mutating func step3() {
            let rules: [(String, String)] = [
                ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
                ("ness", ""),
            ]
            applyFirst(rules)
        }

        /// The first rule whose suffix ends the word (the reference code's switch on the
        /// penultimate letter picks the same one), applied when m > 0.
        private mutating func applyFirst(_ rules: [(String, String)]) {
            guard k >= 1 else { return }
            for (suffix, replacement) in rules where ends(suffix) {
                replace(replacement)
                return
            }
        }

        mutating func step4() {
            let suffixes = [
                "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
                "ate", "iti", "ous", "ive", "ize",
            ]
            guard k >= 1 else { return }
            for suffix in suffixes where ends(suffix) {
                if suffix == "ion" {
                    guard j >= 0, b[j] == UInt8(ascii: "s") || b[j] == UInt8(ascii: "t") else { return }
                }
                if measure() > 1 { k = j }
                return
            }
        }

        mutating func step5() {
            j = k
            if b[k] == UInt8(ascii: "e") {
                let a = measure()
                if a > 1 || (a == 1 && !cvc(k - 1)) { k -= 1 }
            }
            if b[k] == UInt8(ascii: "l"), doubleConsonant(k), measure() > 1 { k -= 1 }
        }
    }
}
