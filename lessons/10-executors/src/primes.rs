//! CPU work for exercise 10-parallel-primes: counting primes by trial
//! division, deliberately plain so that it takes real time.

/// Whether `n` is prime.
pub fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    let mut d = 2;
    while d * d <= n {
        if n.is_multiple_of(d) {
            return false;
        }
        d += 1;
    }
    true
}

/// How many primes `p` there are with `lo <= p < hi`.
pub fn count_primes(lo: u64, hi: u64) -> u64 {
    (lo..hi).filter(|&n| is_prime(n)).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_known_primes() {
        assert_eq!(count_primes(0, 10), 4);
        assert_eq!(count_primes(0, 100), 25);
        assert_eq!(count_primes(10, 20), 4); // 11 13 17 19
    }
}
