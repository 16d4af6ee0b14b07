//! Faults that root walks past (a read-only folder) made real when the tests run as root, as CI
//! does: the test runs itself again as an unprivileged user, through `setpriv`.
//!
//! `crate::support::nobody` in the test binaries.

use std::os::unix::fs::MetadataExt as _;
use std::path::Path;
use std::process::Command;

/// The unprivileged user and group the test runs as (`nobody` on most systems).
pub const NOBODY: u32 = 65534;

/// Whether this process runs with root's effective user id (`/proc/self` belongs to it).
pub fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// `setpriv`, which runs a program as another user.
pub fn setpriv() -> &'static str {
    ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .unwrap_or_else(|| {
            panic!(
                "running as root, where a read-only folder stops nothing: this test needs \
                 setpriv (util-linux) to run as an unprivileged user"
            )
        })
}

/// As root: runs the test named `test` again in this test binary as [`NOBODY`], checks that it
/// ran and passed there, and returns true (the caller returns). Otherwise returns false and the
/// caller runs the test itself.
pub fn ran_unprivileged(test: &str) -> bool {
    if !is_root() {
        return false;
    }
    let exe = std::env::current_exe().expect("the test binary");
    let out = Command::new(setpriv())
        .args([
            &format!("--reuid={NOBODY}"),
            &format!("--regid={NOBODY}"),
            "--clear-groups",
        ])
        .arg(&exe)
        // A filter, not `--exact`: in one test binary the test's name has its module in front.
        .args([test, "--nocapture", "--test-threads=1"])
        .env("TMPDIR", "/tmp")
        .output()
        .expect("run setpriv");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{test} as user {NOBODY}: {}\n{stdout}\n{stderr}",
        out.status
    );
    true
}
