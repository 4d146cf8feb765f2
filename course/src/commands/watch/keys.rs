//! Single keys on a terminal: `h` shows the hint at once, no Enter needed.
//!
//! Raw mode also turns off the terminal's output processing (`\n` no longer
//! returns the carriage), so it is on only while waiting for a key: the
//! [`RawMode`] guard leaves it before anything is printed, on every return,
//! error or panic.

use std::io::{self, Write};
use std::panic;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use crossterm::event::{self, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal;

use super::Event;
use super::signals::Deferred;

/// How often the file events are looked at between keys.
const TICK: Duration = Duration::from_millis(50);

/// Waits for a key or a file event, whichever comes first, with the
/// terminal in raw mode only for the wait.
pub(super) fn next_event(rx: &Receiver<Event>) -> io::Result<Event> {
    let raw = RawMode::enter()?;
    let mut files_open = true;
    loop {
        if raw.signals.arrived() {
            // `raw` is dropped on the way out: the terminal is restored,
            // then the signal ends the process.
            return Ok(Event::Quit);
        }
        if files_open {
            match rx.try_recv() {
                Ok(event) => return Ok(event),
                // `--manual-run`: no watcher, only keys.
                Err(TryRecvError::Disconnected) => files_open = false,
                Err(TryRecvError::Empty) => {}
            }
        }
        if !event::poll(TICK)? {
            continue;
        }
        let event::Event::Key(key) = event::read()? else {
            continue;
        };
        if let Some(event) = command(key) {
            return Ok(event);
        }
    }
}

/// What a key asks for; other keys are ignored.
fn command(key: KeyEvent) -> Option<Event> {
    // Windows also reports releases and repeats.
    if key.kind != KeyEventKind::Press {
        return None;
    }
    // Raw mode turns Ctrl-C into a key instead of SIGINT.
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c' | 'd') => Some(Event::Quit),
            _ => None,
        };
    }
    match key.code {
        KeyCode::Enter => Some(Event::Recheck),
        KeyCode::Char('h' | 'H') => Some(Event::Hint),
        KeyCode::Char('m' | 'M') => Some(Event::Recipe),
        KeyCode::Char('q' | 'Q') | KeyCode::Esc => Some(Event::Quit),
        _ => None,
    }
}

/// Whether this process put the terminal in raw mode, for the panic hook.
static RAW: AtomicBool = AtomicBool::new(false);

/// Raw mode while alive; dropping it restores the terminal, and then
/// lets a SIGTERM or SIGHUP that came meanwhile take effect.
#[derive(Debug)]
struct RawMode {
    // Dropped after `drop` below has left raw mode.
    signals: Deferred,
}

impl RawMode {
    fn enter() -> io::Result<Self> {
        restore_on_panic();
        // Before raw mode: a signal from now on finds the terminal restored.
        let signals = Deferred::catch();
        // Whatever is still buffered must reach the terminal cooked.
        io::stdout().flush()?;
        io::stderr().flush()?;
        terminal::enable_raw_mode()?;
        RAW.store(true, Ordering::SeqCst);
        Ok(RawMode { signals })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        if RAW.swap(false, Ordering::SeqCst) {
            let _ = terminal::disable_raw_mode();
        }
    }
}

/// A panic's message is printed before unwinding drops the guard, so the
/// hook restores the terminal first (and covers `panic = "abort"` too).
fn restore_on_panic() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if RAW.swap(false, Ordering::SeqCst) {
                let _ = terminal::disable_raw_mode();
            }
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<Event> {
        command(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn keys_map_to_commands() {
        let none = KeyModifiers::NONE;
        assert!(matches!(key(KeyCode::Char('h'), none), Some(Event::Hint)));
        assert!(matches!(key(KeyCode::Char('m'), none), Some(Event::Recipe)));
        assert!(matches!(key(KeyCode::Enter, none), Some(Event::Recheck)));
        for quit in [KeyCode::Char('q'), KeyCode::Esc] {
            assert!(matches!(key(quit, none), Some(Event::Quit)));
        }
        let ctrl = KeyModifiers::CONTROL;
        assert!(matches!(key(KeyCode::Char('c'), ctrl), Some(Event::Quit)));
        assert!(matches!(key(KeyCode::Char('d'), ctrl), Some(Event::Quit)));
        assert!(key(KeyCode::Char('h'), ctrl).is_none(), "not a plain h");
        assert!(key(KeyCode::Char('x'), none).is_none());
    }
}
