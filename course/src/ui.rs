//! Terminal output: colour only on a terminal (and never with `NO_COLOR`),
//! and a progress bar drawn once as plain text, safe in logs and pipes.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use std::sync::OnceLock;

fn colour_enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    })
}

/// Whether stdout is an interactive terminal.
pub fn is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

fn paint(code: &str, text: &str) -> String {
    if colour_enabled() {
        format!("\u{1b}[{code}m{text}\u{1b}[0m")
    } else {
        text.to_owned()
    }
}

pub fn green(text: &str) -> String {
    paint("32", text)
}

pub fn red(text: &str) -> String {
    paint("31", text)
}

pub fn bold(text: &str) -> String {
    paint("1", text)
}

pub fn dim(text: &str) -> String {
    paint("2", text)
}

/// `[██████░░░░░░░░░]  40%`: a static progress bar `width` cells wide.
pub fn progress_bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0).min(width);
    let percent = (done * 100).checked_div(total).unwrap_or(0);
    format!(
        "[{}{}] {percent:>3}%",
        green(&"█".repeat(filled)),
        dim(&"░".repeat(width - filled))
    )
}

/// A separator between watch runs: clears the screen on a terminal if
/// `clear`, and always prints a rule so logs stay readable.
pub fn separator(title: &str, clear: bool) {
    if clear && is_terminal() {
        print!("\u{1b}[2J\u{1b}[H");
    }
    let rule = "─".repeat(60usize.saturating_sub(title.chars().count() + 4));
    println!("{}", dim(&format!("── {title} {rule}")));
}

/// Indents every line of `text` by `by` spaces.
pub fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{pad}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A spinner on stderr while something slow runs; indicatif draws nothing
/// when stderr is not a terminal.
pub fn spinner(message: String) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
        bar.set_style(style);
    }
    bar.set_message(message);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
