//! The full-screen guided session: terminal set-up and the event loop. Keys become actions
//! (`bindings`), actions change the state (`App::update`), the state is drawn (`impl Widget for
//! &App`).

use std::io::{self, IsTerminal, Write as _};
use std::sync::mpsc;

use crossterm::{cursor, execute, terminal};

use crate::knowledge::Knowledge;
use crate::store::{self, Store};

pub mod action;
pub mod app;
pub mod bindings;
pub mod frame;
pub mod input;
pub mod keymap;
pub mod overlay;
pub mod saving;
pub mod screen;
pub mod shared;
pub mod signals;
pub mod term;
pub mod text_field;
pub mod theme;

use action::Action;
use app::App;
use input::Event;
use shared::Effect;

/// Why the session could not start or ended with an error.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "the interactive session needs a terminal on standard input and output; \
         for a plan without one, use `certwise plan` (see `certwise plan --help`)"
    )]
    NoTerminal,
    #[error(
        "TERM=dumb cannot show a full-screen session; use `certwise plan`, or run in a terminal that supports it"
    )]
    DumbTerminal,
    #[error("the built-in knowledge base is broken: {0}")]
    Knowledge(String),
    #[error("cannot watch signals: {0}")]
    Signals(io::Error),
    #[error("cannot set up the terminal: {0}")]
    SetUp(io::Error),
    #[error("terminal error: {0}")]
    Terminal(io::Error),
}

impl StartError {
    /// The session was asked for where it cannot run (a usage error, not a failure).
    pub fn is_usage(&self) -> bool {
        matches!(self, StartError::NoTerminal | StartError::DumbTerminal)
    }
}

/// The terminal the session draws on.
type Terminal = ratatui::Terminal<term::TermBackend<io::Stdout>>;

/// Turns bracketed paste on and off (crossterm's commands for it come with its event reader).
const PASTE_ON: &str = "\x1b[?2004h";
const PASTE_OFF: &str = "\x1b[?2004l";

/// What wakes the event loop. The loop blocks until one arrives: no timers.
enum Message {
    Terminal(Event),
    /// A signal that ends, stops or continues the session (see [`signals`]).
    Signal(signals::Caught),
    /// The terminal went away.
    InputClosed,
    /// The thread reading input panicked, with its message: the session ends, and says why.
    InputFailed(String),
    /// A scan of job postings run off the loop finished (its id and result); `true` when it
    /// ended in a panic (the panic hook gave the terminal back: take it again).
    Scanned(
        u64,
        Box<Result<crate::postings::report::Report, crate::postings::ScanError>>,
        bool,
    ),
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The person quit.
    Quit,
    /// A signal ended it (the terminal given back and the answers kept first).
    Signal(i32),
}

impl Ended {
    /// The exit status, as shells expect it: 0 for a quit, 128 + the signal's number for a
    /// signal (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
    pub fn exit_code(self) -> u8 {
        match self {
            Ended::Quit => 0,
            Ended::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
        }
    }
}

/// Starts the interactive session.
///
/// # Errors
/// Standard input or output is not a terminal, or the terminal cannot be set up.
pub fn start(data_dir: Option<&std::path::Path>) -> Result<Ended, StartError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(StartError::NoTerminal);
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return Err(StartError::DumbTerminal);
    }
    // Compiled in at build time: no parsing before the first frame.
    let kb = Knowledge::embedded().map_err(|e| StartError::Knowledge(e.to_string()))?;
    let (tx, rx) = mpsc::channel();
    watch_signals(tx.clone())?;
    let fault = Fault::from_env();
    let mut terminal = init().map_err(StartError::SetUp)?;
    read_input(tx.clone(), fault);
    let size = terminal.size().unwrap_or_default();
    let app = App::new(kb, theme::Theme::from_env(), size.width, size.height).in_background();
    // The session lock lives as long as this function: another copy sees it and is told.
    let (mut app, _session_lock) = connect(app, data_dir);
    app.reload_user_catalog();
    let result = run(&mut terminal, app, (&tx, &rx), fault);
    restore();
    result.map_err(StartError::Terminal)
}

/// Opens the data folder for saving and takes the session lock. Without a data folder the session
/// still runs; saving then says why it cannot. A folder that cannot be written is said so at once
/// (saving will fail there); a lock held by another copy is told apart from that.
pub fn connect(app: App, flag: Option<&std::path::Path>) -> (App, Option<std::fs::File>) {
    let store = match store::data_dir(flag).and_then(Store::open) {
        Ok(store) => store,
        Err(e) => return (app.without_store(e.to_string()), None),
    };
    let path = store.root().join("session.lock");
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let problem = match options.open(&path) {
        Ok(file) => match file.try_lock() {
            Ok(()) => return (app.with_store(store, true), Some(file)),
            Err(std::fs::TryLockError::WouldBlock) => None,
            Err(std::fs::TryLockError::Error(e)) => {
                Some(format!("cannot lock {}: {e}", path.display()))
            }
        },
        Err(e) => Some(format!("cannot create {}: {e}", path.display())),
    };
    let root = store.root().display().to_string();
    let mut app = app.with_store(store, false);
    let text = match problem {
        None => "Another certwise is running with this data folder. Both can save plans safely; \
                 only the other one keeps its interview for resuming."
            .to_owned(),
        Some(why) => format!(
            "certwise cannot write in the data folder {root} ({why}). Saving there will fail \
             and your answers are not kept for the next launch. Nothing you make here is lost \
             while certwise runs: fix the folder and press s again, or restart certwise with \
             --data-dir DIR to save elsewhere."
        ),
    };
    // Said together with what loading the data folder had to say (a session file set aside).
    let text = std::iter::once(text)
        .chain(app.shared.overlays.take_notices())
        .collect::<Vec<_>>()
        .join(" ");
    app.shared.overlays.notify(text);
    (app, None)
}

/// A fault to inject after the first frame, so tests can check the terminal is given back after
/// a panic or an error. Read once, from the undocumented-for-users `CERTWISE_TEST_FAULT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    Panic,
    Error,
    /// The input thread panics on the first key.
    InputPanic,
    /// A job-posting scan panics in its thread.
    ScanPanic,
}

impl Fault {
    fn from_env() -> Option<Fault> {
        match std::env::var("CERTWISE_TEST_FAULT").ok()?.as_str() {
            "panic" => Some(Fault::Panic),
            "error" => Some(Fault::Error),
            "input-panic" => Some(Fault::InputPanic),
            "scan-panic" => Some(Fault::ScanPanic),
            _ => None,
        }
    }

    fn strike(self) -> io::Result<()> {
        match self {
            Fault::Panic => {
                panic!("CERTWISE_TEST_FAULT=panic: a deliberate panic after the first frame")
            }
            Fault::Error => Err(io::Error::other(
                "CERTWISE_TEST_FAULT=error: a deliberate error after the first frame",
            )),
            // Struck in the input thread itself (see `read_input`), or in a scan's thread.
            Fault::InputPanic | Fault::ScanPanic => Ok(()),
        }
    }
}

/// Installs the panic hook, then enters raw mode and the alternate screen (what `ratatui::init`
/// does, but with a hook that also shows the cursor).
fn init() -> io::Result<Terminal> {
    install_panic_hook();
    terminal::enable_raw_mode()?;
    // Bracketed paste: a pasted posting arrives whole (`Event::Paste`), its line breaks as text,
    // never as Enter presses.
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        crossterm::style::Print(PASTE_ON)
    )?;
    ratatui::Terminal::new(term::TermBackend::new(io::stdout()))
}

/// On a panic in any thread: give the terminal back fully (raw mode off, main screen, cursor
/// shown) first, so the panic message that the previous hook prints is readable. ratatui's own
/// hook does not show the cursor.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Leaves raw mode, bracketed paste and the alternate screen and shows the cursor.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        crossterm::style::Print(PASTE_OFF),
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
}

fn watch_signals(tx: mpsc::Sender<Message>) -> Result<(), StartError> {
    signals::watch(move |caught| tx.send(Message::Signal(caught)).is_ok())
        .map_err(StartError::Signals)
}

fn read_input(tx: mpsc::Sender<Message>, fault: Option<Fault>) {
    std::thread::spawn(move || {
        // A panic here must end the session (the main loop would otherwise wait for input that
        // never comes, as the signal watcher keeps the channel open): it is caught and sent.
        let reader = tx.clone();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            let stop = input::read_events(|event| {
                assert!(
                    !(matches!(fault, Some(Fault::InputPanic)) && matches!(event, Event::Key(_))),
                    "CERTWISE_TEST_FAULT=input-panic: a deliberate panic in the input thread"
                );
                reader.send(Message::Terminal(event)).is_ok()
            });
            if matches!(stop, input::Stop::Closed) {
                let _ = reader.send(Message::InputClosed);
            }
        }));
        if let Err(payload) = outcome {
            let why = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            let _ = tx.send(Message::InputFailed(why));
        }
    });
}

fn run(
    terminal: &mut Terminal,
    mut app: App,
    (tx, rx): (&mpsc::Sender<Message>, &mpsc::Receiver<Message>),
    fault: Option<Fault>,
) -> io::Result<Ended> {
    draw(terminal, &app)?;
    if let Some(fault) = fault {
        fault.strike()?;
    }
    let mut ended = Ended::Quit;
    while app.is_running() {
        let Ok(message) = rx.recv() else { break };
        if let Message::Signal(signals::Caught::Quit(n)) = message {
            ended = Ended::Signal(n);
        }
        let mut redraw = handle(terminal, &mut app, message, tx)?;
        // Everything already waiting (a paste arrives as thousands of keys) is taken before the
        // next frame, so a burst costs one draw, not one per key.
        while app.is_running() {
            let Ok(message) = rx.try_recv() else { break };
            if let Message::Signal(signals::Caught::Quit(n)) = message {
                ended = Ended::Signal(n);
            }
            redraw |= handle(terminal, &mut app, message, tx)?;
        }
        if redraw && app.is_running() {
            draw(terminal, &app)?;
        }
    }
    Ok(ended)
}

/// Applies one message to the session; true if the screen must be drawn again.
fn handle(
    terminal: &mut Terminal,
    app: &mut App,
    message: Message,
    tx: &mpsc::Sender<Message>,
) -> io::Result<bool> {
    // A resize is a signal, and input is read on another thread: whichever comes first, a key
    // is handled at the size the terminal has now.
    let resized = matches!(&message, Message::Terminal(_)) && sync_size(terminal, app);
    // A paste is text for the field with the keyboard (see `App::paste`), then a redraw.
    let pasted = if let Message::Terminal(Event::Paste(text)) = &message {
        app.paste(text);
        true
    } else {
        false
    };
    let action = match message {
        Message::Scanned(id, result, panicked) => {
            if panicked {
                take_terminal(terminal)?;
            }
            app.scanned(id, *result);
            return Ok(true);
        }
        Message::Terminal(Event::Key(key)) => app.action_for(&key),
        Message::Terminal(Event::Paste(_)) => None,
        Message::Signal(signals::Caught::Resized) => {
            let size = terminal.size()?;
            Some(Action::Resize(size.width, size.height))
        }
        Message::Signal(signals::Caught::Quit(_)) | Message::InputClosed => Some(Action::ForceQuit),
        Message::InputFailed(why) => {
            // Keep what can be kept, then end with the reason (the caller restores the
            // terminal first, then shows it).
            app.update(Action::ForceQuit);
            return Err(io::Error::other(format!(
                "reading the keyboard failed: {why}"
            )));
        }
        // `kill -TSTP` from outside: exactly what Ctrl-Z does.
        Message::Signal(signals::Caught::Stop) => Some(Action::Suspend),
        // Whatever stopped us, the shell may have changed the terminal meanwhile.
        Message::Signal(signals::Caught::Continued) => {
            take_terminal(terminal)?;
            let size = terminal.size()?;
            Some(Action::Resize(size.width, size.height))
        }
    };
    match action {
        Some(action) => app.update(action),
        // Nothing to do, but the size changed or text was pasted: redraw.
        None if resized || pasted => {}
        None => return Ok(false),
    }
    match app.take_effect() {
        Some(Effect::Suspend) => {
            suspend(terminal)?;
            let size = terminal.size()?;
            app.update(Action::Resize(size.width, size.height));
        }
        // Off the loop, so keys, signals and resizes are handled while it runs.
        Some(Effect::Scan(job)) => {
            let tx = tx.clone();
            std::thread::spawn(move || {
                // A panic is a failed scan said on the screen, not a session stuck waiting.
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    assert_ne!(
                        Fault::from_env(),
                        Some(Fault::ScanPanic),
                        "CERTWISE_TEST_FAULT=scan-panic: a deliberate panic in a scan"
                    );
                    job.run()
                }));
                let panicked = outcome.is_err();
                let result = outcome.unwrap_or_else(|payload| {
                    let why = payload
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".to_owned());
                    Err(crate::postings::ScanError::Setup(format!(
                        "The scan stopped on an internal error ({why}); nothing was saved."
                    )))
                });
                let _ = tx.send(Message::Scanned(job.id, Box::new(result), panicked));
            });
        }
        None => {}
    }
    Ok(true)
}

/// Draws a frame. Every cell passes through the one sanitiser on its way to the terminal, so
/// nothing from data (a plan's name, an evaluated entry) can drive it, on any screen.
fn draw(terminal: &mut Terminal, app: &App) -> io::Result<()> {
    terminal.draw(|f| {
        f.render_widget(app, f.area());
        scrub(f.buffer_mut());
    })?;
    Ok(())
}

/// Removes bidirectional controls and invisible characters from the cells of a frame (ratatui
/// already drops control characters, but keeps zero-width ones, attached to the cell before).
pub fn scrub(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if let Some(clean) = crate::sanitize::cell_symbol(cell.symbol()) {
            cell.set_symbol(&clean);
        }
    }
}

/// Gives the app the terminal's size if it has another one; true if it changed.
fn sync_size(terminal: &Terminal, app: &mut App) -> bool {
    let Ok(size) = terminal.size() else {
        return false;
    };
    let changed = (size.width, size.height) != app.size();
    if changed {
        app.update(Action::Resize(size.width, size.height));
    }
    changed
}

/// Gives the terminal back, stops until the shell continues us, then takes it again and forces a
/// full redraw.
fn suspend(terminal: &mut Terminal) -> io::Result<()> {
    restore();
    io::stdout().flush()?;
    signals::stop_now()?;
    // Continued.
    take_terminal(terminal)
}

/// Raw mode, the alternate screen and a hidden cursor again, and a full redraw on the next draw.
fn take_terminal(terminal: &mut Terminal) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        crossterm::style::Print(PASTE_ON),
        cursor::Hide
    )?;
    let area = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, area.width, area.height))?;
    Ok(())
}
