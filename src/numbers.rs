//! How certwise reads a number, wherever it comes from (an answer on the command line or in a
//! file, an `evaluate` option, a field of the evaluate screen): strictly, and the same way
//! everywhere. A whole number is ASCII digits only, with no sign, spaces or leading zeros
//! (`12`, `0`); a decimal is digits with at most one `.` between digits (`2.5`, `0.5`). Anything
//! else (`+12`, ` 12 `, `012`, `1e3`, `.5`, `inf`) is refused with a message, never read as
//! something the person did not write.

/// What was wrong with a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not written as a number of the kind asked for.
    Malformed,
    /// A number, but outside the range (possibly too big for any integer type).
    OutOfRange,
}

/// What a whole number may look like, for messages and the README.
pub const WHOLE_FORM: &str = "digits only, no sign, spaces or leading zeros";
/// What a decimal may look like.
pub const DECIMAL_FORM: &str = "digits with an optional decimal point, no sign or spaces";

/// What is wrong with `text` as a whole number of `unit` from 0 to `max`, in the words the
/// command line and the evaluate screen share (the value quoted safely, shortened if long).
pub fn whole_problem(text: &str, error: NumberError, unit: &str, max: u32) -> String {
    problem(
        text,
        error,
        &format!("a whole number of {unit}, 0-{max}"),
        WHOLE_FORM,
    )
}

/// What is wrong with `text` as a number of `unit` (decimals allowed) from 0 to `max`.
pub fn decimal_problem(text: &str, error: NumberError, unit: &str, max: f32) -> String {
    problem(
        text,
        error,
        &format!("a number of {unit}, 0-{max}"),
        DECIMAL_FORM,
    )
}

fn problem(text: &str, error: NumberError, valid: &str, form: &str) -> String {
    let text = crate::sanitize::value(text);
    match error {
        NumberError::OutOfRange => format!("`{text}` is out of range; valid: {valid}"),
        NumberError::Malformed => format!("`{text}` is not valid; valid: {valid} ({form})"),
    }
}

/// A whole number in `min..=max`.
///
/// # Errors
/// [`NumberError::Malformed`] unless the text is a plain whole number; otherwise
/// [`NumberError::OutOfRange`] outside the range.
pub fn whole(text: &str, min: u32, max: u32) -> Result<u32, NumberError> {
    if !is_digits(text) {
        return Err(NumberError::Malformed);
    }
    match text.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(NumberError::OutOfRange),
    }
}

/// A decimal number in `0..=max`.
///
/// # Errors
/// [`NumberError::Malformed`] unless the text is a plain decimal; otherwise
/// [`NumberError::OutOfRange`] above `max`.
pub fn decimal(text: &str, max: f32) -> Result<f32, NumberError> {
    let (int, frac) = text.split_once('.').unwrap_or((text, "0"));
    if !is_digits(int) || frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::Malformed);
    }
    match text.parse::<f32>() {
        Ok(n) if (0.0..=max).contains(&n) => Ok(n),
        _ => Err(NumberError::OutOfRange),
    }
}

/// ASCII digits, not empty, and no leading zero (but `0` itself).
fn is_digits(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_digits_only() {
        assert_eq!(whole("12", 1, 80), Ok(12));
        assert_eq!(whole("0", 0, 80), Ok(0));
        for bad in [
            "", " 12 ", "12 ", "+12", "-1", "012", "00", "1e3", "12.0", "１２", "0x10",
        ] {
            assert_eq!(whole(bad, 0, 100), Err(NumberError::Malformed), "{bad:?}");
        }
        assert_eq!(whole("81", 1, 80), Err(NumberError::OutOfRange));
        assert_eq!(whole("0", 1, 80), Err(NumberError::OutOfRange));
        assert_eq!(
            whole("99999999999999999999999", 1, 80),
            Err(NumberError::OutOfRange)
        );
    }

    #[test]
    fn decimals_are_digits_and_one_point() {
        assert_eq!(decimal("2.5", 100.0), Ok(2.5));
        assert_eq!(decimal("0.5", 100.0), Ok(0.5));
        assert_eq!(decimal("7", 100.0), Ok(7.0));
        for bad in [
            "", " 2", ".5", "5.", "+1", "-1", "1e3", "inf", "NaN", "01.5", "1.2.3", "1,5",
        ] {
            assert_eq!(decimal(bad, 100.0), Err(NumberError::Malformed), "{bad:?}");
        }
        assert_eq!(decimal("100.5", 100.0), Err(NumberError::OutOfRange));
    }
}
