//! The cue lexicon: which words introduce an attribution, kept as data.
//!
//! Single word forms come from `data/cues.tsv` (built from PolNeAR *train*
//! cue frequencies and the standard reporting-verb lists; see its header).
//! The few closed word classes the rules need — auxiliaries, report nouns,
//! vague-source nouns, clause openers — are small lists here because they
//! are grammar, not vocabulary.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the lexicon is looked up once per word of every article, and its
/// keys are short trusted words, so a fast non-keyed hash is right here.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// What a cue word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A verb of saying, writing or thinking ("said", "noted", "tweeted").
    Speech,
    /// A verb of documents and findings ("show", "suggest", "indicate").
    Doc,
    /// A hedge that attributes to nobody in particular ("reportedly").
    Hedge,
}

/// The cue lexicon, loaded once from `data/cues.tsv`.
#[derive(Debug)]
pub struct Lexicon {
    forms: FastMap<&'static str, CueClass>,
    /// Quick-reject filter: one bit per [`slot`] that some form occupies.
    filter: Vec<u64>,
}

/// Bits in the lexicon's quick-reject filter (a power of two).
const FILTER_BITS: u32 = 1 << 13;

/// A word's filter slot, from its length and its first two and last bytes,
/// ASCII case folded: words equal ignoring ASCII case share a slot, so a word
/// whose slot is empty is certainly not in the lexicon.
fn slot(word: &[u8]) -> usize {
    let byte = |i: usize| u32::from(word.get(i).map_or(0, u8::to_ascii_lowercase));
    let len = u32::try_from(word.len()).unwrap_or(u32::MAX);
    let key =
        len.wrapping_shl(24) ^ byte(0) << 16 ^ byte(1) << 8 ^ byte(word.len().wrapping_sub(1));
    // Multiplicative hashing: the top bits of the product index the filter.
    (key.wrapping_mul(0x9E37_79B1) >> (32 - FILTER_BITS.trailing_zeros())) as usize
}

const CUES_TSV: &str = include_str!("../../data/cues.tsv");

impl Lexicon {
    fn load() -> Self {
        let mut forms = FastMap::default();
        for line in CUES_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(form), Some(class)) = (cols.next(), cols.next()) else {
                continue;
            };
            let class = match class {
                "doc" => CueClass::Doc,
                "hedge" => CueClass::Hedge,
                _ => CueClass::Speech,
            };
            forms.insert(form, class);
        }
        let mut filter = vec![0u64; FILTER_BITS as usize / 64];
        for form in forms.keys() {
            let k = slot(form.as_bytes());
            filter[k / 64] |= 1 << (k % 64);
        }
        Lexicon { forms, filter }
    }

    /// False when `word` (in any case) is certainly not a cue form; true
    /// when it may be. A few operations per word, so callers can skip
    /// lower-casing and hashing most words of a text.
    pub fn may_contain(&self, word: &str) -> bool {
        let k = slot(word.as_bytes());
        self.filter
            .get(k / 64)
            .is_some_and(|w| w & (1 << (k % 64)) != 0)
    }

    /// The class of a lower-case word form, if it is a cue.
    pub fn class(&self, lower: &str) -> Option<CueClass> {
        self.forms.get(lower).copied()
    }

    /// Number of word forms.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// True when the lexicon is empty (never, for the bundled data).
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// The bundled lexicon.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

/// Words that may stand between a subject and its cue verb ("has also said").
pub const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "also",
    "further",
    "later",
    "earlier",
    "previously",
    "recently",
    "first",
    "then",
    "once",
    "again",
    "repeatedly",
    "publicly",
    "privately",
    "reportedly",
    "allegedly",
    "had",
    "been",
    "did",
    "does",
    "do",
    "not",
    "never",
    "already",
    "still",
    "just",
    "even",
    "correctly",
    "rightly",
    "openly",
    "explicitly",
    "specifically",
    "simply",
    "flatly",
    "herself",
    "himself",
    "itself",
    "themselves",
    "too",
    "separately",
    "subsequently",
    "additionally",
    "clearly",
    "widely",
    "bluntly",
    "frankly",
    "emphatically",
    "strongly",
    "quickly",
    "finally",
    "recently",
];

/// Words that open a clause: a subject never extends left past them.
pub const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "but", "while", "when", "whereas", "because",
    "although", "though", "if", "unless", "since", "so", "where", "as", "after", "before", "and",
    "or", "nor", "yet", "until", "once", "whether", "what", "how", "why", "than", "to", "not",
    "said", "says", "say", "told", "added", "noted", "wrote",
];

/// Nouns that name reports and other documents a source can be.
pub const REPORT_NOUNS: &[&str] = &[
    "report",
    "reports",
    "study",
    "studies",
    "survey",
    "surveys",
    "poll",
    "polls",
    "findings",
    "analysis",
    "review",
    "assessment",
    "assessments",
    "investigation",
    "paper",
    "research",
    "dossier",
    "audit",
    "probe",
    "inquiry",
    "memo",
    "brief",
    "briefing",
    "data",
    "figures",
    "statistics",
    "estimates",
    "documents",
    "document",
    "statement",
    "letter",
    "video",
    "footage",
    "images",
    "visuals",
    "records",
    "filing",
    "filings",
    "complaint",
    "lawsuit",
    "indictment",
    "ruling",
    "transcript",
    "leaflet",
    "post",
    "tweet",
    "release",
];

/// Report nouns that are documents rather than reports.
pub const DOCUMENT_NOUNS: &[&str] = &[
    "document",
    "documents",
    "statement",
    "letter",
    "video",
    "footage",
    "images",
    "visuals",
    "records",
    "filing",
    "filings",
    "complaint",
    "lawsuit",
    "indictment",
    "ruling",
    "transcript",
    "leaflet",
    "post",
    "tweet",
    "release",
    "memo",
];

/// Nouns that name outlets ("the newspaper", "media outlet News18").
pub const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "paper",
    "daily",
    "outlet",
    "channel",
    "agency",
    "broadcaster",
    "network",
    "magazine",
    "website",
    "site",
    "tabloid",
    "weekly",
    "portal",
    "publication",
    "station",
    "wire",
    "newswire",
    "television",
    "tv",
    "radio",
];

/// Head nouns of unnamed, plural or generic sources ("sources said").
pub const VAGUE_NOUNS: &[&str] = &[
    "sources",
    "source",
    "officials",
    "official",
    "reports",
    "assessments",
    "information",
    "experts",
    "analysts",
    "observers",
    "people",
    "insiders",
    "residents",
    "witnesses",
    "media",
    "estimates",
    "accounts",
    "rumours",
    "rumors",
    "intelligence",
    "diplomats",
    "aides",
    "authorities",
    "others",
    "critics",
    "some",
    "many",
    "several",
    "one",
    "someone",
    "somebody",
    "reporters",
    "journalists",
    "commentators",
    "activists",
    "locals",
    "speakers",
    "participants",
    "analysts",
    "visuals",
    "images",
];

/// Determiners that make a source definite and so anaphoric ("the report").
pub const DEFINITE: &[&str] = &["the", "this", "that", "these", "those", "its", "their"];

/// Pronouns a source can be.
pub const PRONOUNS: &[&str] = &["it", "he", "she", "they", "we", "i", "you"];

/// Verbs of intent, effort and emphasis. The rules accept them as cues
/// because PolNeAR annotates stances and plans ("Zaheer, seeking
/// legitimacy…", "videos underscore…"), but they report no information from
/// a source, so the desk scope (graph, report) leaves them out: a cited
/// source is someone who said, reported, showed or wrote something.
pub const NOT_REPORTING: &[&str] = &[
    "seek",
    "seeks",
    "seeking",
    "sought",
    "attempt",
    "attempts",
    "attempted",
    "attempting",
    "try",
    "tries",
    "tried",
    "trying",
    "offer",
    "offers",
    "offered",
    "offering",
    "underscore",
    "underscores",
    "underscored",
    "underscoring",
    "portray",
    "portrays",
    "portrayed",
    "portraying",
    "frame",
    "frames",
    "framed",
    "framing",
    "want",
    "wants",
    "wanted",
    "wanting",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "intending",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "wish",
    "wishes",
    "wished",
    "prefer",
    "prefers",
    "preferred",
    "struggle",
    "struggles",
    "struggled",
    "struggling",
    "refuse",
    "refuses",
    "refused",
    "refusing",
];

/// Verbs of feeling, perception, support and plain action. The rules and the
/// cue model take them as cues because PolNeAR annotates perceptions and
/// acts ("the crowd chanted", "voters felt", "she welcomed guests", "they
/// are viewed positively", "proceeded to annex", "champions a cause",
/// "others wonder how"; "he wondered aloud" stays, an utterance), but they pass on no information from a source:
/// a crowd chanting or a candidate supported is an event, not a citation.
/// The desk scope leaves them out as it does [`NOT_REPORTING`]; a bare
/// "respond" is the infinitive of "did not respond" / "declined to
/// respond" (a reply is "responded").
pub const NOT_INFORMATION: &[&str] = &[
    "chant",
    "chants",
    "chanted",
    "chanting",
    "feel",
    "feels",
    "felt",
    "viewed",
    "debated",
    "dubbed",
    "unsettled",
    "reminded",
    "welcome",
    "welcomes",
    "welcomed",
    "welcoming",
    "impose",
    "imposes",
    "imposed",
    "imposing",
    "celebrate",
    "celebrates",
    "celebrated",
    "celebrating",
    "support",
    "supports",
    "supported",
    "supporting",
    "respond",
    "seldom",
    "pressing",
    "unreasonable",
    "proceed",
    "proceeds",
    "proceeded",
    "proceeding",
    "champion",
    "champions",
    "championed",
    "championing",
    "wonder",
    "wonders",
    "wondering",
];

/// True when an attribution with this cue reports information (the desk
/// scope): any construction or verb of saying, reporting, showing or citing,
/// but not a single verb of intent or emphasis ([`NOT_REPORTING`]) nor of
/// feeling, perception, support or plain action ([`NOT_INFORMATION`]).
pub fn reports_information(cue: &str) -> bool {
    let mut words = cue.split_whitespace();
    match (words.next(), words.next()) {
        (Some(one), None) => {
            let one = one.trim_matches(|c: char| !c.is_alphanumeric());
            !is_in(NOT_REPORTING, one) && !is_in(NOT_INFORMATION, one)
        }
        _ => true,
    }
}

/// Case-insensitive membership in a small word list.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_admits_every_form_in_any_case() {
        let lex = lexicon();
        for form in lex.forms.keys() {
            assert!(lex.may_contain(form), "{form}");
            assert!(lex.may_contain(&form.to_ascii_uppercase()), "{form}");
        }
        let words = ["the", "of", "and", "to", "a", "in", "Pakistan", "militant"];
        let rejected = words.iter().filter(|w| !lex.may_contain(w)).count();
        assert!(rejected >= words.len() / 2, "{rejected} of {words:?}");
    }

    #[test]
    fn intent_verbs_are_not_reported_information() {
        assert!(reports_information("said"));
        assert!(reports_information("according to"));
        assert!(reports_information("Reportedly"));
        assert!(!reports_information("seeking"));
        assert!(!reports_information("Underscore"));
        assert!(!reports_information("attempted"));
    }

    #[test]
    fn feelings_acts_and_chants_are_not_reported_information() {
        assert!(!reports_information("chanted"));
        assert!(!reports_information("felt"));
        assert!(!reports_information("welcomed"));
        assert!(!reports_information("respond"));
        assert!(reports_information("responded"));
        assert!(reports_information("supported by"));
        assert!(reports_information("found"));
        assert!(reports_information("told"));
    }

    #[test]
    fn loads_the_bundled_lexicon() {
        let lex = lexicon();
        assert!(lex.len() > 200);
        assert_eq!(lex.class("said"), Some(CueClass::Speech));
        assert_eq!(lex.class("indicate"), Some(CueClass::Doc));
        assert_eq!(lex.class("reportedly"), Some(CueClass::Hedge));
        assert_eq!(lex.class("table"), None);
    }
}
