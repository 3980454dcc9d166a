//! `myelin-node`: the Myelin node binary.
#![warn(missing_docs)]
// `sc_cli::Error` is large; every Substrate node returns it.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;
mod simulate;

fn main() -> sc_cli::Result<()> {
	command::run()
}
