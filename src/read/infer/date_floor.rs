//! The date floor: the latest date the text mentions bounds publication from below.
//!
//! A story cannot be published before the last event it reports. The floor
//! is the latest *full* date in the text ("January 15, 2026", "5 February
//! 2025", "2025-09-17"), or a year-less date that follows a full date in the
//! same paragraph and reads as the next step of the same story ("On January
//! 15, 2026, ... On January 18, ...": January 18, 2026). Dates inside marked
//! boilerplate ("Also read: ..." teasers, copyright lines) do not count. The
//! floor gives a year-less dateline its year.

use super::{Line, Marks};
use crate::article::Date;
use crate::read::dates;

/// The floor found: the date, its byte range and a confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Floor {
    /// The latest date mentioned.
    pub date: Date,
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset one past it.
    pub end: usize,
    /// 0.9 for a full date, 0.7 for a year inherited within a paragraph.
    pub confidence: f32,
}

/// Finds the date floor of `text`, ignoring dates inside `marks`.
pub fn find(text: &str, lines: &[Line], marks: &Marks) -> Option<Floor> {
    let full = dates::full_dates(text);
    let mut best: Option<Floor> = None;
    let consider = |best: &mut Option<Floor>, f: Floor| {
        if marks.overlaps(f.start, f.end) {
            return;
        }
        // Later date wins; on a tie the earlier mention (more likely the lede).
        if best.is_none_or(|b| f.date > b.date) {
            *best = Some(f);
        }
    };
    for f in &full {
        consider(
            &mut best,
            Floor {
                date: f.date,
                start: f.start,
                end: f.end,
                confidence: 0.9,
            },
        );
    }
    // Year-less dates after a full date in the same paragraph (line). They
    // take that date's year, so only full dates of the best year so far can
    // raise the floor.
    let best_year = best.map(|b| b.date.year());
    let mut li = 0;
    for f in &full {
        if best_year.is_some_and(|y| f.date.year() < y) {
            continue;
        }
        while li < lines.len() && lines[li].end <= f.start {
            li += 1;
        }
        let Some(line) = lines.get(li) else { break };
        if line.start > f.start {
            continue;
        }
        // The follow-up date must come soon after ("... On January 18, ...").
        let until = dates::floor_boundary(text, (f.end + 400).min(line.end));
        let rest = text.get(f.end..until).unwrap_or("");
        for md in dates::month_days(rest) {
            let Some(d) = dates::date(f.date.year(), md.month, md.day) else {
                continue;
            };
            if d >= f.date {
                consider(
                    &mut best,
                    Floor {
                        date: d,
                        start: f.end + md.start,
                        end: f.end + md.end,
                        confidence: 0.7,
                    },
                );
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::infer::lines;

    fn floor(text: &str) -> Option<(String, String)> {
        find(text, &lines(text), &Marks::default())
            .map(|f| (f.date.to_string(), text[f.start..f.end].to_string()))
    }

    #[test]
    fn latest_full_date_wins() {
        assert_eq!(
            floor("On October 7, 2023 it began.\nOn 5 February 2025 events were held."),
            Some(("2025-02-05".into(), "5 February 2025".into()))
        );
    }

    #[test]
    fn year_less_date_inherits_within_a_paragraph() {
        let t = "On January 15, 2026, it was established. On January 18, Trump invited him.\n\
                 Earlier in 2025, such as the February 5 conference.";
        assert_eq!(floor(t), Some(("2026-01-18".into(), "January 18".into())));
    }

    #[test]
    fn no_dates_no_floor() {
        assert_eq!(floor("Nothing dated here, in 2025 or October 2023."), None);
    }

    #[test]
    fn boilerplate_dates_do_not_count() {
        let t = "On 5 February 2025 events.\nAlso read: On March 3, 2027 something.";
        let ls = lines(t);
        let mut marks = Marks::default();
        marks.mark(
            crate::article::BoilerplateKind::Related,
            ls[1].start,
            ls[1].end,
        );
        let f = find(t, &ls, &marks).unwrap();
        assert_eq!(f.date.to_string(), "2025-02-05");
    }
}
