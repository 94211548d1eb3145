//! A writer that keeps control characters from reaching a terminal.
//!
//! Tables and Markdown are read on a terminal (or `cat` later), and they
//! carry article ids, titles and quotes from the input. [`SafeText`] wraps
//! the output and writes every unsafe character (see
//! [`crate::text::printable::is_unsafe`]) except line breaks and tabs as a
//! `\u{…}` escape, so an id holding `ESC ] 0 ; … BEL` or `ESC [ 2 J` is shown,
//! not obeyed. It works on the byte stream: a character split across two
//! writes is held until it is whole.

use std::io::{self, Write};

use crate::text::printable::is_unsafe;

/// Escapes terminal control characters on their way to `inner`.
pub struct SafeText<W: Write> {
    inner: W,
    /// The start of a UTF-8 character whose rest has not been written yet.
    pending: Vec<u8>,
}

impl<W: Write> SafeText<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        SafeText {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes `text`, escaping unsafe characters.
    fn put(&mut self, text: &str) -> io::Result<()> {
        let mut from = 0;
        for (i, c) in text.char_indices() {
            if c != '\n' && c != '\t' && is_unsafe(c) {
                self.inner.write_all(&text.as_bytes()[from..i])?;
                write!(self.inner, "{}", c.escape_unicode())?;
                from = i + c.len_utf8();
            }
        }
        self.inner.write_all(&text.as_bytes()[from..])
    }
}

impl<W: Write> Write for SafeText<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes: &[u8] = if self.pending.is_empty() {
            buf
        } else {
            joined = [std::mem::take(&mut self.pending).as_slice(), buf].concat();
            &joined
        };
        let mut rest = bytes;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.put(text)?;
                    rest = &[];
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Valid up to here by construction.
                    self.put(std::str::from_utf8(good).unwrap_or_default())?;
                    match e.error_len() {
                        // An incomplete character at the end: wait for the rest.
                        None => {
                            self.pending = bad.to_vec();
                            rest = &[];
                        }
                        // Not UTF-8 (never from citetrace's own strings): escaped as U+FFFD.
                        Some(n) => {
                            self.inner.write_all("\u{fffd}".as_bytes())?;
                            rest = &bad[n..];
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.inner.write_all("\u{fffd}".as_bytes())?;
            self.pending.clear();
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_across_split_writes() {
        let text = "id\u{1b}]0;x\u{7}\u{1b}[2J é\u{9b}\u{202e}\tend\n“q”\r\n";
        let want = "id\\u{1b}]0;x\\u{7}\\u{1b}[2J é\\u{9b}\\u{202e}\tend\n“q”\\u{d}\n";
        // Whole, and one byte at a time (every character split).
        let mut whole = SafeText::new(Vec::new());
        whole.write_all(text.as_bytes()).unwrap();
        whole.flush().unwrap();
        assert_eq!(String::from_utf8(whole.inner).unwrap(), want);
        let mut bytes = SafeText::new(Vec::new());
        for b in text.as_bytes() {
            bytes.write_all(&[*b]).unwrap();
        }
        bytes.flush().unwrap();
        assert_eq!(String::from_utf8(bytes.inner).unwrap(), want);
    }
}
