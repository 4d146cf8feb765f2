//! "Did you mean ...?" for mistyped exercise ids and lesson names.

/// The candidate closest to `query`, if one is close enough to be what the
/// learner meant: a unique candidate that contains the query (`timed` for
/// `01-timed`), else the nearest by edit distance within about a third of
/// the query's length.
pub fn closest<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return None;
    }
    let candidates: Vec<&str> = candidates.into_iter().collect();

    // The learner often leaves out the lesson prefix or types `_` for `-`.
    let dashed = query.replace('_', "-");
    let containing: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|c| c.contains(&dashed))
        .collect();
    if let [only] = containing[..] {
        return Some(only);
    }

    let limit = (query.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (distance(&dashed, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, counted in chars.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the classic table at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}
