//! `watch`'s keys: lines on piped input, single keys on a terminal (a
//! pseudo-terminal here), and a terminal left as it was found.

mod tiny_course;

use std::io::{Read, Write};
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use tiny_course::{HINT, MORE};

/// The first check builds the tiny lesson crate: seconds, but the machine
/// may be busy.
const FIRST_CHECK: Duration = Duration::from_secs(300);
/// Everything after that is immediate; this only bounds a broken `watch`.
const REPLY: Duration = Duration::from_secs(20);

/// A bound on a wait for the real process these tests drive.
struct Deadline(Instant);

#[expect(
    clippy::disallowed_methods,
    reason = "a real process runs on the real clock"
)]
impl Deadline {
    fn after(limit: Duration) -> Self {
        Deadline(Instant::now() + limit)
    }

    fn left(&self) -> Duration {
        self.0.saturating_duration_since(Instant::now())
    }

    fn passed(&self) -> bool {
        self.left().is_zero()
    }
}

/// Collects a reader's bytes on a thread, so waits can be bounded.
fn collect(mut reader: impl Read + Send + 'static) -> Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            match reader.read(&mut buf) {
                // A pty's reader fails (EIO) once the program has exited.
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        return;
                    }
                }
            }
        }
    });
    rx
}

/// What a collector received, waiting at most `limit` for the rest.
fn drain(rx: &Receiver<Vec<u8>>, limit: Duration) -> String {
    let deadline = Deadline::after(limit);
    let mut bytes = Vec::new();
    while let Ok(chunk) = rx.recv_timeout(deadline.left()) {
        bytes.extend(chunk);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn wait_with_timeout(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Deadline::after(limit);
    while !deadline.passed() {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn piped_lines_show_the_hint_and_quit() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    tiny_course::make(root);

    let mut child = tiny_course::course(root)
        .args(["watch", "--manual-run"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the course binary runs");
    let stdout = collect(child.stdout.take().unwrap());
    let stderr = collect(child.stderr.take().unwrap());
    // Read as soon as the first check has failed: one command a line.
    child.stdin.take().unwrap().write_all(b"h\nm\nq\n").unwrap();

    let status = wait_with_timeout(&mut child, FIRST_CHECK);
    let out = drain(&stdout, REPLY);
    let err = drain(&stderr, REPLY);
    let all = format!("--- stdout\n{out}--- stderr\n{err}");
    assert!(status.is_some(), "watch did not quit on `q`:\n{all}");
    assert!(status.unwrap().success(), "{all}");
    assert!(out.contains(HINT), "`h` shows the hint:\n{all}");
    assert!(out.contains(MORE), "`m` shows the recipe:\n{all}");
    let hint_at = out.find(HINT).unwrap();
    assert!(
        hint_at < out.find(MORE).unwrap(),
        "in the order typed:\n{all}"
    );
    assert!(
        out.contains("h, m or q then Enter"),
        "the prompt says lines need Enter:\n{all}"
    );
}

#[cfg(unix)]
mod terminal {
    use super::*;
    use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

    /// `watch` in a pseudo-terminal, as a learner's terminal runs it.
    struct Session {
        child: Box<dyn Child + Send + Sync>,
        keyboard: Box<dyn Write + Send>,
        screen: Receiver<Vec<u8>>,
        /// Everything the program wrote, as the terminal received it.
        output: Vec<u8>,
        // Kept open: closing the master hangs the program up.
        master: Box<dyn MasterPty + Send>,
    }

    impl Session {
        fn start(root: &std::path::Path) -> Self {
            let pty = native_pty_system()
                .openpty(PtySize {
                    rows: 40,
                    cols: 120,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("a pseudo-terminal");
            let mut command = tiny_course::course(root);
            command.arg("watch");
            let mut builder = CommandBuilder::new(command.get_program());
            builder.args(command.get_args());
            for (key, value) in command.get_envs() {
                match value {
                    Some(value) => builder.env(key, value),
                    None => builder.env_remove(key),
                }
            }
            builder.cwd(root);
            let child = pty.slave.spawn_command(builder).expect("watch starts");
            drop(pty.slave);
            Session {
                child,
                keyboard: pty.master.take_writer().unwrap(),
                screen: collect(pty.master.try_clone_reader().unwrap()),
                output: Vec::new(),
                master: pty.master,
            }
        }

        fn text(&self) -> String {
            String::from_utf8_lossy(&self.output).into_owned()
        }

        /// Waits until the output holds `text` (counting only what came
        /// after byte `from`), or fails the test after `limit`.
        fn expect(&mut self, text: &str, from: usize, limit: Duration) {
            let deadline = Deadline::after(limit);
            while !String::from_utf8_lossy(&self.output[from..]).contains(text) {
                let left = deadline.left();
                match self.screen.recv_timeout(left) {
                    Ok(bytes) => self.output.extend(bytes),
                    Err(_) => {
                        let _ = self.child.kill();
                        panic!(
                            "no {text:?} within {limit:?}; the terminal showed:\n{}",
                            self.text()
                        );
                    }
                }
            }
        }

        /// Whether the terminal is in raw mode: no line editing.
        fn is_raw(&self) -> bool {
            let termios = self.master.get_termios().expect("the pty's mode");
            termios.local_flags.bits() & libc::ICANON == 0
        }

        /// Waits until `watch` has put the terminal in raw mode.
        fn expect_raw(&mut self, limit: Duration) {
            let deadline = Deadline::after(limit);
            while !self.is_raw() {
                if deadline.passed() {
                    let _ = self.child.kill();
                    panic!("no raw mode within {limit:?}:\n{}", self.text());
                }
                thread::sleep(Duration::from_millis(10));
            }
        }

        /// Sends `watch` the signal `name` (`TERM`, `HUP`), as `kill` does.
        fn signal(&self, name: &str) {
            let pid = self.child.process_id().expect("watch's process id");
            let kill = std::process::Command::new("kill")
                .arg(format!("-{name}"))
                .arg(pid.to_string())
                .status()
                .expect("kill runs");
            assert!(kill.success(), "kill -{name} {pid}: {kill}");
        }

        /// Types `keys` (no Enter) and returns where the reply starts.
        fn press(&mut self, keys: &[u8]) -> usize {
            let from = self.output.len();
            self.keyboard.write_all(keys).unwrap();
            self.keyboard.flush().unwrap();
            from
        }

        /// Waits for the program to exit, then for the rest of its output.
        fn exit_status(&mut self, limit: Duration) -> portable_pty::ExitStatus {
            let deadline = Deadline::after(limit);
            let status = loop {
                if let Some(status) = self.child.try_wait().unwrap() {
                    break status;
                }
                if deadline.passed() {
                    let _ = self.child.kill();
                    panic!("watch did not exit within {limit:?}:\n{}", self.text());
                }
                thread::sleep(Duration::from_millis(50));
            };
            while let Ok(bytes) = self.screen.recv_timeout(Duration::from_millis(500)) {
                self.output.extend(bytes);
            }
            status
        }
    }

    /// Lines that would not start at column 0: a `\n` the terminal did not
    /// turn into `\r\n` because output processing was off (raw mode).
    fn staircase(output: &[u8]) -> Vec<String> {
        let mut bad = Vec::new();
        for (i, &byte) in output.iter().enumerate() {
            if byte == b'\n' && (i == 0 || output[i - 1] != b'\r') {
                let before = &output[i.saturating_sub(40)..=i];
                bad.push(format!("{:?}", String::from_utf8_lossy(before)));
            }
        }
        bad
    }

    #[test]
    fn single_keys_work_without_enter_and_leave_the_terminal_cooked() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        tiny_course::make(root);

        let mut watch = Session::start(root);
        let prompt = "Enter: check again · h: hint · m: more (the recipe) · q: quit";
        // Either mode's prompt, then the right one at once.
        watch.expect("Enter: check again", 0, FIRST_CHECK);
        assert!(watch.text().contains(prompt), "{}", watch.text());

        // Each key once `watch` waits in raw mode, as a learner types it.
        watch.expect_raw(REPLY);
        let from = watch.press(b"h");
        watch.expect(HINT, from, REPLY);
        watch.expect(prompt, from, REPLY);
        watch.expect_raw(REPLY);
        let from = watch.press(b"m");
        watch.expect(MORE, from, REPLY);
        watch.expect(prompt, from, REPLY);
        watch.expect_raw(REPLY);
        watch.press(b"q");
        let status = watch.exit_status(REPLY);
        assert!(status.success(), "{status:?}:\n{}", watch.text());
        assert!(!watch.is_raw(), "the terminal is restored on exit");

        let bad = staircase(&watch.output);
        assert!(
            bad.is_empty(),
            "lines printed in raw mode (a `\\n` without `\\r`): {bad:#?}"
        );

        // Ctrl-C is a key in raw mode: a clean exit, not a SIGINT. (Before
        // raw mode it would still be SIGINT, so wait for it.)
        let mut watch = Session::start(root);
        watch.expect(prompt, 0, FIRST_CHECK);
        watch.expect_raw(REPLY);
        watch.press(b"\x03");
        let status = watch.exit_status(REPLY);
        assert!(status.success(), "{status:?}:\n{}", watch.text());
        assert!(!watch.is_raw(), "the terminal is restored on exit");
        assert!(staircase(&watch.output).is_empty(), "{}", watch.text());
    }

    /// `kill` (SIGTERM) or a closed terminal window (SIGHUP) while `watch`
    /// waits for a key: it ends, and the shell it leaves is usable. While it
    /// checks, the signal still ends it at once.
    #[test]
    fn a_signal_ends_watch_and_leaves_the_terminal_cooked() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        tiny_course::make(root);
        for signal in ["TERM", "HUP"] {
            let mut watch = Session::start(root);
            watch.expect("Enter: check again", 0, FIRST_CHECK);
            watch.expect_raw(REPLY);
            watch.signal(signal);
            let status = watch.exit_status(REPLY);
            assert!(
                !status.success(),
                "SIG{signal} is not a clean exit: {status:?}"
            );
            assert!(
                !watch.is_raw(),
                "SIG{signal} while waiting for a key left the terminal raw:\n{}",
                watch.text()
            );
        }

        // Busy with a check after a wait in raw mode: the signal still ends
        // it at once, as if `watch` had no handler (the answer sleeps past
        // the exercise's 1 s limit, so the check lasts over a second).
        let mut watch = Session::start(root);
        watch.expect("Enter: check again", 0, FIRST_CHECK);
        watch.expect_raw(REPLY);
        let from = watch.output.len();
        tiny_course::write(
            root,
            "lessons/01-demo/src/exercises/double.rs",
            "pub fn double(x: u32) -> u32 {\n    \
             std::thread::sleep(std::time::Duration::from_secs(3));\n    \
             x * 2\n}\n",
        );
        let deadline = Deadline::after(REPLY);
        while watch.is_raw() {
            assert!(!deadline.passed(), "no recheck:\n{}", watch.text());
            thread::sleep(Duration::from_millis(10));
        }
        watch.signal("TERM");
        let status = watch.exit_status(REPLY);
        assert!(!status.success(), "SIGTERM is not a clean exit: {status:?}");
        let after = String::from_utf8_lossy(&watch.output[from..]).into_owned();
        assert!(
            !after.contains("stopped after 1 s"),
            "SIGTERM during a check waited for the check to end:\n{after}"
        );
    }
}
