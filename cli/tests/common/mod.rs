//! Running the `chatcodes` binary from the integration tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `chatcodes ARGS` with `stdin` as its input (and no colour).
pub fn chatcodes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chatcodes"))
        .args(args)
        .env("NO_COLOR", "1")
        // English whatever the locale of the machine running the tests.
        .env("LC_ALL", "C")
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

/// Runs `chatcodes ARGS`, asserts that it succeeded (showing its stderr
/// otherwise) and returns its standard output.
#[allow(dead_code)]
pub fn succeed(args: &[&str], stdin: &[u8]) -> String {
    let out = chatcodes(args, stdin);
    assert!(
        out.status.success(),
        "chatcodes {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
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

/// Whether a real component a test runs (a log daemon, Chromium) is here.
/// When `present` says no, the repository's own install script
/// (`.ci/install-*.sh`, from Debian's packages) runs once, as root or
/// through `sudo -n`, bounded to 15 minutes; then `present` is asked again.
/// A component still missing fails the test under `CI=true`; elsewhere the
/// test says why and stops (returns false).
#[allow(dead_code)]
pub fn component(what: &str, script: &str, present: impl Fn() -> bool) -> bool {
    if present() {
        return true;
    }
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(script);
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut install = if root {
        Command::new("timeout")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.args(["-n", "timeout"]);
        sudo
    };
    eprintln!("{what} is missing: running {}", script.display());
    let installed = install
        .arg("900")
        .arg("bash")
        .arg(&script)
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if installed && present() {
        return true;
    }
    let message = format!(
        "{what} is missing and {} could not install it (it needs root or passwordless sudo)",
        script.display()
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
    eprintln!("skipped: {message}");
    false
}
