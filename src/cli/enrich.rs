//! `chatcodes enrich`: the command-line face of [`chatcodes::enrich`].

use std::io;

use chatcodes::Namespace;
use chatcodes::enrich::Enricher;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Another field to explain, as a path from the top of the record: `code`,
    /// `data.code`, `items[].status`. Repeatable. The default fields
    /// (ErrorCode, ResultCode anywhere) stay on.
    #[arg(long = "field", value_name = "PATH")]
    fields: Vec<String>,
    /// How a bare number is read (default: tencent_server, the REST codes).
    #[arg(long, short)]
    namespace: Option<Namespace>,
    /// The REST API the log lines come from, for its own wording (e.g. v4/sns/friend_add).
    #[arg(long)]
    api: Option<String>,
}

fn enricher(args: &Args) -> Result<Enricher, chatcodes::enrich::FieldPathError> {
    let mut enricher =
        Enricher::new().namespace(args.namespace.unwrap_or(Namespace::TencentServer));
    if let Some(api) = &args.api {
        enricher = enricher.api(api.as_str());
    }
    args.fields
        .iter()
        .try_fold(enricher, |e, path| e.field(path))
}

pub fn run(args: &Args) -> io::Result<()> {
    let mut enricher =
        enricher(args).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let summary = enricher.stream(io::stdin().lock(), io::stdout().lock())?;
    eprintln!("chatcodes enrich: {summary}");
    Ok(())
}
