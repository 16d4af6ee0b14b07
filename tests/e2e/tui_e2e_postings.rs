//! End-to-end test of the job-postings screen (issue 13): the real `certwise` in a
//! pseudo-terminal opens the screen from the welcome menu, scans the corpus folder and shows its
//! report, scans postings sent as a bracketed paste, keeps the counts with "use in my plan", and
//! gives the terminal back (bracketed paste off) when it quits.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use crate::support;

use support::pty::Key;
use support::tui::Home;

const MENU_ITEM: &str = "Scan job postings";

#[test]
fn the_screen_scans_the_corpus_folder_and_pasted_postings() {
    let home = Home::new();
    let mut tui = home.launch();
    assert!(tui.bracketed_paste(), "pastes arrive whole");
    tui.choose(MENU_ITEM);
    tui.expect_all(&["Folder or file · Enter scans", "Or paste postings"]);

    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/postings");
    tui.send_text(corpus);
    tui.send_key(Key::Enter);
    tui.expect_all(&[
        "22 postings in 17 files (0 skipped)",
        "17 of 22 name a certification (77%)",
        "Certifications and courses named",
        "more below",
    ]);
    // The end of the report, then back to the fields with the path kept.
    tui.send_key(Key::End);
    tui.expect_all(&["Top skills", "u uses these counts in your plan"]);
    tui.send_key(Key::Esc);
    tui.expect_all(&["Folder or file · Enter scans"]);

    // Two postings as one bracketed paste, line breaks as the terminal sends them (CR), the last
    // one included: nothing is scanned until Ctrl-S.
    tui.send_key(Key::Tab);
    tui.expect_all(&["Ctrl-S scan"]);
    tui.send(b"\x1b[200~Required: AI-102.\r---\rPython and Vertex AI; the GCP ML Engineer exam is a plus.\r\x1b[201~");
    tui.expect_all(&["(3 lines)"]);
    tui.send_key(Key::Ctrl('s'));
    tui.expect_all(&[
        "2 postings in the pasted text",
        "2 of 2 name a certification (100%)",
    ]);

    // Use in my plan, with no plan yet: the counts are kept for the plan to come.
    tui.send_key(Key::Char('u'));
    tui.expect_all(&["Saved the counts of 2 postings"]);
    let saved = std::fs::read_to_string(home.data().join("postings-evidence.ron")).unwrap();
    assert!(saved.contains("postings: 2"), "{saved}");
    assert!(
        !saved.contains("Vertex"),
        "counts only, never the text: {saved}"
    );

    // Esc: the fields; Esc again: the welcome screen (each waited for: two Escs sent at once
    // read as one Alt-Esc).
    tui.send_key(Key::Esc);
    tui.expect_all(&["Ctrl-S scan"]);
    tui.send_key(Key::Esc);
    tui.expect_welcome();
    tui.quit();
}
