//! `myelin-node`: the Myelin node binary.
#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;
mod simulate;

fn main() -> sc_cli::Result<()> {
	command::run()
}
