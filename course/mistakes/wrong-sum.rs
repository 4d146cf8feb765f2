//! Not a known mistake: an arithmetic slip that fails the test's assert.
//! Test: assert_eq!(subject::sum_to(10), 55, "the sum of 1 to 10")
pub fn sum_to(n: u32) -> u32 {
    (1..n).sum()
}
