//! Running the `chatcodes` binary from the integration tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `chatcodes ARGS` with `stdin` as its input (and no colour).
pub fn chatcodes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chatcodes"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the chatcodes binary runs");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().unwrap();
    match writer.join().unwrap() {
        // The command may stop reading early (an oversized response).
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    output
}

/// A scratch directory, removed at the end even when the test fails.
/// Not every test crate that includes this module uses it.
#[allow(dead_code)]
pub struct Scratch(pub std::path::PathBuf);

#[allow(dead_code)]
impl Scratch {
    /// A fresh, empty directory named after `name` and this process.
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("chatcodes-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
