//! Calendar words: month and weekday names, in lower case.
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
    }
}
