import Testing

@testable import Rapport

@Suite("Porter stemmer")
struct PorterStemmerTests {
    /// Expected stems from NLTK 3.10 `PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM).stem(w)`,
    /// over the examples of Porter's 1980 paper (steps 1a–5) and the words goals use; the paper's
    /// own examples agree (caresses → caress, ponies → poni, relational → relate → relat, …).
    static let nltk: [(String, String)] = [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
        ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"), ("happy", "happi"), ("sky", "sky"), ("relational", "relat"), ("conditional", "condit"),
        ("rational", "ration"), ("valenci", "valenc"), ("hesitanci", "hesit"), ("digitizer", "digit"),
        ("conformabli", "conform"), ("radicalli", "radic"), ("differentli", "differ"), ("vileli", "vile"),
        ("analogousli", "analog"), ("vietnamization", "vietnam"), ("predication", "predic"), ("operator", "oper"),
        ("feudalism", "feudal"), ("decisiveness", "decis"), ("hopefulness", "hope"), ("callousness", "callous"),
        ("formaliti", "formal"), ("sensitiviti", "sensit"), ("sensibiliti", "sensibl"), ("triplicate", "triplic"),
        ("formative", "form"), ("formalize", "formal"), ("electriciti", "electr"), ("electrical", "electr"),
        ("hopeful", "hope"), ("goodness", "good"), ("revival", "reviv"), ("allowance", "allow"),
        ("inference", "infer"), ("airliner", "airlin"), ("gyroscopic", "gyroscop"), ("adjustable", "adjust"),
        ("defensible", "defens"), ("irritant", "irrit"), ("replacement", "replac"), ("adjustment", "adjust"),
        ("dependent", "depend"), ("adoption", "adopt"), ("homologou", "homolog"), ("communism", "commun"),
        ("activate", "activ"), ("angulariti", "angular"), ("homologous", "homolog"), ("effective", "effect"),
        ("bowdlerize", "bowdler"), ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"),
        ("controll", "control"), ("roll", "roll"), ("engineer", "engin"), ("engineers", "engin"),
        ("engineering", "engin"), ("patent", "patent"), ("patents", "patent"), ("litigation", "litig"),
        ("transactions", "transact"), ("technology", "technologi"), ("software", "softwar"),
        ("attorneys", "attornei"), ("management", "manag"), ("generalization", "gener")
    ]

    @Test func stemsAgreeWithNLTKsPorterStemmer() {
        for (word, stem) in Self.nltk {
            #expect(PorterStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func shortWordsAndNonLettersAreKept() {
        #expect(PorterStemmer.stem("ip") == "ip")
        #expect(PorterStemmer.stem("ux") == "ux")
        #expect(PorterStemmer.stem("a") == "a")
        #expect(PorterStemmer.stem("café") == "café")
        #expect(PorterStemmer.stem("web3") == "web3")
    }

    @Test func wordFormsOfOneMeaningShareAStem() {
        #expect(PorterStemmer.stem("engineer") == PorterStemmer.stem("engineering"))
        #expect(PorterStemmer.stem("patent") == PorterStemmer.stem("patents"))
        #expect(PorterStemmer.stem("litigator") == PorterStemmer.stem("litigation"))
    }
}
