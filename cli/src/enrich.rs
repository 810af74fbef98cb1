//! `chatcodes enrich`: the command-line face of [`chatcodes::enrich`].

use std::io;

use chatcodes::Namespace;
use chatcodes::enrich::{DEFAULT_API_FIELD, Enricher};

use crate::outcome::{CliError, Done};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Another field to explain, as a path from the top of the record: `code`,
    /// `data.code`, `items[].status`. Repeatable. The default fields
    /// (ErrorCode, ResultCode anywhere, and the code fields of Tencent's
    /// other per-item arrays) stay on.
    #[arg(long = "field", value_name = "PATH")]
    fields: Vec<String>,
    /// How a bare number is read (default: tencent_server, the REST codes).
    #[arg(long, short, value_parser = crate::namespace_parser())]
    namespace: Option<Namespace>,
    /// The REST API of lines that do not name one (e.g. v4/sns/friend_add),
    /// for its own wording.
    #[arg(long)]
    api: Option<String>,
    /// The top-level field that names a line's REST API; an empty name reads
    /// none.
    #[arg(long, value_name = "FIELD", default_value = DEFAULT_API_FIELD)]
    api_field: String,
}

fn enricher(args: &Args) -> Result<Enricher, Box<dyn std::error::Error + Send + Sync>> {
    let api_field = Some(args.api_field.as_str()).filter(|f| !f.is_empty());
    let mut enricher = Enricher::new()
        .namespace(args.namespace.unwrap_or(Namespace::TencentServer))
        .api_field(api_field);
    if let Some(api) = &args.api {
        enricher = enricher.api(chatcodes::rest_api(api)?);
    }
    let enricher = args
        .fields
        .iter()
        .try_fold(enricher, |e, path| e.field(path))?;
    Ok(enricher)
}

pub fn run(args: &Args) -> Result<Done, CliError> {
    let mut enricher = enricher(args).map_err(|e| CliError::Usage(e.to_string()))?;
    let out = crate::output::stdout_file()?;
    let summary = enricher.stream(io::stdin().lock(), out)?;
    crate::output::note(format_args!("chatcodes enrich: {summary}"))?;
    Ok(Done::Success)
}
