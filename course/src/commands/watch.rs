//! `watch`: re-checks the current exercise (the first not done) whenever a
//! `.rs` file under `lessons/` is saved, and moves on when it passes.
//! `watch --manual-run` re-checks on Enter instead, for file systems where
//! watching does not work (some network and VM shares).
//!
//! On a terminal the commands are single keys (`watch/keys.rs`); otherwise
//! (piped input, CI) they are lines on stdin.

mod keys;
mod signals;

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use anyhow::{Result, anyhow};
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use super::check::{Output, Target, check_one};
use super::next::{all_done, describe, first_not_done};
use crate::changes::{Snapshot, is_rust};
use crate::manifest::{Course, Exercise, RUNNER};
use crate::state::State;
use crate::ui;

/// What wakes the loop up.
#[derive(Debug)]
enum Event {
    /// These files under `lessons/` were touched (maybe only opened).
    Touched(Vec<PathBuf>),
    /// A watcher error, reported but not fatal.
    WatchError(String),
    /// Enter.
    Recheck,
    Hint,
    /// The recipe: `hint --more`.
    Recipe,
    Quit,
    /// Stdin reached its end.
    InputClosed,
}

/// Where the learner's commands come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    /// Single keys, read in raw mode: an interactive terminal.
    Keys,
    /// Lines on stdin, each ended by Enter: piped input, CI, or output
    /// that is not shown on the terminal (raw mode would garble it).
    Lines,
}

impl Input {
    fn detect() -> Self {
        if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            Input::Keys
        } else {
            Input::Lines
        }
    }
}

pub fn watch(course: &Course, manual: bool) -> Result<ExitCode> {
    let (tx, rx) = mpsc::channel();
    let lessons = course.root.join("lessons");
    let mut snapshot = Snapshot::of(&lessons);
    // Kept alive for the whole loop: dropping it stops the watching.
    let _watcher = if manual {
        None
    } else {
        Some(start_watcher(&lessons, tx.clone()).map_err(|e| {
            anyhow!(
                "could not watch {} for changes: {e}\n\
                 try `{RUNNER} watch --manual-run`, which re-checks when you press Enter",
                lessons.display()
            )
        })?)
    };
    let input = Input::detect();
    match input {
        Input::Lines => spawn_input_reader(tx),
        // Keys are read by the loop itself, only while it waits.
        Input::Keys => drop(tx),
    }

    let state_path = State::path(&course.root);
    let mut state = State::load(&state_path)?;
    let Some(mut current) = first_not_done(course, &state) else {
        print!("{}", all_done(course));
        return Ok(ExitCode::SUCCESS);
    };
    let mut clear = true;
    loop {
        // Check, and keep going while exercises pass (some may have been
        // solved before the state file knew).
        ui::separator(&format!("{}: {}", current.id, current.title), clear);
        if check_one(course, current, Target::Stub, Output::Brief)? {
            state = State::load(&state_path)?;
            if state.mark_done(&current.id) {
                state.save(&state_path)?;
            }
            match first_not_done(course, &state) {
                Some(next) => {
                    println!();
                    print!("{}", describe(next));
                    current = next;
                    clear = false;
                    continue;
                }
                None => {
                    println!();
                    print!("{}", all_done(course));
                    return Ok(ExitCode::SUCCESS);
                }
            }
        }
        prompt(manual, input);

        if !wait_for_recheck(&rx, manual, input, current, &mut snapshot)? {
            return Ok(ExitCode::SUCCESS);
        }
        clear = true;
    }
}

/// Waits for the next reason to re-check: `true` to check, `false` to quit.
fn wait_for_recheck(
    rx: &Receiver<Event>,
    manual: bool,
    input: Input,
    current: &Exercise,
    snapshot: &mut Snapshot,
) -> Result<bool> {
    loop {
        let event = match input {
            Input::Lines => match rx.recv() {
                Ok(event) => event,
                Err(_) => return Ok(false),
            },
            Input::Keys => keys::next_event(rx)?,
        };
        match event {
            Event::Touched(paths) => {
                if !snapshot.changed(paths.iter().map(PathBuf::as_path)) {
                    continue;
                }
                // Whatever else queued up during the last check is covered
                // by this one re-check.
                while let Ok(event) = rx.try_recv() {
                    match event {
                        Event::Quit => return Ok(false),
                        Event::Touched(paths) => {
                            snapshot.changed(paths.iter().map(PathBuf::as_path));
                        }
                        _ => {}
                    }
                }
                return Ok(true);
            }
            Event::Recheck => return Ok(true),
            Event::WatchError(e) => eprintln!("warning: watching files: {e}"),
            Event::Hint => {
                println!("\n{}\n", ui::indent(&current.hint, 2));
                prompt(manual, input);
            }
            Event::Recipe => {
                println!("\n{}\n", ui::indent(&current.more, 2));
                prompt(manual, input);
            }
            Event::Quit => return Ok(false),
            // Without a keyboard, file saves still drive `watch`.
            Event::InputClosed if manual => return Ok(false),
            Event::InputClosed => {}
        }
    }
}

fn prompt(manual: bool, input: Input) {
    let keys = match input {
        Input::Keys => "Enter: check again · h: hint · m: more (the recipe) · q: quit",
        Input::Lines => "Enter: check again · h, m or q then Enter: hint, more (the recipe), quit",
    };
    if manual {
        println!("\n{}", ui::dim(keys));
    } else {
        println!("\n{}", ui::dim(&format!("Watching for saves · {keys}")));
    }
}

fn start_watcher(dir: &Path, tx: Sender<Event>) -> Result<Debouncer<RecommendedWatcher>> {
    let mut debouncer = new_debouncer(
        Duration::from_millis(300),
        move |res: DebounceEventResult| {
            let event = match res {
                Ok(events) => {
                    let paths: Vec<PathBuf> = events
                        .into_iter()
                        .map(|e| e.path)
                        .filter(|p| is_rust(p))
                        .collect();
                    if paths.is_empty() {
                        return;
                    }
                    Event::Touched(paths)
                }
                Err(e) => Event::WatchError(e.to_string()),
            };
            let _ = tx.send(event);
        },
    )?;
    debouncer.watcher().watch(dir, RecursiveMode::Recursive)?;
    Ok(debouncer)
}

/// Reads commands from stdin on a thread of its own, so file events and
/// keys arrive on one channel.
fn spawn_input_reader(tx: Sender<Event>) {
    thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let event = match line.as_deref().map(str::trim) {
                Ok("q" | "quit" | "exit") => Event::Quit,
                Ok("h" | "hint") => Event::Hint,
                Ok("m" | "more") => Event::Recipe,
                Ok(_) => Event::Recheck,
                Err(_) => break,
            };
            if tx.send(event).is_err() {
                return;
            }
        }
        let _ = tx.send(Event::InputClosed);
    });
}
