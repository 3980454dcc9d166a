//! Keys from a secret URI (`--suri //Alice`, a mnemonic, a hex seed, with `//hard/soft`
//! derivations) or from a file holding one. Secrets never appear in errors or logs.

use std::path::Path;

use anyhow::{bail, Context, Result};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// The keypair of `--{flag}` (a secret URI) or `--{flag}-file` (a file holding one).
/// `None` when neither is given.
pub fn load(flag: &str, suri: Option<&str>, file: Option<&Path>) -> Result<Option<Keypair>> {
	let secret = match (suri, file) {
		(Some(_), Some(_)) => bail!("give --{flag} or --{flag}-file, not both"),
		(Some(suri), None) => suri.to_string(),
		(None, Some(path)) => {
			warn_if_readable_by_others(path);
			std::fs::read_to_string(path)
				.with_context(|| format!("--{flag}-file {}: cannot read it", path.display()))?
				.trim()
				.to_string()
		},
		(None, None) => return Ok(None),
	};
	// The parse errors of subxt-signer can quote the input: do not pass them on.
	let uri: SecretUri = secret.parse().map_err(|_| {
		anyhow::anyhow!("--{flag}: not a valid secret URI (mnemonic, 0x seed or //dev path)")
	})?;
	let pair = Keypair::from_uri(&uri)
		.map_err(|_| anyhow::anyhow!("--{flag}: the secret URI does not give an sr25519 key"))?;
	Ok(Some(pair))
}

#[cfg(unix)]
fn warn_if_readable_by_others(path: &Path) {
	use std::os::unix::fs::PermissionsExt;
	if let Ok(meta) = std::fs::metadata(path) {
		if meta.permissions().mode() & 0o077 != 0 {
			log::warn!("{} can be read by other users; `chmod 600` it", path.display());
		}
	}
}

#[cfg(not(unix))]
fn warn_if_readable_by_others(_path: &Path) {}

/// The SS58 address (prefix 42) of `pair`.
pub fn address(pair: &Keypair) -> String {
	pair.public_key().to_account_id().to_string()
}

#[cfg(test)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	#[test]
	fn dev_uris_and_files_give_the_same_key() {
		let alice = load("suri", Some("//Alice"), None).unwrap().unwrap();
		assert_eq!(address(&alice), ALICE);
		let dir = std::env::temp_dir().join(format!("myelin-keys-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let file = dir.join("hotkey");
		std::fs::write(&file, "//Alice\n").unwrap();
		let from_file = load("suri", None, Some(&file)).unwrap().unwrap();
		assert_eq!(address(&from_file), ALICE);
		std::fs::remove_dir_all(&dir).unwrap();
		assert!(load("suri", None, None).unwrap().is_none());
	}

	#[test]
	fn errors_name_the_flag_and_never_the_secret() {
		let secret = "bottom drive obey lake curtain smoke basket hold race lonely fit walk extra";
		let err = load("coldkey", Some(&format!("{secret} typo")), None).unwrap_err().to_string();
		assert!(err.starts_with("--coldkey"), "{err}");
		assert!(!err.contains("bottom") && !err.contains("typo"), "{err}");
		let err = load("suri", None, Some(Path::new("/nonexistent/key"))).unwrap_err();
		assert!(format!("{err:#}").contains("--suri-file /nonexistent/key"));
		assert!(load("suri", Some("//A"), Some(Path::new("x"))).is_err());
	}
}
