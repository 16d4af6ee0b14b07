//! The signals that end or stop the session, caught so the terminal is always given back: SIGTERM,
//! SIGHUP, SIGINT and SIGQUIT end it cleanly (answers kept, terminal restored); SIGTSTP from
//! outside (`kill -TSTP`) suspends it as Ctrl-Z does; SIGCONT takes the terminal again and redraws
//! whatever stopped the process (even a SIGSTOP, which cannot be caught); SIGWINCH says the
//! terminal changed size.

use std::io;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};

/// What a caught signal asks of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caught {
    /// End now, keeping what can be kept; the signal's number (the exit status is 128 + it).
    Quit(i32),
    /// Give the terminal back and stop, as Ctrl-Z does.
    Stop,
    /// Continued after a stop: take the terminal again and redraw everything.
    Continued,
    /// The terminal changed size.
    Resized,
}

/// Starts a thread that turns every caught signal into a call of `send`, until `send` returns
/// false (the session is gone).
///
/// # Errors
/// The signals cannot be registered.
pub fn watch(send: impl Fn(Caught) -> bool + Send + 'static) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH,
    ])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let caught = match signal {
                SIGTSTP => Caught::Stop,
                SIGCONT => Caught::Continued,
                SIGWINCH => Caught::Resized,
                other => Caught::Quit(other),
            };
            if !send(caught) {
                break;
            }
        }
    });
    Ok(())
}

/// Stops the whole process as an uncaught SIGTSTP would (SIGTSTP itself is caught here, so it
/// cannot be raised for that), until the shell continues it.
///
/// # Errors
/// The stop signal cannot be raised.
pub fn stop_now() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}
