//! The summary table `verify` prints.

/// One exercise's line in the table.
#[derive(Debug, Default)]
pub(super) struct Row {
    pub id: String,
    pub tests: String,
    pub stub_fails: String,
    pub solution_passes: String,
    /// How many known-wrong answers it keeps, and how many of them failed.
    pub wrong: usize,
    pub wrong_failed: usize,
    pub hint: bool,
    pub book: bool,
}

pub(super) fn ratio(n: usize, of: usize) -> String {
    let mark = if n == of && of > 0 { "✓" } else { "✗" };
    format!("{n}/{of} {mark}")
}

/// The table of rows, columns padded to fit.
pub(super) fn table(rows: &[Row]) -> String {
    let yes_no = |b: bool| if b { "✓" } else { "✗" }.to_owned();
    let header = [
        "exercise",
        "tests",
        "stub fails",
        "solution passes",
        "wrong answers fail",
        "hint",
        "book",
    ]
    .map(str::to_owned);
    let mut lines = vec![header];
    for row in rows {
        lines.push([
            row.id.clone(),
            row.tests.clone(),
            row.stub_fails.clone(),
            row.solution_passes.clone(),
            ratio(row.wrong_failed, row.wrong),
            yes_no(row.hint),
            yes_no(row.book),
        ]);
    }
    let mut widths = [0; 7];
    for line in &lines {
        for (w, cell) in widths.iter_mut().zip(line) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for line in &lines {
        let cells: Vec<String> = line
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}
