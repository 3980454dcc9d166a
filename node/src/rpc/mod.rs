//! The node's JSON-RPC methods beyond Substrate's standard ones.

pub mod market;
pub mod subnets;

use std::sync::Arc;

use jsonrpsee::RpcModule;
use myelin_runtime::{opaque::Block, AccountId, Balance, Nonce};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// All RPC methods of a full node: `system_accountNextIndex`, `payment_*`, `subnets_*` and
/// `market_*`.
///
/// The `subnets_*` methods are one [`subnets::Subnets`]: every connection of the server this
/// module is given to shares its caches and its limit on computations in flight.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ BlockBuilder<Block>
		+ myelin_doors::SubnetsApi<Block, AccountId, Balance>
		+ myelin_doors::MarketApi<Block, AccountId, Balance>,
	P: TransactionPool + 'static,
{
	use market::{Market, MarketRpcServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use subnets::{Subnets, SubnetsRpcServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool } = deps;
	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Subnets::new(client.clone()).into_rpc())?;
	module.merge(Market::new(client).into_rpc())?;
	Ok(module)
}
