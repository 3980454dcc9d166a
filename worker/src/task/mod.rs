//! Tasks: what a validator sends a miner over HTTP and how the answer is checked.
//!
//! Wire protocol: the validator `POST`s a [`TaskRequest`] as JSON to `<axon>/task`; the miner
//! answers `200` with the answer as JSON (any other status is a missing answer).

pub mod exec;
pub mod matmul;

use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use matmul::{MatMulAnswer, MatMulTask};

/// A task on the wire, tagged by `kind`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TaskRequest {
	/// The built-in matrix multiplication: `{"kind": "matmul", "seed": s, "n": n}`.
	Matmul(MatMulTask),
	/// A plug-in task: `{"kind": "exec", "seed": s}`; the miner's plug-in gets this JSON.
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
	/// `exec:<command>`: an external program (see [`exec`]).
	Exec(String),
}

impl FromStr for TaskKind {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s.split_once(':') {
			None if s == "matmul" => Ok(Self::MatMul),
			Some(("exec", command)) if !command.trim().is_empty() => {
				Ok(Self::Exec(command.to_string()))
			},
			Some(("exec", _)) => Err("`exec:` needs a command, e.g. `exec:./my-model.py`".into()),
			_ => Err(format!("unknown task `{s}`: expected `matmul` or `exec:<command>`")),
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
		assert_eq!("exec:python3 model.py".parse(), Ok(TaskKind::Exec("python3 model.py".into())));
		assert!("exec:".parse::<TaskKind>().unwrap_err().contains("needs a command"));
		assert!("gpu".parse::<TaskKind>().unwrap_err().contains("unknown task `gpu`"));
	}
}
