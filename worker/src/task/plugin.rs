//! Plug-ins: external programs speaking JSON, run per call or kept alive.
//!
//! - `exec:<command>`: one process per call; the input is written to its stdin as one JSON
//!   document, its stdout is read as one JSON document ([`super::exec::run_json`]).
//! - `lines:<command>`: one long-lived process; each call writes the input as one line of JSON
//!   to its stdin and reads one line of JSON from its stdout, so a model loads once. Calls are
//!   answered in order, one at a time. A process that exits, prints garbage or misses the
//!   timeout is killed and started again at the next call; its stderr goes to the worker's.
//!
//! `<command>` runs through `sh -c`.

use std::{process::Stdio, time::Duration};

use serde_json::Value;
use tokio::{
	io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
	process::{Child, ChildStdin, ChildStdout, Command},
	sync::Mutex,
};

use super::exec::{run_json, ExecError, MAX_OUTPUT};

/// How a plug-in runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
	/// A process per call.
	Exec,
	/// One long-lived process, a JSON line per call.
	Lines,
}

/// A plug-in as given on the command line: `exec:<command>` or `lines:<command>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PluginSpec {
	/// How it runs.
	pub mode: Mode,
	/// The shell command.
	pub command: String,
}

impl std::str::FromStr for PluginSpec {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		let (mode, command) = match s.split_once(':') {
			Some(("exec", command)) => (Mode::Exec, command),
			Some(("lines", command)) => (Mode::Lines, command),
			_ => {
				return Err(format!(
					"unknown plug-in `{s}`: expected `exec:<command>` or `lines:<command>`"
				))
			},
		};
		if command.trim().is_empty() {
			return Err(format!("`{s}` needs a command, e.g. `lines:python3 miner.py`"));
		}
		Ok(Self { mode, command: command.to_string() })
	}
}

impl PluginSpec {
	/// `exec` or `lines`.
	pub fn mode_name(&self) -> &'static str {
		match self.mode {
			Mode::Exec => "exec",
			Mode::Lines => "lines",
		}
	}
}

impl std::fmt::Display for PluginSpec {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}:{}", self.mode_name(), self.command)
	}
}

/// A running plug-in.
pub struct Plugin {
	spec: PluginSpec,
	process: Mutex<Option<Running>>,
}

struct Running {
	child: Child,
	stdin: ChildStdin,
	stdout: BufReader<ChildStdout>,
}

impl Plugin {
	/// A plug-in for `spec`; a `lines:` process starts at the first call.
	pub fn new(spec: PluginSpec) -> Self {
		Self { spec, process: Mutex::new(None) }
	}

	/// What it runs.
	pub fn spec(&self) -> &PluginSpec {
		&self.spec
	}

	/// Gives `input` to the plug-in and returns its JSON answer, within `timeout`.
	pub async fn call(&self, input: &Value, timeout: Duration) -> Result<Value, ExecError> {
		match self.spec.mode {
			Mode::Exec => run_json(&self.spec.command, input, timeout).await,
			Mode::Lines => {
				let mut process = self.process.lock().await;
				let result = tokio::time::timeout(timeout, self.line(&mut process, input)).await;
				match result {
					Ok(Ok(value)) => Ok(value),
					Ok(Err(e)) => {
						Self::stop(&mut process).await;
						Err(e)
					},
					Err(_) => {
						Self::stop(&mut process).await;
						Err(ExecError::Timeout(timeout))
					},
				}
			},
		}
	}

	async fn line(&self, process: &mut Option<Running>, input: &Value) -> Result<Value, ExecError> {
		if let Some(running) = process.as_mut() {
			if let Ok(Some(status)) = running.child.try_wait() {
				log::warn!("plug-in `{}` had exited ({status}); starting it again", self.spec);
				*process = None;
			}
		}
		if process.is_none() {
			*process = Some(self.spawn()?);
		}
		let running = process.as_mut().expect("started above");
		let mut line = serde_json::to_vec(input).expect("a Value always serialises");
		line.push(b'\n');
		running.stdin.write_all(&line).await?;
		running.stdin.flush().await?;
		let mut out = Vec::new();
		let read = (&mut running.stdout).take(MAX_OUTPUT).read_until(b'\n', &mut out).await?;
		if read == 0 {
			let status = running.child.wait().await?;
			return Err(ExecError::Failed { status, stderr: "(see the worker's log)".into() });
		}
		serde_json::from_slice(&out).map_err(ExecError::NotJson)
	}

	fn spawn(&self) -> Result<Running, ExecError> {
		let mut child = Command::new("sh")
			.arg("-c")
			.arg(&self.spec.command)
			.stdin(Stdio::piped())
			.stdout(Stdio::piped())
			.stderr(Stdio::inherit())
			.kill_on_drop(true)
			.spawn()
			.map_err(|e| ExecError::Spawn(self.spec.command.clone(), e))?;
		let stdin = child.stdin.take().expect("stdin is piped");
		let stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
		log::info!("started plug-in `{}` (pid {})", self.spec, child.id().unwrap_or(0));
		Ok(Running { child, stdin, stdout })
	}

	async fn stop(process: &mut Option<Running>) {
		if let Some(mut running) = process.take() {
			let _ = running.child.kill().await;
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	const T: Duration = Duration::from_secs(10);

	#[test]
	fn specs_parse_from_the_command_line() {
		let spec: PluginSpec = "lines:python3 m.py".parse().unwrap();
		assert_eq!(spec, PluginSpec { mode: Mode::Lines, command: "python3 m.py".into() });
		assert_eq!(spec.to_string(), "lines:python3 m.py");
		assert_eq!("exec:cat".parse::<PluginSpec>().unwrap().mode, Mode::Exec);
		assert!("lines:".parse::<PluginSpec>().unwrap_err().contains("needs a command"));
		assert!("gpu:x".parse::<PluginSpec>().unwrap_err().contains("unknown plug-in"));
	}

	#[tokio::test]
	async fn a_lines_plugin_starts_once_and_answers_in_order() {
		// Counts its calls: one process answers all three.
		let p = Plugin::new(
			"lines:n=0; while read l; do n=$((n+1)); echo \"{\\\"n\\\": $n}\"; done"
				.parse()
				.unwrap(),
		);
		for n in 1..=3 {
			assert_eq!(p.call(&json!({"x": n}), T).await.unwrap(), json!({"n": n}));
		}
	}

	#[tokio::test]
	async fn a_lines_plugin_that_dies_or_hangs_is_started_again() {
		// Answers once, then exits: the next call restarts it (and counts from 1 again).
		let p = Plugin::new("lines:read l; echo 1".parse().unwrap());
		assert_eq!(p.call(&json!({}), T).await.unwrap(), json!(1));
		let second = p.call(&json!({}), T).await;
		assert!(second.is_err() || second.as_ref().unwrap() == &json!(1), "{second:?}");
		assert_eq!(p.call(&json!({}), T).await.unwrap(), json!(1));
		let hang = Plugin::new("lines:sleep 30".parse().unwrap());
		let e = hang.call(&json!({}), Duration::from_millis(200)).await;
		assert!(matches!(e, Err(ExecError::Timeout(_))), "{e:?}");
		let garbage = Plugin::new("lines:while read l; do echo nope; done".parse().unwrap());
		assert!(matches!(garbage.call(&json!({}), T).await, Err(ExecError::NotJson(_))));
	}
}
