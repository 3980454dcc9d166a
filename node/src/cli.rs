//! Command-line interface of `myelin-node`.

use sc_cli::RunCmd;

/// `myelin-node [SUBCOMMAND] [OPTIONS]`: without a subcommand, runs a node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: RunCmd,
}

/// The subcommands of `myelin-node`.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Run one Yuma epoch: the JSON of SPEC.md ("Epoch simulator") on stdin, the outputs as
	/// JSON on stdout. Needs no chain. Bad input: exit code 2 and a line naming the field.
	SimulateEpoch,

	/// FRAME benchmarks of the runtime's pallets (`benchmark pallet --runtime <wasm>`); only
	/// in a node built with `--features runtime-benchmarks` (`make weights`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Build a chain specification (deprecated upstream in favour of `export-chain-spec`;
	/// kept because zombienet calls it).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification (`--chain dev|local|<path>`, `--raw` for raw storage).
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database metadata columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}
