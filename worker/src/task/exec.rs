//! `exec:` plug-ins: an external program, one process per call, reads one JSON document on
//! stdin and writes one on stdout (what the documents are: [`super::plugin`] and
//! `docs/worker.md`).
//!
//! `<command>` runs through `sh -c`. A program that fails, times out, or prints something
//! that is not JSON gives an error (a missing answer, or a round scored 0); the worker itself
//! never stops because of a plug-in.

use std::{process::Stdio, time::Duration};

use serde_json::Value;
use tokio::{
	io::{AsyncReadExt, AsyncWriteExt},
	process::Command,
};

/// The most a plug-in may print on stdout (64 MiB).
pub const MAX_OUTPUT: u64 = 64 << 20;

/// Why a plug-in run gave no usable result.
#[derive(Debug, thiserror::Error)]
pub enum ExecError {
	/// The program could not be started.
	#[error("cannot start `{0}`: {1}")]
	Spawn(String, std::io::Error),
	/// Reading or writing its pipes failed.
	#[error("plug-in I/O: {0}")]
	Io(#[from] std::io::Error),
	/// It ran longer than allowed and was killed.
	#[error("plug-in timed out after {0:?}")]
	Timeout(Duration),
	/// It exited with a failure status.
	#[error("plug-in exited with {status}: {stderr}")]
	Failed {
		/// The exit status.
		status: std::process::ExitStatus,
		/// The end of what it printed on stderr.
		stderr: String,
	},
	/// Its stdout is not JSON.
	#[error("plug-in output is not JSON: {0}")]
	NotJson(serde_json::Error),
}

/// Runs `command` with `input` as JSON on stdin; returns its stdout parsed as JSON.
pub async fn run_json(command: &str, input: &Value, timeout: Duration) -> Result<Value, ExecError> {
	let mut child = Command::new("sh")
		.arg("-c")
		.arg(command)
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.kill_on_drop(true)
		.spawn()
		.map_err(|e| ExecError::Spawn(command.to_string(), e))?;
	let mut stdin = child.stdin.take().expect("stdin is piped");
	let stdout = child.stdout.take().expect("stdout is piped");
	let stderr = child.stderr.take().expect("stderr is piped");
	let bytes = serde_json::to_vec(input).expect("a Value always serialises");

	let work = async {
		// A program that exits without reading its input closes the pipe: not an error here.
		let write = async {
			let _ = stdin.write_all(&bytes).await;
			drop(stdin);
		};
		let mut out = Vec::new();
		let mut err = Vec::new();
		let (mut stdout, mut stderr) = (stdout.take(MAX_OUTPUT), stderr.take(64 << 10));
		let read_out = stdout.read_to_end(&mut out);
		let read_err = stderr.read_to_end(&mut err);
		let ((), read_out, read_err) = tokio::join!(write, read_out, read_err);
		read_out?;
		read_err?;
		let status = child.wait().await?;
		Ok::<_, ExecError>((status, out, err))
	};
	let (status, out, err) = match tokio::time::timeout(timeout, work).await {
		Ok(result) => result?,
		Err(_) => return Err(ExecError::Timeout(timeout)),
	};
	if !status.success() {
		let stderr = String::from_utf8_lossy(&err);
		let tail: String =
			stderr.trim().chars().rev().take(300).collect::<Vec<_>>().into_iter().rev().collect();
		return Err(ExecError::Failed { status, stderr: tail });
	}
	serde_json::from_slice(&out).map_err(ExecError::NotJson)
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	const T: Duration = Duration::from_secs(10);

	#[tokio::test]
	async fn a_plugin_reads_stdin_and_answers_json() {
		// `cat` echoes the task back: the simplest well-behaved plug-in.
		let out = run_json("cat", &json!({"seed": 3, "x": [1, 2]}), T).await.unwrap();
		assert_eq!(out, json!({"seed": 3, "x": [1, 2]}));
		let out = run_json("read line; echo '{\"scores\": [0.25]}'", &json!({}), T).await.unwrap();
		assert_eq!(out, json!({"scores": [0.25]}));
	}

	#[tokio::test]
	async fn crashes_garbage_and_hangs_are_errors_not_panics() {
		let crash = run_json("echo boom >&2; exit 3", &json!({}), T).await;
		assert!(
			matches!(&crash, Err(ExecError::Failed { stderr, .. }) if stderr.contains("boom")),
			"{crash:?}"
		);
		let garbage = run_json("echo 'not json at all'", &json!({}), T).await;
		assert!(matches!(garbage, Err(ExecError::NotJson(_))));
		let hang = run_json("sleep 30", &json!({}), Duration::from_millis(200)).await;
		assert!(matches!(hang, Err(ExecError::Timeout(_))));
		let missing = run_json("/nonexistent/plugin", &json!({}), T).await;
		assert!(matches!(missing, Err(ExecError::Failed { .. })));
		// Exits before reading its (large) input: no broken-pipe panic.
		let big = json!({"blob": "x".repeat(1 << 20)});
		assert_eq!(run_json("echo 1", &big, T).await.unwrap(), json!(1));
	}
}
