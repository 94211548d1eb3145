//! CSV output that spreadsheets cannot turn into formulas.
//!
//! A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! prefixed with `'` (OWASP's advice against CSV formula injection, see
//! [`super::escape::csv_cell`]), since article text is hostile input and
//! analysts open CSV in spreadsheets.

use std::io::Write;

use super::escape::csv_cell;

/// Writes rows as CSV with a header, every cell made safe.
///
/// # Errors
/// When writing fails.
pub fn write_rows<W: Write>(
    out: W,
    headers: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(headers)?;
    for row in rows {
        w.write_record(row.iter().map(|c| csv_cell(c).into_owned()))?;
    }
    w.flush()
}
