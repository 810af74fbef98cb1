//! Readable text output of explanations.

use std::io::{self, IsTerminal, Write};

use chatcodes::Explanation;

/// Bold and dim only when writing to a terminal and `NO_COLOR` is unset.
pub struct Style {
    colour: bool,
}

impl Style {
    /// No colour.
    pub fn plain() -> Self {
        Style { colour: false }
    }

    /// Colour when standard output is a terminal and `NO_COLOR` is unset.
    pub fn for_stdout() -> Self {
        Style {
            colour: io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
}

/// `70001 ERR_SVR_ACCOUNT_USERSIG_EXPIRED`, or the code alone.
pub fn heading(e: &Explanation) -> String {
    match e.name() {
        Some(name) => format!("{} {}", e.codes(), name),
        None => e.codes().to_string(),
    }
}

/// Writes one explanation as a heading and a block of labelled lines.
pub fn write_explanation(out: &mut impl Write, style: &Style, e: &Explanation) -> io::Result<()> {
    writeln!(out, "{}", style.bold(&heading(e)))?;
    write_fields(out, style, e)
}

/// Writes an explanation's labelled lines, without the heading.
pub fn write_fields(out: &mut impl Write, style: &Style, e: &Explanation) -> io::Result<()> {
    let ns = e.namespace();
    let field = |label: &str| style.dim(&format!("  {label:<14}"));
    writeln!(
        out,
        "{}{} / {} ({})",
        field("vendor"),
        e.vendor().display_name(),
        ns.title(),
        ns
    )?;
    if let Some(api) = e.api() {
        writeln!(out, "{}{api}", field("api"))?;
    }
    writeln!(
        out,
        "{}{} ({})",
        field("category"),
        e.category().title(),
        e.category()
    )?;
    writeln!(out, "{}{}", field("description"), e.description())?;
    writeln!(out, "{}{}", field("retryability"), e.retryability())?;
    if let Some(why) = e.already_done() {
        writeln!(out, "{}{why}", field("already done"))?;
    }
    if let Some(ms) = e.retry_after_ms() {
        write!(out, "{}at least {ms} ms", field("retry after"))?;
        let by_operation: Vec<String> = e
            .retry_after_by_operation()
            .iter()
            .map(|(op, ms)| format!("{op} {ms} ms"))
            .collect();
        if !by_operation.is_empty() {
            write!(out, " ({})", by_operation.join(", "))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}{}", field("remedy"), e.remedy())?;
    if let Some(note) = e.note() {
        writeln!(out, "{}{note}", field("note"))?;
    }
    for (i, cause) in e.causes().iter().enumerate() {
        let label = if i == 0 { "causes" } else { "" };
        writeln!(out, "{}{}. {cause}", field(label), i + 1)?;
    }
    if !e.aliases().is_empty() {
        writeln!(out, "{}{}", field("also named"), e.aliases().join(", "))?;
    }
    writeln!(out, "{}{}", field("source"), e.source())?;
    if e.is_retired() {
        writeln!(
            out,
            "{}retired: only older material documents this code",
            field("status")
        )?;
    }
    Ok(())
}
