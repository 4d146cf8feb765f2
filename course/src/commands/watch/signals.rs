//! Signals that would end `watch` while the terminal is raw.
//!
//! `kill` sends SIGTERM, and closing the terminal window SIGHUP. Either
//! ends a process at once, and one that was waiting for a key would leave
//! the learner's shell raw: no echo, no line editing. So while the
//! terminal is raw, [`Deferred`] only notes them; the wait sees the note
//! and returns, the terminal is restored, and then the signal does what
//! it would have done.

/// SIGTERM and SIGHUP noted, not acted on, while this lives; dropping it
/// lets one that arrived take effect.
#[cfg(unix)]
#[derive(Debug)]
pub(super) struct Deferred {
    /// The signal that arrived, or 0.
    caught: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    handlers: Vec<signal_hook::SigId>,
}

#[cfg(unix)]
impl Deferred {
    pub(super) fn catch() -> std::io::Result<Self> {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        let mut deferred = Deferred {
            caught: Default::default(),
            handlers: Vec::new(),
        };
        for signal in [SIGHUP, SIGTERM] {
            let flag = std::sync::Arc::clone(&deferred.caught);
            let value = signal as usize; // signal numbers are positive
            let id = signal_hook::flag::register_usize(signal, flag, value)?;
            deferred.handlers.push(id);
        }
        Ok(deferred)
    }

    /// Whether SIGTERM or SIGHUP has arrived.
    pub(super) fn arrived(&self) -> bool {
        self.caught.load(std::sync::atomic::Ordering::SeqCst) != 0
    }
}

#[cfg(unix)]
impl Drop for Deferred {
    fn drop(&mut self) {
        for id in self.handlers.drain(..) {
            signal_hook::low_level::unregister(id);
        }
        let caught = self.caught.load(std::sync::atomic::Ordering::SeqCst);
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
    pub(super) fn catch() -> std::io::Result<Self> {
        Ok(Deferred)
    }

    pub(super) fn arrived(&self) -> bool {
        false
    }
}
