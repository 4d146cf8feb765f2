//! How lesson programs print: one look for every `cargo run -p lesson-…`.

/// The width of a heading rule, in characters.
const RULE_WIDTH: usize = 64;

/// A section heading: `── title ─────…`, padded to one width.
pub fn heading_line(title: &str) -> String {
    let used = title.chars().count() + 4;
    format!("── {title} {}", "─".repeat(RULE_WIDTH.saturating_sub(used)))
}

/// Prints a blank line and a section heading.
pub fn heading(title: &str) {
    println!("\n{}", heading_line(title));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_have_one_width_whatever_the_characters() {
        let plain = heading_line("abc");
        let fancy = heading_line("a→c");
        assert_eq!(plain.chars().count(), RULE_WIDTH);
        assert_eq!(fancy.chars().count(), RULE_WIDTH);
        assert!(plain.starts_with("── abc ─"));
    }
}
