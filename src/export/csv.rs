//! CSV output that spreadsheets cannot turn into formulas.
//!
//! A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! prefixed with `'` (OWASP's advice against CSV formula injection), since
//! article text is hostile input and analysts open CSV in spreadsheets.

use std::io::Write;

/// Makes a cell safe to open in a spreadsheet.
pub fn safe_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

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
        w.write_record(row.iter().map(|c| safe_cell(c).into_owned()))?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("-2+3"), "'-2+3");
        assert_eq!(safe_cell("IANS"), "IANS");
    }
}
