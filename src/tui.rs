//! The full-screen guided session.

use crate::cli::CliError;

/// Starts the interactive session.
///
/// # Errors
/// The terminal is not interactive.
pub fn start() -> Result<(), CliError> {
    Err(CliError::usage("the interactive session is not built yet; use `certwise plan`"))
}
