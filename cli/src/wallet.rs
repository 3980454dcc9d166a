//! Wallets: a coldkey and named hotkeys, each an sr25519 key stored encrypted in polkadot.js's
//! JSON keystore format (version 3: scrypt, then xsalsa20-poly1305 over the PKCS#8 encoding),
//! so that a file imports into polkadot.js apps and the extension as it is.
//!
//! Layout: `$MYELIN_HOME` (default `~/.myelin`)`/wallets/<wallet>/coldkey.json` and
//! `.../hotkeys/<hotkey>.json`, each readable by its owner only. The password comes from
//! `MYELIN_PASSWORD` or a prompt.

use std::{
	fs,
	io::Write,
	path::{Path, PathBuf},
};

use anyhow::{anyhow, bail, Context, Result};
use base64::Engine;
use clap::Subcommand;
use crypto_secretbox::{
	aead::{Aead, KeyInit},
	Key, Nonce, XSalsa20Poly1305,
};
use serde_json::{json, Value};
use subxt_signer::{bip39::Mnemonic, sr25519::Keypair};

use crate::Output;

/// scrypt's parameters: polkadot.js's defaults (N = 2^15, p = 1, r = 8).
const SCRYPT_LOG_N: u8 = 15;
const SCRYPT_P: u32 = 1;
const SCRYPT_R: u32 = 8;
/// PKCS#8 framing of an sr25519 key, as polkadot.js writes it.
const PKCS8_HEADER: [u8; 16] = [48, 83, 2, 1, 1, 48, 5, 6, 3, 43, 101, 112, 4, 34, 4, 32];
const PKCS8_DIVIDER: [u8; 5] = [161, 35, 3, 33, 0];

#[derive(Subcommand)]
pub enum WalletCommand {
	/// Create a wallet's coldkey, or with --hotkey one of its hotkeys, from a new mnemonic
	/// (printed once: write it down).
	New {
		/// The wallet.
		#[arg(long, default_value = "default")]
		wallet: String,
		/// Create this hotkey of the wallet instead of its coldkey.
		#[arg(long)]
		hotkey: Option<String>,
	},
	/// Store an existing key (a mnemonic, or a polkadot.js JSON file) as a wallet's coldkey or
	/// hotkey.
	Import {
		/// The wallet.
		#[arg(long, default_value = "default")]
		wallet: String,
		/// Import as this hotkey instead of the coldkey.
		#[arg(long)]
		hotkey: Option<String>,
		/// The 12 or 24 words (prefer MYELIN_MNEMONIC: command lines can be read by others).
		#[arg(long)]
		mnemonic: Option<String>,
		/// A polkadot.js JSON key file (its password is asked, or MYELIN_PASSWORD).
		#[arg(long)]
		file: Option<PathBuf>,
	},
	/// Every wallet with its coldkey and hotkeys.
	List,
	/// One wallet's addresses.
	Show {
		/// The wallet.
		#[arg(long, default_value = "default")]
		wallet: String,
	},
}

/// Where wallets live.
fn home() -> Result<PathBuf> {
	if let Ok(dir) = std::env::var("MYELIN_HOME") {
		return Ok(PathBuf::from(dir));
	}
	let home =
		std::env::var("HOME").map_err(|_| anyhow!("HOME is not set (or set MYELIN_HOME)"))?;
	Ok(Path::new(&home).join(".myelin"))
}

/// The file of a wallet's coldkey, or of its hotkey `hotkey`.
pub fn key_path(wallet: &str, hotkey: Option<&str>) -> Result<PathBuf> {
	for name in std::iter::once(wallet).chain(hotkey) {
		if name.is_empty()
			|| !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
		{
			bail!("`{name}`: a wallet or hotkey name is letters, digits, - and _");
		}
	}
	let dir = home()?.join("wallets").join(wallet);
	Ok(match hotkey {
		Some(hotkey) => dir.join("hotkeys").join(format!("{hotkey}.json")),
		None => dir.join("coldkey.json"),
	})
}

/// The password: `MYELIN_PASSWORD`, else asked on the terminal (twice when `confirm`).
fn password(confirm: bool) -> Result<String> {
	if let Ok(password) = std::env::var("MYELIN_PASSWORD") {
		return Ok(password);
	}
	let first = rpassword::prompt_password("password: ").context("reading the password")?;
	if confirm && rpassword::prompt_password("again: ").context("reading the password")? != first {
		bail!("the two passwords differ");
	}
	Ok(first)
}

/// The sr25519 key of a BIP-39 mnemonic, as Substrate and polkadot.js derive it (the mini
/// secret is the first half of PBKDF2-HMAC-SHA512 over the entropy, 2048 rounds, salt
/// "mnemonic"): `(secret in ed25519 form, public key)`.
fn key_of(mnemonic: &Mnemonic) -> Result<([u8; 64], [u8; 32])> {
	let (entropy, len) = mnemonic.to_entropy_array();
	let mut seed = [0u8; 64];
	pbkdf2::pbkdf2_hmac::<sha2::Sha512>(&entropy[..len], b"mnemonic", 2048, &mut seed);
	let mini = schnorrkel::MiniSecretKey::from_bytes(&seed[..32])
		.map_err(|_| anyhow!("not a valid mini secret"))?;
	let pair = mini.expand_to_keypair(schnorrkel::ExpansionMode::Ed25519);
	Ok((pair.secret.to_ed25519_bytes(), pair.public.to_bytes()))
}

/// `secret` and `public` encrypted with `password` as a polkadot.js keystore JSON.
fn encrypt(secret: &[u8; 64], public: &[u8; 32], password: &str, name: &str) -> Result<Value> {
	let mut plain = Vec::with_capacity(117);
	plain.extend_from_slice(&PKCS8_HEADER);
	plain.extend_from_slice(secret);
	plain.extend_from_slice(&PKCS8_DIVIDER);
	plain.extend_from_slice(public);
	let mut salt = [0u8; 32];
	let mut nonce = [0u8; 24];
	getrandom::getrandom(&mut salt).map_err(|e| anyhow!("no randomness: {e}"))?;
	getrandom::getrandom(&mut nonce).map_err(|e| anyhow!("no randomness: {e}"))?;
	let params = scrypt::Params::new(SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P, 32)
		.map_err(|e| anyhow!("scrypt parameters: {e}"))?;
	let mut key = Key::default();
	scrypt::scrypt(password.as_bytes(), &salt, &params, &mut key)
		.map_err(|e| anyhow!("scrypt: {e}"))?;
	let sealed = XSalsa20Poly1305::new(&key)
		.encrypt(Nonce::from_slice(&nonce), plain.as_slice())
		.map_err(|_| anyhow!("encryption failed"))?;
	let mut encoded = salt.to_vec();
	for n in [1u32 << SCRYPT_LOG_N, SCRYPT_P, SCRYPT_R] {
		encoded.extend_from_slice(&n.to_le_bytes());
	}
	encoded.extend_from_slice(&nonce);
	encoded.extend_from_slice(&sealed);
	let address = subxt::utils::AccountId32(*public).to_string();
	let now = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_millis() as u64)
		.unwrap_or(0);
	Ok(json!({
		"encoded": base64::engine::general_purpose::STANDARD.encode(encoded),
		"encoding": { "content": ["pkcs8", "sr25519"], "type": ["scrypt", "xsalsa20-poly1305"], "version": "3" },
		"address": address,
		"meta": { "name": name, "whenCreated": now },
	}))
}

/// Writes `json` to `path`, readable by its owner only; never over an existing key.
fn store(path: &Path, json: &Value) -> Result<()> {
	if path.exists() {
		bail!("{} exists already: not overwriting a key", path.display());
	}
	let dir = path.parent().ok_or_else(|| anyhow!("{}: no directory", path.display()))?;
	fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
	let mut options = fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
	let mut file = options.open(path).with_context(|| format!("creating {}", path.display()))?;
	file.write_all(serde_json::to_string_pretty(json)?.as_bytes())
		.with_context(|| format!("writing {}", path.display()))
}

/// The keypair of a wallet's coldkey or hotkey, decrypted with the password.
pub fn load(wallet: &str, hotkey: Option<&str>) -> Result<Keypair> {
	let path = key_path(wallet, hotkey)?;
	let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
	let password = password(false)?;
	subxt_signer::polkadot_js_compat::decrypt_json(&text, &password)
		.map_err(|e| anyhow!("{}: cannot decrypt it ({e}): a wrong password?", path.display()))
}

/// The address a key file holds, without its password.
fn address_in(path: &Path) -> Option<String> {
	let json: Value = serde_json::from_str(&fs::read_to_string(path).ok()?).ok()?;
	json["address"].as_str().map(str::to_string)
}

/// A wallet's coldkey address and hotkeys by name.
fn describe(wallet: &str) -> Result<Value> {
	let coldkey = address_in(&key_path(wallet, None)?);
	let mut hotkeys = serde_json::Map::new();
	if let Ok(entries) = fs::read_dir(home()?.join("wallets").join(wallet).join("hotkeys")) {
		let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
		entries.sort();
		for path in entries {
			if let (Some(name), Some(address)) =
				(path.file_stem().and_then(|s| s.to_str()), address_in(&path))
			{
				hotkeys.insert(name.to_string(), json!(address));
			}
		}
	}
	Ok(json!({ "wallet": wallet, "coldkey": coldkey, "hotkeys": hotkeys }))
}

fn describe_text(value: &Value) -> String {
	let mut text = format!(
		"wallet {}: coldkey {}",
		value["wallet"].as_str().unwrap_or_default(),
		value["coldkey"].as_str().unwrap_or("(none)")
	);
	if let Some(hotkeys) = value["hotkeys"].as_object() {
		for (name, address) in hotkeys {
			text.push_str(&format!("\n  hotkey {name}: {}", address.as_str().unwrap_or_default()));
		}
	}
	text
}

pub fn run(out: &Output, command: WalletCommand) -> Result<()> {
	match command {
		WalletCommand::New { wallet, hotkey } => {
			let path = key_path(&wallet, hotkey.as_deref())?;
			if path.exists() {
				bail!("{} exists already: not overwriting a key", path.display());
			}
			let mut entropy = [0u8; 16];
			getrandom::getrandom(&mut entropy).map_err(|e| anyhow!("no randomness: {e}"))?;
			let mnemonic = Mnemonic::from_entropy(&entropy).map_err(|e| anyhow!("{e}"))?;
			let (secret, public) = key_of(&mnemonic)?;
			let name = hotkey.clone().unwrap_or_else(|| format!("{wallet} coldkey"));
			store(&path, &encrypt(&secret, &public, &password(true)?, &name)?)?;
			let address = subxt::utils::AccountId32(public).to_string();
			let value =
				json!({ "address": address, "file": path, "mnemonic": mnemonic.to_string() });
			out.print(&value, || {
				format!(
					"{address} stored in {}\nmnemonic (the only way back to this key; write it \
					 down, keep it offline):\n{mnemonic}",
					path.display()
				)
			})
		},
		WalletCommand::Import { wallet, hotkey, mnemonic, file } => {
			let path = key_path(&wallet, hotkey.as_deref())?;
			let name = hotkey.clone().unwrap_or_else(|| format!("{wallet} coldkey"));
			let stored = match (mnemonic.or_else(|| std::env::var("MYELIN_MNEMONIC").ok()), file) {
				(Some(words), None) => {
					let mnemonic = Mnemonic::parse(words.trim())
						.map_err(|_| anyhow!("--mnemonic: not a valid BIP-39 mnemonic"))?;
					let (secret, public) = key_of(&mnemonic)?;
					encrypt(&secret, &public, &password(true)?, &name)?
				},
				(None, Some(file)) => {
					let text = fs::read_to_string(&file)
						.with_context(|| format!("--file {}: cannot read it", file.display()))?;
					let password = password(false)?;
					subxt_signer::polkadot_js_compat::decrypt_json(&text, &password).map_err(
						|e| anyhow!("--file {}: cannot decrypt it ({e})", file.display()),
					)?;
					// Kept as it is: the same file polkadot.js wrote.
					serde_json::from_str(&text)?
				},
				_ => bail!("give --mnemonic (or MYELIN_MNEMONIC) or --file, one of them"),
			};
			store(&path, &stored)?;
			let address = stored["address"].as_str().unwrap_or_default().to_string();
			out.print(&json!({ "address": address, "file": path }), || {
				format!("{address} stored in {}", path.display())
			})
		},
		WalletCommand::List => {
			let mut wallets = Vec::new();
			if let Ok(entries) = fs::read_dir(home()?.join("wallets")) {
				let mut names: Vec<String> = entries
					.flatten()
					.filter_map(|e| e.file_name().to_str().map(str::to_string))
					.collect();
				names.sort();
				for name in names {
					wallets.push(describe(&name)?);
				}
			}
			let value = Value::Array(wallets);
			out.print(&value, || {
				let list = value.as_array().map(|l| l.as_slice()).unwrap_or_default();
				if list.is_empty() {
					"no wallets (myelin wallet new)".to_string()
				} else {
					list.iter().map(describe_text).collect::<Vec<_>>().join("\n")
				}
			})
		},
		WalletCommand::Show { wallet } => {
			let value = describe(&wallet)?;
			if value["coldkey"].is_null()
				&& value["hotkeys"].as_object().is_none_or(|h| h.is_empty())
			{
				bail!("no wallet `{wallet}` (myelin wallet list)");
			}
			out.print(&value, || describe_text(&value))
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const PHRASE: &str = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

	#[test]
	fn a_mnemonic_gives_the_key_substrate_gives() {
		let mnemonic = Mnemonic::parse(PHRASE).unwrap();
		let (_, public) = key_of(&mnemonic).unwrap();
		let expected = Keypair::from_phrase(&mnemonic, None).unwrap();
		assert_eq!(public, expected.public_key().0);
	}

	#[test]
	fn a_stored_key_decrypts_as_polkadot_js_files_do() {
		let mnemonic = Mnemonic::parse(PHRASE).unwrap();
		let (secret, public) = key_of(&mnemonic).unwrap();
		let json = encrypt(&secret, &public, "correct horse", "test").unwrap();
		let text = json.to_string();
		let pair = subxt_signer::polkadot_js_compat::decrypt_json(&text, "correct horse").unwrap();
		assert_eq!(pair.public_key().0, public);
		assert_eq!(myelin_worker::keys::address(&pair), json["address"].as_str().unwrap());
		assert!(subxt_signer::polkadot_js_compat::decrypt_json(&text, "wrong").is_err());
		// Signatures of the decrypted key verify against the public key.
		let signature = pair.sign(b"myelin");
		assert!(subxt_signer::sr25519::verify(&signature, b"myelin", &pair.public_key()));
	}

	#[test]
	fn names_are_checked_before_any_path_is_made() {
		assert!(key_path("../x", None).is_err());
		assert!(key_path("w", Some("a/b")).is_err());
		assert!(key_path("w", Some("miner-1")).unwrap().ends_with("w/hotkeys/miner-1.json"));
	}
}
