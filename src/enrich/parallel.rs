//! Enriching on several threads: blocks of whole lines are enriched in
//! parallel and written in their order, with a fixed number of blocks in
//! flight whatever the input.
//!
//! The calling thread reads and enriches; `threads - 1` more enrich. No
//! thread only waits to hand blocks on: the one that finishes the block due
//! next writes it, and any later ones already done, so a block passes from
//! the reader to its worker and back without a thread of its own waking for it.

use std::io::{self, Read, Write};
use std::num::NonZeroUsize;

use super::handoff::{Shared, Slot, StopOnPanic};
use super::stream::{read_more, whole_lines_end};
use super::{Enricher, Summary};

/// How much a block holds at least (it grows to fit a longer line): 64 KiB,
/// so that a thread's blocks in flight, read and written, stay in its core's
/// cache (256 KiB blocks cost 2 threads 3.5 ms of CPU more than one thread
/// on the short benchmark log, 64 KiB blocks 1.5 ms; BENCHMARKS.md).
pub(super) const BLOCK: usize = 1 << 16;

impl Enricher {
    /// [`stream`](Self::stream) on `threads` threads: the input is cut into
    /// blocks of whole lines, each enriched by a copy of this enricher, and
    /// the blocks are written in order, so the output is the one `stream`
    /// writes, byte for byte. At most `2 * threads + 2` blocks are in flight
    /// (a block holds 64 KiB of input, or one longer line, and what was
    /// written for it), so memory does not grow with the input.
    ///
    /// Output is flushed as `stream` flushes it: after the lines of a read
    /// that returned less than it asked for. With one thread this is
    /// `stream` itself. The calling thread reads (so `input` need not be
    /// `Send`) and enriches, with `threads - 1` threads beside it; whichever
    /// finishes the block due next writes it (hence `output: Send`).
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
        let shared = Shared::new(2 * threads.get() + 2, output);
        let read = std::thread::scope(|scope| {
            let workers: Vec<_> = (1..threads.get())
                .map(|_| {
                    let mut enricher = self.clone();
                    let shared = &shared;
                    scope.spawn(move || {
                        let _guard = StopOnPanic(shared);
                        while let Some(mut slot) = shared.next_block() {
                            slot.enrich(&mut enricher);
                            shared.done(slot);
                        }
                    })
                })
                .collect();
            let read = {
                let _guard = StopOnPanic(&shared);
                read_and_enrich(&shared, &mut input, &mut self.clone())
            };
            shared.close();
            // Joined one by one, not left to the scope: the scope returns
            // once each closure has, while the thread itself may still be
            // ending; a join waits for the thread (and its thread-local
            // memory) to be gone. A worker's panic goes on to the caller.
            for worker in workers {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            }
            read
        });
        // A failed write stops the reader, so its error comes first.
        let summary = shared.finish()?;
        read?;
        Ok(summary)
    }
}

/// The calling thread's part: keeps every free slot filled with the next
/// block and queued, and enriches queued blocks itself between reads.
fn read_and_enrich<W: Write>(
    shared: &Shared<W>,
    input: &mut impl Read,
    enricher: &mut Enricher,
) -> io::Result<()> {
    let mut reader = Reader::default();
    while !shared.stopped() {
        while !reader.eof
            && let Some(mut slot) = shared.free_slot()
        {
            if let Err(e) = reader.fill(input, &mut slot) {
                shared.stop();
                return Err(e);
            }
            shared.queue(slot);
        }
        if let Some(mut slot) = shared.queued() {
            slot.enrich(enricher);
            shared.done(slot);
        } else if reader.eof || !shared.wait_for_free_slot() {
            break;
        }
    }
    Ok(())
}

/// Cuts the input into blocks of whole lines.
#[derive(Default)]
struct Reader {
    /// The start of a line the last read ended inside.
    carry: Vec<u8>,
    seq: u64,
    eof: bool,
}

impl Reader {
    /// Reads the next block into `slot`: the lines up to the last whole one
    /// of a read (a line longer than a block grows the slot), everything
    /// left at the end of the input, or, when a short read brought no whole
    /// line, nothing but a flush of what earlier blocks wrote, as `stream`
    /// flushes after every short read.
    fn fill(&mut self, input: &mut impl Read, slot: &mut Slot) -> io::Result<()> {
        let mut buf = std::mem::take(&mut slot.input);
        let size = BLOCK.max(2 * self.carry.len());
        if buf.len() < size {
            buf.resize(size, 0);
        }
        buf[..self.carry.len()].copy_from_slice(&self.carry);
        let mut filled = self.carry.len();
        let (end, flush) = loop {
            // A failed read ends the pipeline: the slot is not needed again.
            let (read, short) = read_more(input, &mut buf, filled)?;
            filled += read;
            if read == 0 {
                self.eof = true;
                break (filled, true);
            }
            if let Some(end) = whole_lines_end(&buf, filled, read) {
                break (end, short);
            }
            if short {
                break (0, true);
            }
        };
        self.carry.clear();
        self.carry.extend_from_slice(&buf[end..filled]);
        slot.input = buf;
        slot.len = end;
        slot.seq = self.seq;
        slot.flush = flush;
        self.seq += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

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
    fn a_thread_that_panicked_stops_the_others_instead_of_a_hang() {
        let shared = Shared::new(1, Vec::new());
        let slot = shared.free_slot().unwrap();
        std::thread::scope(|scope| {
            // The reader waits for a free slot that the panicking worker
            // holds and will never give back.
            let waiting = scope.spawn(|| shared.wait_for_free_slot());
            let worker = scope.spawn(|| {
                let _guard = StopOnPanic(&shared);
                let _held = slot;
                std::thread::sleep(std::time::Duration::from_millis(50));
                panic!("a worker went down");
            });
            assert!(worker.join().is_err());
            let start = std::time::Instant::now();
            while !waiting.is_finished() && start.elapsed() < std::time::Duration::from_secs(5) {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            let in_time = waiting.is_finished();
            // Without the guard the reader would wait for ever: stop it so
            // that the test fails instead of hanging.
            shared.stop();
            assert!(in_time, "the reader still waited 5 s after the panic");
            assert!(!waiting.join().unwrap(), "the reader was told to stop");
        });
        assert!(shared.next_block().is_none());
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
