//! Tasks: what a validator sends a miner over HTTP and how the answer is checked.
//!
//! Wire protocol: the validator `POST`s a task as JSON to `<axon>/task`, signed as
//! [`crate::protocol`] says; the miner answers `200` with the answer as JSON, signed by its
//! hotkey (any other status is a missing answer). The built-in task is a [`TaskRequest`]; a
//! plug-in task is whatever JSON the validator's task plug-in made.

pub mod exec;
pub mod matmul;
pub mod plugin;

use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use matmul::{MatMulAnswer, MatMulTask};
pub use plugin::{Plugin, PluginSpec};

/// A task on the wire, tagged by `kind`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TaskRequest {
	/// The built-in matrix multiplication: `{"kind": "matmul", "seed": s, "n": n}`.
	Matmul(MatMulTask),
	/// The plug-in task sent when the validator has no task plug-in: `{"kind": "exec", "seed":
	/// s}`; the miner's plug-in gets this JSON.
	Exec {
		/// A fresh random number per task, for the plug-in to build its work from.
		seed: u64,
	},
}

/// Which task a worker serves or asks for (`--task`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskKind {
	/// `matmul`: the built-in, verifiable matrix multiplication.
	MatMul,
	/// `exec:<command>` or `lines:<command>`: an external program (see [`plugin`]).
	Plugin(PluginSpec),
}

impl FromStr for TaskKind {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		if s == "matmul" {
			return Ok(Self::MatMul);
		}
		match s.parse::<PluginSpec>() {
			Ok(spec) => Ok(Self::Plugin(spec)),
			Err(e) if e.starts_with("unknown plug-in") => Err(format!(
				"unknown task `{s}`: expected `matmul`, `exec:<command>` or `lines:<command>`"
			)),
			Err(e) => Err(e),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn wire_format_is_tagged_json() {
		let t = TaskRequest::Matmul(MatMulTask { seed: 5, n: 64 });
		assert_eq!(
			serde_json::to_value(&t).unwrap(),
			json!({"kind": "matmul", "seed": 5, "n": 64})
		);
		let e: TaskRequest = serde_json::from_value(json!({"kind": "exec", "seed": 9})).unwrap();
		assert_eq!(e, TaskRequest::Exec { seed: 9 });
		assert!(serde_json::from_value::<TaskRequest>(json!({"kind": "nope"})).is_err());
	}

	#[test]
	fn task_kinds_parse_from_the_command_line() {
		assert_eq!("matmul".parse(), Ok(TaskKind::MatMul));
		assert_eq!(
			"exec:python3 model.py".parse(),
			Ok(TaskKind::Plugin(PluginSpec {
				mode: plugin::Mode::Exec,
				command: "python3 model.py".into()
			}))
		);
		assert!("exec:".parse::<TaskKind>().unwrap_err().contains("needs a command"));
		assert!("gpu".parse::<TaskKind>().unwrap_err().contains("unknown task `gpu`"));
	}
}
