//! Making sure a hotkey has a uid on the subnet before it works there.

use anyhow::{anyhow, bail, Context, Result};
use subxt_signer::sr25519::Keypair;

use crate::{
	chain::{api, Chain, Neuron},
	keys::address,
};

/// What miners and validators are both told on the command line: where the node is, which
/// subnet, and the keys of the neuron.
pub struct NeuronConfig {
	/// The node's WebSocket URL.
	pub url: String,
	/// The subnet.
	pub netuid: u16,
	/// The neuron's key (signs `serve_axon` and weights).
	pub hotkey: Keypair,
	/// Pays the registration, if one is needed.
	pub coldkey: Option<Keypair>,
	/// The most the registration may burn, in base units.
	pub max_burn: u128,
}

/// Connects to the node (retrying with backoff), then makes sure the hotkey has a uid on the
/// subnet (see [`ensure_registered`]). Returns the connection and the hotkey's neuron.
pub async fn connect_registered(config: &NeuronConfig) -> Result<(Chain, Neuron)> {
	let chain = Chain::connect_with_backoff(&config.url).await;
	let neuron = ensure_registered(
		&chain,
		config.netuid,
		&config.hotkey,
		config.coldkey.as_ref(),
		config.max_burn,
	)
	.await?;
	Ok((chain, neuron))
}

/// The neuron of `hotkey` on `netuid`. When it has none and a `coldkey` is given, registers it
/// with `burned_register_with_limit` paid by the coldkey, unless the price is above `max_burn`
/// (checked here first, and by the chain at inclusion).
pub async fn ensure_registered(
	chain: &Chain,
	netuid: u16,
	hotkey: &Keypair,
	coldkey: Option<&Keypair>,
	max_burn: u128,
) -> Result<Neuron> {
	let me = address(hotkey);
	if let Some(neuron) = chain.metagraph(netuid).await?.find(&me) {
		log::info!("hotkey {me} is uid {} on netuid {netuid}", neuron.uid);
		return Ok(neuron.clone());
	}
	let Some(coldkey) = coldkey else {
		bail!(
			"hotkey {me} is not registered on netuid {netuid}; pass --coldkey (or --coldkey-file) to \
			 register it, the coldkey pays the registration burn"
		);
	};
	let price: u128 = chain.subnet(netuid).await?.burn.parse().context("subnets_list: bad burn")?;
	if price > max_burn {
		bail!(
			"registering on netuid {netuid} burns {} MYL, above --max-burn {} MYL; not registering",
			crate::myl(price),
			crate::myl(max_burn)
		);
	}
	log::info!(
		"registering {me} on netuid {netuid} for {} MYL, paid by {}",
		crate::myl(price),
		address(coldkey)
	);
	// Bounded on chain too: a registration included first may raise the price meanwhile.
	let call = api::tx().subnets().burned_register_with_limit(
		netuid,
		hotkey.public_key().to_account_id(),
		max_burn,
	);
	let included = chain.submit(&call, coldkey).await.context("burned_register_with_limit")?;
	let neuron = chain.metagraph(netuid).await?.find(&me).cloned().ok_or_else(|| {
		anyhow!("registered in block #{} but not in the metagraph", included.block_number)
	})?;
	log::info!("registered as uid {} in block #{}", neuron.uid, included.block_number);
	Ok(neuron)
}
