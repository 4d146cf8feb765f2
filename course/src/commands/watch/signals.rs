//! Signals that would end `watch` while the terminal is raw.
//!
//! `kill` sends SIGTERM, and closing the terminal window SIGHUP. Either
//! ends a process at once, and one that was waiting for a key would leave
//! the learner's shell raw: no echo, no line editing. So while the
//! terminal is raw, [`Deferred`] only notes them; the wait sees the note
//! and returns, the terminal is restored, and then the signal does what
//! it would have done. The rest of the time they act at once, as before.

#[cfg(unix)]
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
#[cfg(unix)]
use std::sync::{Arc, OnceLock};

/// The process's handlers for SIGTERM and SIGHUP, installed once:
/// signal-hook cannot give a signal its default action back, so they stay.
#[cfg(unix)]
#[derive(Debug)]
struct Handlers {
    /// The terminal is cooked: a signal acts at once.
    cooked: Arc<AtomicBool>,
    /// The signal that arrived while raw, or 0.
    caught: Arc<AtomicUsize>,
}

#[cfg(unix)]
static HANDLERS: OnceLock<Option<Handlers>> = OnceLock::new();

/// `None` if a handler could not be installed: the signals then keep
/// their default action, and may leave the terminal raw.
#[cfg(unix)]
fn install() -> Option<Handlers> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    use signal_hook::flag;
    let handlers = Handlers {
        cooked: Arc::new(AtomicBool::new(true)),
        caught: Arc::default(),
    };
    for signal in [SIGHUP, SIGTERM] {
        let cooked = Arc::clone(&handlers.cooked);
        flag::register_conditional_default(signal, cooked).ok()?;
        let caught = Arc::clone(&handlers.caught);
        let value = signal as usize; // signal numbers are positive
        flag::register_usize(signal, caught, value).ok()?;
    }
    Some(handlers)
}

/// SIGTERM and SIGHUP noted, not acted on, while this lives; dropping it
/// lets one that arrived take effect.
#[cfg(unix)]
#[derive(Debug)]
pub(super) struct Deferred {
    handlers: Option<&'static Handlers>,
}

#[cfg(unix)]
impl Deferred {
    pub(super) fn catch() -> Self {
        let handlers = HANDLERS.get_or_init(install).as_ref();
        if let Some(handlers) = handlers {
            handlers.cooked.store(false, Ordering::SeqCst);
        }
        Deferred { handlers }
    }

    /// Whether SIGTERM or SIGHUP has arrived.
    pub(super) fn arrived(&self) -> bool {
        self.handlers
            .is_some_and(|h| h.caught.load(Ordering::SeqCst) != 0)
    }
}

#[cfg(unix)]
impl Drop for Deferred {
    fn drop(&mut self) {
        let Some(handlers) = self.handlers else {
            return;
        };
        // From here a signal acts at once; one noted before acts now.
        handlers.cooked.store(true, Ordering::SeqCst);
        let caught = handlers.caught.swap(0, Ordering::SeqCst);
        if let Ok(signal) = i32::try_from(caught)
            && signal != 0
        {
            // Ends the process as killed by `signal`, as the shell expects.
            let _ = signal_hook::low_level::emulate_default_handler(signal);
        }
    }
}

/// No such signals off Unix: Ctrl-C is already a key in raw mode.
#[cfg(not(unix))]
#[derive(Debug)]
pub(super) struct Deferred;

#[cfg(not(unix))]
impl Deferred {
    pub(super) fn catch() -> Self {
        Deferred
    }

    pub(super) fn arrived(&self) -> bool {
        false
    }
}
