//! https axons: rustls (on ring) for the miner's server and the validator's client.
//!
//! The miner serves https with `--tls-cert` and `--tls-key` (PEM files; the certificate chain
//! first). The validator trusts the system's root certificates, plus `--ca-cert` (a PEM file)
//! for a private CA, e.g. on a testnet.

use std::{path::Path, sync::Arc};

use anyhow::{anyhow, Context, Result};
use rustls_pki_types::{pem::PemObject, CertificateDer, PrivateKeyDer};
use tokio_rustls::{
	rustls::{self, ClientConfig, RootCertStore, ServerConfig},
	TlsAcceptor, TlsConnector,
};

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
	Arc::new(rustls::crypto::ring::default_provider())
}

fn certificates(path: &Path, flag: &str) -> Result<Vec<CertificateDer<'static>>> {
	let certs = CertificateDer::pem_file_iter(path)
		.and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
		.map_err(|e| anyhow!("{flag} {}: {e}", path.display()))?;
	if certs.is_empty() {
		return Err(anyhow!("{flag} {}: no PEM certificate in it", path.display()));
	}
	Ok(certs)
}

/// The miner's TLS acceptor for `cert` (PEM chain) and `key` (PEM private key).
pub fn acceptor(cert: &Path, key: &Path) -> Result<TlsAcceptor> {
	let certs = certificates(cert, "--tls-cert")?;
	let key = PrivateKeyDer::from_pem_file(key)
		.map_err(|e| anyhow!("--tls-key {}: {e}", key.display()))?;
	let mut config = ServerConfig::builder_with_provider(provider())
		.with_safe_default_protocol_versions()
		.context("TLS protocol versions")?
		.with_no_client_auth()
		.with_single_cert(certs, key)
		.context("--tls-cert and --tls-key do not make a usable pair")?;
	config.alpn_protocols = vec![b"http/1.1".to_vec()];
	Ok(TlsAcceptor::from(Arc::new(config)))
}

/// The validator's TLS connector: the system's roots and, with `ca`, a PEM file of more.
pub fn connector(ca: Option<&Path>) -> Result<TlsConnector> {
	let mut roots = RootCertStore::empty();
	let native = rustls_native_certs::load_native_certs();
	let (added, _ignored) = roots.add_parsable_certificates(native.certs);
	if let Some(ca) = ca {
		for cert in certificates(ca, "--ca-cert")? {
			roots.add(cert).map_err(|e| anyhow!("--ca-cert {}: {e}", ca.display()))?;
		}
	}
	log::debug!("TLS: {added} system root certificates");
	let mut config = ClientConfig::builder_with_provider(provider())
		.with_safe_default_protocol_versions()
		.context("TLS protocol versions")?
		.with_root_certificates(roots)
		.with_no_client_auth();
	config.alpn_protocols = vec![b"http/1.1".to_vec()];
	Ok(TlsConnector::from(Arc::new(config)))
}
