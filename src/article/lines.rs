//! The lines of a JSONL source, one at a time: each at most `MAX_ARTICLE_BYTES`
//! (an over-long line is skipped, never held whole), blank lines left out.

use super::MAX_ARTICLE_BYTES;
use std::io::{BufRead, Read};

/// One line of a JSONL source.
#[derive(Debug, PartialEq, Eq)]
pub enum JsonLine<'a> {
    /// Its bytes, newline included.
    Text(&'a [u8]),
    /// Longer than `MAX_ARTICLE_BYTES`: skipped to its end.
    TooLong,
}

/// Reads a JSONL source line by line, keeping one line in memory.
pub struct JsonLines<R> {
    reader: R,
    buf: Vec<u8>,
    line_no: usize,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(reader: R) -> Self {
        JsonLines { reader, buf: Vec::new(), line_no: 0 }
    }

    /// The next non-blank line with its number (from 1, blank lines counted), or `None` at the end.
    pub fn next_line(&mut self) -> std::io::Result<Option<(usize, JsonLine<'_>)>> {
        loop {
            self.buf.clear();
            self.line_no += 1;
            let n = self.reader.by_ref().take(MAX_ARTICLE_BYTES as u64 + 1).read_until(b'\n', &mut self.buf)?;
            if n == 0 {
                return Ok(None);
            }
            if self.buf.len() > MAX_ARTICLE_BYTES {
                self.reader.skip_until(b'\n')?;
                return Ok(Some((self.line_no, JsonLine::TooLong)));
            }
            if !self.buf.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some((self.line_no, JsonLine::Text(&self.buf))));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let mut lines = JsonLines::new(&b"{\"a\": 1}\n\n  \n{\"b\": 2}"[..]);
        assert_eq!(lines.next_line().unwrap(), Some((1, JsonLine::Text(b"{\"a\": 1}\n"))));
        assert_eq!(lines.next_line().unwrap(), Some((4, JsonLine::Text(b"{\"b\": 2}"))));
        assert_eq!(lines.next_line().unwrap(), None);
    }

    #[test]
    fn an_over_long_line_is_skipped_to_its_end() {
        let mut data = vec![b'x'; MAX_ARTICLE_BYTES + 10];
        data.extend_from_slice(b"\nnext\n");
        let mut lines = JsonLines::new(&data[..]);
        assert_eq!(lines.next_line().unwrap(), Some((1, JsonLine::TooLong)));
        assert_eq!(lines.next_line().unwrap(), Some((2, JsonLine::Text(b"next\n"))));
    }
}
