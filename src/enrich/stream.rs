//! Streaming: lines read in blocks, untouched runs copied in one write.

use std::io::{self, Read, Write};

use super::{Enricher, LineOutcome, Summary};

impl Enricher {
    /// Copies `input` to `output` line by line, explaining what it can; see
    /// the [module docs](super). Lines may end in `\n` or `\r\n`, the last one
    /// may have no ending; every line is written, in order. Memory holds a
    /// block of input and grows only to fit the longest line.
    ///
    /// Output is buffered, and flushed whenever a read returns less than it
    /// asked for: no more input was waiting (a pipe or terminal that the
    /// writer has not filled), so the lines read so far are written at once
    /// (`tail -F app.log | chatcodes enrich` shows each line as it arrives).
    /// A file read in full blocks is written in large writes.
    pub fn stream(&mut self, mut input: impl Read, output: impl Write) -> io::Result<Summary> {
        let mut out = io::BufWriter::with_capacity(1 << 16, output);
        let mut summary = Summary::default();
        let mut buf = vec![0; 1 << 18];
        let mut filled = 0;
        loop {
            let (read, short) = read_more(&mut input, &mut buf, filled)?;
            filled += read;
            let end = if read == 0 {
                filled
            } else {
                whole_lines_end(&buf, filled, read).unwrap_or(0)
            };
            if end > 0 {
                self.block_into(&buf[..end], &mut out, &mut summary)?;
                buf.copy_within(end..filled, 0);
                filled -= end;
            }
            if read == 0 {
                break;
            }
            if short {
                out.flush()?;
            }
        }
        out.flush()?;
        Ok(summary)
    }

    /// Processes a block of whole lines (each ends in `\n`, but the last one
    /// may have no ending) and returns their counts: the piece of
    /// [`stream`](Self::stream) that callers with their own threads or
    /// their own framing run on each block. Untouched runs of lines are
    /// copied in one write.
    ///
    /// ```
    /// use chatcodes::enrich::Enricher;
    /// let mut out = Vec::new();
    /// let summary = Enricher::new().block(b"{\"ErrorCode\":70001}\nplain\n", &mut out)?;
    /// assert_eq!((summary.lines, summary.enriched, summary.not_json), (2, 1, 1));
    /// assert!(out.ends_with(b"\nplain\n"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn block(&mut self, block: &[u8], out: &mut impl Write) -> io::Result<Summary> {
        let mut summary = Summary::default();
        self.block_into(block, out, &mut summary)?;
        Ok(summary)
    }

    /// [`block`](Self::block), adding to `summary`.
    pub(super) fn block_into(
        &mut self,
        block: &[u8],
        out: &mut impl Write,
        summary: &mut Summary,
    ) -> io::Result<()> {
        let mut copied = 0;
        let mut start = 0;
        while start < block.len() {
            let end = memchr::memchr(b'\n', &block[start..]).map_or(block.len(), |i| start + i);
            let line = &block[start..end];
            summary.lines += 1;
            match self.classify(line) {
                LineOutcome::Enriched { unknown_codes } => {
                    summary.enriched += 1;
                    summary.unknown_codes += u64::from(unknown_codes);
                    out.write_all(&block[copied..start])?;
                    self.write_enriched(line, out)?;
                    copied = end;
                }
                LineOutcome::NotJson => summary.not_json += 1,
                LineOutcome::Unchanged => {}
            }
            start = end + 1;
        }
        out.write_all(&block[copied..])
    }
}

/// Reads more of `input` into `buf` after its first `filled` bytes (doubling
/// `buf` when it is full), retrying an interrupted read. Returns how much was
/// read and whether that is less than was asked for: no more input was
/// waiting, so what was read should be written out now.
pub(super) fn read_more(
    input: &mut impl Read,
    buf: &mut Vec<u8>,
    filled: usize,
) -> io::Result<(usize, bool)> {
    if filled == buf.len() {
        buf.resize(buf.len() * 2, 0);
    }
    let asked = buf.len() - filled;
    loop {
        match input.read(&mut buf[filled..]) {
            Ok(read) => return Ok((read, read < asked)),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Where the whole lines of `buf[..filled]` end, when its last `read` bytes
/// have just been read and what came before holds no newline (it is the
/// start of a line): only the new bytes are searched, so a long line read
/// in many pieces is not searched again with each one.
pub(super) fn whole_lines_end(buf: &[u8], filled: usize, read: usize) -> Option<usize> {
    let new = filled - read;
    memchr::memrchr(b'\n', &buf[new..filled]).map(|at| new + at + 1)
}
