//! Virtuoso 7 side by side: a throwaway instance in a temporary folder loads
//! the same N-Quads (`warta export --all`) with its bulk loader, then answers
//! the library's queries on its /sparql endpoint.

use crate::client::{agent, free_port, ms, on_path, sparql, Guard};
use crate::measure::QUERY_TIMEOUT_S;
use crate::serve::Served;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Page buffers (8 KB each): about 2 GB of cache.
const BUFFERS: usize = 250_000;
/// The graph of N-Quads lines without one (warta's export writes none).
const DEFAULT_GRAPH: &str = "urn:warta:bench:no-graph";

/// Why Virtuoso cannot run here, if it cannot.
pub fn missing() -> Option<String> {
    ["virtuoso-t", "isql-vt"]
        .into_iter()
        .find(|tool| !on_path(tool))
        .map(|tool| format!("virtuoso: not installed ({tool} is not on PATH; Debian: apt-get install virtuoso-opensource)"))
}

pub fn compare(nq: &Path, warta: &[Served], line: &mut impl FnMut(String)) -> Result<(), String> {
    if let Some(why) = missing() {
        line(why);
        return Ok(());
    }
    let nq = nq.canonicalize().map_err(|e| format!("{}: {e}", nq.display()))?;
    let (Some(folder), Some(file)) = (nq.parent(), nq.file_name().and_then(|f| f.to_str())) else {
        return Err(format!("{}: not a file", nq.display()));
    };
    if !file.ends_with(".nq") {
        return Err(format!("{}: Virtuoso's bulk loader needs the .nq extension", nq.display()));
    }
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let db = tmp.path();
    let (sql_port, http_port) = (free_port()?, free_port()?);
    let ini = db.join("virtuoso.ini");
    std::fs::write(&ini, ini_text(db, folder, sql_port, http_port)).map_err(|e| format!("{}: {e}", ini.display()))?;
    let log = std::fs::File::create(db.join("console.log")).map_err(|e| e.to_string())?;
    let mut cmd = Command::new("virtuoso-t");
    cmd.args(["+foreground", "+configfile"]).arg(&ini).current_dir(db);
    cmd.stdin(Stdio::null()).stdout(log.try_clone().map_err(|e| e.to_string())?).stderr(log);
    let mut server = Guard::spawn(&mut cmd, Duration::from_secs(20))?;
    let url = format!("http://127.0.0.1:{http_port}/sparql");
    let result = run(&mut server, db, &url, sql_port, folder, file, warta, line);
    let stop = server.stop();
    line(format!("virtuoso: {stop}"));
    result
}

#[allow(clippy::too_many_arguments)]
fn run(
    server: &mut Guard,
    db: &Path,
    url: &str,
    sql_port: u16,
    folder: &Path,
    file: &str,
    warta: &[Served],
    line: &mut impl FnMut(String),
) -> Result<(), String> {
    // Up: its HTTP endpoint answers.
    let t = Instant::now();
    let probe = agent(Duration::from_secs(5));
    loop {
        if !server.alive() {
            return Err(format!("virtuoso-t exited at start: {}", tail(&db.join("console.log"))));
        }
        if sparql(&probe, url, "ASK {}").is_ok_and(|a| a.status == 200) {
            break;
        }
        if t.elapsed() > Duration::from_secs(180) {
            return Err(format!("virtuoso-t did not answer within 180 s: {}", tail(&db.join("console.log"))));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let version = std::fs::read_to_string(db.join("console.log"))
        .ok()
        .and_then(|l| l.lines().find_map(|l| l.split_once("Version ").map(|(_, v)| v.trim().to_string())))
        .unwrap_or_else(|| "?".into());
    line(format!(
        "virtuoso {version}: started in {:.1} s ({BUFFERS} buffers, ~{} MB cache)",
        t.elapsed().as_secs_f64(),
        BUFFERS * 8 / 1000
    ));

    // The bulk loader: register the file, load, make it durable.
    let folder_sql = folder.display().to_string().replace('\'', "''");
    let file_sql = file.replace('\'', "''");
    let t = Instant::now();
    isql(sql_port, &format!("ld_dir('{folder_sql}', '{file_sql}', '{DEFAULT_GRAPH}'); rdf_loader_run(); checkpoint;"))?;
    let load_s = t.elapsed().as_secs_f64();
    let errors = isql(sql_port, "select 'LOADERR: ' || ll_file || ': ' || ll_error from DB.DBA.load_list where ll_error is not null;")?;
    if let Some(e) = errors.lines().find(|l| l.contains("LOADERR: ")) {
        return Err(format!("virtuoso's bulk loader: {}", e.trim()));
    }
    let client = agent(Duration::from_secs(QUERY_TIMEOUT_S + 30));
    let count = sparql(&client, url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")?;
    let quads = count.head.lines().nth(1).unwrap_or("?").trim().to_string();
    line(format!(
        "virtuoso bulk load of {file} (ld_dir + rdf_loader_run + checkpoint, one file, one loader): {load_s:.1} s; it then holds {quads} quads (with its own system graphs)"
    ));
    line(
        "virtuoso: its default graph is the union of ALL graphs (article graphs, warta's merged graph, build records, its system graphs); \
         warta's is the union of the article graphs: queries without GRAPH may count differently"
            .into(),
    );

    // The library, warm, best of 3 on each side.
    for s in warta {
        let v = best_of_3(&client, url, s.text);
        let w = match &s.result {
            Ok((sec, rows)) => format!("warta {} ({rows} rows)", ms(*sec)),
            Err(e) => format!("warta failed ({e})"),
        };
        let v_text = match &v {
            Ok((sec, rows, partial)) => {
                format!("virtuoso {} ({rows} rows{})", ms(*sec), if *partial { ", partial: cut at its time limit" } else { "" })
            }
            Err(e) => format!("virtuoso failed ({e})"),
        };
        let ratio = match (&s.result, &v) {
            (Ok((ws, wr)), Ok((vs, vr, _))) => {
                format!("; warta/virtuoso {:.1}{}", ws / vs, if wr == vr { "" } else { "; rows differ" })
            }
            _ => String::new(),
        };
        line(format!("  {}: {w}, {v_text}{ratio}", s.name));
    }
    Ok(())
}

fn best_of_3(client: &ureq::Agent, url: &str, text: &str) -> Result<(f64, usize, bool), String> {
    let mut best: Option<(f64, usize, bool)> = None;
    for _ in 0..3 {
        let a = sparql(client, url, text)?;
        if a.status != 200 {
            return Err(if a.head.contains("SR171") { format!("> {QUERY_TIMEOUT_S} s, stopped") } else { a.brief() });
        }
        if best.is_none_or(|(s, _, _)| a.seconds < s) {
            best = Some((a.seconds, a.rows, a.partial));
        }
        if a.seconds > 10.0 {
            break;
        }
    }
    best.ok_or_else(|| "no run".into())
}

/// Runs SQL through isql-vt; an error message in its output is an error.
fn isql(port: u16, sql: &str) -> Result<String, String> {
    let out = Command::new("isql-vt")
        .arg(format!("127.0.0.1:{port}"))
        .args(["dba", "dba", "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF"])
        .arg(format!("EXEC={sql}"))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("isql-vt: {e}"))?;
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if !out.status.success() || text.contains("*** Error") {
        return Err(format!("isql-vt {sql:?}: {}", text.trim()));
    }
    Ok(text)
}

/// The last lines of Virtuoso's console log, for errors.
fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(5)..].join(" | ")
}

/// A configuration for a throwaway instance: files in `db`, loopback ports,
/// the export folder readable by the bulk loader, ~2 GB of buffers, no result
/// row limit, queries stopped after the bench's query time limit. No
/// `MaxQueryCostEstimationTime`: Virtuoso's maintainers call it a debugging aid,
/// and its estimates refused queries that run in seconds.
fn ini_text(db: &Path, export: &Path, sql_port: u16, http_port: u16) -> String {
    let d = db.display();
    format!(
        "[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {export}
NumberOfBuffers = {BUFFERS}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 2G
ThreadsPerQuery = 2
CaseMode = 2
MaxStaticCursorRows = 5000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000000
MaxQueryExecutionTime = {QUERY_TIMEOUT_S}
",
        export = export.display(),
        dirty = BUFFERS * 3 / 4,
    )
}
