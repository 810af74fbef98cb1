//! Enriching on several threads: blocks of whole lines are enriched in
//! parallel and written in their order, with a fixed number of blocks in
//! flight whatever the input.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::num::NonZeroUsize;
use std::sync::{Mutex, PoisonError, mpsc};

use super::stream::{read_more, whole_lines_end};
use super::{Enricher, Summary};

/// How much a block holds at least (it grows to fit a longer line).
const BLOCK: usize = 1 << 18;

/// A block on its way from the reader through a worker to the writer, and
/// back to the reader: the lines read, what was written for them, their
/// counts, and whether the output is flushed after them.
#[derive(Default)]
struct Slot {
    seq: u64,
    /// The block's buffer, zeroed once; the lines are `input[..len]`.
    input: Vec<u8>,
    len: usize,
    output: Vec<u8>,
    summary: Summary,
    flush: bool,
}

impl Enricher {
    /// [`stream`](Self::stream) on `threads` threads: the input is cut into
    /// blocks of whole lines, each enriched by a copy of this enricher, and
    /// the blocks are written in order, so the output is the one `stream`
    /// writes, byte for byte. At most `2 * threads + 2` blocks are in flight
    /// (a block holds 256 KiB of input, or one longer line, and what was
    /// written for it), so memory does not grow with the input.
    ///
    /// Output is flushed as `stream` flushes it: after the lines of a read
    /// that returned less than it asked for. With one thread this is
    /// `stream` itself. Reading happens on the calling thread, writing on
    /// another (hence `Send`).
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use chatcodes::enrich::Enricher;
    /// let log: String = (0..10_000).map(|i| format!("{{\"ErrorCode\":{}}}\n", 70001 + i % 2)).collect();
    /// let enricher = Enricher::new();
    /// let mut parallel = Vec::new();
    /// let summary = enricher.stream_parallel(NonZeroUsize::new(4).unwrap(), log.as_bytes(), &mut parallel)?;
    /// let mut single = Vec::new();
    /// assert_eq!(enricher.clone().stream(log.as_bytes(), &mut single)?, summary);
    /// assert_eq!(parallel, single);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn stream_parallel(
        &self,
        threads: NonZeroUsize,
        mut input: impl Read,
        output: impl Write + Send,
    ) -> io::Result<Summary> {
        if threads.get() == 1 {
            return self.clone().stream(input, output);
        }
        let (free_tx, free_rx) = mpsc::channel();
        for _ in 0..2 * threads.get() + 2 {
            free_tx.send(Slot::default()).expect("the receiver is here");
        }
        let (work_tx, work_rx) = mpsc::channel::<Slot>();
        let work_rx = Mutex::new(work_rx);
        let (done_tx, done_rx) = mpsc::channel();
        std::thread::scope(|scope| {
            let mut workers = Vec::with_capacity(threads.get());
            for _ in 0..threads.get() {
                let mut enricher = self.clone();
                let (work_rx, done_tx) = (&work_rx, done_tx.clone());
                workers.push(scope.spawn(move || {
                    let done_tx = Worker(done_tx);
                    while let Ok(mut slot) = next(work_rx) {
                        slot.output.clear();
                        slot.summary = Summary::default();
                        enricher
                            .block_into(
                                &slot.input[..slot.len],
                                &mut slot.output,
                                &mut slot.summary,
                            )
                            .expect("writing to a Vec does not fail");
                        if done_tx.0.send(Some(slot)).is_err() {
                            break;
                        }
                    }
                }));
            }
            drop(done_tx);
            let writer = scope.spawn(move || write_in_order(done_rx, free_tx, output));
            let read = read_blocks(&mut input, free_rx, work_tx);
            // Joined one by one, not left to the scope: the scope returns
            // once each closure has, while the thread itself may still be
            // ending; a join waits for the thread (and its thread-local
            // memory) to be gone. A worker's panic goes on to the caller.
            let written = join(writer);
            workers.into_iter().for_each(join);
            // A failed write stops the reader, so its error comes first.
            let summary = written?;
            read?;
            Ok(summary)
        })
    }
}

/// Waits for a thread to end and gives its result; its panic goes on.
fn join<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// A worker's way to the writer; a worker that panics says so on it.
struct Worker(mpsc::Sender<Option<Slot>>);

impl Drop for Worker {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = self.0.send(None);
        }
    }
}

/// The next block for a worker; an error once the reader is done.
fn next(work: &Mutex<mpsc::Receiver<Slot>>) -> Result<Slot, mpsc::RecvError> {
    work.lock().unwrap_or_else(PoisonError::into_inner).recv()
}

/// Reads `input` into the free slots, cut after the last whole line of each
/// read (a line longer than a block grows its slot), and sends them to the
/// workers, numbered. Stops quietly when the writer has stopped (its error
/// is the one reported).
fn read_blocks(
    input: &mut impl Read,
    free: mpsc::Receiver<Slot>,
    work: mpsc::Sender<Slot>,
) -> io::Result<()> {
    let mut carry = Vec::new();
    for seq in 0.. {
        let Ok(mut slot) = free.recv() else {
            return Ok(());
        };
        let mut buf = std::mem::take(&mut slot.input);
        let size = BLOCK.max(2 * carry.len());
        if buf.len() < size {
            buf.resize(size, 0);
        }
        buf[..carry.len()].copy_from_slice(&carry);
        let mut filled = carry.len();
        let (end, eof, flush) = loop {
            let (read, short) = read_more(input, &mut buf, filled)?;
            filled += read;
            if read == 0 {
                break (filled, true, true);
            }
            if let Some(end) = whole_lines_end(&buf, filled, read) {
                break (end, false, short);
            }
            // No whole line yet, and no more input waiting: what the earlier
            // blocks wrote is flushed now (an empty block that says so), as
            // `stream` flushes after every short read.
            if short {
                break (0, false, true);
            }
        };
        carry.clear();
        carry.extend_from_slice(&buf[end..filled]);
        slot.input = buf;
        slot.len = end;
        slot.seq = seq;
        slot.flush = flush;
        if work.send(slot).is_err() {
            return Ok(());
        }
        if eof {
            break;
        }
    }
    Ok(())
}

/// Writes the workers' blocks in their order, flushing where a block asks
/// for it, and hands each slot back to the reader; returns the total counts.
/// `None` from a worker says it panicked (with a block that will never
/// come): the writer stops, so the reader and the other workers stop too and
/// the panic reaches the caller instead of a hang.
fn write_in_order(
    done: mpsc::Receiver<Option<Slot>>,
    free: mpsc::Sender<Slot>,
    output: impl Write,
) -> io::Result<Summary> {
    let mut out = io::BufWriter::with_capacity(1 << 16, output);
    let mut summary = Summary::default();
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    for slot in done {
        let Some(slot) = slot else {
            return Err(io::Error::other("an enrich thread panicked"));
        };
        waiting.insert(slot.seq, slot);
        while let Some(slot) = waiting.remove(&next) {
            out.write_all(&slot.output)?;
            if slot.flush {
                out.flush()?;
            }
            summary.add(&slot.summary);
            next += 1;
            // The reader may have finished: the slot is no longer needed.
            let _ = free.send(slot);
        }
    }
    out.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// A reader that hands out its input a few bytes at a time, as a pipe
    /// does, and fails at the end if told to.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
        fail: bool,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.data.is_empty() && self.fail {
                return Err(io::Error::other("the disk went away"));
            }
            let n = self.step.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    /// A writer that fails after `room` bytes.
    struct Full {
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "full"));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn log() -> Vec<u8> {
        let mut log = Vec::new();
        for i in 0..30_000 {
            match i % 5 {
                0 => log.extend_from_slice(b"not json\r\n"),
                1 => log
                    .extend_from_slice(format!("{{\"ErrorCode\":{}}}\n", 70000 + i % 7).as_bytes()),
                2 => log.extend_from_slice(
                    format!("{{\"pad\":\"{}\"}}\n", "x".repeat(i % 600)).as_bytes(),
                ),
                3 => log.extend_from_slice(b"{\"ResultItem\":[{\"ResultCode\":30010}]}\n"),
                _ => log.extend_from_slice(b"{\"ErrorCode\":0}\n"),
            }
        }
        // A line longer than a block, and a last line with no ending.
        log.extend_from_slice(
            format!(
                "{{\"ErrorCode\":70001,\"pad\":\"{}\"}}\n",
                "y".repeat(3 * BLOCK)
            )
            .as_bytes(),
        );
        log.extend_from_slice(b"{\"ErrorCode\":20001}");
        log
    }

    #[test]
    fn every_thread_count_writes_what_one_thread_writes() {
        let log = log();
        let enricher = Enricher::new();
        let mut single = Vec::new();
        let expected = enricher.clone().stream(&log[..], &mut single).unwrap();
        assert_eq!(expected.lines, 30_002);
        for threads in [1, 2, 8] {
            for step in [usize::MAX, 1000] {
                let input = Trickle {
                    data: &log,
                    step,
                    fail: false,
                };
                let mut out = Vec::new();
                let threads = NonZeroUsize::new(threads).unwrap();
                let summary = enricher.stream_parallel(threads, input, &mut out).unwrap();
                assert_eq!(summary, expected, "{threads} threads, reads of {step}");
                assert!(out == single, "{threads} threads, reads of {step}");
            }
        }
    }

    /// What a writer shared with the test has flushed so far.
    #[derive(Clone, Default)]
    struct Flushed {
        pending: Arc<Mutex<Vec<u8>>>,
        flushed: Arc<Mutex<Vec<u8>>>,
    }

    impl Write for Flushed {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.pending.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            let mut pending = self.pending.lock().unwrap();
            self.flushed.lock().unwrap().append(&mut pending);
            Ok(())
        }
    }

    /// A full read that ends inside a line, then a short read still inside
    /// it, then (as a quiet `tail -F`) nothing until the line before has
    /// been flushed; gives up after 5 s.
    struct QuietAfterPartial {
        reads: u32,
        flushed: Arc<Mutex<Vec<u8>>>,
        saw_flush: bool,
    }

    const FIRST: &[u8] = b"{\"ErrorCode\":70001}\n";

    impl Read for QuietAfterPartial {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.reads += 1;
            match self.reads {
                1 => {
                    buf[..FIRST.len()].copy_from_slice(FIRST);
                    buf[FIRST.len()..].fill(b'x');
                    Ok(buf.len())
                }
                2 => {
                    buf[0] = b'y';
                    Ok(1)
                }
                _ => {
                    let start = std::time::Instant::now();
                    while start.elapsed() < std::time::Duration::from_secs(5) {
                        if self
                            .flushed
                            .lock()
                            .unwrap()
                            .starts_with(b"{\"ErrorCode\":70001,")
                        {
                            self.saw_flush = true;
                            break;
                        }
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    Ok(0)
                }
            }
        }
    }

    #[test]
    fn a_line_is_flushed_while_the_input_is_quiet_inside_the_next_one() {
        for threads in [1, 2] {
            let out = Flushed::default();
            let mut input = QuietAfterPartial {
                reads: 0,
                flushed: out.flushed.clone(),
                saw_flush: false,
            };
            let threads = NonZeroUsize::new(threads).unwrap();
            let summary = Enricher::new()
                .stream_parallel(threads, &mut input, out.clone())
                .unwrap();
            assert!(input.saw_flush, "{threads} threads: the first line waited");
            assert_eq!((summary.lines, summary.enriched), (2, 1));
        }
    }

    #[test]
    fn a_worker_that_panicked_stops_the_writer_instead_of_a_hang() {
        let (done_tx, done_rx) = mpsc::channel();
        let (free_tx, _free_rx) = mpsc::channel();
        // Block 1 is done, block 0 went down with its worker.
        let one = Slot {
            seq: 1,
            ..Slot::default()
        };
        done_tx.send(Some(one)).unwrap();
        done_tx.send(None).unwrap();
        // `done_tx` is still open: the writer must not wait for block 0.
        let err = write_in_order(done_rx, free_tx, Vec::new()).unwrap_err();
        assert!(err.to_string().contains("panicked"), "{err}");
        drop(done_tx);
    }

    #[test]
    fn a_failed_write_or_read_is_the_error_returned() {
        let log = log();
        let two = NonZeroUsize::new(2).unwrap();
        let err = Enricher::new()
            .stream_parallel(two, &log[..], Full { room: 100_000 })
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        let input = Trickle {
            data: &log,
            step: 5000,
            fail: true,
        };
        let mut out = Vec::new();
        let err = Enricher::new()
            .stream_parallel(two, input, &mut out)
            .unwrap_err();
        assert_eq!(err.to_string(), "the disk went away");
    }
}
