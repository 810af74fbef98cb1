//! How blocks pass between the threads of [`Enricher::stream_parallel`]:
//! free slots, the queue of blocks read, and the output, which the thread
//! that finishes the block due next writes.
//!
//! [`Enricher::stream_parallel`]: super::Enricher::stream_parallel

use std::collections::{BTreeMap, VecDeque};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use super::{Enricher, Summary};

/// A block on its way from the reader through a worker to the output, and
/// back to the reader: the lines read, what was written for them, their
/// counts, and whether the output is flushed after them.
#[derive(Default)]
pub(super) struct Slot {
    pub(super) seq: u64,
    /// The block's buffer, zeroed once; the lines are `input[..len]`.
    pub(super) input: Vec<u8>,
    pub(super) len: usize,
    pub(super) output: Vec<u8>,
    pub(super) summary: Summary,
    pub(super) flush: bool,
}

impl Slot {
    /// Enriches the block's lines into its output.
    pub(super) fn enrich(&mut self, enricher: &mut Enricher) {
        self.output.clear();
        self.summary = Summary::default();
        enricher
            .block_into(&self.input[..self.len], &mut self.output, &mut self.summary)
            .expect("writing to a Vec does not fail");
    }
}

/// What the threads share: the free slots, the queue of blocks read, and
/// the output with the blocks done but not yet due.
pub(super) struct Shared<W: Write> {
    free: Mutex<Free>,
    /// Signalled when a slot comes back free, or everything stops.
    freed: Condvar,
    queue: Mutex<Queue>,
    /// Signalled when a block is queued, or the queue closes.
    queued: Condvar,
    output: Mutex<Output<W>>,
    /// Set by a failed read or write, or a thread that panicked: everyone stops.
    stop: AtomicBool,
}

/// The slots not in use, and whether the reader waits for one.
struct Free {
    slots: Vec<Slot>,
    waiting: bool,
}

#[derive(Default)]
struct Queue {
    blocks: VecDeque<Slot>,
    /// No more blocks will come.
    closed: bool,
    /// How many workers wait for a block. A block queued or a slot freed
    /// wakes a thread only when one waits: a wake-up is a system call, and
    /// with 64 KiB blocks there are hundreds a second.
    waiting: usize,
}

struct Output<W: Write> {
    /// `None` while a thread writes outside the lock.
    out: Option<io::BufWriter<W>>,
    /// The block due next.
    next: u64,
    /// Blocks done, by number, waiting for the ones before them.
    done: BTreeMap<u64, Slot>,
    summary: Summary,
    error: Option<io::Error>,
}

/// Locks a mutex; a thread that panicked holding it stops the pipeline
/// anyway, so the data is only read on the way out.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<W: Write> Shared<W> {
    pub(super) fn new(slots: usize, output: W) -> Self {
        Shared {
            free: Mutex::new(Free {
                slots: (0..slots).map(|_| Slot::default()).collect(),
                waiting: false,
            }),
            freed: Condvar::new(),
            queue: Mutex::new(Queue::default()),
            queued: Condvar::new(),
            output: Mutex::new(Output {
                out: Some(io::BufWriter::with_capacity(1 << 16, output)),
                next: 0,
                done: BTreeMap::new(),
                summary: Summary::default(),
                error: None,
            }),
            stop: AtomicBool::new(false),
        }
    }

    pub(super) fn stopped(&self) -> bool {
        self.stop.load(Ordering::Acquire)
    }

    /// Stops every thread at its next step.
    pub(super) fn stop(&self) {
        self.stop.store(true, Ordering::Release);
        // Taking each lock before notifying makes sure no thread is between
        // its check of `stop` and its wait.
        drop(lock(&self.free));
        self.freed.notify_all();
        drop(lock(&self.queue));
        self.queued.notify_all();
    }

    pub(super) fn free_slot(&self) -> Option<Slot> {
        lock(&self.free).slots.pop()
    }

    /// Waits until a slot is free; `false` when everything stops instead.
    pub(super) fn wait_for_free_slot(&self) -> bool {
        let mut free = lock(&self.free);
        while free.slots.is_empty() && !self.stopped() {
            free.waiting = true;
            free = self
                .freed
                .wait(free)
                .unwrap_or_else(PoisonError::into_inner);
            free.waiting = false;
        }
        !self.stopped()
    }

    pub(super) fn queue(&self, slot: Slot) {
        let mut queue = lock(&self.queue);
        queue.blocks.push_back(slot);
        let wake = queue.waiting > 0;
        drop(queue);
        if wake {
            self.queued.notify_one();
        }
    }

    /// A queued block, if there is one now.
    pub(super) fn queued(&self) -> Option<Slot> {
        lock(&self.queue).blocks.pop_front()
    }

    /// The next block for a worker, waiting for one; `None` once the queue
    /// is closed and empty, or everything stops.
    pub(super) fn next_block(&self) -> Option<Slot> {
        let mut queue = lock(&self.queue);
        loop {
            if self.stopped() {
                return None;
            }
            if let Some(slot) = queue.blocks.pop_front() {
                return Some(slot);
            }
            if queue.closed {
                return None;
            }
            queue.waiting += 1;
            queue = self
                .queued
                .wait(queue)
                .unwrap_or_else(PoisonError::into_inner);
            queue.waiting -= 1;
        }
    }

    /// Closes the queue: the workers end once it is empty.
    pub(super) fn close(&self) {
        lock(&self.queue).closed = true;
        self.queued.notify_all();
    }

    /// Takes a block that has been enriched: writes it if it is due, with
    /// every later one already done, unless another thread is writing (which
    /// then writes it too). Writing happens outside the lock.
    pub(super) fn done(&self, slot: Slot) {
        let mut output = lock(&self.output);
        output.done.insert(slot.seq, slot);
        let Some(mut out) = output.out.take() else {
            return;
        };
        while output.error.is_none() {
            let next = output.next;
            let Some(slot) = output.done.remove(&next) else {
                break;
            };
            drop(output);
            let written = out
                .write_all(&slot.output)
                .and_then(|()| if slot.flush { out.flush() } else { Ok(()) });
            output = lock(&self.output);
            match written {
                Ok(()) => {
                    output.summary.add(&slot.summary);
                    output.next += 1;
                    let mut free = lock(&self.free);
                    free.slots.push(slot);
                    let wake = free.waiting;
                    drop(free);
                    if wake {
                        self.freed.notify_one();
                    }
                }
                Err(e) => {
                    output.error = Some(e);
                    self.stop();
                }
            }
        }
        output.out = Some(out);
    }

    /// The counts of everything written, once every thread is done, or the
    /// write error; the output is flushed.
    pub(super) fn finish(self) -> io::Result<Summary> {
        let output = self
            .output
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(e) = output.error {
            return Err(e);
        }
        let mut out = output.out.expect("no thread is writing any more");
        out.flush()?;
        Ok(output.summary)
    }
}

/// Stops the pipeline when the thread holding it unwinds from a panic, so
/// the others do not wait for a block that will never come.
pub(super) struct StopOnPanic<'a, W: Write>(pub(super) &'a Shared<W>);

impl<W: Write> Drop for StopOnPanic<'_, W> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}
