//! What counts as reported information: the desk scope.
//!
//! The rules find what news annotators mark as attribution (PolNeAR):
//! beliefs, refusals, requests, hypotheticals and acts besides reports. The
//! desk (graph, report) shows only **reported information**: a cue of
//! saying, reporting, showing or citing, actually made (not negated, not
//! hypothetical), in the sense that passes on content, with a speaker for
//! its source. [`Attribution::is_reported_information`] reads the words
//! next to an attribution's spans to tell; `citetrace attributions` still
//! lists every attribution.
//!
//! Every test is a word class of English grammar — negation, modal verbs,
//! quantifier determiners, prepositions, the request and commitment senses
//! of "ask for" and "agree to" — never a phrase of one corpus.

use crate::span::{Range, Span};
use crate::text::Text;
use crate::text::calendar::is_time_phrase_word;

use super::Attribution;
use super::lexicon::{self, DOCUMENT_NOUNS, PRONOUNS, REPORT_NOUNS, is_in};

/// Negations of a verb group.
const NEGATIONS: &[&str] = &["not", "never"];

/// Modal verbs of possibility: "could declare", "might recall", "can
/// expect" report nothing that was said. "Would" and "will" are left out:
/// "the bill would require" reports what a document says.
const HYPOTHETICAL_MODALS: &[&str] = &["could", "might", "may", "should", "can"];

/// The rest of a verb group between a subject and its verb.
const VERB_GROUP: &[&str] = &[
    "be", "been", "being", "is", "are", "was", "were", "am", "has", "have", "had", "having", "do",
    "does", "did", "will", "would", "to", "must",
];

/// Forms of "be": a participle cue after one is passive, its subject the
/// one spoken about ("Reagan was criticized").
const BE_FORMS: &[&str] = &["be", "been", "being", "is", "are", "was", "were", "am"];

/// Adverbs that stand inside a verb group besides the -ly ones.
const GROUP_ADVERBS: &[&str] = &[
    "also", "still", "yet", "ever", "even", "again", "later", "once", "already", "just", "so",
    "far", "long", "since", "first", "then", "now", "too", "both", "all",
];

/// Verbs of opinion that raise their negation: "he doesn't believe it"
/// holds a view ("he believes it is not so"), so the negation does not
/// cancel the attribution as it does for "did not say".
const NEG_RAISING: &[&str] = &[
    "think", "thinks", "thought", "believe", "believes", "believed", "expect", "expects",
    "expected", "suppose", "supposes", "supposed", "feel", "feels",
];

/// What one declines when declining to inform: "declined to comment",
/// "declined to reveal its funding", "declined comment", "declined an
/// interview". Declining anything else ("declined to concur with that
/// assessment") states a position.
const INFORMING: &[&str] = &[
    "comment",
    "comments",
    "say",
    "speak",
    "talk",
    "discuss",
    "reveal",
    "disclose",
    "elaborate",
    "answer",
    "respond",
    "reply",
    "provide",
    "confirm",
    "identify",
    "specify",
    "detail",
    "release",
    "name",
    "explain",
    "address",
    "share",
    "give",
    "be",
    "interview",
    "interviews",
    "an",
    "requests",
    "repeated",
    "multiple",
    "further",
    "immediately",
];

/// Subordinators of a condition: "if we thought …" is no report.
const CONDITIONS: &[&str] = &["if", "unless"];

/// Cue stems with an action sense beside the reporting one: "added that …"
/// reports, "added security" acts; "announced that …" reports, "announced
/// his candidacy" is an event; "voted", "backed", "supported", "requested",
/// "returned" (calls) pass on no statement of their own. With one of these
/// the attribution reports only when its content is a clause: a quotation,
/// a "that"/"whether" clause, or content given before the cue.
const ACTION_SENSES: &[&str] = &[
    "add", "announc", "request", "vote", "back", "support", "return", "unveil",
];

/// Complementisers that open a reported clause after a cue ("added that …");
/// a subject pronoun ([`PRONOUNS`]) opens one without them ("announced he
/// will step down").
const COMPLEMENTISERS: &[&str] = &["that", "whether", "how", "why", "what", "if", "when"];

/// Quantifier determiners and number words that can stand alone as a vague
/// source ("Some say", "One said") but more often determine a noun the
/// source span left out ("Many observers", "One month after").
const QUANTIFIERS: &[&str] = &[
    "one", "many", "most", "some", "each", "several", "all", "both", "few", "two", "three",
    "others",
];

/// Words that open a prepositional phrase: a source span that starts with
/// one is not a noun phrase ("of Democratic claims", "by The Washington Post").
const PREPOSITIONS: &[&str] = &[
    "of",
    "by",
    "for",
    "about",
    "from",
    "into",
    "than",
    "like",
    "including",
    "at",
    "in",
    "on",
    "to",
    "as",
    "with",
    "without",
    "after",
    "before",
    "during",
];

/// Words in "-ing" that are adjectives before a noun ("leading experts",
/// "the ruling party"), not a verb phrase.
const ING_ADJECTIVES: &[&str] = &[
    "leading",
    "ruling",
    "governing",
    "opposing",
    "polling",
    "rising",
    "growing",
    "working",
    "voting",
    "sitting",
    "outgoing",
    "incoming",
    "ongoing",
    "remaining",
    "competing",
    "following",
    "founding",
    "acting",
    "visiting",
    "neighboring",
    "presiding",
    "reigning",
    "existing",
    "participating",
    "missing",
    "surviving",
];

/// Words in "-ly" that are not adverbs.
const LY_NOT_ADVERBS: &[&str] = &[
    "early", "only", "likely", "elderly", "family", "daily", "weekly", "monthly", "friendly",
    "july", "italy", "ally", "rally",
];

/// Participle cues that still report when they modify a noun ("a statement
/// saying …", "an aide telling reporters …").
const REPORTING_PARTICIPLES: &[&str] = &["saying", "telling", "writing", "reporting", "noting"];

/// Nouns of things said or published that a participle can report from
/// ("a comment … lamenting", "a petition calling on …").
const UTTERANCE_NOUNS: &[&str] = &[
    "comment",
    "comments",
    "remark",
    "remarks",
    "message",
    "messages",
    "speech",
    "interview",
    "ad",
    "ads",
    "petition",
    "tweets",
    "posts",
    "email",
    "emails",
    "op-ed",
    "editorial",
];

impl Attribution {
    /// True when this attribution passes on information from its source:
    /// what the desk scope (graph, report) holds. False for a cue word of
    /// intent, feeling or plain action ([`lexicon::reports_information`]);
    /// a negated cue ("did not respond", "none has said"); a hypothetical
    /// one ("could declare", "if we thought"); a request or commitment
    /// ("asked for the interview", "agreed to divide"), a conversation
    /// without content ("talking with"), "found itself"; a passive whose
    /// subject is the one spoken about ("was criticized"); a participle
    /// describing someone ("a man claiming allegiance"); a digest topic
    /// label ("UN: PEACEKEEPERS …"); and a source span that is no speaker:
    /// a prepositional or verb phrase ("of Democratic", "hearing him"), a
    /// quantifier whose noun the span left out ("Many" observers, "One
    /// Sunday"). `text` is the article text the spans point into.
    pub fn is_reported_information(&self, text: &Text) -> bool {
        if !lexicon::reports_information(&self.cue.text) {
            return false;
        }
        let near = Near::read(self, text);
        !(near.negated_or_hypothetical()
            || near.conditional()
            || near.request_or_commitment()
            || near.action_sense()
            || near.passive_subject()
            || near.describing_participle()
            || near.topic_label()
            || near.source_is_no_speaker())
    }
}

/// The words next to an attribution's spans, lower-cased.
struct Near<'a> {
    /// The cue, lower-cased.
    cue: String,
    /// The verb group before the cue as written, nearest word first, up to
    /// the first punctuation mark or the source (at most a few words).
    group: Vec<String>,
    /// The word after the cue.
    next: String,
    /// The word after the first "to" among the next few words, if any.
    to_what: String,
    /// The words between the cue and that "to" ("agreed late last year to
    /// extend" → late, last, year).
    before_to: Vec<String>,
    /// The source's words as written, when there is a source.
    source: Vec<&'a str>,
    /// True when the source ends before the cue.
    source_first: bool,
    /// True when no word stands between the source and the cue but adverbs.
    source_adjacent: bool,
    /// The word before the source, lower-cased.
    before_source: String,
    /// The word after the source, as written.
    after_source: &'a str,
    /// The start of the first content piece, as written.
    content: &'a str,
    /// True when the first content piece ends before the cue ("“…,” he added").
    content_first: bool,
}

/// Words of `s` (letters, digits and in-word apostrophes or hyphens).
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '\'' | '’' | '-')))
        .filter(|w| !w.is_empty())
        .collect()
}

/// True for an adverb inside a verb group ("also", "publicly").
fn group_adverb(w: &str) -> bool {
    is_in(GROUP_ADVERBS, w) || (w.len() > 4 && w.ends_with("ly") && !is_in(LY_NOT_ADVERBS, w))
}

/// True for a negation, including a contracted one ("didn't", "hasn’t").
fn negation(w: &str) -> bool {
    is_in(NEGATIONS, w) || w.ends_with("n't") || w.ends_with("n’t") || w == "cannot"
}

/// True for a contracted negated modal of possibility ("couldn't", "can't").
fn negated_modal(w: &str) -> bool {
    [
        "couldn't",
        "couldn’t",
        "can't",
        "can’t",
        "cannot",
        "mightn't",
    ]
    .contains(&w)
}

impl<'a> Near<'a> {
    fn read(att: &'a Attribution, text: &'a Text) -> Near<'a> {
        let slice = |start: usize, end: usize| text.slice(Range::new(start, end.max(start)));
        let cue = &att.cue;
        // The verb group: words before the cue back to a punctuation mark.
        let lead = slice(cue.start.saturating_sub(60), cue.start);
        let clause = lead
            .rfind(|c: char| {
                matches!(
                    c,
                    ',' | ';'
                        | ':'
                        | '.'
                        | '?'
                        | '!'
                        | '\n'
                        | '('
                        | ')'
                        | '—'
                        | '–'
                        | '"'
                        | '“'
                        | '”'
                )
            })
            .map_or(lead, |i| &lead[i..]);
        let mut group: Vec<String> = words(clause)
            .into_iter()
            .rev()
            .take(5)
            .map(str::to_string)
            .collect();
        let (mut source, mut source_first, mut source_adjacent) = (Vec::new(), false, false);
        let (mut before_source, mut after_source) = (String::new(), "");
        if let Some(src) = &att.source {
            source = words(&src.text);
            source_first = src.end <= cue.start;
            if source_first {
                // The verb group stops at the source.
                let gap = words(slice(src.end, cue.start)).len();
                group.truncate(gap);
                source_adjacent = slice(src.end, cue.start).split_whitespace().all(|w| {
                    w.chars().all(char::is_alphanumeric) && group_adverb(&w.to_lowercase())
                });
            }
            before_source = words(slice(src.start.saturating_sub(24), src.start))
                .last()
                .map(|w| w.to_lowercase())
                .unwrap_or_default();
            after_source = words(slice(src.end, src.end + 24))
                .first()
                .copied()
                .unwrap_or("");
        }
        // The words after the cue, up to the end of its clause.
        let tail = slice(cue.end, cue.end + 60);
        let tail = tail
            .find(['.', ';', ':', '?', '!', '\n'])
            .map_or(tail, |i| &tail[..i]);
        let after: Vec<String> = words(tail)
            .into_iter()
            .take(5)
            .map(str::to_lowercase)
            .collect();
        let next = after.first().cloned().unwrap_or_default();
        // What follows the first "to" among the next words ("declined for
        // years to reveal" → "reveal"), else the next word.
        let to_what = after
            .iter()
            .take(4)
            .position(|w| w == "to")
            .and_then(|i| after.get(i + 1))
            .cloned()
            .unwrap_or_default();
        let before_to = after
            .iter()
            .take(4)
            .position(|w| w == "to")
            .map(|i| after[..i].to_vec())
            .unwrap_or_default();
        let content = att
            .content
            .first()
            .map_or("", |c: &'a Span| c.text.as_str());
        let content_first = att.content.first().is_some_and(|c| c.end <= cue.start);
        Near {
            cue: cue.text.to_lowercase(),
            group,
            next,
            to_what,
            before_to,
            source,
            source_first,
            source_adjacent,
            before_source,
            after_source,
            content,
            content_first,
        }
    }

    /// The verb group holds a negation ("did not say", "never cited"), a
    /// modal of possibility ("could declare") or a counterfactual perfect
    /// ("would have congratulated"), or the source is a negative
    /// quantifier ("none has said", "no one").
    fn negated_or_hypothetical(&self) -> bool {
        // "would have said": a counterfactual, nothing was said.
        let perfect = self
            .group
            .iter()
            .filter(|w| !group_adverb(w))
            .take(2)
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>();
        if perfect.len() == 2
            && perfect[0] == "have"
            && matches!(perfect[1].as_str(), "would" | "wouldn't" | "wouldn’t")
        {
            return true;
        }
        for w in &self.group {
            // A capitalised "May" or "Can" is a name, not a modal.
            let modal = is_in(HYPOTHETICAL_MODALS, w) && w.starts_with(char::is_lowercase);
            let raised = negation(w) && is_in(NEG_RAISING, &self.cue);
            if (negation(w) && !raised) || negated_modal(&w.to_lowercase()) || modal {
                return true;
            }
            if !(is_in(VERB_GROUP, w) || group_adverb(w)) {
                break;
            }
        }
        let first = self.source.first().map(|w| w.to_lowercase());
        matches!(first.as_deref(), Some("none" | "nobody" | "neither" | "no"))
    }

    /// The source opens a condition ("If we thought …").
    fn conditional(&self) -> bool {
        self.source_first && is_in(CONDITIONS, &self.before_source)
    }

    /// The cue in a sense that passes on no content: a refusal to inform
    /// ("declined to comment"), a request ("asked for",
    /// "asked to"), a commitment ("agreed to", "agreed late last year to
    /// extend"), a conversation ("talking with"), "found itself".
    fn request_or_commitment(&self) -> bool {
        let forms = |stem: &str| {
            self.cue.starts_with(stem)
                && self.cue.len() <= stem.len() + 3
                && !self.cue.contains(' ')
        };
        let declining = if self.to_what.is_empty() {
            self.next.is_empty() || is_in(INFORMING, &self.next) || is_in(&["a"], &self.next)
        } else {
            is_in(INFORMING, &self.to_what)
        };
        (forms("declin") && declining)
            || (forms("ask") && matches!(self.next.as_str(), "for" | "to"))
            || (forms("agree")
                && (self.next == "to"
                    || (!self.to_what.is_empty()
                        && self
                            .before_to
                            .iter()
                            .all(|w| group_adverb(w) || is_time_phrase_word(w) || w == "year"))))
            || (forms("talk") && matches!(self.next.as_str(), "with" | "to"))
            || ((forms("find") || self.cue == "found")
                && matches!(
                    self.next.as_str(),
                    "itself" | "himself" | "herself" | "themselves" | "myself" | "ourselves"
                ))
    }

    /// A cue with an action sense ([`ACTION_SENSES`]) whose content is a
    /// noun phrase, not a clause: "organizers added security", "voted for
    /// Trump", "requested an extension", "announced his candidacy", "they
    /// were backed by the president".
    fn action_sense(&self) -> bool {
        // The verb itself, also in a passive agent phrase ("backed by").
        let verb = self
            .cue
            .strip_suffix(" by")
            .filter(|v| !v.contains(' '))
            .unwrap_or(&self.cue);
        let stem = ACTION_SENSES.iter().any(|stem| {
            verb.starts_with(stem) && verb.len() <= stem.len() + 4 && !verb.contains(' ')
        });
        if !stem {
            return false;
        }
        let passive = verb.len() < self.cue.len();
        if passive {
            // "The envoys were backed by the president": the subject is
            // what was backed, not content passed on. A share of those
            // polled ("supported by 42 percent of voters surveyed") is a
            // measured finding and still reports.
            let share = self
                .source
                .iter()
                .any(|w| is_in(&["percent", "%", "majority", "plurality"], w) || w.ends_with('%'));
            return !(share || self.content.contains(['"', '“']));
        }
        if self.content_first {
            return false;
        }
        let opening = self.content.trim_start();
        let quoted = opening.starts_with(['"', '“', '\'', '‘']);
        let first = words(opening)
            .first()
            .map(|w| w.to_lowercase())
            .unwrap_or_default();
        !(quoted
            || is_in(COMPLEMENTISERS, &first)
            || is_in(PRONOUNS, &first)
            || opening.contains(['"', '“']))
    }

    /// A participle after "be" with its subject as the source: the subject
    /// is spoken about, not speaking ("Reagan was criticized",
    /// "200 Syrians have been admitted"). "Was quoted (as saying)" keeps
    /// its speaker, and so does an expletive "it" ("it was reported").
    fn passive_subject(&self) -> bool {
        self.source_first
            && !self.cue.contains(' ')
            && !self.source.first().is_some_and(|w| {
                let w = w.to_lowercase();
                w == "it" || w.starts_with("it's") || w.starts_with("it’s")
            })
            && (self.cue.ends_with("ed") || self.cue.ends_with("en"))
            && self.cue != "quoted"
            && self
                .group
                .iter()
                .find(|w| !group_adverb(w))
                .is_some_and(|w| is_in(BE_FORMS, w))
    }

    /// A participle right after an indefinite noun phrase describes who
    /// someone is ("a man claiming allegiance to …", "a super PAC backing
    /// Bush"); a document, an utterance or a reporting participle still
    /// reports ("a statement saying …", "a comment … lamenting").
    fn describing_participle(&self) -> bool {
        self.source_first
            && self.source_adjacent
            && self.cue.ends_with("ing")
            && !is_in(REPORTING_PARTICIPLES, &self.cue)
            && self
                .source
                .first()
                .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
            && !self.source.iter().any(|w| {
                is_in(REPORT_NOUNS, w) || is_in(DOCUMENT_NOUNS, w) || is_in(UTTERANCE_NOUNS, w)
            })
    }

    /// A colon before a line of capitals is a digest's topic label ("UN:
    /// PEACEKEEPERS PAYING …"), not a speaker's statement.
    fn topic_label(&self) -> bool {
        self.cue == ":"
            && words(self.content)
                .iter()
                .take(4)
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                .filter(|w| !w.chars().any(char::is_lowercase))
                .count()
                >= 3
    }

    /// The source span is not a noun phrase naming a speaker: it opens with
    /// a preposition ("of Democratic"), or, as a subject, with a verb in
    /// "-ing" or an adverb ("hearing him", "reportedly taken heat"); or it
    /// is a quantifier
    /// whose noun the span left out ("Many" observers, "One" month, "most"
    /// recently, "One Sunday").
    fn source_is_no_speaker(&self) -> bool {
        let Some(first) = self.source.first() else {
            return false;
        };
        let lower = first.to_lowercase();
        let lowercase = first.chars().next().is_some_and(char::is_lowercase);
        // "At least half of voters": a quantifier, not a preposition.
        let at_least = lower == "at"
            && self
                .source
                .get(1)
                .is_some_and(|w| is_in(&["least", "most"], w));
        if is_in(PREPOSITIONS, first) && self.source.len() > 1 && !at_least {
            return true;
        }
        // In subject position only: after "according to" an adverb or a
        // participle opens a noun phrase ("recently hacked documents").
        if self.source_first
            && lowercase
            && ((lower.len() > 4 && lower.ends_with("ing") && !is_in(ING_ADJECTIVES, &lower))
                || (group_adverb(&lower) && !is_in(GROUP_ADVERBS, &lower)))
        {
            return true;
        }
        if is_in(QUANTIFIERS, &lower) {
            if self.source.len() == 2 && is_time_phrase_word(self.source[1]) {
                return true;
            }
            if self.source.len() == 1 && self.source_first {
                let after = self.after_source.to_lowercase();
                let starts_cue = self.cue.split_whitespace().next() == Some(after.as_str());
                let noun_left_out = !after.is_empty()
                    && !starts_cue
                    && !is_in(VERB_GROUP, &after)
                    && !is_in(PREPOSITIONS, &after)
                    && !negation(&after)
                    && !is_in(HYPOTHETICAL_MODALS, &after)
                    && !(group_adverb(&after) && lower != "most");
                return noun_left_out;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::attribution::extract;

    /// The cues of `text`'s attributions the desk scope keeps and drops.
    fn desk(text: &str) -> (Vec<String>, Vec<String>) {
        let article = Article::new("t", "t", text.to_string());
        let (mut kept, mut dropped) = (Vec::new(), Vec::new());
        for a in extract(&article) {
            let which = if a.is_reported_information(&article.text) {
                &mut kept
            } else {
                &mut dropped
            };
            which.push(format!(
                "{} {}",
                a.source.as_ref().map_or("-", |s| s.text.as_str()),
                a.cue.text
            ));
        }
        (kept, dropped)
    }

    #[test]
    fn reports_stay() {
        let (kept, dropped) = desk(
            "The senator said the talks had failed.\n\n\
             Trump, who did not attend, said the vote was rigged.\n\n\
             Prime Minister Theresa May said the country would leave.\n\n\
             The bill would require audits, the report said.\n\n\
             The State Department had declined to concur with that assessment.\n\n\
             It's been reported that the senator will resign.",
        );
        assert!(dropped.is_empty(), "{dropped:?} (kept {kept:?})");
        assert_eq!(kept.len(), 6, "{kept:?}");
    }

    #[test]
    fn negated_hypothetical_and_conditional_cues_are_not_reports() {
        let (kept, dropped) = desk(
            "The spokesman did not say who made the apology.\n\n\
             All three issued statements, and none has said they want war.\n\n\
             The panel could declare the claim invalid.\n\n\
             If we thought they were secure, we would leave.",
        );
        assert!(kept.is_empty(), "{kept:?} (dropped {dropped:?})");
    }

    #[test]
    fn requests_commitments_and_passives_are_not_reports() {
        let (kept, dropped) = desk(
            "Kelly said she asked for the interview.\n\n\
             The two rivals have agreed to divide the primaries.\n\n\
             The network found itself playing host to the candidates.\n\n\
             Mr. Reagan was criticized for the trade.",
        );
        assert_eq!(kept, ["Kelly said"], "dropped {dropped:?}");
    }

    #[test]
    fn action_senses_report_only_with_a_clause() {
        let (kept, dropped) = desk(
            "Organizers added security at the gates.\n\n\
             Singh voted for the Republican nominee in 2012.\n\n\
             The senator announced his candidacy on Monday.\n\n\
             The mayor announced he will step down in June.\n\n\
             The governor added that the roads would reopen.\n\n\
             \u{201c}We are ready,\u{201d} the coach added.",
        );
        assert_eq!(kept.len(), 3, "kept {kept:?}, dropped {dropped:?}");
        assert_eq!(dropped.len(), 3, "kept {kept:?}, dropped {dropped:?}");
    }

    #[test]
    fn sources_that_name_no_speaker_are_not_reports() {
        let (kept, dropped) = desk(
            "The party has declined to comment, and most recently defended the use of an image.\n\n\
             A man claiming allegiance to the group opened fire.\n\n\
             The spokesman declined to comment.",
        );
        assert!(kept.is_empty(), "{kept:?} (dropped {dropped:?})");
        assert_eq!(dropped.len(), 4, "{dropped:?}");
    }

    #[test]
    fn commitments_counterfactuals_and_passive_backing_are_not_reports() {
        let (kept, dropped) = desk(
            "Congress and the president agreed late last year to extend the cuts.\n\n\
             The governor would have said so in public.\n\n\
             The envoys were backed by the president and his aides.\n\n\
             The army proceeded to annex the province.\n\n\
             The senator agreed that the plan was sound.",
        );
        assert_eq!(kept, ["The senator agreed"], "dropped {dropped:?}");
        assert!(dropped.len() >= 3, "{dropped:?}");
    }
}
