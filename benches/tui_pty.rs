//! The session measured from outside, as a person sees it: the release binary runs in a
//! pseudo-terminal; we time launch to first frame and key to redrawn frame, count wake-ups while
//! idle, and read peak memory. Run with `cargo bench --bench tui_pty`.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss)]

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const RUNS: usize = 20;
const KEYS: usize = 200;

fn binary() -> std::path::PathBuf {
    // CERTWISE_BENCH_BIN measures another program the same way (a reference: a minimal ratatui
    // program that draws a five-item list containing the word "quit" and moves on j/k).
    if let Some(other) = std::env::var_os("CERTWISE_BENCH_BIN") {
        return other.into();
    }
    // Benches build in release; the binary sits next to the bench's deps folder.
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let bin = dir.join("certwise");
    assert!(
        bin.exists(),
        "build the binary first: cargo build --release ({})",
        bin.display()
    );
    bin
}

struct Child {
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    process: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

fn spawn(bin: &std::path::Path) -> (Child, Instant) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(bin);
    cmd.env("TERM", "xterm-256color");
    // A fresh data folder each launch: no interview to resume, no other copy's lock.
    let data = tempfile::tempdir().unwrap().keep();
    cmd.env("CERTWISE_DATA_DIR", &data);
    cmd.env("HOME", &data);
    cmd.cwd(std::env::temp_dir());
    let start = Instant::now();
    let child = pty.slave.spawn_command(cmd).unwrap();
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    (
        Child {
            rx,
            writer,
            process: child,
            _master: pty.master,
        },
        start,
    )
}

/// Reads output until `needle` has been seen; returns when.
fn until(c: &Child, seen: &mut Vec<u8>, needle: &[u8]) -> Instant {
    loop {
        if seen.windows(needle.len()).any(|w| w == needle) {
            return Instant::now();
        }
        let chunk =
            c.rx.recv_timeout(Duration::from_secs(5))
                .expect("no output in 5 s");
        seen.extend_from_slice(&chunk);
    }
}

fn ctxt_switches(pid: u32) -> u64 {
    let mut total = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .flatten()
    {
        let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
        for line in status.lines() {
            if line.starts_with("voluntary_ctxt_switches")
                || line.starts_with("nonvoluntary_ctxt_switches")
            {
                total += line
                    .split_whitespace()
                    .last()
                    .and_then(|n| n.parse::<u64>().ok())
                    .unwrap_or(0);
            }
        }
    }
    total
}

fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn stats(name: &str, mut xs: Vec<Duration>) {
    xs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: median {:.3} ms, p95 {:.3} ms, min {:.3} ms ({} samples)",
        ms(xs[xs.len() / 2]),
        ms(xs[xs.len() * 95 / 100]),
        ms(xs[0]),
        xs.len()
    );
}

fn main() {
    // `cargo test --benches` runs benches with --test-ish flags; only measure under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let bin = binary();
    let mut first = Vec::new();
    for _ in 0..RUNS {
        let (mut c, start) = spawn(&bin);
        let mut seen = Vec::new();
        first.push(until(&c, &mut seen, b"quit").duration_since(start));
        c.writer.write_all(b"\x03").unwrap();
        c.process.wait().unwrap();
    }
    stats("launch to first frame", first);

    let (mut c, _) = spawn(&bin);
    let mut seen = Vec::new();
    until(&c, &mut seen, b"quit");
    std::thread::sleep(Duration::from_millis(100));
    stats("key to redrawn frame (first screen)", key_to_frame(&mut c));
    if std::env::var_os("CERTWISE_BENCH_BIN").is_some() {
        idle_and_memory(&c);
        return;
    }
    // Walk to the plan screen with defaults.
    c.writer.write_all(b"\r").unwrap();
    until(&c, &mut seen, b"Question 1 of");
    while !String::from_utf8_lossy(&seen).contains("Make my plan") {
        c.writer.write_all(b"\r").unwrap();
        std::thread::sleep(Duration::from_millis(30));
        while let Ok(chunk) = c.rx.try_recv() {
            seen.extend_from_slice(&chunk);
        }
    }
    c.writer.write_all(b"p").unwrap();
    until(&c, &mut seen, b"Press Enter");
    c.writer.write_all(b"\r").unwrap();
    until(&c, &mut seen, b"Ranking");
    std::thread::sleep(Duration::from_millis(100));
    stats("key to redrawn frame (plan screen)", key_to_frame(&mut c));
    idle_and_memory(&c);
    c.writer.write_all(b"\x03").unwrap();
    c.process.wait().unwrap();
    let size = std::fs::metadata(&bin).unwrap().len();
    println!("release binary: {:.2} MB", size as f64 / 1_048_576.0);
}

/// Alternates j and k, timing each key to the first bytes of the redraw.
fn key_to_frame(c: &mut Child) -> Vec<Duration> {
    while c.rx.try_recv().is_ok() {}
    let mut keys = Vec::new();
    for i in 0..KEYS {
        let key: &[u8] = if i % 2 == 0 { b"j" } else { b"k" };
        let t = Instant::now();
        c.writer.write_all(key).unwrap();
        c.rx.recv_timeout(Duration::from_secs(5))
            .expect("no redraw");
        keys.push(t.elapsed());
        // Let the whole frame arrive before the next key.
        std::thread::sleep(Duration::from_millis(5));
        while c.rx.try_recv().is_ok() {}
    }
    keys
}

/// Wake-ups while idle (context switches of every thread) and peak memory.
fn idle_and_memory(c: &Child) {
    let pid = c.process.process_id().unwrap();
    let before = ctxt_switches(pid);
    std::thread::sleep(Duration::from_secs(3));
    let after = ctxt_switches(pid);
    println!("wake-ups while idle for 3 s: {}", after - before);
    println!(
        "peak memory (VmHWM): {:.1} MB",
        peak_kib(pid) as f64 / 1024.0
    );
}
