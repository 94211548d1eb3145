//! Scans of the article text that source resolution falls back on when the
//! sources resolved so far give no antecedent: the organisation a definite
//! description names by its head ("the court" → "Supreme Court"), a title
//! written before a name ("the pope" → "Pope Francis"), a work named with
//! its title ("the book" → the memoir "entitled …"), the noun phrase a
//! relative "which" follows, the honorifics written before surnames, and
//! where sentences open. Offsets are characters, as everywhere in the crate.

/// One whitespace-separated word: its character range and text.
#[derive(Debug, Clone)]
pub(super) struct Word {
    /// First character.
    pub start: usize,
    /// The word as written, punctuation included.
    pub raw: String,
}

impl Word {
    /// The word without surrounding punctuation or a possessive ending.
    pub fn bare(&self) -> &str {
        let t = self
            .raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
        let t = t.trim_end_matches('.');
        let t = t
            .strip_suffix("'s")
            .or_else(|| t.strip_suffix("’s"))
            .unwrap_or(t);
        t.trim_matches(|c: char| !c.is_alphanumeric())
    }

    /// The word as part of a name: without surrounding quotes, commas or a
    /// possessive, keeping an abbreviation's dots ("U.S.").
    pub fn name_form(&self) -> &str {
        let t = self
            .raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let t = t
            .strip_suffix("'s")
            .or_else(|| t.strip_suffix("’s"))
            .unwrap_or(t);
        let inner = t.trim_end_matches('.');
        if inner.contains('.') { t } else { inner }
    }

    /// True when the word starts with a capital letter (after an opening quote).
    pub fn capitalized(&self) -> bool {
        self.bare().starts_with(char::is_uppercase)
    }

    /// True when punctuation after the word ends a phrase: a comma, colon,
    /// a closing quote or bracket, a possessive, or a sentence stop (not an
    /// initial or abbreviation such as "U.S." or "Jr.").
    pub fn closes(&self) -> bool {
        let r = self.raw.as_str();
        if r.ends_with([',', ';', ':', '!', '?', '"', '”', ')', '’', '\''])
            || r.ends_with("'s")
            || r.ends_with("’s")
        {
            return true;
        }
        r.ends_with('.') && {
            let b = r.trim_end_matches('.');
            !(b.contains('.') || b.chars().count() <= 2)
        }
    }
}

/// The words of `chars[from..to]`.
pub(super) fn words(chars: &[char], from: usize, to: usize) -> Vec<Word> {
    let to = to.min(chars.len());
    let mut out = Vec::new();
    let mut i = from.min(to);
    while i < to {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let s = i;
        while i < to && !chars[i].is_whitespace() {
            i += 1;
        }
        out.push(Word {
            start: s,
            raw: chars[s..i].iter().collect(),
        });
    }
    out
}

/// Where the sentence holding `pos` starts: after the last sentence stop or
/// line break before it (an initial such as "U.S." does not stop a sentence).
pub(super) fn sentence_start(chars: &[char], pos: usize) -> usize {
    let mut i = pos.min(chars.len());
    while i > 0 {
        let c = chars[i - 1];
        if c == '\n' {
            return i;
        }
        if matches!(c, '.' | '!' | '?')
            && chars.get(i).is_some_and(|n| n.is_whitespace())
            && stop_after_word(chars, i - 1)
        {
            return i;
        }
        i -= 1;
    }
    0
}

/// True when the stop at `dot` ends a sentence: a lower-case word of two
/// or more letters comes before it, or a '!'/'?'; not a title or initial
/// ("Sen.", "Mr.", "J.").
fn stop_after_word(chars: &[char], dot: usize) -> bool {
    if chars[dot] != '.' {
        return true;
    }
    let mut b = dot;
    while b > 0 && chars[b - 1].is_alphanumeric() {
        b -= 1;
    }
    let word = &chars[b..dot];
    if word.first().is_some_and(|c| c.is_uppercase()) {
        // "Sen.", "Mr.", "Gov.", "J." — a title or an initial; a longer
        // capitalised word ("Washington.") ends a sentence.
        return word.len() > 4;
    }
    word.len() >= 2 && word.iter().all(|c| c.is_lowercase())
        || word.iter().all(char::is_ascii_digit) && !word.is_empty()
}

/// True when the word at `at` opens a sentence: only quotes, dashes and
/// spaces stand between it and a sentence stop, a line break or the text start.
pub(super) fn opens_sentence(chars: &[char], at: usize) -> bool {
    let mut i = at.min(chars.len());
    while i > 0 {
        let c = chars[i - 1];
        if c == '\n' {
            return true;
        }
        if matches!(c, '.' | '!' | '?') {
            return stop_after_word(chars, i - 1);
        }
        if !(c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘' | '—' | '-')) {
            return false;
        }
        i -= 1;
    }
    true
}

/// Determiners that open a noun phrase; never part of a name.
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];

/// The organisation name holding `head` (capitalised) that the text writes
/// last before `pos`, within `reach` characters: "the court" → "Supreme
/// Court" in "a landmark Supreme Court ruling", "the department" → "State
/// Department". The name needs at least one capitalised word besides the
/// head ("Court" alone names nothing); "of X" after the head is kept
/// ("Court of Appeals").
pub(super) fn named_with_head(
    chars: &[char],
    pos: usize,
    head: &str,
    reach: usize,
    floor: usize,
) -> Option<String> {
    let ws = words(chars, pos.saturating_sub(reach).max(floor), pos);
    for k in (0..ws.len()).rev() {
        let b = ws[k].bare();
        let mut cs = b.chars();
        let is_head = cs.next().is_some_and(char::is_uppercase) && b.eq_ignore_ascii_case(head);
        if !is_head {
            continue;
        }
        let mut j = k;
        while j > 0 && k - j < 5 {
            let p = &ws[j - 1];
            if !p.capitalized()
                || p.closes()
                || super::is_in(DETERMINERS, p.bare())
                || opens_sentence(chars, p.start) && super::is_in(&["But", "And", "So"], p.bare())
            {
                break;
            }
            j -= 1;
        }
        if j == k {
            continue;
        }
        let mut end = k + 1;
        if !ws[k].closes()
            && ws
                .get(k + 1)
                .is_some_and(|w| super::is_in(&["of", "for"], w.raw.as_str()))
        {
            let mut e = k + 2;
            while e < ws.len() && e < k + 6 && ws[e].capitalized() {
                e += 1;
                if ws[e - 1].closes() {
                    break;
                }
            }
            if e > k + 2 {
                end = e;
            }
        }
        let name: Vec<&str> = ws[j..end].iter().map(Word::name_form).collect();
        return Some(name.join(" "));
    }
    None
}

/// A company the text names last before `pos`, within `reach`: a web
/// address used as a name ("GunBroker.com") or a capitalised name before
/// "Inc.", "Corp.", "LLC" or "Co.".
pub(super) fn named_company(
    chars: &[char],
    pos: usize,
    reach: usize,
    floor: usize,
) -> Option<String> {
    let ws = words(chars, pos.saturating_sub(reach).max(floor), pos);
    for k in (0..ws.len()).rev() {
        let b = ws[k].bare();
        if b.starts_with(char::is_uppercase)
            && [".com", ".org", ".net"].iter().any(|s| b.ends_with(s))
            && b.len() > 5
        {
            return Some(b.to_string());
        }
        if k > 0 && super::is_in(&["Inc", "Corp", "LLC", "Co"], b) && ws[k].raw.starts_with(b) {
            let mut j = k;
            while j > 0 && k - j < 4 && ws[j - 1].capitalized() {
                let r = ws[j - 1].raw.trim_end_matches(',');
                if r.ends_with(['.', ';', ':', '"', '”'])
                    || super::is_in(DETERMINERS, ws[j - 1].bare())
                {
                    break;
                }
                j -= 1;
            }
            if j < k {
                let name: Vec<&str> = ws[j..k].iter().map(Word::bare).collect();
                return Some(name.join(" "));
            }
        }
    }
    None
}

/// The names written after the capitalised title `title` ("Pope" in "Pope
/// Francis") before `pos`, distinct, most recent first; up to three
/// capitalised words each.
pub(super) fn titled_names(chars: &[char], pos: usize, title: &str) -> Vec<String> {
    let ws = words(chars, 0, pos);
    let mut out: Vec<String> = Vec::new();
    for k in (0..ws.len()).rev() {
        let b = ws[k].bare();
        if !(b.starts_with(char::is_uppercase) && b.eq_ignore_ascii_case(title)) || ws[k].closes() {
            continue;
        }
        // "Mayor Bill de Blasio": name particles stay inside.
        let particle = |w: &Word| {
            super::is_in(
                &[
                    "de", "van", "von", "al", "bin", "la", "le", "du", "di", "da", "del",
                ],
                w.raw.as_str(),
            ) && w.raw.starts_with(char::is_lowercase)
        };
        let mut e = k + 1;
        while e < ws.len() && e < k + 5 && (ws[e].capitalized() || particle(&ws[e]) && e > k + 1) {
            e += 1;
            if ws[e - 1].closes() {
                break;
            }
        }
        while e > k + 1 && particle(&ws[e - 1]) {
            e -= 1;
        }
        if e == k + 1 {
            continue;
        }
        let name: Vec<&str> = ws[k + 1..e].iter().map(Word::name_form).collect();
        let name = name.join(" ");
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Nouns for a written work, which a definite "the book", "the memoir" can
/// take up.
pub(super) const WORK_NOUNS: &[&str] = &["book", "memoir", "autobiography", "biography", "novel"];

/// The title of the work the text names last before `pos` (within
/// `reach`): a work noun and, in the same sentence, "entitled", "titled" or
/// "called" followed by the capitalised title ("a memoir … entitled The
/// White House Doctor: My Patients Were Presidents").
pub(super) fn titled_work(chars: &[char], pos: usize, reach: usize) -> Option<String> {
    let ws = words(chars, pos.saturating_sub(reach), pos);
    for k in (0..ws.len()).rev() {
        if !super::is_in(&["entitled", "titled", "called"], ws[k].raw.as_str()) {
            continue;
        }
        let sentence = sentence_start(chars, ws[k].start);
        let work = ws[..k]
            .iter()
            .rev()
            .take_while(|w| w.start >= sentence)
            .any(|w| super::is_in(WORK_NOUNS, w.bare()));
        if !work {
            continue;
        }
        // The title: capitalised words (small words allowed inside) up to the sentence's end.
        let mut e = k + 1;
        let mut title: Vec<String> = Vec::new();
        while e < ws.len() && e < k + 16 {
            let w = &ws[e];
            let small = super::is_in(
                &["of", "the", "a", "an", "and", "in", "on", "for", "to", "my"],
                w.bare(),
            );
            if !(w.capitalized() || small && !title.is_empty()) {
                break;
            }
            let r = w
                .raw
                .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | ','));
            let stop = r.ends_with('.') && r.trim_end_matches('.').chars().count() > 2;
            title.push(r.trim_end_matches('.').to_string());
            e += 1;
            if stop || w.raw.ends_with([',', '"', '”', ';']) {
                break;
            }
        }
        while title
            .last()
            .is_some_and(|w| !w.starts_with(char::is_uppercase))
        {
            title.pop();
        }
        if title.len() >= 2 {
            return Some(title.join(" "));
        }
    }
    None
}

/// The noun phrase right before ", which" at `pos`: the words back to
/// and including its determiner ("a UN-OPCW panel"), at most six; `None`
/// when no comma stands right before `pos` or no determiner opens the phrase.
pub(super) fn phrase_before_comma(chars: &[char], pos: usize) -> Option<String> {
    let ws = words(chars, pos.saturating_sub(120), pos);
    let last = ws.last()?;
    if !last.raw.ends_with(',') {
        return None;
    }
    let n = ws.len();
    for j in (n.saturating_sub(6)..n).rev() {
        if j < n - 1 && ws[j].closes() {
            return None;
        }
        if super::is_in(&["a", "an", "the"], ws[j].raw.as_str()) {
            let phrase: Vec<&str> = ws[j..].iter().map(|w| w.raw.as_str()).collect();
            return Some(phrase.join(" ").trim_end_matches(',').to_string());
        }
    }
    None
}

/// The surnames (lower-cased) the text writes after an honorific, with
/// whether a male and a female one occurs — "Mr. Khan" and "Ms. Khan" in
/// one article are two people.
pub(super) fn honorific_surnames(
    chars: &[char],
) -> std::collections::HashMap<String, (bool, bool)> {
    let ws = words(chars, 0, chars.len());
    let mut out: std::collections::HashMap<String, (bool, bool)> = std::collections::HashMap::new();
    for pair in ws.windows(2) {
        let (male, female) = match pair[0]
            .raw
            .trim_start_matches(['"', '“'])
            .trim_end_matches('.')
        {
            "Mr" => (true, false),
            "Mrs" | "Ms" | "Miss" => (false, true),
            _ => continue,
        };
        let e = out.entry(pair[1].bare().to_lowercase()).or_default();
        e.0 |= male;
        e.1 |= female;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_head_finds_the_name_that_holds_it() {
        let t = chars("It was lifted in a landmark Supreme Court ruling. The court said so.");
        let pos = t.iter().collect::<String>().find("The court").unwrap();
        assert_eq!(
            named_with_head(&t, pos, "court", 500, 0).as_deref(),
            Some("Supreme Court")
        );
        assert_eq!(named_with_head(&t, pos, "department", 500, 0), None);
        let t =
            chars("A panel of the U.S. Court of Appeals for the Ninth Circuit ruled. The court");
        assert_eq!(
            named_with_head(&t, t.len() - 9, "court", 500, 0).as_deref(),
            Some("U.S. Court of Appeals")
        );
    }

    #[test]
    fn companies_titles_and_works() {
        let t = chars("A statement on the website GunBroker.com said no. It added");
        assert_eq!(
            named_company(&t, t.len(), 500, 0).as_deref(),
            Some("GunBroker.com")
        );
        let t = chars("Pope Francis met him. Later the pope said");
        assert_eq!(titled_names(&t, t.len(), "pope"), ["Francis"]);
        let t = chars("Mayor Bill de Blasio spoke. The mayor said");
        assert_eq!(titled_names(&t, t.len(), "mayor"), ["Bill de Blasio"]);
        let t = chars(
            "Mariano wrote a memoir of her time entitled The White House Doctor: My Patients Were Presidents.\n\nLater the book said",
        );
        assert_eq!(
            titled_work(&t, t.len(), 2000).as_deref(),
            Some("The White House Doctor: My Patients Were Presidents")
        );
    }

    #[test]
    fn relative_phrases_honorifics_and_sentences() {
        let t = chars("the results of the investigation by a UN-OPCW panel, which");
        assert_eq!(
            phrase_before_comma(&t, t.len() - 5).as_deref(),
            Some("a UN-OPCW panel")
        );
        let t = chars("Mr. Khan spoke. Ms. Khan wrote.");
        assert_eq!(honorific_surnames(&t).get("khan"), Some(&(true, true)));
        assert!(opens_sentence(&t, 16));
        let t = chars("He met Vermont Sen. Bernie Sanders. He left.");
        assert!(!opens_sentence(&t, 19));
        assert!(opens_sentence(&t, 36));
    }
}
