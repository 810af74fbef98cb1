//! `chatcodes list` and `chatcodes search`: browsing the catalogue.

use std::io::{self, Write};

use chatcodes::Explanation;

use crate::outcome::{CliError, Done};
use crate::output;
use crate::records::Filter;
use crate::text::Style;

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    filter: Filter,
}

/// One entry on one line: code, namespace, retry class, name, description.
pub fn write_line(out: &mut impl Write, style: &Style, e: &Explanation) -> io::Result<()> {
    let code = format!("{:>14}", e.codes().to_string());
    let name = e.name().map(|n| format!(" {n}")).unwrap_or_default();
    writeln!(
        out,
        "{} {:<17} {:<18}{}  {}",
        style.bold(&code),
        e.namespace().to_string(),
        e.retryability().to_string(),
        name,
        e.description()
    )
}

pub fn list(args: &ListArgs) -> Result<Done, CliError> {
    let style = Style::for_stdout();
    let mut out = output::stdout()?;
    let mut n = 0;
    for e in args.filter.entries() {
        write_line(&mut out, &style, e)?;
        n += 1;
    }
    out.flush()?;
    Ok(matched(n)?)
}

/// `Failure`, with a word on stderr, when nothing matched.
pub fn matched(n: usize) -> io::Result<Done> {
    if n == 0 {
        output::note(format_args!("chatcodes: nothing matched"))?;
    }
    Ok(Done::from_ok(n > 0))
}
