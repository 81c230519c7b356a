//! warta command line: parse arguments, run one subcommand, map the outcome to an exit code.
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    warta::cli::main()
}
