//! The one setting the program changes in its allocator, mimalloc (see
//! `main.rs` for why mimalloc).

/// `mi_option_purge_delay`: its place in `mimalloc.h`'s `mi_option_e`, the
/// same in mimalloc v2 and v3 (libmimalloc-sys names no constant for it).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

// ANCHOR: keep
/// Keeps the memory the program frees, instead of handing it back to the
/// system once it has been free for a second (mimalloc's `purge_delay`,
/// 1,000 ms by default). A benchmark whose rounds are a second apart
/// would otherwise pay, each round, for fresh pages: on a virtual machine
/// that reports free memory to its host, a slow fault each. Set before the
/// first allocation worth keeping; `MIMALLOC_PURGE_DELAY` would do the
/// same from outside.
#[expect(unsafe_code, reason = "one call into mimalloc's C API")]
pub fn keep_freed_memory() {
    // SAFETY: mi_option_set takes an option's index and a value and
    // touches nothing else; -1 is purge_delay's documented "never".
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}
// ANCHOR_END: keep

#[cfg(test)]
mod tests {
    use super::PURGE_DELAY;

    #[test]
    #[expect(unsafe_code, reason = "reading the option back")]
    fn the_option_set_is_purge_delay() {
        // Read before any test sets it: mimalloc v3's purge_delay defaults
        // to 1,000 ms, and no other option's default is 1,000.
        let default = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(default, 1000, "option {PURGE_DELAY} is not purge_delay");
    }
}
