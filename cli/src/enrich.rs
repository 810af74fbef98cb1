//! `chatcodes enrich`: the command-line face of [`chatcodes::enrich`].

use std::io;
use std::num::NonZeroUsize;

use chatcodes::enrich::{DEFAULT_API_FIELD, Enricher};
use chatcodes::{Field, Namespace, Record};

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
    /// The members of each `<field>_explained` record, comma-separated, from
    /// the names `export --columns` uses (e.g. `name,retryability`); `code`
    /// always comes first. Default: every field but causes, source and
    /// aliases.
    #[arg(long = "fields", value_name = "NAMES", value_delimiter = ',')]
    record_fields: Option<Vec<String>>,
    /// Threads that enrich, each a block of lines at a time, written in order
    /// (default: the available cores), the thread that reads among them; 1
    /// reads and enriches on one thread alone.
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,
}

/// The record fields named in `names`, or an error naming the unknown one.
fn record_fields(names: &[String]) -> Result<Vec<Field>, String> {
    names
        .iter()
        .map(|name| {
            Field::from_name(name.trim()).ok_or_else(|| {
                format!(
                    "unknown record field {name:?}; available: {}",
                    Record::FIELDS.join(", ")
                )
            })
        })
        .collect()
}

fn enricher(args: &Args) -> Result<Enricher, Box<dyn std::error::Error + Send + Sync>> {
    let api_field = Some(args.api_field.as_str()).filter(|f| !f.is_empty());
    let mut enricher = Enricher::new()
        .namespace(args.namespace.unwrap_or(Namespace::TencentServer))
        .api_field(api_field)
        .lang(crate::lang());
    if let Some(names) = &args.record_fields {
        enricher = enricher.fields(&record_fields(names)?);
    }
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
    let enricher = enricher(args).map_err(|e| CliError::Usage(e.to_string()))?;
    let out = crate::output::stdout_file()?;
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .unwrap_or(NonZeroUsize::MIN);
    let summary = enricher.stream_parallel(threads, io::stdin().lock(), out)?;
    crate::output::note(format_args!("chatcodes enrich: {summary}"))?;
    Ok(Done::Success)
}
