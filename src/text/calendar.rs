//! Calendar words: month and weekday names and the other words of a short
//! time phrase, in lower case.
//!
//! One list for every stage that must not take "Monday" or "March" for a
//! name, a source or a place (attribution rules, source resolution, the
//! person census).

/// The twelve month names.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The seven weekday names.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The other words of a short time phrase ("last week", "on Tuesday", "in
/// May", "yesterday morning"); with [`MONTHS`] and [`WEEKDAYS`] they are
/// what [`is_time_phrase_word`] accepts.
pub const TIME_PHRASE_WORDS: &[&str] = &[
    "last",
    "this",
    "on",
    "in",
    "early",
    "late",
    "earlier",
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
];

/// True when `word` (any ASCII case) can be part of a short time phrase:
/// a month, a weekday or one of [`TIME_PHRASE_WORDS`] ("released Monday",
/// "conducted last week").
pub fn is_time_phrase_word(word: &str) -> bool {
    is_calendar_word(word)
        || TIME_PHRASE_WORDS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
}

/// True when `word` (any ASCII case) names a month or a weekday.
pub fn is_calendar_word(word: &str) -> bool {
    MONTHS
        .iter()
        .chain(WEEKDAYS)
        .any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays_in_any_case() {
        assert!(is_calendar_word("March"));
        assert!(is_calendar_word("SUNDAY"));
        assert!(!is_calendar_word("Marches"));
        assert!(!is_calendar_word("Obama"));
        assert!(is_time_phrase_word("Weekend"));
        assert!(is_time_phrase_word("May"));
        assert!(!is_time_phrase_word("poll"));
    }
}
