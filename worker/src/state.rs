//! What a validator keeps on disk: its miners' scores and the commitment waiting for its reveal,
//! so a restart, even between a commit and its reveal, carries on where it stopped.
//!
//! One JSON file per (subnet, hotkey), written whole to a temporary file and renamed over the
//! old one, so a crash never leaves half a file. A commitment is saved *before* it is
//! submitted: a validator killed while its commit is in flight finds it on chain at restart
//! (`Weights.Commits` holds the hash and its epoch) and reveals it.

use std::{
	collections::BTreeMap,
	path::{Path, PathBuf},
};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// The file's format version.
pub const VERSION: u32 = 1;

/// A commitment: what is needed to reveal it and, once known, where it landed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedCommit {
	/// `0x…`: the commitment's hash, as stored in `Weights.Commits`.
	pub hash: String,
	/// The row's uids.
	pub uids: Vec<u16>,
	/// The row's weights.
	pub weights: Vec<u16>,
	/// The salt.
	pub salt: Vec<u16>,
	/// The subnet's weights version key when committed.
	pub version_key: u64,
	/// The number of the block that included the commit, once known.
	pub block_number: Option<u64>,
	/// The subnet's epoch at that block, once known.
	pub epoch: Option<u64>,
}

/// A miner's moving-average score, with the hotkey that earned it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedScore {
	/// The hotkey at the uid when scored.
	pub hotkey: String,
	/// The moving average, in `[0, 1]`.
	pub score: f64,
}

/// The whole file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
	/// [`VERSION`].
	pub version: u32,
	/// The subnet.
	pub netuid: u16,
	/// The validator's hotkey (SS58).
	pub hotkey: String,
	/// Scores by uid.
	pub scores: BTreeMap<u16, SavedScore>,
	/// The commitment waiting for its reveal.
	pub pending: Option<SavedCommit>,
}

/// The state file of `hotkey` on `netuid` under `dir`.
pub fn path(dir: &Path, netuid: u16, hotkey: &str) -> PathBuf {
	dir.join(format!("validator-{netuid}-{hotkey}.json"))
}

/// The default directory: `$MYELIN_HOME/worker`, else `~/.myelin/worker`.
pub fn default_dir() -> PathBuf {
	if let Some(home) = std::env::var_os("MYELIN_HOME") {
		return PathBuf::from(home).join("worker");
	}
	let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));
	home.join(".myelin").join("worker")
}

/// Reads the state at `file`: `None` when there is none, or it belongs to another subnet or
/// hotkey, or has another version (said in the log; the validator then starts afresh).
pub fn load(file: &Path, netuid: u16, hotkey: &str) -> Option<Saved> {
	let bytes = match std::fs::read(file) {
		Ok(bytes) => bytes,
		Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
		Err(e) => {
			log::warn!("cannot read the state {}: {e}; starting afresh", file.display());
			return None;
		},
	};
	match serde_json::from_slice::<Saved>(&bytes) {
		Ok(saved)
			if saved.version == VERSION && saved.netuid == netuid && saved.hotkey == hotkey =>
		{
			Some(saved)
		},
		Ok(saved) => {
			log::warn!(
				"the state {} is version {} of netuid {} for {}; starting afresh",
				file.display(),
				saved.version,
				saved.netuid,
				saved.hotkey
			);
			None
		},
		Err(e) => {
			log::warn!("the state {} is not readable ({e}); starting afresh", file.display());
			None
		},
	}
}

/// Writes `saved` to `file` atomically (a temporary file renamed over it), mode 600.
pub fn save(file: &Path, saved: &Saved) -> Result<()> {
	if let Some(dir) = file.parent() {
		std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
	}
	let tmp = file.with_extension("json.tmp");
	let bytes = serde_json::to_vec_pretty(saved).expect("the state serialises");
	write_private(&tmp, &bytes).with_context(|| format!("writing {}", tmp.display()))?;
	std::fs::rename(&tmp, file).with_context(|| format!("renaming to {}", file.display()))?;
	Ok(())
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
	use std::{io::Write, os::unix::fs::OpenOptionsExt};
	let mut f = std::fs::OpenOptions::new()
		.write(true)
		.create(true)
		.truncate(true)
		.mode(0o600)
		.open(path)?;
	f.write_all(bytes)?;
	f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
	std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn saves_and_loads_only_its_own_state() {
		let dir = std::env::temp_dir().join(format!("myelin-state-{}", std::process::id()));
		let file = path(&dir, 3, "5Hot");
		assert_eq!(load(&file, 3, "5Hot"), None);
		let saved = Saved {
			version: VERSION,
			netuid: 3,
			hotkey: "5Hot".into(),
			scores: BTreeMap::from([(2, SavedScore { hotkey: "5Miner".into(), score: 0.5 })]),
			pending: Some(SavedCommit {
				hash: "0x01".into(),
				uids: vec![2],
				weights: vec![65535],
				salt: vec![1, 2],
				version_key: 0,
				block_number: None,
				epoch: None,
			}),
		};
		save(&file, &saved).unwrap();
		assert_eq!(load(&file, 3, "5Hot"), Some(saved.clone()));
		assert_eq!(load(&file, 4, "5Hot"), None, "another subnet's");
		assert_eq!(load(&file, 3, "5Other"), None, "another hotkey's");
		std::fs::write(&file, b"{ half a fi").unwrap();
		assert_eq!(load(&file, 3, "5Hot"), None, "garbage is not a state");
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			save(&file, &saved).unwrap();
			assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
		}
		std::fs::remove_dir_all(&dir).unwrap();
	}
}
